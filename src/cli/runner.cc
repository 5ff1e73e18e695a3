#include "cli/runner.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "ingest/nps_import.h"
#include "store/blob_io.h"
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

bool file_identity(const std::string& path, unsigned long long& device, unsigned long long& inode) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  device = st.st_dev;
  inode = st.st_ino;
  return true;
}

// The kept connection, (re)opened when it is not open on this very file.
Result<store::Database*> kept_workspace(KeptConnection& kept, const std::string& path) {
  unsigned long long device = 0, inode = 0;
  const bool exists = file_identity(path, device, inode);
  if (kept.db.handle() && kept.path == path && exists && kept.device == device &&
      kept.inode == inode)
    return &kept.db;
  kept.db = store::Database();
  IJIK_ASSIGN_OR_RETURN(kept.db, store::open_workspace(path));
  // Memory-mapped reads: many requests look up scattered rows, and through
  // the map they read the OS page cache directly instead of a read() a page.
  (void)store::map_at_least(kept.db, 1073741824);
  kept.db.keep_statements();  // the same few statements run request after request
  kept.path = path;
  file_identity(path, kept.device, kept.inode);
  return &kept.db;
}

// Every command group, in the order they are added (a group that extends
// another comes after it).
constexpr void (*kRegistrations[])(Registry&) = {
    register_init_command,
    register_company_group,
    register_company_commands,
    register_company_search_command,
    register_company_finance_commands,
    register_apply_command,
    register_app_commands,
    register_app_edit_command,
    register_stage_command,
    register_process_commands,
    register_contact_commands,
    register_board_command,
    register_funnel_command,
    register_agenda_command,
    register_export_command,
    register_import_command,
    register_data_commands,
    register_data_dart_command,
    register_screen_command,
    register_backup_commands,
    register_career_commands,
    register_offer_commands,
    register_decide_commands,
    register_journal_commands,
    register_serve_command,
    register_vet_command,
    register_watch_commands,
    register_journal_import_command,
};

// The first two arguments that are not options (nor --db's value): the
// command and, for a group, the subcommand (or an option's value: then no
// registration set is known for the pair and the whole group is used).
std::pair<std::string, std::string> command_path(int argc, char** argv) {
  std::pair<std::string, std::string> path;
  bool have_command = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--db") {
      ++i;
      continue;
    }
    if (a == "--") break;
    if (a.empty() || a[0] == '-') continue;
    if (have_command) {
      path.second = std::string(a);
      break;
    }
    path.first = std::string(a);
    have_command = true;
  }
  return path;
}

// How many commands and options `app` holds, all levels down.
size_t weight(const CLI::App* app) {
  size_t n = 1 + app->get_options().size();
  for (const auto* sub : app->get_subcommands({})) n += weight(sub);
  return n;
}

// The registrations that add or extend each command (a top-level command,
// and each of its subcommands with the command itself), learned once by
// registering everything into a scratch app: which registrations change the
// command's own options or the subcommand's tree.
const std::vector<size_t>* registrations_for(const std::pair<std::string, std::string>& path) {
  using Path = std::pair<std::string, std::string>;
  static const std::map<Path, std::vector<size_t>> by_path = [] {
    std::map<Path, std::vector<size_t>> m;
    CLI::App scratch;
    GlobalOptions opts;
    Registry reg(scratch, opts);
    std::map<Path, size_t> before;  // ("x", "") holds x's own options; ("x", "y") y's tree
    std::map<std::string, std::vector<size_t>> own;  // changed x's own options (or made it)
    std::map<Path, std::vector<size_t>> subs;        // changed subcommand y of x
    for (size_t i = 0; i < std::size(kRegistrations); ++i) {
      kRegistrations[i](reg);
      for (const auto* top : scratch.get_subcommands({})) {
        const std::string& name = top->get_name();
        std::set<std::string> changed;  // "" for the command's own options
        auto note = [&](const Path& key, size_t w) {
          auto [it, added] = before.emplace(key, w);
          if (added || it->second != w) changed.insert(key.second);
          it->second = w;
        };
        note({name, ""}, 1 + top->get_options().size());
        for (const auto* sub : top->get_subcommands({})) note({name, sub->get_name()}, weight(sub));
        if (changed.empty()) continue;
        m[{name, ""}].push_back(i);  // the whole group: every change to it
        for (const auto& sub : changed) (sub.empty() ? own[name] : subs[{name, sub}]).push_back(i);
      }
    }
    // A subcommand: the changes to its command's own options and to it.
    for (auto& [key, list] : subs) {
      const auto& o = own[key.first];
      list.insert(list.end(), o.begin(), o.end());
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      m[key] = list;
    }
    return m;
  }();
  auto it = by_path.find(path);
  if (it == by_path.end()) it = by_path.find({path.first, ""});
  return it == by_path.end() ? nullptr : &it->second;
}

const CLI::App* child(const CLI::App* app, const std::string& name) {
  for (const auto* sub : app->get_subcommands({}))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

// A command's options and subcommands, all levels down, as text.
std::string signature(const CLI::App* app, bool with_subcommands) {
  std::string sig = app->get_name() + "(";
  for (const auto* o : app->get_options()) sig += o->get_name() + ",";
  if (with_subcommands)
    for (const auto* sub : app->get_subcommands({})) sig += signature(sub, true);
  return sig + ")";
}

}  // namespace

std::vector<std::string> partial_registration_mismatches() {
  CLI::App full;
  GlobalOptions opts;
  Registry reg(full, opts);
  for (auto reg_fn : kRegistrations) reg_fn(reg);
  std::vector<std::string> bad;
  for (const auto* top : full.get_subcommands({})) {
    std::vector<std::string> subs = {""};
    for (const auto* sub : top->get_subcommands({})) subs.push_back(sub->get_name());
    for (const auto& sub : subs) {
      std::string shown = top->get_name();
      if (!sub.empty()) shown.append(" ").append(sub);
      const std::vector<size_t>* only = registrations_for({top->get_name(), sub});
      if (!only) {
        bad.push_back(shown + ": no registrations");
        continue;
      }
      CLI::App part;
      GlobalOptions part_opts;
      Registry part_reg(part, part_opts);
      try {
        for (size_t i : *only) kRegistrations[i](part_reg);
      } catch (const std::exception& e) {
        bad.push_back(shown + ": " + e.what());
        continue;
      }
      const CLI::App* part_top = child(&part, top->get_name());
      if (!part_top) {
        bad.push_back(shown + ": missing");
        continue;
      }
      std::string want = signature(top, sub.empty()), got = signature(part_top, sub.empty());
      if (!sub.empty()) {
        const CLI::App* part_sub = child(part_top, sub);
        want += signature(child(top, sub), true);
        got += part_sub ? signature(part_sub, true) : "missing";
      }
      if (want != got) bad.push_back(fmt::format("{}: {} instead of {}", shown, got, want));
    }
  }
  return bad;
}

int run(int argc, char** argv, std::ostream& out, std::ostream& err, KeptConnection* kept) {
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
  // A long-lived process (the server, `kept`) registers only the chosen
  // command (for a group, the chosen subcommand and the group's own
  // options): building all of CLI11's commands costs more than many a
  // request. Help, an unknown or a missing command get all of them.
  const std::vector<size_t>* only = kept ? registrations_for(command_path(argc, argv)) : nullptr;
  // Nor does it ask for --help: without the flag here, no subcommand
  // carries its own copy (a third of building one).
  if (kept) app.set_help_flag();
  if (only) {
    for (size_t i : *only) kRegistrations[i](reg);
  } else {
    for (auto reg_fn : kRegistrations) reg_fn(reg);
  }

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
  std::optional<store::Database> own;
  store::Database* db = nullptr;
  if (kept && reg.chosen_access != Access::kNone) {
    auto k = kept_workspace(*kept, path);
    if (!k.ok()) return fail(err, k.error());
    db = *k;
  } else {
    auto opened = store::open_workspace(path);
    if (!opened.ok()) return fail(err, opened.error());
    db = &own.emplace(std::move(*opened));
  }
  // (A long-lived process writes to no terminal.)
  const bool color = !kept && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  Context ctx{opts, *db, path, out, err, color};

  try {
    // An import killed between a month's commit and its metrics pass left
    // them stale: bring them up to date before anything reads them.
    auto repair = [&]() -> Status {
      IJIK_ASSIGN_OR_RETURN(bool repaired, ingest::repair_interrupted_metrics(*db));
      if (repaired)
        err << "ijik: note: rebuilt the workforce metrics an interrupted import left unfinished\n";
      return {};
    };
    if (reg.chosen_access == Access::kNone) {
      if (Status r = repair(); !r.ok()) return fail(err, r.error());
      Status s = reg.chosen(ctx);
      return s.ok() ? 0 : fail(err, s.error());
    }
    std::optional<store::Transaction> tx;
    auto begin = [&]() -> Status {
      IJIK_ASSIGN_OR_RETURN(auto t,
                            store::Transaction::begin(*db, reg.chosen_access == Access::kWrite));
      tx.emplace(std::move(t));
      return {};
    };
    if (Status b = begin(); !b.ok()) return fail(err, b.error());
    // The look is made inside the command's own transaction (one
    // transaction a request for the server); a repair needs its own.
    auto unfinished = ingest::metrics_left_unfinished(*db);
    if (!unfinished.ok()) return fail(err, unfinished.error());
    if (*unfinished) {
      tx.reset();  // rolled back: nothing was done in it
      if (Status r = repair(); !r.ok()) return fail(err, r.error());
      if (Status b = begin(); !b.ok()) return fail(err, b.error());
    }
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
