// The exact and prefix tiers of a search, shared by the in-memory index and
// the one read in place from the snapshot (search/lazy_index.h). A view
// gives the number of entries, the position at a rank of the key-sorted
// array (`sorted(i)`) and the key at a position (`key(pos)`; the view may
// reuse its buffer, so only one key is held at a time).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "search/name_index.h"

namespace ijik::search {

inline bool starts_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && std::memcmp(s.data(), p.data(), p.size()) == 0;
}

// The first i in [lo, hi) where `pred(i)` is false (pred is true, then false).
template <class Pred>
size_t partition_index(size_t lo, size_t hi, Pred pred) {
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (pred(mid))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

// Appends every position whose key equals `qk`, in position order.
template <class View>
void exact_positions(View& v, std::string_view qk, std::vector<uint32_t>& out) {
  const size_t n = v.size();
  const size_t lo = partition_index(0, n, [&](size_t i) { return v.key(v.sorted(i)) < qk; });
  const size_t hi = partition_index(lo, n, [&](size_t i) { return v.key(v.sorted(i)) == qk; });
  for (size_t i = lo; i < hi; ++i) out.push_back(v.sorted(i));
}

// Appends up to `limit` exact, then prefix hits of `qk`, each tier in
// position order.
template <class View>
void exact_and_prefix_hits(View& v, std::string_view qk, size_t limit, std::vector<Hit>& out) {
  // Keys starting with qk are one contiguous run of the sorted array, and
  // those equal to qk come first in it (ties are broken by position).
  const size_t n = v.size();
  const size_t lo = partition_index(0, n, [&](size_t i) { return v.key(v.sorted(i)) < qk; });
  const size_t hi =
      partition_index(lo, n, [&](size_t i) { return starts_with(v.key(v.sorted(i)), qk); });
  const size_t mid =
      partition_index(lo, hi, [&](size_t i) { return v.key(v.sorted(i)).size() == qk.size(); });
  for (size_t i = lo; i < mid && out.size() < limit; ++i)
    out.push_back({v.sorted(i), Tier::kExact});
  const size_t need = limit - std::min(limit, out.size());
  if (need == 0 || mid == hi) return;
  std::vector<uint32_t> prefix;
  prefix.reserve(hi - mid);
  for (size_t i = mid; i < hi; ++i) prefix.push_back(v.sorted(i));
  const size_t take = std::min(need, prefix.size());
  std::partial_sort(prefix.begin(), prefix.begin() + static_cast<ptrdiff_t>(take), prefix.end());
  for (size_t i = 0; i < take; ++i) out.push_back({prefix[i], Tier::kPrefix});
}

}  // namespace ijik::search
