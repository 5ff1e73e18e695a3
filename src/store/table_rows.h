// Whole tables as JSON rows, for the lossless archive of records whose shape
// is their table (the career tables): each row an object of column → value.
// Column names read from a file are checked against the table's own schema
// before any SQL is built; values are always bound parameters.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "common/result.h"
#include "store/database.h"

namespace ijik::store {

// Every row of `table` (a name from the schema, never user input), in rowid order.
Result<nlohmann::ordered_json> table_rows_json(Database& db, std::string_view table);

// True when `table` has no rows.
Result<bool> table_is_empty(Database& db, std::string_view table);

// Inserts `rows` (an array of objects) into `table`, keeping every column given.
// A column the table does not have, or a value that is not null, a number or a
// string, is a BadFile error naming `where`.
Status insert_table_rows(Database& db, std::string_view table, const nlohmann::ordered_json& rows,
                         std::string_view where);

}  // namespace ijik::store
