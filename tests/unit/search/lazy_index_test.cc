// The name index read in place from the chunked snapshot: the same hits as
// the in-memory index for every query kind and scan window, the snapshot's
// chunks read back byte for byte across their boundaries, and a damaged
// snapshot refused (the caller rebuilds it).
#include "search/lazy_index.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/search_repo.h"
#include "text/korean.h"
#include "unit/search/random_corpus.h"
#include "unit/support/workspace_test.h"

namespace ijik::search {
namespace {

class LazyIndexTest : public ijik::testing::WorkspaceTest {
 protected:
  // A random corpus whose keys span several chunks, saved as the snapshot.
  NameIndex save_random_index(int n) {
    RandomCorpus corpus = random_corpus(11, n, 100);
    auto ix = NameIndex::build(corpus.entries);
    store::SearchRepo repo(*db_);
    EXPECT_TRUE(repo.write_snapshot("test-stamp", ix.serialize()).ok());
    queries_ = std::move(corpus.queries);
    return ix;
  }

  std::vector<std::string> queries_;
};

TEST_F(LazyIndexTest, SameHitsAsTheIndexInMemory) {
  const NameIndex ix = save_random_index(6000);  // names span ~5 chunks of 16 KiB
  store::SearchRepo repo(*db_);
  for (size_t window : {size_t{1}, size_t{37}, size_t{4096}, LazyIndex::kScanWindow}) {
    auto names = LazyIndex::open(repo, false, window);
    auto cho = LazyIndex::open(repo, true, window);
    ASSERT_TRUE(names.ok() && cho.ok());
    ASSERT_TRUE(names->has_value() && cho->has_value());
    for (const auto& text : queries_) {
      const Query q = make_query(text);
      LazyIndex& lazy = q.chosung ? **cho : **names;
      for (size_t limit : {1u, 10u, 5000u}) {
        const auto want = ix.search(q, limit);
        const auto got = lazy.search(q, limit);
        ASSERT_TRUE(got.has_value()) << text;
        ASSERT_EQ(got->size(), want.size()) << text << " limit " << limit << " window " << window;
        for (size_t i = 0; i < want.size(); ++i) {
          ASSERT_EQ((*got)[i].pos, want[i].pos) << text;
          ASSERT_EQ((*got)[i].tier, want[i].tier) << text;
          ASSERT_EQ(lazy.id((*got)[i].pos), ix.id(want[i].pos));
        }
      }
    }
  }
}

// exact(): every entry whose key equals the name, however many (the corpus
// repeats short names dozens of times), in position order, in memory and in
// place — what link suggestions rely on.
TEST_F(LazyIndexTest, ExactGivesTheWholeExactTier) {
  const NameIndex ix = save_random_index(6000);
  store::SearchRepo repo(*db_);
  auto names = LazyIndex::open(repo, false);
  ASSERT_TRUE(names.ok() && names->has_value());
  size_t most = 0;
  for (const auto& text : queries_) {
    const std::string key = text::normalize_company_name(text);
    std::vector<uint32_t> want;
    for (uint32_t pos = 0; pos < ix.size(); ++pos)
      if (ix.name_key(pos) == key) want.push_back(pos);
    if (key.empty()) want.clear();
    most = std::max(most, want.size());
    EXPECT_EQ(ix.exact(key), want) << text;
    auto got = (*names)->exact(key);
    ASSERT_TRUE(got.has_value()) << text;
    EXPECT_EQ(*got, want) << text;
  }
  EXPECT_GT(most, 10u);  // some names are shared by many entries
  EXPECT_TRUE(ix.exact("").empty());
}

TEST_F(LazyIndexTest, ChunksReadBackAcrossTheirBoundaries) {
  std::map<std::string, std::string> parts;
  for (size_t size : {size_t{0}, size_t{1}, store::kSnapshotChunk - 1, store::kSnapshotChunk,
                      store::kSnapshotChunk + 1, 3 * store::kSnapshotChunk + 123}) {
    std::string data(size, '\0');
    for (size_t i = 0; i < size; ++i) data[i] = static_cast<char>((i * 7 + size) % 251);
    parts["p" + std::to_string(size)] = data;
  }
  store::SearchRepo repo(*db_);
  ASSERT_TRUE(repo.write_snapshot("s", parts).ok());
  for (const auto& [name, data] : parts) {
    std::string whole;
    auto got = repo.read_part(name, [&](size_t n) {
      whole.resize(n);
      return whole.data();
    });
    ASSERT_TRUE(got.ok() && *got) << name;
    EXPECT_EQ(whole, data) << name;
    auto blob = repo.open_part(name);
    ASSERT_TRUE(blob.ok() && blob->has_value());
    ASSERT_EQ((*blob)->size(), data.size());
    for (size_t at : {size_t{0}, store::kSnapshotChunk - 3, store::kSnapshotChunk,
                      2 * store::kSnapshotChunk - 1}) {
      if (at >= data.size()) continue;
      std::string piece(std::min<size_t>(10, data.size() - at), '\0');
      ASSERT_TRUE((*blob)->read(piece.data(), piece.size(), at)) << name << " at " << at;
      EXPECT_EQ(piece, data.substr(at, piece.size())) << name << " at " << at;
    }
    char one;
    EXPECT_FALSE((*blob)->read(&one, 1, data.size())) << name;  // past the end
  }
  auto stamp = repo.snapshot_stamp();
  ASSERT_TRUE(stamp.ok() && stamp->has_value());
  EXPECT_EQ(**stamp, "s");
  auto missing = repo.open_part("nope");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(LazyIndexTest, DamagedSnapshotIsRefused) {
  save_random_index(2000);
  store::SearchRepo repo(*db_);
  // Positions out of range in the key-sorted array (one chunk holds it all).
  ASSERT_TRUE(db_->exec("UPDATE search_snapshot SET data = randomblob(length(data)) WHERE part = "
                        "'names.sorted'")
                  .ok());
  auto names = LazyIndex::open(repo, false);
  ASSERT_TRUE(names.ok() && names->has_value());
  EXPECT_FALSE((*names)->search(make_query("한국"), 10).has_value());
  // Keys cut short: the offsets point past them.
  ASSERT_TRUE(
      db_->exec("UPDATE search_snapshot SET data = x'00' WHERE part = 'chosung' AND chunk = 0")
          .ok());
  auto cho = LazyIndex::open(repo, true);
  ASSERT_TRUE(cho.ok() && cho->has_value());
  EXPECT_FALSE((*cho)->search(make_query("ㅎㄱ"), 10).has_value());
}

}  // namespace
}  // namespace ijik::search
