// Measures the ingest primitives on one file: whole-buffer CP949 decode, CSV
// record parsing, and CSV parsing with per-field decoding (the importer's path).
//
//   ijik-bench-ingest FILE
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "ingest/cp949.h"
#include "ingest/csv_reader.h"

using namespace ijik::ingest;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ijik-bench-ingest FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string data = ss.str();
  const double mb = data.size() / 1e6;
  Encoding enc = detect_encoding(std::string_view(data).substr(0, 64 * 1024));
  std::printf("%s: %.1f MB, %s\n", argv[1], mb, std::string(encoding_name(enc)).c_str());

  // Best of three runs for each measurement.
  double best = 1e9;
  std::string out;
  for (int i = 0; i < 3; ++i) {
    out.clear();
    auto t = std::chrono::steady_clock::now();
    ConvertError e;
    size_t n = decode_cp949(data, out, &e);
    best = std::min(best, seconds_since(t));
    if (n != data.size()) std::printf("decode stopped: %s\n", describe(e).c_str());
  }
  std::printf("decode_cp949 whole buffer: %.3f s, %.0f MB/s in, %.1f MB out\n", best, mb / best,
              out.size() / 1e6);

  size_t records = 0, fields = 0, bad = 0;
  best = 1e9;
  for (int i = 0; i < 3; ++i) {
    records = fields = bad = 0;
    auto t = std::chrono::steady_clock::now();
    CsvReader reader(data);
    CsvRecord rec;
    CsvError err;
    for (CsvRead r; (r = reader.next(rec, err)) != CsvRead::kEnd;) {
      if (r == CsvRead::kMalformed) {
        ++bad;
        continue;
      }
      ++records;
      fields += rec.fields.size();
    }
    best = std::min(best, seconds_since(t));
  }
  std::printf("CsvReader: %.3f s, %.0f MB/s, %zu records, %zu fields, %zu malformed\n", best,
              mb / best, records, fields, bad);

  best = 1e9;
  size_t bad_rows = 0, out_bytes = 0;
  for (int i = 0; i < 3; ++i) {
    bad_rows = out_bytes = 0;
    auto t = std::chrono::steady_clock::now();
    CsvReader reader(data);
    CsvRecord rec;
    CsvError err;
    std::string row;
    for (CsvRead r; (r = reader.next(rec, err)) != CsvRead::kEnd;) {
      if (r == CsvRead::kMalformed) continue;
      row.clear();
      bool ok = true;
      for (std::string_view f : rec.fields) {
        if (decode_cp949(f, row, nullptr) != f.size()) {
          ok = false;
          break;
        }
        row.push_back('\0');
      }
      bad_rows += !ok;
      out_bytes += row.size();
    }
    best = std::min(best, seconds_since(t));
  }
  std::printf("CsvReader + per-field decode: %.3f s, %.0f MB/s, %zu rows rejected\n", best,
              mb / best, bad_rows);
  return 0;
}
