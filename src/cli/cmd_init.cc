// ijik init: create (or upgrade) the workspace file.
#include <fmt/format.h>

#include "cli/commands.h"
#include "exchange/json_view.h"
#include "store/migrations.h"

namespace ijik::cli {

void register_init_command(Registry& r) {
  auto* sub =
      r.app().add_subcommand("init", "Create the workspace (or bring an older one up to date)");
  examples(sub, {"ijik init", "ijik --db ./career.db init"});
  r.on(sub, Access::kRead, [](Context& ctx) -> Status {
    IJIK_ASSIGN_OR_RETURN(int version, store::schema_version(ctx.db));
    if (ctx.options.json) {
      ctx.out << exchange::dump({{"path", ctx.db_path}, {"schema_version", version}});
    } else {
      ctx.out << fmt::format("Workspace ready: {} (schema version {})\n", ctx.db_path, version);
    }
    return {};
  });
}

}  // namespace ijik::cli
