// Public workplaces by name. In a CLI process: the half of the persisted
// index its query needs, read in place for this one query (LazyIndex).
// With the stamped caches on (`ijik serve`): the whole index with its n-gram
// accelerator, kept in memory and shared by every request until an import
// changes the public data. Either way a missing or stale snapshot is rebuilt.
#pragma once

#include <cstdint>
#include <string_view>
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

// The ids, ascending, of every workplace whose normalized name
// (`text::normalize_company_name`, the column `name_key`) is exactly
// `name_key`: the whole exact tier of that name, never cut to a limit. None
// for an empty key.
Result<std::vector<int64_t>> find_workplaces_named(store::Database& db, std::string_view name_key);

}  // namespace ijik::search
