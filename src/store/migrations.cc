#include "store/migrations.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "domain/tracker.h"

namespace ijik::store {
namespace {

// Rows every new workspace starts with: the built-in hiring-process templates.
Status seed_builtin_templates(Database& db) {
  IJIK_ASSIGN_OR_RETURN(auto ins,
                        db.prepare("INSERT OR IGNORE INTO processes(name, builtin) VALUES (?, 1)"));
  IJIK_ASSIGN_OR_RETURN(
      auto stage,
      db.prepare("INSERT INTO process_stages(process_id, position, name) VALUES (?, ?, ?)"));
  for (const auto& t : domain::builtin_templates()) {
    ins.reset();
    IJIK_RETURN_IF_ERROR(ins.bind(1, t.name).run());
    if (db.changes() == 0) continue;
    int64_t id = db.last_insert_id();
    for (size_t i = 0; i < t.stages.size(); ++i) {
      stage.reset();
      IJIK_RETURN_IF_ERROR(
          stage.bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, t.stages[i]).run());
    }
  }
  return {};
}

}  // namespace

int latest_schema_version() {
  return embedded_migrations().back().version;
}

Result<int> schema_version(Database& db) {
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare("PRAGMA user_version"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  return row ? static_cast<int>(st.int64(0)) : 0;
}

Status migrate(Database& db) {
  IJIK_ASSIGN_OR_RETURN(int current, schema_version(db));
  const int latest = latest_schema_version();
  if (current > latest)
    return Error{ErrorCode::kWorkspace,
                 fmt::format("the workspace has schema version {}, made by a newer ijik; this ijik "
                             "reads up to version {}",
                             current, latest)};
  if (current == 0) {
    // A file with tables but no version is not ours: refuse rather than mix schemas.
    IJIK_ASSIGN_OR_RETURN(auto st, db.prepare("SELECT count(*) FROM sqlite_master"));
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (row && st.int64(0) > 0)
      return Error{ErrorCode::kWorkspace,
                   "the file is an SQLite database but not an ijik workspace"};
  }
  for (const auto& m : embedded_migrations()) {
    if (m.version <= current) continue;
    IJIK_ASSIGN_OR_RETURN(auto tx, Transaction::begin(db, true));
    IJIK_RETURN_IF_ERROR(db.exec(m.sql));
    if (m.version == 1) {
      IJIK_ASSIGN_OR_RETURN(
          auto meta,
          db.prepare("INSERT INTO meta(key, value) VALUES ('app', 'ijik'), ('created_at', ?)"));
      IJIK_RETURN_IF_ERROR(meta.bind(1, now_utc_iso()).run());
    }
    IJIK_RETURN_IF_ERROR(db.exec(fmt::format("PRAGMA user_version = {}", m.version)));
    IJIK_RETURN_IF_ERROR(tx.commit());
  }
  // Built-in templates may grow between versions; adding missing ones is idempotent.
  if (current < latest) {
    IJIK_ASSIGN_OR_RETURN(auto tx, Transaction::begin(db, true));
    IJIK_RETURN_IF_ERROR(seed_builtin_templates(db));
    IJIK_RETURN_IF_ERROR(tx.commit());
  }
  return {};
}

}  // namespace ijik::store
