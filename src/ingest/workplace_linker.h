// Links a month's rows to known workplaces: the file has no stable id, so a
// workplace is recognised by its business-number prefix, normalized name,
// 법정동 code and 적용일자, in tiers (docs/data-model.md):
//   1. all four agree                          → continued
//   2. all but the name agree (one candidate)  → renamed
//   3. all but the 법정동 agree (one candidate)  → moved
//   4. all but 적용일자 agree, row re-registered → re-registered
//   otherwise a new workplace.
// A workplace is claimed by at most one row per month. Pure: no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ijik::ingest {

struct WorkplaceKey {
  std::string brn6;
  std::string name_key;  // text::normalize_company_name of the name
  std::string ldong;
  std::string adopted;  // YYYY-MM-DD or ""
};

// A key hashed for each tier's index. An importer computes it once per row
// (on its reading thread) and every probe and add of that row uses it.
struct KeyHashes {
  uint64_t full = 0, no_name = 0, no_place = 0, no_adopted = 0;
};
KeyHashes hash_key(std::string_view brn6, std::string_view name_key, std::string_view ldong,
                   std::string_view adopted);
inline KeyHashes hash_key(const WorkplaceKey& k) {
  return hash_key(k.brn6, k.name_key, k.ldong, k.adopted);
}

enum class LinkKind { kContinued, kRenamed, kMoved, kReregistered, kNew };

struct LinkResult {
  int64_t workplace_id = 0;  // 0 for kNew: the caller creates it and calls add()
  LinkKind kind = LinkKind::kNew;
};

// A hash multimap from 64-bit keys to workplace ids, flat (open addressing
// into one node pool) because it holds millions of entries and is probed
// once per imported row.
class IdMultiMap {
 public:
  void reserve(size_t keys);
  // Adds `id` under `key` unless it is there already.
  void add(uint64_t key, int64_t id);
  // Asks the CPU to fetch `key`'s slot ahead of a probe (the tables are far
  // larger than the caches: a probe of a missing key is a cache miss).
  void prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }
  // Calls fn(id) for each id under `key`.
  template <class Fn>
  void for_each(uint64_t key, Fn fn) const {
    if (slots_.empty()) return;
    const auto tag = static_cast<uint32_t>(key >> 32);
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.head < 0) return;
      if (s.tag == tag && nodes_[static_cast<size_t>(s.head)].key == key) {
        for (int32_t n = s.head; n >= 0; n = nodes_[static_cast<size_t>(n)].next)
          fn(int64_t{nodes_[static_cast<size_t>(n)].id});
        return;
      }
    }
  }

 private:
  // A slot holds the high half of its key (the low bits chose the slot) and
  // its first node; the nodes hold the whole key. 8-byte slots, at most
  // three quarters used: the table is fresh memory, and on a VM each first
  // touch of a page costs more than the probing (docs/performance.md).
  struct Slot {
    uint32_t tag = 0;
    int32_t head = -1;  // -1: empty
  };
  struct Node {
    uint64_t key;
    int32_t id;  // workplace ids are dense from 1 (the linker sizes vectors by them)
    int32_t next;
  };
  bool over_full(size_t keys) const { return keys * 4 > slots_.size() * 3; }
  void grow();
  std::vector<Slot> slots_;
  std::vector<Node> nodes_;
  size_t used_ = 0;
  size_t mask_ = 0;
};

class WorkplaceLinker {
 public:
  // Sizes the indexes for about `n` workplaces.
  void reserve(size_t n);
  // Registers a known workplace under its key. A workplace may be registered
  // under several keys (its names over time); all of them find it.
  // `reregistered`: it has a 재등록일자, so a row under its old 적용일자 may
  // still be it (tier 4 applies to it even when the row is not re-registered).
  void add(int64_t id, const WorkplaceKey& key, int64_t last_headcount = 0,
           bool reregistered = false) {
    add(id, hash_key(key), last_headcount, reregistered);
  }
  void add(int64_t id, const KeyHashes& key, int64_t last_headcount = 0, bool reregistered = false);

  // A workplace deleted from the workspace: never offered again (until add()).
  void forget(int64_t id);

  // Starts a new month: no workplace is claimed.
  void begin_month();

  // Finds the workplace of a row and claims it for this month: link_exact,
  // then link_loose. `reregistered` is true when the row carries a 재등록일자.
  LinkResult link(const WorkplaceKey& key, int64_t headcount, bool reregistered);
  // Tier 1 only. An importer runs this over a whole month first, so that a
  // looser tier never hands a workplace to a row that merely resembles it
  // while the workplace's own row comes later in the file.
  LinkResult link_exact(const KeyHashes& key, int64_t headcount);
  LinkResult link_exact(const WorkplaceKey& key, int64_t headcount) {
    return link_exact(hash_key(key), headcount);
  }
  // True when tiers 2-4 have any workplace under this row's keys (claimed or
  // not). When false the row is new whatever else the month holds.
  bool has_loose_candidates(const KeyHashes& key) const;
  bool has_loose_candidates(const WorkplaceKey& key) const {
    return has_loose_candidates(hash_key(key));
  }
  // Tiers 2-4, for the rows link_exact left.
  LinkResult link_loose(const KeyHashes& key, int64_t headcount, bool reregistered);
  LinkResult link_loose(const WorkplaceKey& key, int64_t headcount, bool reregistered) {
    return link_loose(hash_key(key), headcount, reregistered);
  }
  // Fetches the slots link_exact and has_loose_candidates will probe for
  // `key`: called a row ahead, their cache misses overlap other work.
  void prefetch(const KeyHashes& key) const;

  // Known workplaces.
  size_t size() const { return known_; }

 private:
  // Up to this many candidates are weighed; more under one key is ambiguous.
  static constexpr int kMaxCandidates = 8;
  // Unclaimed candidates under `key` in `index`; returns how many (capped).
  int unclaimed(const IdMultiMap& index, uint64_t key, int64_t (&out)[kMaxCandidates]) const;
  void claim(int64_t id, int64_t headcount);
  void ensure(int64_t id);

  IdMultiMap full_, no_name_, no_place_, no_adopted_;
  // Indexed by workplace id (SQLite rowids: dense from 1).
  std::vector<bool> registered_;
  std::vector<bool> reregistered_;
  std::vector<bool> dead_;
  std::vector<int64_t> last_headcount_;
  std::vector<uint32_t> claimed_;  // the month generation that claimed it
  uint32_t generation_ = 1;
  size_t known_ = 0;
};

}  // namespace ijik::ingest
