// Company-name search over the public workplaces: a compact in-memory index
// of normalized name keys and their 초성, ordered by headcount, with exact and
// prefix lookup by binary search and substring lookup by an ordered scan that
// stops as soon as enough hits are found. An optional n-gram accelerator
// (built once in a long-lived process) replaces the scan and yields the very
// same hits.
//
// Positions: entries are numbered 0..n-1 in ranking order (headcount desc,
// then id asc), so "lower position" means "ranks first" within a match tier.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/bulk_allocator.h"

namespace ijik::search {

// How a name matched a query; lower is better.
enum class Tier : uint8_t { kExact = 0, kPrefix = 1, kSubstring = 2 };

// A parsed query: the normalized name key, or (for 초성 queries such as
// ㄴㅇㅂ) a string of 초성 codes (see chosung_codes).
struct Query {
  std::string key;
  bool chosung = false;
  bool empty() const { return key.empty(); }
};

// Parses what the user typed: company-name normalization (legal forms,
// spaces, punctuation removed; width and case folded), then 초성 detection.
Query make_query(std::string_view text);

// One byte per code point of a name key: 1..19 for a Hangul syllable's 초성
// (or that consonant typed alone), 0 for anything else. Query bytes are never
// 0, so 0 also separates names in the concatenated buffer.
std::string chosung_codes(std::string_view name_key);

// The tier at which `name_key` (already normalized) matches `q`, if any.
std::optional<Tier> match(const Query& q, std::string_view name_key);

// What the index is built from.
struct Entry {
  int64_t id = 0;
  std::string name_key;
  int64_t headcount = -1;  // -1 when unknown: ranks last
};

struct Hit {
  uint32_t pos = 0;
  Tier tier = Tier::kSubstring;
};

class Accelerator;

class NameIndex {
 public:
  // Which halves are present: a CLI process loads only the half its query needs.
  enum Parts : unsigned { kNames = 1, kChosung = 2, kHeadcounts = 4, kAll = 7 };

  NameIndex() = default;
  static NameIndex build(std::vector<Entry> entries);

  size_t size() const { return ids_.size(); }
  unsigned parts() const { return parts_; }
  int64_t id(uint32_t pos) const { return ids_[pos]; }
  // Requires kHeadcounts.
  int64_t headcount(uint32_t pos) const { return headcounts_[pos]; }
  // Requires kNames.
  std::string_view name_key(uint32_t pos) const {
    return std::string_view(names_).substr(name_off_[pos], name_off_[pos + 1] - name_off_[pos] - 1);
  }

  // The best `limit` hits: exact, then prefix, then substring matches, each
  // in position order. Uses `acc` for the substring tier when given; the
  // result is the same either way. Requires the half the query needs.
  std::vector<Hit> search(const Query& q, size_t limit, const Accelerator* acc = nullptr) const;
  // Every position whose name key equals `name_key`, in position order: the
  // whole exact tier of a name, however many share it. Requires kNames.
  std::vector<uint32_t> exact(std::string_view name_key) const;

  // Serialized form: named byte blobs (native byte order; the snapshot stamp
  // records it). `from_parts` takes any subset that forms whole halves.
  std::map<std::string, std::string> serialize() const;
  // Names of the blobs a given set of halves needs.
  static std::vector<std::string> part_names(unsigned parts);
  // Reads one blob: calls `alloc(size)` for the destination and fills it;
  // false when the blob is missing (or `alloc` refused the size by
  // returning nullptr). Lets a loader read straight into the index's arrays.
  using PartSource =
      std::function<bool(const std::string& name, const std::function<char*(size_t)>& alloc)>;
  // Nullopt when a blob is missing or malformed.
  static std::optional<NameIndex> from_source(unsigned parts, const PartSource& source);
  static std::optional<NameIndex> from_parts(unsigned parts,
                                             std::map<std::string, std::string> blobs);

 private:
  friend class Accelerator;
  struct Half {
    // BulkVector: read from the snapshot without zeroing first or a page
    // fault a page (a CLI search loads some 20 MB of them).
    BulkVector<char> bytes;       // keys, each followed by a separator byte
    BulkVector<uint32_t> off;     // n+1 offsets into bytes
    BulkVector<uint32_t> sorted;  // positions sorted by key (bytewise)
    std::string_view text() const { return std::string_view(bytes.data(), bytes.size()); }
  };
  std::string_view key(const Half& h, uint32_t pos) const {
    return h.text().substr(h.off[pos], h.off[pos + 1] - h.off[pos] - 1);
  }
  const Half& half(bool chosung) const { return chosung ? cho_ : nam_; }
  void scan_substrings(const Half& h, std::string_view q, size_t need, std::vector<Hit>& out) const;

  unsigned parts_ = 0;
  BulkVector<int64_t> ids_;
  BulkVector<int32_t> headcounts_;
  Half nam_, cho_;
  // Aliases of nam_ for name_key().
  std::string_view names_;
  const uint32_t* name_off_ = nullptr;

  void bind_aliases() {
    names_ = nam_.text();
    name_off_ = nam_.off.data();
  }

 public:
  NameIndex(const NameIndex& o) { *this = o; }
  NameIndex& operator=(const NameIndex& o) {
    parts_ = o.parts_, ids_ = o.ids_, headcounts_ = o.headcounts_, nam_ = o.nam_, cho_ = o.cho_;
    bind_aliases();
    return *this;
  }
  NameIndex(NameIndex&& o) noexcept { *this = std::move(o); }
  NameIndex& operator=(NameIndex&& o) noexcept {
    parts_ = o.parts_, ids_ = std::move(o.ids_), headcounts_ = std::move(o.headcounts_);
    nam_ = std::move(o.nam_), cho_ = std::move(o.cho_);
    bind_aliases();
    return *this;
  }
};

// Posting lists of n-grams (code-point unigrams and bigrams of name keys;
// 초성-code unigrams, bigrams and trigrams), positions ascending. Substring
// candidates come from the rarest gram of the query and are verified, so
// the hits equal the scan's. Built once over a complete index (all halves).
class Accelerator {
 public:
  static std::unique_ptr<Accelerator> build(const NameIndex& index);
  // The candidate positions for a substring query (a superset of the matches).
  const std::vector<uint32_t>& candidates(const Query& q) const;
  size_t memory_bytes() const;

 private:
  std::unordered_map<uint64_t, std::vector<uint32_t>> name_grams_;
  std::vector<std::vector<uint32_t>> cho_grams_;  // 20^1 + 20^2 + 20^3 slots
  std::vector<uint32_t> none_;
};

}  // namespace ijik::search
