#include "store/blob_io.h"

#include <fmt/format.h>

namespace ijik::store {

Status read_blob_into(Database& db, const char* table, int64_t rowid, char* dest, size_t size,
                      std::string_view what) {
  if (size == 0) return {};
  sqlite3_blob* blob = nullptr;
  int rc = sqlite3_blob_open(db.handle(), "main", table, "data", rowid, 0, &blob);
  if (rc == SQLITE_OK) rc = sqlite3_blob_read(blob, dest, static_cast<int>(size), 0);
  sqlite3_blob_close(blob);
  if (rc != SQLITE_OK) return db.error(fmt::format("reading the {}", what));
  return {};
}

Status map_at_least(Database& db, int64_t bytes) {
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare("PRAGMA mmap_size"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (row && st.int64(0) >= bytes) return {};
  return db.exec(fmt::format("PRAGMA mmap_size = {}", bytes));
}

}  // namespace ijik::store
