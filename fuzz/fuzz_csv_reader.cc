// libFuzzer target: the CSV record reader. Checks that every call makes
// progress, that records and errors point inside the buffer or the reader's own
// storage, and that lines only go forward. The first byte picks the options.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/csv_reader.h"

using namespace ijik::ingest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  CsvOptions opt;
  opt.separator = (data[0] & 1) ? '\t' : ',';
  opt.allow_bare_quotes = (data[0] & 2) != 0;
  std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  CsvReader reader(in, opt);
  CsvRecord rec;
  CsvError err;
  size_t last_offset = 0, last_line = 0;
  auto inside = [&](std::string_view v) {
    return v.empty() || (v.data() >= in.data() && v.data() + v.size() <= in.data() + in.size());
  };
  for (size_t calls = 0;; ++calls) {
    if (calls > in.size() + 2) std::abort();  // no progress
    CsvRead r = reader.next(rec, err);
    if (r == CsvRead::kEnd) break;
    if (reader.offset() <= last_offset && calls > 0) std::abort();
    if (reader.offset() > in.size()) std::abort();
    last_offset = reader.offset();
    if (r == CsvRead::kRecord) {
      if (rec.fields.empty() || !inside(rec.raw) || rec.line <= last_line) std::abort();
      last_line = rec.line;
      size_t total = 0;
      for (auto f : rec.fields) total += f.size();
      if (total > in.size()) std::abort();
    } else {
      if (!inside(err.raw) || err.offset > in.size() || err.line <= last_line) std::abort();
      last_line = err.line;
      (void)describe(err);
    }
  }
  return 0;
}
