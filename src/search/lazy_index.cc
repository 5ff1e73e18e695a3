#include "search/lazy_index.h"

#include <algorithm>
#include <cstring>

#include "search/tiers.h"

namespace ijik::search {

template <class T>
std::optional<T> LazyIndex::PagedArray<T>::at(size_t i) {
  if (i >= size()) return std::nullopt;
  const size_t page = i / kPage;
  auto it = pages_.find(page);
  if (it == pages_.end()) {
    const size_t first = page * kPage;
    std::vector<T> values(std::min(kPage, size() - first));
    if (!blob_.read(values.data(), values.size() * sizeof(T), first * sizeof(T)))
      return std::nullopt;
    it = pages_.emplace(page, std::move(values)).first;
  }
  return it->second[i - page * kPage];
}

Result<std::optional<LazyIndex>> LazyIndex::open(store::SearchRepo& repo, bool chosung,
                                                 size_t scan_window) {
  const std::string half = chosung ? "chosung" : "names";
  IJIK_ASSIGN_OR_RETURN(auto ids, repo.open_part("ids"));
  IJIK_ASSIGN_OR_RETURN(auto text, repo.open_part(half));
  IJIK_ASSIGN_OR_RETURN(auto off, repo.open_part(half + ".off"));
  IJIK_ASSIGN_OR_RETURN(auto sorted, repo.open_part(half + ".sorted"));
  if (!ids || !text || !off || !sorted) return std::optional<LazyIndex>();
  const size_t n = ids->size() / sizeof(int64_t);
  if (ids->size() % sizeof(int64_t) || off->size() != (n + 1) * sizeof(uint32_t) ||
      sorted->size() != n * sizeof(uint32_t))
    return std::optional<LazyIndex>();
  return std::optional<LazyIndex>(LazyIndex(
      PagedArray<int64_t>(std::move(*ids)), std::move(*text), PagedArray<uint32_t>(std::move(*off)),
      PagedArray<uint32_t>(std::move(*sorted)), std::max<size_t>(scan_window, 1)));
}

uint32_t LazyIndex::off(size_t i) {
  auto v = off_.at(i);
  if (!v || *v > text_.size()) {
    failed_ = true;
    return 0;
  }
  return *v;
}

uint32_t LazyIndex::sorted(size_t i) {
  auto v = sorted_.at(i);
  if (!v || *v >= ids_.size()) {
    failed_ = true;
    return 0;
  }
  return *v;
}

std::string_view LazyIndex::key(uint32_t pos) {
  const uint32_t a = off(pos), b = off(pos + 1);
  if (failed_ || b <= a) {
    failed_ = true;
    return {};
  }
  key_.resize(b - a - 1);  // without its separator
  if (!text_.read(key_.data(), key_.size(), a)) {
    failed_ = true;
    return {};
  }
  return key_;
}

void LazyIndex::scan_substrings(std::string_view q, size_t need, std::vector<Hit>& out) {
  // The keys a window at a time; a window starts where the scan is, so a
  // match that did not fit in the last one is found in the next.
  const size_t total = text_.size(), n = ids_.size();
  const size_t window = std::max(scan_window_, 2 * q.size());
  std::string buf;
  size_t ws = 0, wlen = 0;  // the window [ws, ws + wlen) in buf
  size_t p = 0;             // where the scan goes on
  while (need > 0 && p < total && !failed_) {
    if (p < ws || p + q.size() > ws + wlen) {
      if (total - p < q.size()) break;
      ws = p;
      wlen = std::min(window, total - p);
      buf.resize(wlen);
      if (!text_.read(buf.data(), wlen, ws)) {
        failed_ = true;
        break;
      }
    }
    const char* from = buf.data() + (p - ws);
    auto* m = static_cast<const char*>(memmem(from, ws + wlen - p, q.data(), q.size()));
    if (!m) {
      if (ws + wlen == total) break;
      p = ws + wlen - (q.size() - 1);
      continue;
    }
    const size_t at = ws + static_cast<size_t>(m - buf.data());
    // The key holding the match: the last one starting at or before it.
    const size_t pos = partition_index(0, n + 1, [&](size_t i) { return off(i) <= at; }) - 1;
    if (failed_ || pos >= n) {
      failed_ = true;
      break;
    }
    const uint32_t start = off(pos), next = off(pos + 1);
    if (next <= at) {
      failed_ = true;
      break;
    }
    if (start != at) {  // a match at the start is a prefix hit, counted already
      out.push_back({static_cast<uint32_t>(pos), Tier::kSubstring});
      --need;
    }
    p = next;
  }
}

std::optional<std::vector<Hit>> LazyIndex::search(const Query& q, size_t limit) {
  std::vector<Hit> out;
  if (q.empty() || limit == 0 || ids_.size() == 0) return out;
  TierView view{*this};
  exact_and_prefix_hits(view, q.key, limit, out);
  if (out.size() < limit && !failed_) scan_substrings(q.key, limit - out.size(), out);
  if (failed_) return std::nullopt;
  return out;
}

std::optional<std::vector<uint32_t>> LazyIndex::exact(std::string_view name_key) {
  std::vector<uint32_t> out;
  if (name_key.empty() || ids_.size() == 0) return out;
  TierView view{*this};
  exact_positions(view, name_key, out);
  if (failed_) return std::nullopt;
  return out;
}

std::optional<int64_t> LazyIndex::id(uint32_t pos) {
  return ids_.at(pos);
}

}  // namespace ijik::search
