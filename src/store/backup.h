// Copies of the workspace: a consistent backup while others write (SQLite's
// online backup API), a checked restore, and an integrity check.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"

namespace ijik::store {

// Writes a consistent copy of `db` to `path` (which must not exist) while
// other connections may keep writing.
Status backup_workspace(Database& db, const std::string& path);

struct CheckReport {
  bool ok = true;
  std::vector<std::string> problems;  // integrity_check and foreign_key_check findings
  int schema_version = 0;
  int64_t applications = 0, companies = 0, workplaces = 0, months = 0;
};

// PRAGMA integrity_check and foreign_key_check, plus what the workspace holds.
Result<CheckReport> check_workspace(Database& db);

// Replaces the workspace at `workspace_path` with the file at `source`, after
// checking that the source is an ijik workspace of this or an older schema
// version and passes the integrity check. The replaced workspace is kept as
// `<workspace>.replaced-YYYYMMDD-HHMMSS`; returns that path ("" when there was none).
Result<std::string> restore_workspace(const std::string& source, const std::string& workspace_path);

}  // namespace ijik::store
