#include "cli/runner.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "ingest/nps_import.h"
#include "store/workspace.h"

namespace ijik::cli {

void Registry::on(CLI::App* sub, Access access, Action action) {
  sub->callback([this, access, action = std::move(action)] {
    chosen_access = access;
    chosen = action;
  });
}

void examples(CLI::App* sub, std::initializer_list<const char*> lines) {
  std::string text = "\nExamples:\n";
  for (const char* l : lines) text += std::string("  ") + l + "\n";
  sub->footer(text);
}

namespace {

int exit_code(const Error& e) {
  return static_cast<int>(e.code);
}

int fail(std::ostream& err, const Error& e) {
  err << "ijik: error: " << e.message << "\n";
  return exit_code(e);
}

}  // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "ijik (이직) — a career-move companion: track the job hunt, vet employers, decide, remember.",
      "ijik"};
  app.require_subcommand(1);
  app.fallthrough();  // global flags may come after the command
  GlobalOptions opts;
  app.add_option("--db", opts.db,
                 "Workspace file (default: $IJIK_HOME/ijik.db or ~/.local/share/ijik/ijik.db)");
  app.add_flag("--json", opts.json, "Print machine-readable JSON (read commands)");
  app.set_version_flag("--version", "ijik 0.1.0");
  examples(&app, {"ijik init",
                  "ijik apply 네이버 --role '백엔드 엔지니어' --source referral --process 경력",
                  "ijik stage 1 '1차 면접' --on '2026-03-10 14:00'", "ijik board"});

  Registry reg(app, opts);
  register_init_command(reg);
  register_company_commands(reg);
  register_company_search_command(reg);
  register_company_finance_commands(reg);
  register_apply_command(reg);
  register_app_commands(reg);
  register_app_edit_command(reg);
  register_stage_command(reg);
  register_process_commands(reg);
  register_contact_commands(reg);
  register_board_command(reg);
  register_funnel_command(reg);
  register_agenda_command(reg);
  register_export_command(reg);
  register_import_command(reg);
  register_data_commands(reg);
  register_data_dart_command(reg);
  register_screen_command(reg);
  register_backup_commands(reg);
  register_career_commands(reg);
  register_offer_commands(reg);
  register_decide_commands(reg);
  register_journal_commands(reg);
  register_serve_command(reg);
  register_vet_command(reg);
  register_watch_commands(reg);
  register_journal_import_command(reg);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    std::string msg = e.what();
    // CLI11 reports an unknown command as a missing one; name it instead.
    if (argc > 1 && argv[1][0] != '-') {
      bool known = false;
      std::string names;
      for (const auto* sub : app.get_subcommands({})) {
        known = known || sub->get_name() == argv[1];
        names += (names.empty() ? "" : ", ") + sub->get_name();
      }
      if (!known) {
        err << fmt::format(
            "ijik: error: unknown command '{}': expected one of {} (see 'ijik --help')\n", argv[1],
            names);
        return static_cast<int>(ErrorCode::kUsage);
      }
    }
    err << "ijik: error: " << msg << " (see 'ijik --help' or 'ijik COMMAND --help')\n";
    return static_cast<int>(ErrorCode::kUsage);
  }
  if (!reg.chosen) {
    err << "ijik: error: a command is required (see 'ijik --help')\n";
    return static_cast<int>(ErrorCode::kUsage);
  }

  const std::string path = store::resolve_workspace_path(opts.db);
  if (reg.chosen_access == Access::kUnopened) {
    store::Database none;
    Context ctx{opts, none, path, out, err, false};
    Status s = reg.chosen(ctx);
    return s.ok() ? 0 : fail(err, s.error());
  }
  auto db = store::open_workspace(path);
  if (!db.ok()) return fail(err, db.error());
  Context ctx{opts, *db, path,
              out,  err, isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr};

  try {
    // An import killed between a month's commit and its metrics pass left
    // them stale: bring them up to date before anything reads them.
    auto repaired = ingest::repair_interrupted_metrics(*db);
    if (!repaired.ok()) return fail(err, repaired.error());
    if (*repaired)
      err << "ijik: note: rebuilt the workforce metrics an interrupted import left unfinished\n";
    if (reg.chosen_access == Access::kNone) {
      Status s = reg.chosen(ctx);
      return s.ok() ? 0 : fail(err, s.error());
    }
    auto tx = store::Transaction::begin(*db, reg.chosen_access == Access::kWrite);
    if (!tx.ok()) return fail(err, tx.error());
    // Output and notes are held until the transaction commits, so nothing
    // claims a success that was rolled back.
    std::ostringstream buffered, notes;
    Context inner{opts, *db, path, buffered, notes, ctx.color};
    Status s = reg.chosen(inner);
    if (!s.ok()) return fail(err, s.error());
    if (Status c = tx->commit(); !c.ok()) return fail(err, c.error());
    err << notes.str();
    err.flush();
    out << buffered.str();
    out.flush();
    return 0;
  } catch (const std::exception& e) {
    return fail(err, internal_error(fmt::format("unexpected failure: {}", e.what())));
  }
}

}  // namespace ijik::cli
