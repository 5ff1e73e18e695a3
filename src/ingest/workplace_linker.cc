#include "ingest/workplace_linker.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <string_view>

namespace ijik::ingest {
namespace {

// FNV-1a over the parts with a separator, then a final mix so the low bits
// (used for slots) depend on every byte. 64 bits keep collisions negligible
// at a few million keys; a collision would at worst offer a wrong candidate,
// which the other tiers' uniqueness rules keep rare.
uint64_t hash_parts(std::initializer_list<std::string_view> parts) {
  uint64_t h = 1469598103934665603ULL;
  for (auto p : parts) {
    for (unsigned char c : p) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ 0x1F) * 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

}  // namespace

KeyHashes hash_key(std::string_view brn6, std::string_view name_key, std::string_view ldong,
                   std::string_view adopted) {
  return {hash_parts({brn6, name_key, ldong, adopted}), hash_parts({brn6, ldong, adopted}),
          hash_parts({brn6, name_key, adopted}), hash_parts({brn6, name_key, ldong})};
}

void IdMultiMap::reserve(size_t keys) {
  size_t want = 16;
  while (want * 3 < keys * 4) want <<= 1;
  if (want <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(want, Slot{});
  mask_ = want - 1;
  for (const Slot& s : old) {
    if (s.head < 0) continue;
    size_t i = nodes_[static_cast<size_t>(s.head)].key & mask_;
    while (slots_[i].head >= 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
  nodes_.reserve(keys);
}

void IdMultiMap::grow() {
  reserve(std::max<size_t>(used_ * 2, 1024));
}

void IdMultiMap::add(uint64_t key, int64_t id) {
  if (over_full(used_ + 1)) grow();
  const auto tag = static_cast<uint32_t>(key >> 32);
  size_t i = key & mask_;
  while (slots_[i].head >= 0 &&
         (slots_[i].tag != tag || nodes_[static_cast<size_t>(slots_[i].head)].key != key))
    i = (i + 1) & mask_;
  Slot& s = slots_[i];
  if (s.head < 0) {
    s.tag = tag;
    ++used_;
  } else {
    for (int32_t n = s.head; n >= 0; n = nodes_[static_cast<size_t>(n)].next)
      if (nodes_[static_cast<size_t>(n)].id == id) return;
  }
  nodes_.push_back({key, static_cast<int32_t>(id), s.head});
  s.head = static_cast<int32_t>(nodes_.size() - 1);
}

void WorkplaceLinker::reserve(size_t n) {
  for (IdMultiMap* m : {&full_, &no_name_, &no_place_, &no_adopted_}) m->reserve(n);
  ensure(static_cast<int64_t>(n));
}

void WorkplaceLinker::ensure(int64_t id) {
  if (static_cast<size_t>(id) >= registered_.size()) {
    size_t n = std::max<size_t>(static_cast<size_t>(id) + 1, registered_.size() * 2);
    registered_.resize(n, false);
    reregistered_.resize(n, false);
    dead_.resize(n, false);
    last_headcount_.resize(n, 0);
    claimed_.resize(n, 0);
  }
}

void WorkplaceLinker::add(int64_t id, const KeyHashes& key, int64_t last_headcount,
                          bool reregistered) {
  ensure(id);
  if (reregistered) reregistered_[static_cast<size_t>(id)] = true;
  dead_[static_cast<size_t>(id)] = false;
  if (!registered_[static_cast<size_t>(id)]) ++known_;
  registered_[static_cast<size_t>(id)] = true;
  full_.add(key.full, id);
  no_name_.add(key.no_name, id);
  no_place_.add(key.no_place, id);
  no_adopted_.add(key.no_adopted, id);
  last_headcount_[static_cast<size_t>(id)] = last_headcount;
}

void WorkplaceLinker::begin_month() {
  ++generation_;
}

void WorkplaceLinker::forget(int64_t id) {
  if (static_cast<size_t>(id) >= dead_.size() || dead_[static_cast<size_t>(id)]) return;
  dead_[static_cast<size_t>(id)] = true;
  if (registered_[static_cast<size_t>(id)]) --known_;
  registered_[static_cast<size_t>(id)] = false;
}

int WorkplaceLinker::unclaimed(const IdMultiMap& index, uint64_t key,
                               int64_t (&out)[kMaxCandidates]) const {
  int n = 0;
  index.for_each(key, [&](int64_t id) {
    if (claimed_[static_cast<size_t>(id)] == generation_ || dead_[static_cast<size_t>(id)]) return;
    if (n < kMaxCandidates) out[n] = id;
    ++n;
  });
  return n;
}

void WorkplaceLinker::claim(int64_t id, int64_t headcount) {
  claimed_[static_cast<size_t>(id)] = generation_;
  last_headcount_[static_cast<size_t>(id)] = headcount;
}

LinkResult WorkplaceLinker::link(const WorkplaceKey& key, int64_t headcount, bool reregistered) {
  const KeyHashes h = hash_key(key);
  LinkResult exact = link_exact(h, headcount);
  return exact.kind != LinkKind::kNew ? exact : link_loose(h, headcount, reregistered);
}

void WorkplaceLinker::prefetch(const KeyHashes& key) const {
  full_.prefetch(key.full);
  no_name_.prefetch(key.no_name);
  no_place_.prefetch(key.no_place);
  no_adopted_.prefetch(key.no_adopted);
}

LinkResult WorkplaceLinker::link_exact(const KeyHashes& key, int64_t headcount) {
  int64_t c[kMaxCandidates];
  // Several workplaces may share every key (two offices of one firm in one
  // building): the one whose headcount was closest continues.
  int n = std::min(unclaimed(full_, key.full, c), kMaxCandidates);
  if (n == 0) return {0, LinkKind::kNew};
  int64_t best = c[0];
  for (int i = 1; i < n; ++i)
    if (std::llabs(last_headcount_[static_cast<size_t>(c[i])] - headcount) <
        std::llabs(last_headcount_[static_cast<size_t>(best)] - headcount))
      best = c[i];
  claim(best, headcount);
  return {best, LinkKind::kContinued};
}

bool WorkplaceLinker::has_loose_candidates(const KeyHashes& key) const {
  bool any = false;
  auto found = [&](int64_t id) { any = any || !dead_[static_cast<size_t>(id)]; };
  no_name_.for_each(key.no_name, found);
  if (!any) no_place_.for_each(key.no_place, found);
  if (!any) no_adopted_.for_each(key.no_adopted, found);
  return any;
}

LinkResult WorkplaceLinker::link_loose(const KeyHashes& key, int64_t headcount, bool reregistered) {
  int64_t c[kMaxCandidates];
  struct Tier {
    const IdMultiMap* index;
    uint64_t key;
    LinkKind kind;
  };
  const Tier tiers[] = {{&no_name_, key.no_name, LinkKind::kRenamed},
                        {&no_place_, key.no_place, LinkKind::kMoved},
                        {&no_adopted_, key.no_adopted, LinkKind::kReregistered}};
  for (const auto& t : tiers) {
    if (unclaimed(*t.index, t.key, c) != 1) continue;  // none, or ambiguous: do not guess
    // Tier 4 needs a re-registration on one side: the row's 재등록일자, or the
    // workplace's (then this row is from before it, read later).
    if (t.kind == LinkKind::kReregistered && !reregistered &&
        !reregistered_[static_cast<size_t>(c[0])])
      continue;
    claim(c[0], headcount);
    add(c[0], key, headcount, reregistered);  // found under the new key from now on
    return {c[0], t.kind};
  }
  return {0, LinkKind::kNew};
}

}  // namespace ijik::ingest
