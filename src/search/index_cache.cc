#include "search/index_cache.h"

#include "common/stamped_cache.h"
#include "search/lazy_index.h"
#include "search/snapshot.h"
#include "store/search_repo.h"

namespace ijik::search {
namespace {

struct ReadyIndex {
  NameIndex index;
  std::unique_ptr<Accelerator> accelerator;
};

std::vector<WorkplaceHit> with_ids(const NameIndex& index, const std::vector<Hit>& hits) {
  std::vector<WorkplaceHit> out;
  out.reserve(hits.size());
  for (const Hit& h : hits) out.push_back({index.id(h.pos), h.tier});
  return out;
}

// From the snapshot in place; nullopt when it is missing, stale or damaged.
Result<std::optional<std::vector<WorkplaceHit>>> find_in_snapshot(store::Database& db,
                                                                  const Query& q, size_t limit) {
  using Found = std::optional<std::vector<WorkplaceHit>>;
  store::SearchRepo repo(db);
  IJIK_ASSIGN_OR_RETURN(auto want, current_stamp(db));
  IJIK_ASSIGN_OR_RETURN(auto have, repo.snapshot_stamp());
  if (!have || *have != want) return Found();
  IJIK_ASSIGN_OR_RETURN(auto lazy, LazyIndex::open(repo, q.chosung));
  if (!lazy) return Found();
  auto hits = lazy->search(q, limit);
  if (!hits) return Found();
  std::vector<WorkplaceHit> out;
  for (const Hit& h : *hits) {
    auto id = lazy->id(h.pos);
    if (!id) return Found();
    out.push_back({*id, h.tier});
  }
  return Found(std::move(out));
}

}  // namespace

Result<std::vector<WorkplaceHit>> find_workplaces(store::Database& db, const Query& q,
                                                  size_t limit) {
  if (q.empty() || limit == 0) return std::vector<WorkplaceHit>();
  if (!stamped_caches_enabled()) {
    IJIK_ASSIGN_OR_RETURN(auto found, find_in_snapshot(db, q, limit));
    if (found) return std::move(*found);
    // Rebuilt (and saved) from the tables.
    IJIK_ASSIGN_OR_RETURN(auto index,
                          load_index(db, q.chosung ? NameIndex::kChosung : NameIndex::kNames));
    return with_ids(index, index.search(q, limit));
  }
  static StampedCache<ReadyIndex> cache;
  // Read inside the caller's transaction: the index matches what it sees.
  IJIK_ASSIGN_OR_RETURN(auto stamp, current_stamp(db));
  const char* file = sqlite3_db_filename(db.handle(), "main");
  IJIK_ASSIGN_OR_RETURN(
      auto ready,
      cache.get(file ? file : "", stamp, [&]() -> Result<std::shared_ptr<const ReadyIndex>> {
        auto made = std::make_shared<ReadyIndex>();
        IJIK_ASSIGN_OR_RETURN(made->index, load_index(db, NameIndex::kAll));
        made->accelerator = Accelerator::build(made->index);
        return std::shared_ptr<const ReadyIndex>(std::move(made));
      }));
  return with_ids(ready->index, ready->index.search(q, limit, ready->accelerator.get()));
}

}  // namespace ijik::search
