// What every public-data importer needs around its parser: a file's bytes
// (gzip inflated) and the rejects file of the rows it set aside.
#pragma once

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>

#include "common/result.h"

namespace ijik::ingest {

// The whole file (at most `limit` bytes), inflated when it is gzip-compressed
// (detected by its magic bytes). `expected` names the kind of file in messages
// ("an NPS .csv or .csv.gz file").
Result<std::string> read_file_bytes(const std::string& path, const std::string& expected,
                                    size_t limit = SIZE_MAX);

// A file's bytes for a parser: a plain file mapped read-only (the page
// cache's own pages: no copy, no fresh memory to fault in), a gzip one
// inflated into memory. Views into it live as long as it does.
class FileBytes {
 public:
  FileBytes() = default;
  explicit FileBytes(std::string inflated) : inflated_(std::move(inflated)) {}
  FileBytes(FileBytes&& o) noexcept { *this = std::move(o); }
  FileBytes& operator=(FileBytes&& o) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes();

  std::string_view view() const {
    return map_ ? std::string_view(static_cast<const char*>(map_), mapped_)
                : std::string_view(inflated_);
  }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  size_t size() const { return view().size(); }
  // Gives the bytes back (unmapped or freed) once every view into them is
  // gone: a mapped file's pages count in the process's memory while mapped.
  void release();
  // Drops a mapped file's pages before `offset` from the process's memory
  // (read again from the file if touched): for a reader that is past them.
  void drop_before(size_t offset);

 private:
  friend Result<FileBytes> map_file_bytes(const std::string&, const std::string&, size_t);
  std::string inflated_;
  void* map_ = nullptr;
  size_t mapped_ = 0;
  size_t dropped_ = 0;  // bytes at the start already given back
};

// As read_file_bytes, but a plain file is mapped rather than copied (a
// gzip one, or one that cannot be mapped, is read as before).
Result<FileBytes> map_file_bytes(const std::string& path, const std::string& expected,
                                 size_t limit = SIZE_MAX);

// Rejected rows: a UTF-8 CSV (with BOM) of file, line, reason and the raw row,
// created on the first rejected row.
class RejectsWriter {
 public:
  // `name`: the rejects file's name inside `dir`.
  RejectsWriter(std::string dir, std::string source, std::string name)
      : dir_(std::move(dir)), source_(std::move(source)), name_(std::move(name)) {}
  // `raw`: the row's bytes, CP949 when `cp949`, else UTF-8.
  Status add(size_t line, const std::string& reason, std::string_view raw, bool cp949);
  // Adds a row already decoded to UTF-8.
  Status add_text(size_t line, const std::string& reason, const std::string& text);
  // "" until a row was rejected.
  const std::string& path() const { return path_; }

 private:
  std::string dir_, source_, name_, path_;
  std::ofstream out_;
};

}  // namespace ijik::ingest
