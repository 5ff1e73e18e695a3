// ijik backup FILE · ijik restore FILE · ijik check
#include <fmt/format.h>

#include "cli/commands.h"
#include "exchange/json_view.h"
#include "store/backup.h"

namespace ijik::cli {

void register_backup_commands(Registry& r) {
  auto backup_path = std::make_shared<std::string>();
  auto* backup = r.app().add_subcommand(
      "backup", "Write a consistent copy of the workspace (safe while others write)");
  backup->add_option("file", *backup_path, "New file for the copy")->required();
  examples(backup, {"ijik backup ~/ijik-$(date +%F).db"});
  r.on(backup, Access::kNone, [backup_path](Context& ctx) -> Status {
    IJIK_RETURN_IF_ERROR(store::backup_workspace(ctx.db, *backup_path));
    ctx.out << fmt::format("Backed up {} to {}\n", ctx.db_path, *backup_path);
    return {};
  });

  auto restore_path = std::make_shared<std::string>();
  auto* restore = r.app().add_subcommand(
      "restore",
      "Replace the workspace with a backup (checked first; the replaced one is kept beside it)");
  restore->add_option("file", *restore_path, "A backup made by 'ijik backup'")->required();
  examples(restore, {"ijik restore ~/ijik-2026-03-01.db"});
  r.on(restore, Access::kUnopened, [restore_path](Context& ctx) -> Status {
    IJIK_ASSIGN_OR_RETURN(auto kept, store::restore_workspace(*restore_path, ctx.db_path));
    ctx.out << fmt::format("Restored {} from {}\n", ctx.db_path, *restore_path);
    if (!kept.empty()) ctx.out << fmt::format("The replaced workspace was kept as {}\n", kept);
    return {};
  });

  auto* check = r.app().add_subcommand("check", "Check the workspace's integrity and references");
  examples(check, {"ijik check", "ijik check --json"});
  r.on(check, Access::kRead, [](Context& ctx) -> Status {
    IJIK_ASSIGN_OR_RETURN(auto report, store::check_workspace(ctx.db));
    if (ctx.options.json) {
      ctx.out << exchange::dump({{"ok", report.ok},
                                 {"problems", report.problems},
                                 {"schema_version", report.schema_version},
                                 {"companies", report.companies},
                                 {"applications", report.applications},
                                 {"workplaces", report.workplaces},
                                 {"months", report.months}});
    } else {
      ctx.out << fmt::format(
          "{}: schema version {}; {} companies, {} applications; {} public workplaces over {} "
          "months\n",
          ctx.db_path, report.schema_version, report.companies, report.applications,
          report.workplaces, report.months);
      for (const auto& p : report.problems) ctx.out << "  " << p << "\n";
      ctx.out << (report.ok ? "ok: integrity and references check out\n" : "");
    }
    if (!report.ok)
      return Error{
          ErrorCode::kWorkspace,
          fmt::format("the workspace has {} problem(s); restore a backup with 'ijik restore FILE'",
                      report.problems.size())};
    return {};
  });
}

}  // namespace ijik::cli
