#include "search/snapshot.h"

#include <bit>

#include "store/search_repo.h"

namespace ijik::search {
namespace {

// Bump when the snapshot layout or the matching keys change.
constexpr std::string_view kFormat = "ijik-search-1";

}  // namespace

Result<std::string> current_stamp(store::Database& db) {
  store::SearchRepo repo(db);
  IJIK_ASSIGN_OR_RETURN(auto data, repo.data_stamp());
  std::string s(kFormat);
  s += std::endian::native == std::endian::little ? ";le;" : ";be;";
  s += data;
  return s;
}

Result<NameIndex> build_from_tables(store::Database& db) {
  store::SearchRepo repo(db);
  std::vector<Entry> entries;
  IJIK_RETURN_IF_ERROR(
      repo.for_each_workplace([&](int64_t id, std::string_view key, std::optional<int64_t> hc) {
        entries.push_back({id, std::string(key), hc.value_or(-1)});
      }));
  return NameIndex::build(std::move(entries));
}

Result<NameIndex> load_index(store::Database& db, unsigned parts, LoadInfo* info) {
  LoadInfo local;
  LoadInfo& li = info ? *info : local;
  store::SearchRepo repo(db);
  IJIK_ASSIGN_OR_RETURN(auto want, current_stamp(db));
  IJIK_ASSIGN_OR_RETURN(auto have, repo.snapshot_stamp());
  if (have && *have == want) {
    Status read_error;
    auto ix = NameIndex::from_source(
        parts, [&](const std::string& name, const std::function<char*(size_t)>& alloc) {
          size_t size = 0;
          auto got = repo.read_part(name, [&](size_t n) {
            size = n;
            return alloc(n);
          });
          if (!got.ok()) read_error = got.status();
          li.bytes += size;
          return got.ok() && *got;
        });
    IJIK_RETURN_IF_ERROR(read_error);
    if (ix) return std::move(*ix);
  }
  // Missing, stale or damaged: rebuild from the tables.
  li.rebuilt = true;
  IJIK_ASSIGN_OR_RETURN(auto ix, build_from_tables(db));
  if (ix.size() > 0 || have) {  // a workspace without public data stores nothing
    auto blobs = ix.serialize();
    li.bytes = 0;
    for (const auto& [k, v] : blobs) li.bytes += v.size();
    li.saved = repo.write_snapshot(want, blobs).ok();
  }
  return ix;
}

}  // namespace ijik::search
