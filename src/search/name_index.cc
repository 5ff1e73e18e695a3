#include "search/name_index.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "search/tiers.h"
#include "text/korean.h"
#include "text/utf8.h"

namespace ijik::search {
namespace {

constexpr char32_t kSyllableBase = 0xAC00;
constexpr char32_t kSyllableLast = 0xD7A3;
// Compatibility jamo of the 19 initial consonants, in syllable order.
constexpr char32_t kChosungJamo[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                       0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                       0x314A, 0x314B, 0x314C, 0x314D, 0x314E};

// 1..19 for a character standing for an initial consonant, else 0.
unsigned char chosung_code(char32_t c) {
  if (c >= kSyllableBase && c <= kSyllableLast)
    return static_cast<unsigned char>(1 + (c - kSyllableBase) / 588);
  if (c >= 0x1100 && c <= 0x1112) return static_cast<unsigned char>(1 + (c - 0x1100));  // choseong
  if (c >= 0x3131 && c <= 0x314E) {
    for (int i = 0; i < 19; ++i)
      if (kChosungJamo[i] == c) return static_cast<unsigned char>(1 + i);
  }
  return 0;
}

template <class Vector>
std::string to_bytes(const Vector& v) {
  using T = typename Vector::value_type;
  return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

}  // namespace

std::string chosung_codes(std::string_view name_key) {
  std::string out;
  out.reserve(name_key.size() / 2);
  for (char32_t c : text::decode_utf8(name_key)) out.push_back(static_cast<char>(chosung_code(c)));
  return out;
}

Query make_query(std::string_view text) {
  Query q;
  q.key = text::normalize_company_name(text);
  if (q.key.empty()) return q;
  // NFKC turns ㄴ (U+3134) into a conjoining choseong; both count as 초성.
  auto cps = text::decode_utf8(q.key);
  bool all_initials = std::all_of(cps.begin(), cps.end(), [](char32_t c) {
    return (c >= 0x1100 && c <= 0x1112) || (c >= 0x3131 && c <= 0x314E && chosung_code(c) != 0);
  });
  if (all_initials) {
    q.chosung = true;
    q.key = chosung_codes(q.key);
  }
  return q;
}

std::optional<Tier> match(const Query& q, std::string_view name_key) {
  if (q.empty()) return std::nullopt;
  std::string cho;
  std::string_view k = name_key;
  if (q.chosung) {
    cho = chosung_codes(name_key);
    k = cho;
  }
  if (k == q.key) return Tier::kExact;
  if (starts_with(k, q.key)) return Tier::kPrefix;
  if (k.find(q.key) != std::string_view::npos) return Tier::kSubstring;
  return std::nullopt;
}

NameIndex NameIndex::build(std::vector<Entry> entries) {
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.headcount != b.headcount ? a.headcount > b.headcount : a.id < b.id;
  });
  NameIndex ix;
  ix.parts_ = kAll;
  const size_t n = entries.size();
  ix.ids_.reserve(n);
  ix.headcounts_.reserve(n);
  ix.nam_.off.reserve(n + 1);
  ix.cho_.off.reserve(n + 1);
  for (const auto& e : entries) {
    ix.ids_.push_back(e.id);
    ix.headcounts_.push_back(static_cast<int32_t>(std::clamp<int64_t>(e.headcount, -1, INT32_MAX)));
    ix.nam_.off.push_back(static_cast<uint32_t>(ix.nam_.bytes.size()));
    ix.nam_.bytes.insert(ix.nam_.bytes.end(), e.name_key.begin(), e.name_key.end());
    ix.nam_.bytes.push_back('\n');
    ix.cho_.off.push_back(static_cast<uint32_t>(ix.cho_.bytes.size()));
    const std::string codes = chosung_codes(e.name_key);
    ix.cho_.bytes.insert(ix.cho_.bytes.end(), codes.begin(), codes.end());
    ix.cho_.bytes.push_back('\0');
  }
  ix.nam_.off.push_back(static_cast<uint32_t>(ix.nam_.bytes.size()));
  ix.cho_.off.push_back(static_cast<uint32_t>(ix.cho_.bytes.size()));
  for (Half* h : {&ix.nam_, &ix.cho_}) {
    h->sorted.resize(n);
    std::iota(h->sorted.begin(), h->sorted.end(), 0u);
    std::sort(h->sorted.begin(), h->sorted.end(), [&](uint32_t a, uint32_t b) {
      auto ka = ix.key(*h, a), kb = ix.key(*h, b);
      return ka != kb ? ka < kb : a < b;
    });
  }
  ix.bind_aliases();
  return ix;
}

void NameIndex::scan_substrings(const Half& h, std::string_view q, size_t need,
                                std::vector<Hit>& out) const {
  const char* base = h.bytes.data();
  const char* end = base + h.bytes.size();
  const char* p = base;
  while (need > 0 && p < end) {
    auto* m = static_cast<const char*>(memmem(p, static_cast<size_t>(end - p), q.data(), q.size()));
    if (!m) break;
    auto at = static_cast<uint32_t>(m - base);
    auto it = std::upper_bound(h.off.begin(), h.off.end(), at);
    auto pos = static_cast<uint32_t>(it - h.off.begin() - 1);
    if (h.off[pos] != at) {  // a match at the start is a prefix hit, counted already
      out.push_back({pos, Tier::kSubstring});
      --need;
    }
    p = base + h.off[pos + 1];
  }
}

std::vector<Hit> NameIndex::search(const Query& q, size_t limit, const Accelerator* acc) const {
  std::vector<Hit> out;
  if (q.empty() || limit == 0 || size() == 0) return out;
  const Half& h = half(q.chosung);
  if (h.off.empty()) return out;  // that half is not loaded
  const std::string_view qk = q.key;
  struct View {
    const NameIndex& ix;
    const Half& h;
    size_t size() const { return h.sorted.size(); }
    uint32_t sorted(size_t i) const { return h.sorted[i]; }
    std::string_view key(uint32_t pos) const { return ix.key(h, pos); }
  } view{*this, h};
  exact_and_prefix_hits(view, qk, limit, out);
  size_t need = limit - out.size();
  if (need == 0) return out;

  if (acc == nullptr) {
    scan_substrings(h, qk, need, out);
    return out;
  }
  for (uint32_t pos : acc->candidates(q)) {
    auto k = key(h, pos);
    if (k.size() <= qk.size() || starts_with(k, qk)) continue;
    if (k.find(qk) == std::string_view::npos) continue;
    out.push_back({pos, Tier::kSubstring});
    if (--need == 0) break;
  }
  return out;
}

std::vector<uint32_t> NameIndex::exact(std::string_view name_key) const {
  std::vector<uint32_t> out;
  if (name_key.empty() || nam_.off.empty()) return out;
  struct View {
    const NameIndex& ix;
    size_t size() const { return ix.nam_.sorted.size(); }
    uint32_t sorted(size_t i) const { return ix.nam_.sorted[i]; }
    std::string_view key(uint32_t pos) const { return ix.key(ix.nam_, pos); }
  } view{*this};
  exact_positions(view, name_key, out);
  return out;
}

std::vector<std::string> NameIndex::part_names(unsigned parts) {
  std::vector<std::string> names = {"ids"};
  if (parts & kHeadcounts) names.push_back("headcounts");
  if (parts & kNames) {
    for (const char* s : {"names", "names.off", "names.sorted"}) names.push_back(s);
  }
  if (parts & kChosung) {
    for (const char* s : {"chosung", "chosung.off", "chosung.sorted"}) names.push_back(s);
  }
  return names;
}

std::map<std::string, std::string> NameIndex::serialize() const {
  std::map<std::string, std::string> m;
  m["ids"] = to_bytes(ids_);
  if (parts_ & kHeadcounts) m["headcounts"] = to_bytes(headcounts_);
  if (parts_ & kNames) {
    m["names"] = std::string(nam_.text());
    m["names.off"] = to_bytes(nam_.off);
    m["names.sorted"] = to_bytes(nam_.sorted);
  }
  if (parts_ & kChosung) {
    m["chosung"] = std::string(cho_.text());
    m["chosung.off"] = to_bytes(cho_.off);
    m["chosung.sorted"] = to_bytes(cho_.sorted);
  }
  return m;
}

namespace {
// A non-null destination for empty buffers (nullptr means "refused").
char* dest_of(void* data) {
  static char empty[1];
  return data ? static_cast<char*>(data) : empty;
}
}  // namespace

std::optional<NameIndex> NameIndex::from_source(unsigned parts, const PartSource& source) {
  NameIndex ix;
  size_t n = 0;
  bool ok = source("ids", [&](size_t size) -> char* {
    if (size % sizeof(int64_t)) return nullptr;
    n = size / sizeof(int64_t);
    ix.ids_.resize(n);
    return dest_of(ix.ids_.data());
  });
  if (!ok) return std::nullopt;
  auto read_array = [&](const std::string& name, auto& v, size_t expect) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    return source(name, [&](size_t size) -> char* {
      if (size != expect * sizeof(T)) return nullptr;
      v.resize(expect);
      return dest_of(v.data());
    });
  };
  if ((parts & kHeadcounts) && !read_array("headcounts", ix.headcounts_, n)) return std::nullopt;
  auto load_half = [&](const std::string& name, Half& h) {
    bool got = source(name, [&](size_t size) -> char* {
      h.bytes.resize(size);
      return dest_of(h.bytes.data());
    });
    if (!got || !read_array(name + ".off", h.off, n + 1) ||
        !read_array(name + ".sorted", h.sorted, n))
      return false;
    if (h.off.front() != 0 || h.off.back() != h.bytes.size()) return false;
    for (size_t i = 0; i < n; ++i)
      if (h.off[i] >= h.off[i + 1] || h.sorted[i] >= n) return false;
    return true;
  };
  if ((parts & kNames) && !load_half("names", ix.nam_)) return std::nullopt;
  if ((parts & kChosung) && !load_half("chosung", ix.cho_)) return std::nullopt;
  ix.parts_ = parts;
  ix.bind_aliases();
  return ix;
}

std::optional<NameIndex> NameIndex::from_parts(unsigned parts,
                                               std::map<std::string, std::string> blobs) {
  return from_source(parts,
                     [&](const std::string& name, const std::function<char*(size_t)>& alloc) {
                       auto it = blobs.find(name);
                       if (it == blobs.end()) return false;
                       char* dest = alloc(it->second.size());
                       if (dest == nullptr) return false;
                       if (!it->second.empty())
                         std::memcpy(dest, it->second.data(), it->second.size());
                       return true;
                     });
}

// --- Accelerator -----------------------------------------------------------

namespace {

constexpr size_t kChoBase = 20;  // codes 0..19
size_t cho_slot(std::string_view codes) {
  // Unigrams at 0..19, bigrams at 20.., trigrams after; code 0 never queried.
  size_t v = 0;
  for (char c : codes) v = v * kChoBase + static_cast<unsigned char>(c);
  if (codes.size() == 1) return v;
  if (codes.size() == 2) return kChoBase + v;
  return kChoBase + kChoBase * kChoBase + v;
}

uint64_t name_gram(char32_t a, char32_t b) {
  return (static_cast<uint64_t>(a) << 32) | b;
}
constexpr char32_t kNoChar = 0xFFFFFFFF;

}  // namespace

std::unique_ptr<Accelerator> Accelerator::build(const NameIndex& index) {
  auto acc = std::make_unique<Accelerator>();
  acc->cho_grams_.resize(kChoBase + kChoBase * kChoBase + kChoBase * kChoBase * kChoBase);
  std::vector<uint64_t> grams;
  std::vector<size_t> slots;
  for (uint32_t pos = 0; pos < index.size(); ++pos) {
    if (index.parts_ & NameIndex::kNames) {
      auto cps = text::decode_utf8(index.key(index.nam_, pos));
      grams.clear();
      for (size_t i = 0; i < cps.size(); ++i) {
        grams.push_back(name_gram(cps[i], kNoChar));
        if (i + 1 < cps.size()) grams.push_back(name_gram(cps[i], cps[i + 1]));
      }
      std::sort(grams.begin(), grams.end());
      grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
      for (uint64_t g : grams) acc->name_grams_[g].push_back(pos);
    }
    if (index.parts_ & NameIndex::kChosung) {
      auto k = index.key(index.cho_, pos);
      slots.clear();
      for (size_t i = 0; i < k.size(); ++i) {
        for (size_t len = 1; len <= 3 && i + len <= k.size(); ++len) {
          auto g = k.substr(i, len);
          if (g.find('\0') != std::string_view::npos) break;
          slots.push_back(cho_slot(g));
        }
      }
      std::sort(slots.begin(), slots.end());
      slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
      for (size_t s : slots) acc->cho_grams_[s].push_back(pos);
    }
  }
  for (auto& [g, v] : acc->name_grams_) v.shrink_to_fit();
  for (auto& v : acc->cho_grams_) v.shrink_to_fit();
  return acc;
}

const std::vector<uint32_t>& Accelerator::candidates(const Query& q) const {
  const std::vector<uint32_t>* best = nullptr;
  auto consider = [&](const std::vector<uint32_t>* v) {
    if (best == nullptr || v->size() < best->size()) best = v;
  };
  if (q.chosung) {
    std::string_view k = q.key;
    size_t len = std::min<size_t>(3, k.size());
    for (size_t i = 0; i + len <= k.size(); ++i) consider(&cho_grams_[cho_slot(k.substr(i, len))]);
  } else {
    auto cps = text::decode_utf8(q.key);
    if (cps.size() == 1) {
      auto it = name_grams_.find(name_gram(cps[0], kNoChar));
      consider(it == name_grams_.end() ? &none_ : &it->second);
    }
    for (size_t i = 0; i + 1 < cps.size(); ++i) {
      auto it = name_grams_.find(name_gram(cps[i], cps[i + 1]));
      consider(it == name_grams_.end() ? &none_ : &it->second);
      if (best->empty()) break;
    }
  }
  return best ? *best : none_;
}

size_t Accelerator::memory_bytes() const {
  size_t b = 0;
  for (const auto& [g, v] : name_grams_) b += v.capacity() * sizeof(uint32_t) + 48;
  for (const auto& v : cho_grams_) b += v.capacity() * sizeof(uint32_t) + sizeof(v);
  return b;
}

}  // namespace ijik::search
