// Helpers for keeping record ids across export and import.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/result.h"
#include "store/database.h"

namespace ijik::store {

// True when `table` has a row with this id. `table` must be a literal table
// name from the schema (never user input).
Result<bool> id_taken(Database& db, std::string_view table, int64_t id);

// `id` when it is non-zero and free in `table`, else 0 (let SQLite choose).
Result<int64_t> keep_id_if_free(Database& db, std::string_view table, int64_t id);

}  // namespace ijik::store
