// Reading large BLOB cells of the derived snapshots: whole, straight into
// memory the caller owns (one copy, no intermediate buffer), or piece by
// piece where a reader needs only parts of it.
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

// A byte string stored in consecutive rows `first`, `first + 1`, … of a
// table's `data` column, `chunk_size` bytes each but the last. A read at
// any offset touches only the chunks it spans, reaching each by its row id
// (sqlite3_blob_reopen: a B-tree seek, no statement); a read inside one
// large cell walks the cell's overflow-page chain from its start. Valid
// inside the transaction that opened it.
class ChunkedBlob {
 public:
  // `what` names the data in the error message.
  static Result<ChunkedBlob> open(Database& db, const char* table, int64_t first, size_t chunks,
                                  size_t chunk_size, std::string_view what);
  ChunkedBlob(ChunkedBlob&& o) noexcept { *this = std::move(o); }
  ChunkedBlob& operator=(ChunkedBlob&& o) noexcept;
  ChunkedBlob(const ChunkedBlob&) = delete;
  ChunkedBlob& operator=(const ChunkedBlob&) = delete;
  ~ChunkedBlob();

  size_t size() const { return size_; }
  // `n` bytes from `offset` into `dest`; false when out of range or a chunk
  // is unreadable or not of its size.
  bool read(void* dest, size_t n, size_t offset);

 private:
  ChunkedBlob() = default;
  sqlite3_blob* blob_ = nullptr;
  int64_t first_ = 0;
  size_t chunks_ = 0, chunk_size_ = 0, size_ = 0;
  size_t at_ = 0;  // the chunk the handle is on
};

// Raises the connection's memory-map limit to at least `bytes` (never
// lowers it): snapshot reads then copy from mapped pages instead of one
// read() per page.
Status map_at_least(Database& db, int64_t bytes);

}  // namespace ijik::store
