// The workspace's name index, from its persisted snapshot when that is
// current, else rebuilt from the public workplace tables and saved again
// (best effort: a read-only or busy workspace still gets its answer).
#pragma once

#include <string>

#include "common/result.h"
#include "search/name_index.h"
#include "store/database.h"

namespace ijik::search {

struct LoadInfo {
  bool rebuilt = false;  // the snapshot was missing or stale
  bool saved = false;    // …and the rebuilt one was persisted
  size_t bytes = 0;      // snapshot bytes read or written
};

// The stamp a snapshot must carry to be current: the snapshot format and
// byte order, and the data stamp of the public tables.
Result<std::string> current_stamp(store::Database& db);

// Builds the complete index from the tables (no snapshot involved).
Result<NameIndex> build_from_tables(store::Database& db);

// The index with at least the halves `parts` (NameIndex::Parts).
Result<NameIndex> load_index(store::Database& db, unsigned parts, LoadInfo* info = nullptr);

}  // namespace ijik::search
