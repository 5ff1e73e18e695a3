#include "store/backup.h"

#include <fmt/format.h>

#include <ctime>
#include <filesystem>

#include "store/migrations.h"

namespace ijik::store {
namespace {

namespace fs = std::filesystem;

Result<int64_t> count(Database& db, const char* table) {
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare(fmt::format("SELECT count(*) FROM {}", table)));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  return row ? st.int64(0) : 0;
}

// Copies `from` into `to` page by page with the online backup API.
Status copy_database(sqlite3* from, sqlite3* to) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b)
    return Error{ErrorCode::kWorkspace,
                 fmt::format("cannot start the copy: {}", sqlite3_errmsg(to))};
  int rc;
  // Small steps with a pause when busy let writers in other processes go on.
  while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED)
    if (rc != SQLITE_OK) sqlite3_sleep(20);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE)
    return Error{ErrorCode::kWorkspace, fmt::format("the copy failed: {}", sqlite3_errstr(rc))};
  return {};
}

std::string stamp_now() {
  std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &local);
  return buf;
}

}  // namespace

Status backup_workspace(Database& db, const std::string& path) {
  std::error_code ec;
  if (fs::exists(path, ec))
    return conflict(
        fmt::format("'{}' already exists: expected a new file name for the backup", path));
  const std::string tmp = path + ".ijik-tmp";
  fs::remove(tmp, ec);
  {
    auto out = Database::open(tmp, true);
    if (!out.ok())
      return Error{ErrorCode::kBadFile,
                   fmt::format("cannot write the backup '{}': {}", path, out.error().message)};
    IJIK_RETURN_IF_ERROR(copy_database(db.handle(), out->handle()));
    // A backup is one self-contained file: fold the WAL in and leave rollback-journal mode.
    IJIK_RETURN_IF_ERROR(out->exec("PRAGMA journal_mode=DELETE"));
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return bad_file(fmt::format("cannot write the backup '{}'", path));
  }
  return {};
}

Result<CheckReport> check_workspace(Database& db) {
  CheckReport r;
  {
    IJIK_ASSIGN_OR_RETURN(auto st, db.prepare("PRAGMA integrity_check"));
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      std::string line = st.text(0);
      if (line != "ok") r.problems.push_back("integrity: " + line);
    }
  }
  {
    IJIK_ASSIGN_OR_RETURN(auto st, db.prepare("PRAGMA foreign_key_check"));
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      r.problems.push_back(fmt::format("foreign key: {} row {} points to a missing {} row",
                                       st.text(0), st.int64(1), st.text(2)));
    }
  }
  r.ok = r.problems.empty();
  IJIK_ASSIGN_OR_RETURN(r.schema_version, schema_version(db));
  IJIK_ASSIGN_OR_RETURN(r.applications, count(db, "applications"));
  IJIK_ASSIGN_OR_RETURN(r.companies, count(db, "companies"));
  IJIK_ASSIGN_OR_RETURN(r.workplaces, count(db, "nps_workplaces"));
  IJIK_ASSIGN_OR_RETURN(r.months, count(db, "nps_months"));
  return r;
}

Result<std::string> restore_workspace(const std::string& source,
                                      const std::string& workspace_path) {
  std::error_code ec;
  if (!fs::is_regular_file(source, ec))
    return bad_file(
        fmt::format("cannot read '{}': expected a backup file made by 'ijik backup'", source));
  {
    // Read-only checks of the source: nothing is replaced unless they pass.
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(source.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    Database src;
    if (rc != SQLITE_OK) {
      sqlite3_close_v2(raw);
      return bad_file(fmt::format("'{}' is not an ijik workspace (cannot open it)", source));
    }
    src = Database::adopt(raw);
    auto version = schema_version(src);
    if (!version.ok())
      return bad_file(
          fmt::format("'{}' is not an ijik workspace (not an SQLite database)", source));
    if (*version > latest_schema_version())
      return bad_file(
          fmt::format("'{}' was made by a newer ijik (schema version {}; this ijik reads up to {})",
                      source, *version, latest_schema_version()));
    if (*version < 1) return bad_file(fmt::format("'{}' is not an ijik workspace", source));
    // Integrity first: damage must not pass for "not ours", nor the other way round.
    auto integrity = src.prepare("PRAGMA integrity_check(1)");
    if (!integrity.ok() || !integrity->step().ok() || integrity->text(0) != "ok")
      return bad_file(
          fmt::format("'{}' is damaged (the integrity check fails); try an older backup", source));
    auto meta = src.prepare("SELECT value FROM meta WHERE key = 'app'");
    bool is_ijik = meta.ok() && meta->step().ok() && !meta->is_null(0) && meta->text(0) == "ijik";
    if (!is_ijik) return bad_file(fmt::format("'{}' is not an ijik workspace", source));
    auto report = check_workspace(src);
    if (!report.ok())
      return bad_file(fmt::format("'{}' cannot be checked: {}", source, report.error().message));
    if (!report->ok)
      return bad_file(fmt::format("'{}' is damaged: {}", source, report->problems.front()));
  }
  std::string kept;
  if (fs::exists(workspace_path, ec)) {
    kept = workspace_path + ".replaced-" + stamp_now();
    for (int n = 2; fs::exists(kept, ec); ++n)
      kept = workspace_path + ".replaced-" + stamp_now() + "-" + std::to_string(n);
    auto live = Database::open(workspace_path, false);
    if (live.ok()) {
      // Fold the live workspace's WAL into the copy we keep.
      IJIK_RETURN_IF_ERROR(backup_workspace(*live, kept));
    } else {
      // It does not even open (damaged, or not a database): move it aside as
      // it is, with its WAL or rollback journal (left beside a new file, a
      // journal would be played into it), and restore into a fresh file.
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        if (!fs::exists(workspace_path + suffix, ec)) continue;
        fs::rename(workspace_path + suffix, kept + suffix, ec);
        if (ec)
          return Error{ErrorCode::kWorkspace,
                       fmt::format("cannot move the damaged workspace aside: {}", ec.message())};
      }
    }
  }
  // Copy the source in through SQLite so readers of the workspace see either
  // the old or the new data, never a half-written file.
  auto dest = Database::open(workspace_path, true);
  if (!dest.ok()) return dest.error();
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(source.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(raw);
    return bad_file(fmt::format("cannot read '{}'", source));
  }
  Database src = Database::adopt(raw);
  IJIK_RETURN_IF_ERROR(copy_database(src.handle(), dest->handle()));
  return kept;
}

}  // namespace ijik::store
