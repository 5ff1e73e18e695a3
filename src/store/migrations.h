// Versioned schema migrations. The schema version lives in the file
// (PRAGMA user_version); opening an older workspace upgrades it in place,
// one migration per transaction, keeping all data.
#pragma once

#include <string_view>
#include <vector>

#include "common/result.h"
#include "store/database.h"

namespace ijik::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// The migrations compiled into this binary, in version order (generated from
// src/store/migrations/NNN_name.sql).
const std::vector<Migration>& embedded_migrations();

// The schema version this binary writes.
int latest_schema_version();

// Brings `db` to the latest version. Refuses a workspace from a newer ijik.
Status migrate(Database& db);

// The version recorded in the file (0 for an empty file).
Result<int> schema_version(Database& db);

}  // namespace ijik::store
