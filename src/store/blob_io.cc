#include "store/blob_io.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

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

Result<ChunkedBlob> ChunkedBlob::open(Database& db, const char* table, int64_t first, size_t chunks,
                                      size_t chunk_size, std::string_view what) {
  ChunkedBlob c;
  if (chunks == 0 || chunk_size == 0)
    return Error{ErrorCode::kWorkspace, fmt::format("the {} has no chunks", what)};
  c.first_ = first;
  c.chunks_ = chunks;
  c.chunk_size_ = chunk_size;
  c.at_ = chunks - 1;  // the last chunk gives the size
  const int rc = sqlite3_blob_open(db.handle(), "main", table, "data",
                                   first + static_cast<int64_t>(c.at_), 0, &c.blob_);
  if (rc != SQLITE_OK) return db.error(fmt::format("reading the {}", what));
  const auto last = static_cast<size_t>(sqlite3_blob_bytes(c.blob_));
  if (last > chunk_size)
    return Error{ErrorCode::kWorkspace, fmt::format("the {} has a chunk too large", what)};
  c.size_ = (chunks - 1) * chunk_size + last;
  return c;
}

ChunkedBlob& ChunkedBlob::operator=(ChunkedBlob&& o) noexcept {
  std::swap(blob_, o.blob_);
  first_ = o.first_;
  chunks_ = o.chunks_;
  chunk_size_ = o.chunk_size_;
  size_ = o.size_;
  at_ = o.at_;
  return *this;
}

ChunkedBlob::~ChunkedBlob() {
  sqlite3_blob_close(blob_);
}

bool ChunkedBlob::read(void* dest, size_t n, size_t offset) {
  if (offset > size_ || n > size_ - offset) return false;
  auto* out = static_cast<char*>(dest);
  while (n > 0) {
    const size_t chunk = offset / chunk_size_, within = offset % chunk_size_;
    if (chunk != at_) {
      if (sqlite3_blob_reopen(blob_, first_ + static_cast<int64_t>(chunk)) != SQLITE_OK)
        return false;
      at_ = chunk;
    }
    const size_t expect = chunk + 1 < chunks_ ? chunk_size_ : size_ - chunk * chunk_size_;
    if (static_cast<size_t>(sqlite3_blob_bytes(blob_)) != expect) return false;
    const size_t take = std::min(n, expect - within);
    if (sqlite3_blob_read(blob_, out, static_cast<int>(take), static_cast<int>(within)) !=
        SQLITE_OK)
      return false;
    out += take;
    offset += take;
    n -= take;
  }
  return true;
}

Status map_at_least(Database& db, int64_t bytes) {
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare("PRAGMA mmap_size"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (row && st.int64(0) >= bytes) return {};
  return db.exec(fmt::format("PRAGMA mmap_size = {}", bytes));
}

}  // namespace ijik::store
