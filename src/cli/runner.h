// Runs one ijik command: parses the command line (CLI11), opens the
// workspace, runs the chosen command inside one transaction, and turns an
// Error into one line on stderr and its exit code. Nothing else exits.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"

namespace ijik::cli {

// Flags every command takes.
struct GlobalOptions {
  std::string db;     // --db PATH
  bool json = false;  // --json
};

// What a command gets: the options, the open workspace, and where to write.
struct Context {
  const GlobalOptions& options;
  store::Database& db;
  std::string db_path;
  std::ostream& out;
  std::ostream& err;
  bool color = false;  // stdout is a TTY and NO_COLOR is unset
};

using Action = std::function<Status(Context&)>;

// How a command touches the workspace: in one read or write transaction, on
// its own (kNone: it manages transactions itself), or not opened at all
// (kUnopened: restore, which must work when the workspace cannot be opened).
enum class Access { kRead, kWrite, kNone, kUnopened };

// Commands register themselves here (one register_* function per command group).
class Registry {
 public:
  explicit Registry(CLI::App& app, GlobalOptions& opts) : app_(app), opts_(opts) {}
  CLI::App& app() { return app_; }
  GlobalOptions& options() { return opts_; }
  // Makes `sub` run `action` with the given workspace access when chosen.
  void on(CLI::App* sub, Access access, Action action);

  Access chosen_access = Access::kNone;
  Action chosen;

 private:
  CLI::App& app_;
  GlobalOptions& opts_;
};

// A workspace connection kept open from one run() to the next (the server
// keeps one per place in its command gate): the schema is parsed once and SQLite's page
// cache stays warm. Reopened when the workspace file is replaced (restore).
struct KeptConnection {
  std::string path;
  store::Database db;
  unsigned long long device = 0, inode = 0;
};

// Entry point used by main(); returns the process exit code. With `kept`,
// commands that run inside the runner's one transaction use (and leave open)
// that connection; the others (imports, backup, restore) open their own.
int run(int argc, char** argv, std::ostream& out, std::ostream& err,
        KeptConnection* kept = nullptr);

// For tests: the commands (and subcommands) whose partial registration — a
// long-lived process registers only the chosen one — differs from the full
// one, each with what differs. Empty when all agree.
std::vector<std::string> partial_registration_mismatches();

// Adds the standard "Examples:" footer to a command's --help.
void examples(CLI::App* sub, std::initializer_list<const char*> lines);

}  // namespace ijik::cli
