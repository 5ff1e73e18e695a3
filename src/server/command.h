// How the server runs the work behind an endpoint: as an ijik command (the
// same code, validation, transaction and error messages as the CLI), given
// as its argument list. The server layer does not know the CLI; serve()
// receives a CommandRunner from the `serve` command.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace ijik::server {

// A command line without the program name, e.g. {"stage", "--result=passed", "--", "3", "서류"}.
using Args = std::vector<std::string>;

struct CommandOutcome {
  int exit_code = 0;    // 0, or an ErrorCode value (docs/cli.md, exit codes)
  std::string out;      // stdout: the command's JSON when it has one
  std::string message;  // the error's one line (without the "ijik: error: " prefix)
};

// Runs one command on the served workspace with --json.
using CommandRunner = std::function<CommandOutcome(const Args&)>;

}  // namespace ijik::server
