#include "cli/commands.h"
namespace ijik::cli {
void register_export_command(Registry&) {}
void register_import_command(Registry&) {}
}
