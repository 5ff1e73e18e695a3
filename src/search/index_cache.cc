#include "search/index_cache.h"

#include <algorithm>
#include <memory>

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

// The current snapshot's half for names or 초성, read in place; nullopt when
// the snapshot is missing, stale or damaged.
Result<std::optional<LazyIndex>> open_current(store::Database& db, store::SearchRepo& repo,
                                              bool chosung) {
  IJIK_ASSIGN_OR_RETURN(auto want, current_stamp(db));
  IJIK_ASSIGN_OR_RETURN(auto have, repo.snapshot_stamp());
  if (!have || *have != want) return std::optional<LazyIndex>();
  return LazyIndex::open(repo, chosung);
}

// From the snapshot in place; nullopt when it is missing, stale or damaged.
Result<std::optional<std::vector<WorkplaceHit>>> find_in_snapshot(store::Database& db,
                                                                  const Query& q, size_t limit) {
  using Found = std::optional<std::vector<WorkplaceHit>>;
  store::SearchRepo repo(db);
  IJIK_ASSIGN_OR_RETURN(auto lazy, open_current(db, repo, q.chosung));
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

// The ids of every workplace named `name_key`, from the snapshot in place;
// nullopt as above.
Result<std::optional<std::vector<int64_t>>> named_in_snapshot(store::Database& db,
                                                              std::string_view name_key) {
  using Found = std::optional<std::vector<int64_t>>;
  store::SearchRepo repo(db);
  IJIK_ASSIGN_OR_RETURN(auto lazy, open_current(db, repo, false));
  if (!lazy) return Found();
  auto positions = lazy->exact(name_key);
  if (!positions) return Found();
  std::vector<int64_t> out;
  out.reserve(positions->size());
  for (uint32_t pos : *positions) {
    auto id = lazy->id(pos);
    if (!id) return Found();
    out.push_back(*id);
  }
  return Found(std::move(out));
}

// The whole index with its accelerator, kept until the public data changes
// (with the stamped caches on).
Result<std::shared_ptr<const ReadyIndex>> ready_index(store::Database& db) {
  static StampedCache<ReadyIndex> cache;
  // Read inside the caller's transaction: the index matches what it sees.
  IJIK_ASSIGN_OR_RETURN(auto stamp, current_stamp(db));
  const char* file = sqlite3_db_filename(db.handle(), "main");
  return cache.get(file ? file : "", stamp, [&]() -> Result<std::shared_ptr<const ReadyIndex>> {
    auto made = std::make_shared<ReadyIndex>();
    IJIK_ASSIGN_OR_RETURN(made->index, load_index(db, NameIndex::kAll));
    made->accelerator = Accelerator::build(made->index);
    return std::shared_ptr<const ReadyIndex>(std::move(made));
  });
}

std::vector<int64_t> ids_by_value(const NameIndex& index, const std::vector<uint32_t>& positions) {
  std::vector<int64_t> out;
  out.reserve(positions.size());
  for (uint32_t pos : positions) out.push_back(index.id(pos));
  std::sort(out.begin(), out.end());
  return out;
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
  IJIK_ASSIGN_OR_RETURN(auto ready, ready_index(db));
  return with_ids(ready->index, ready->index.search(q, limit, ready->accelerator.get()));
}

Result<std::vector<int64_t>> find_workplaces_named(store::Database& db, std::string_view name_key) {
  if (name_key.empty()) return std::vector<int64_t>();
  if (!stamped_caches_enabled()) {
    IJIK_ASSIGN_OR_RETURN(auto found, named_in_snapshot(db, name_key));
    if (found) {
      std::sort(found->begin(), found->end());
      return std::move(*found);
    }
    IJIK_ASSIGN_OR_RETURN(auto index, load_index(db, NameIndex::kNames));
    return ids_by_value(index, index.exact(name_key));
  }
  IJIK_ASSIGN_OR_RETURN(auto ready, ready_index(db));
  return ids_by_value(ready->index, ready->index.exact(name_key));
}

}  // namespace ijik::search
