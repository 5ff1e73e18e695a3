// One half of the name index read in place from the persisted snapshot, for
// a process that answers one query (a CLI search): it reads only what the
// query touches — the pages its binary searches probe, the names it scans
// until it has enough hits, the ids of the hits — instead of copying the
// whole ~25 MB index out of SQLite. Same hits as NameIndex::search without
// an accelerator. Valid inside the transaction that opened it.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "search/name_index.h"
#include "store/blob_io.h"
#include "store/search_repo.h"

namespace ijik::search {

class LazyIndex {
 public:
  // How many bytes of keys a substring scan reads at a time.
  static constexpr size_t kScanWindow = size_t{256} * 1024;

  // The half a query of that kind needs; nullopt when a part is missing or
  // its size does not fit the others.
  static Result<std::optional<LazyIndex>> open(store::SearchRepo& repo, bool chosung,
                                               size_t scan_window = kScanWindow);

  // Nullopt when the snapshot turned out unreadable or damaged (a value out
  // of range): the caller rebuilds it.
  std::optional<std::vector<Hit>> search(const Query& q, size_t limit);
  // Every position whose name key equals `name_key`, in position order (an
  // index opened for names, not 초성). Nullopt as for search.
  std::optional<std::vector<uint32_t>> exact(std::string_view name_key);
  std::optional<int64_t> id(uint32_t pos);

  // The part of a BLOB cell a query touched, a page at a time.
  template <class T>
  class PagedArray {
   public:
    explicit PagedArray(store::ChunkedBlob blob) : blob_(std::move(blob)) {}
    size_t size() const { return blob_.size() / sizeof(T); }
    std::optional<T> at(size_t i);

   private:
    static constexpr size_t kPage = 4096 / sizeof(T);
    store::ChunkedBlob blob_;
    std::unordered_map<size_t, std::vector<T>> pages_;
  };

 private:
  LazyIndex(PagedArray<int64_t> ids, store::ChunkedBlob text, PagedArray<uint32_t> off,
            PagedArray<uint32_t> sorted, size_t scan_window)
      : ids_(std::move(ids)),
        text_(std::move(text)),
        off_(std::move(off)),
        sorted_(std::move(sorted)),
        scan_window_(scan_window) {}

  // What exact_and_prefix_hits reads (search/tiers.h); a bad value sets
  // failed_ and reads as 0 or "".
  uint32_t sorted(size_t i);
  std::string_view key(uint32_t pos);
  // The index as search/tiers.h reads it.
  struct TierView {
    LazyIndex& ix;
    size_t size() const { return ix.ids_.size(); }
    uint32_t sorted(size_t i) const { return ix.sorted(i); }
    std::string_view key(uint32_t pos) const { return ix.key(pos); }
  };
  uint32_t off(size_t i);
  // Substring hits in position order, reading the keys a window at a time.
  void scan_substrings(std::string_view q, size_t need, std::vector<Hit>& out);

  PagedArray<int64_t> ids_;
  store::ChunkedBlob text_;  // keys, each followed by a separator byte
  PagedArray<uint32_t> off_, sorted_;
  size_t scan_window_;
  std::string key_;  // the last key read
  bool failed_ = false;
};

}  // namespace ijik::search
