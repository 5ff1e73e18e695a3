#include "cli/editor.h"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/files.h"

namespace ijik::cli {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

}  // namespace

Result<std::string> edit_in_editor(const std::string& editor, const std::string& initial) {
  std::string dir = env("TMPDIR");
  if (dir.empty()) dir = std::filesystem::temp_directory_path().string();
  std::string path = dir + "/ijik-journal-XXXXXX.md";
  int fd = mkstemps(path.data(), 3);
  if (fd < 0)
    return bad_file(fmt::format("cannot create a temporary file in '{}' for the editor", dir));
  close(fd);
  struct Cleanup {
    std::string p;
    ~Cleanup() { std::remove(p.c_str()); }
  } cleanup{path};
  IJIK_RETURN_IF_ERROR(write_file(path, initial));
  std::fflush(stdout);
  int rc = std::system((editor + " " + shell_quote(path)).c_str());
  if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0)
    return invalid_input(fmt::format(
        "the editor '{}' did not finish cleanly (exit {}): nothing saved; check $VISUAL/$EDITOR",
        editor, rc == -1 || !WIFEXITED(rc) ? -1 : WEXITSTATUS(rc)));
  return read_file(path);
}

Result<std::string> read_entry_text(const std::string& file, const std::string& initial) {
  if (!file.empty() && file != "-") return read_file(file);
  if (file == "-" || !isatty(STDIN_FILENO)) {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::string editor = env("VISUAL");
  if (editor.empty()) editor = env("EDITOR");
  if (editor.empty())
    return Error{ErrorCode::kUsage,
                 "no editor: set $EDITOR (or $VISUAL), or give the text with -f FILE or on "
                 "standard input"};
  return edit_in_editor(editor, initial);
}

}  // namespace ijik::cli
