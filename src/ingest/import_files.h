// What every public-data importer needs around its parser: a file's bytes
// (gzip inflated) and the rejects file of the rows it set aside.
#pragma once

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include "common/result.h"

namespace ijik::ingest {

// The whole file (at most `limit` bytes), inflated when it is gzip-compressed
// (detected by its magic bytes). `expected` names the kind of file in messages
// ("an NPS .csv or .csv.gz file").
Result<std::string> read_file_bytes(const std::string& path, const std::string& expected,
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
