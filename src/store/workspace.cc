#include "store/workspace.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "store/migrations.h"

namespace ijik::store {

std::string resolve_workspace_path(const std::string& override_path) {
  if (!override_path.empty()) return override_path;
  if (const char* home = std::getenv("IJIK_HOME"); home && *home)
    return std::string(home) + "/ijik.db";
  std::string data;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    data = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    data = std::string(home) + "/.local/share";
  else
    data = ".";
  return data + "/ijik/ijik.db";
}

Result<Database> open_workspace(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(path);
  if (fs::is_directory(p, ec))
    return Error{ErrorCode::kWorkspace,
                 fmt::format("cannot open workspace '{}': it is a directory; expected a file path "
                             "such as {}/ijik.db",
                             path, path)};
  if (p.has_parent_path() && !fs::exists(p.parent_path(), ec)) {
    fs::create_directories(p.parent_path(), ec);
    if (ec)
      return Error{ErrorCode::kWorkspace, fmt::format("cannot create the workspace folder '{}': {}",
                                                      p.parent_path().string(), ec.message())};
  }
  IJIK_ASSIGN_OR_RETURN(auto db, Database::open(path, true));
  if (auto s = migrate(db); !s.ok())
    return Error{s.error().code,
                 fmt::format("cannot open workspace '{}': {}", path, s.error().message)};
  return db;
}

}  // namespace ijik::store
