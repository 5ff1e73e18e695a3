// libFuzzer target: `ijik import json` and `ijik import csv` on arbitrary
// bytes, each inside a transaction on one in-memory workspace that is rolled
// back after every input (as the CLI does on failure). The first byte picks the
// importer. An import either fails with a message or succeeds; never a crash.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "exchange/csv_table.h"
#include "exchange/json_archive.h"
#include "store/workspace.h"

using namespace ijik;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static store::Database db = [] {
    auto d = store::open_workspace(":memory:");
    if (!d.ok()) std::abort();
    return std::move(*d);
  }();
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  auto tx = store::Transaction::begin(db, true);
  if (!tx.ok()) std::abort();
  if (data[0] & 1) {
    auto r = exchange::import_csv(db, bytes, "fuzz.csv");
    if (!r.ok() && r.error().message.empty()) std::abort();
  } else {
    auto r = exchange::import_json_archive(db, bytes);
    if (!r.ok() && r.error().message.empty()) std::abort();
  }
  return 0;  // the transaction rolls back here
}
