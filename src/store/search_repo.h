// The persisted search snapshot (search_snapshot) and the reads company
// search needs from the public workplaces and the user's links to them.
// All their SQL lives here.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/blob_io.h"
#include "store/database.h"

namespace ijik::store {

// What a search hit shows about a workplace.
struct WorkplaceSummary {
  int64_t id = 0;
  std::string name, name_key, region, industry;
  std::optional<int64_t> headcount, change_12m;
};

// The size of the search snapshot's chunks (schema version 12).
inline constexpr size_t kSnapshotChunk = 16384;

class SearchRepo {
 public:
  explicit SearchRepo(Database& db) : db_(db) {}

  // A cheap fingerprint of the public workplace data: it changes with every
  // import (months, their rows and import times, the highest workplace id).
  // Read again only when the workspace changed (Database::memo).
  Result<std::string> data_stamp();

  // Every workplace's id, normalized name and latest headcount (nullopt
  // without metrics), in id order.
  Status for_each_workplace(const std::function<void(int64_t id, std::string_view name_key,
                                                     std::optional<int64_t> headcount)>& fn);

  // The stamp the stored snapshot was built for; nullopt when there is none.
  Result<std::optional<std::string>> snapshot_stamp();
  // Reads one part into the buffer `dest(size)` returns (nullptr: refuse);
  // false when the part is missing, damaged or refused.
  Result<bool> read_part(const std::string& part, const std::function<char*(size_t)>& dest);
  // One part opened for reading in pieces; nullopt when it is missing.
  Result<std::optional<ChunkedBlob>> open_part(const std::string& part);
  // Replaces the snapshot, atomically (a savepoint: on failure nothing changes).
  Status write_snapshot(const std::string& stamp, const std::map<std::string, std::string>& parts);

  Result<std::optional<WorkplaceSummary>> workplace(int64_t id);
  // company id → workplace id, from `ijik company link`.
  Result<std::map<int64_t, int64_t>> company_links();

 private:
  Result<std::string> read_data_stamp();

  Database& db_;
  Statement workplace_st_;
  bool mmap_set_ = false;
};

}  // namespace ijik::store
