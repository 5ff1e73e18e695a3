// Public workplaces by name. In a CLI process: the half of the persisted
// index its query needs, read in place for this one query (LazyIndex).
// With the stamped caches on (`ijik serve`): the whole index with its n-gram
// accelerator, kept in memory and shared by every request until an import
// changes the public data. Either way a missing or stale snapshot is rebuilt.
#pragma once

#include <cstdint>
#include <vector>

#include "common/result.h"
#include "search/name_index.h"
#include "store/database.h"

namespace ijik::search {

struct WorkplaceHit {
  int64_t id = 0;
  Tier tier = Tier::kSubstring;
};

// The best `limit` workplaces for `q`: exact, then prefix, then substring
// matches, each by headcount.
Result<std::vector<WorkplaceHit>> find_workplaces(store::Database& db, const Query& q,
                                                  size_t limit);

}  // namespace ijik::search
