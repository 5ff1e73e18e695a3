#include "search/index_cache.h"

#include "common/stamped_cache.h"
#include "search/snapshot.h"

namespace ijik::search {

Result<std::shared_ptr<const ReadyIndex>> index_for(store::Database& db, const Query& q) {
  if (!stamped_caches_enabled()) {
    auto ready = std::make_shared<ReadyIndex>();
    IJIK_ASSIGN_OR_RETURN(ready->index,
                          load_index(db, q.chosung ? NameIndex::kChosung : NameIndex::kNames));
    return std::shared_ptr<const ReadyIndex>(std::move(ready));
  }
  static StampedCache<ReadyIndex> cache;
  // Read inside the caller's transaction: the index matches what it sees.
  IJIK_ASSIGN_OR_RETURN(auto stamp, current_stamp(db));
  const char* file = sqlite3_db_filename(db.handle(), "main");
  return cache.get(file ? file : "", stamp, [&]() -> Result<std::shared_ptr<const ReadyIndex>> {
    auto ready = std::make_shared<ReadyIndex>();
    IJIK_ASSIGN_OR_RETURN(ready->index, load_index(db, NameIndex::kAll));
    ready->accelerator = Accelerator::build(ready->index);
    return std::shared_ptr<const ReadyIndex>(std::move(ready));
  });
}

}  // namespace ijik::search
