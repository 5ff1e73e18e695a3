// One register function per command group; each lives in its own cmd_*.cc.
#pragma once

#include "cli/runner.h"

namespace ijik::cli {

void register_init_command(Registry& r);
void register_company_commands(Registry& r);
void register_apply_command(Registry& r);
void register_app_commands(Registry& r);
void register_stage_command(Registry& r);
void register_process_commands(Registry& r);
void register_contact_commands(Registry& r);
void register_board_command(Registry& r);
void register_funnel_command(Registry& r);
void register_agenda_command(Registry& r);
void register_export_command(Registry& r);
void register_import_command(Registry& r);
void register_data_commands(Registry& r);
// Adds `company search` to the `company` group (register_company_commands first).
void register_company_search_command(Registry& r);
void register_screen_command(Registry& r);
void register_backup_commands(Registry& r);
// job, phase, timeline, probation (cmd_career.cc).
void register_career_commands(Registry& r);
// offer add | list | compare (cmd_offer.cc).
void register_offer_commands(Registry& r);
// decide … (cmd_decide.cc).
void register_decide_commands(Registry& r);
// journal … (cmd_journal.cc).
void register_journal_commands(Registry& r);
// Adds `journal import` to the `journal` group (register_journal_commands first).
void register_journal_import_command(Registry& r);

}  // namespace ijik::cli
