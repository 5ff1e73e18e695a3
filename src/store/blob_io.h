// Reading a large BLOB cell straight into memory the caller owns (one copy,
// no intermediate buffer), for the derived snapshots.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/result.h"
#include "store/database.h"

namespace ijik::store {

// Reads `size` bytes of column `data` of row `rowid` of `table` into `dest`
// (incremental blob I/O). `what` names the snapshot in the error message.
Status read_blob_into(Database& db, const char* table, int64_t rowid, char* dest, size_t size,
                      std::string_view what);

// Raises the connection's memory-map limit to at least `bytes` (never
// lowers it): snapshot reads then copy from mapped pages instead of one
// read() per page.
Status map_at_least(Database& db, int64_t bytes);

}  // namespace ijik::store
