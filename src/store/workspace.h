// Finding and opening the user's workspace file.
#pragma once

#include <string>

#include "common/result.h"
#include "store/database.h"

namespace ijik::store {

// The workspace path: `override_path` when given (--db), else
// $IJIK_HOME/ijik.db, else ${XDG_DATA_HOME:-$HOME/.local/share}/ijik/ijik.db.
std::string resolve_workspace_path(const std::string& override_path);

// Opens the workspace at `path`, creating it (and its folder) when missing,
// and brings its schema up to date.
Result<Database> open_workspace(const std::string& path);

}  // namespace ijik::store
