// The name index a search uses. In a CLI process: the half its query needs,
// read from the snapshot for this one query. With the stamped caches on
// (`ijik serve`): the whole index with its n-gram accelerator, kept in memory
// and shared by every request until an import changes the public data.
#pragma once

#include <memory>

#include "common/result.h"
#include "search/name_index.h"
#include "store/database.h"

namespace ijik::search {

struct ReadyIndex {
  NameIndex index;
  std::unique_ptr<Accelerator> accelerator;  // null outside the cache

  std::vector<Hit> search(const Query& q, size_t limit) const {
    return index.search(q, limit, accelerator.get());
  }
};

// The index for a query of `q`'s kind over `db`'s workspace.
Result<std::shared_ptr<const ReadyIndex>> index_for(store::Database& db, const Query& q);

}  // namespace ijik::search
