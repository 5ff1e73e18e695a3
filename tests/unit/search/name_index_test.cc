// The company-name index: query normalization, 초성, ranking, limits,
// serialization, and the accelerator's equivalence with the scan.
#include "search/name_index.h"

#include <gtest/gtest.h>

#include "text/korean.h"
#include "unit/search/random_corpus.h"

namespace ijik::search {
namespace {

Entry entry(int64_t id, std::string_view name, int64_t headcount) {
  return {id, text::normalize_company_name(name), headcount};
}

std::vector<int64_t> ids(const NameIndex& ix, const std::vector<Hit>& hits) {
  std::vector<int64_t> out;
  for (const auto& h : hits) out.push_back(ix.id(h.pos));
  return out;
}

std::vector<int64_t> find(const NameIndex& ix, std::string_view q, size_t limit = 20,
                          const Accelerator* acc = nullptr) {
  return ids(ix, ix.search(make_query(q), limit, acc));
}

TEST(SearchQuery, LegalFormsSpacesWidthAndCaseIgnored) {
  for (const char* q :
       {"네이버", "(주)네이버", "㈜네이버", "㈜ 네이버", "주식회사 네이버", "네이버 주식회사",
        "네 이 버", "유한회사 네이버", "(유)네이버", "유한책임회사네이버", "사단법인 네이버"}) {
    auto p = make_query(q);
    EXPECT_FALSE(p.chosung) << q;
    EXPECT_EQ(p.key, "네이버") << q;
  }
  EXPECT_EQ(make_query("ＮＡＶＥＲ Corp").key, "navercorp");
  EXPECT_EQ(make_query("Naver").key, "naver");
  EXPECT_EQ(make_query("ｎａｖｅｒ").key, "naver");
  for (const char* q :
       {"", "   ", "(주)", "㈜", "주식회사", " 유한회사 ", "(유)", "유한책임회사", "사단법인"})
    EXPECT_TRUE(make_query(q).empty()) << q;
}

TEST(SearchQuery, ChosungQueries) {
  auto q = make_query("ㄴㅇㅂ");
  EXPECT_TRUE(q.chosung);
  EXPECT_EQ(q.key, chosung_codes("네이버"));
  EXPECT_TRUE(make_query("ㄴ ㅇ ㅂ").chosung);
  EXPECT_FALSE(make_query("ㄴㅇ버").chosung);  // mixed: matched as text
  EXPECT_EQ(match(q, "네이버"), Tier::kExact);
  EXPECT_EQ(match(q, "네이버파이낸셜"), Tier::kPrefix);
  EXPECT_EQ(match(q, "라인네이버"), Tier::kSubstring);
  EXPECT_EQ(match(q, "카카오"), std::nullopt);
  // Double consonants are their own 초성.
  EXPECT_EQ(match(make_query("ㅆㅇ"), "쌍용"), Tier::kExact);
  EXPECT_EQ(match(make_query("ㅅㅇ"), "쌍용"), std::nullopt);
}

TEST(NameIndex, RanksExactThenPrefixThenSubstringThenHeadcount) {
  auto ix = NameIndex::build({entry(1, "(주)네이버", 10), entry(2, "네이버파이낸셜", 1000),
                              entry(3, "라인네이버", 5000), entry(4, "네이버 주식회사", 50),
                              entry(5, "카카오", 9000), entry(6, "네이버클라우드", 2000),
                              entry(7, "스노우네이버", 7)});
  EXPECT_EQ(find(ix, "네이버"), (std::vector<int64_t>{4, 1, 6, 2, 3, 7}));
  EXPECT_EQ(find(ix, "㈜ 네이버"), find(ix, "네이버"));
  EXPECT_EQ(find(ix, "ㄴㅇㅂ"), (std::vector<int64_t>{4, 1, 6, 2, 3, 7}));
  EXPECT_EQ(find(ix, "ㅋㅋㅇ"), (std::vector<int64_t>{5}));
  EXPECT_EQ(find(ix, "클라우드"), (std::vector<int64_t>{6}));
  EXPECT_TRUE(find(ix, "구글").empty());
  auto hits = ix.search(make_query("네이버"), 20);
  ASSERT_EQ(hits.size(), 6u);
  EXPECT_EQ(hits[0].tier, Tier::kExact);
  EXPECT_EQ(hits[2].tier, Tier::kPrefix);
  EXPECT_EQ(hits[5].tier, Tier::kSubstring);
}

TEST(NameIndex, LatinFullWidthAndCase) {
  auto ix = NameIndex::build(
      {entry(1, "NAVER Cloud", 100), entry(2, "ＳＫ텔레콤", 300), entry(3, "Naver", 5)});
  EXPECT_EQ(find(ix, "naver"), (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(find(ix, "ＮＡＶＥＲ"), (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(find(ix, "sk"), (std::vector<int64_t>{2}));
  EXPECT_EQ(find(ix, "텔레콤"), (std::vector<int64_t>{2}));
  EXPECT_EQ(find(ix, "ㅌㄹㅋ"), (std::vector<int64_t>{2}));
}

TEST(NameIndex, LimitCutsEachTier) {
  std::vector<Entry> es;
  for (int i = 1; i <= 30; ++i) es.push_back(entry(i, "한국" + std::to_string(i), i));
  es.push_back(entry(100, "대한국", 1000));
  es.push_back(entry(101, "한국", 1));
  auto ix = NameIndex::build(es);
  EXPECT_EQ(find(ix, "한국", 1), (std::vector<int64_t>{101}));
  EXPECT_EQ(find(ix, "한국", 3), (std::vector<int64_t>{101, 30, 29}));
  EXPECT_EQ(find(ix, "한국", 32).back(), 100);
  EXPECT_EQ(find(ix, "한국", 1000).size(), 32u);
  EXPECT_TRUE(find(ix, "한국", 0).empty());
}

TEST(NameIndex, SerializedPartsGiveTheSameResults) {
  auto ix = NameIndex::build({entry(1, "(주)네이버", 10), entry(2, "네이버파이낸셜", 1000),
                              entry(3, "라인네이버", 5000), entry(4, "카카오", 9000)});
  auto blobs = ix.serialize();
  auto names = NameIndex::from_parts(NameIndex::kNames, blobs);
  auto cho = NameIndex::from_parts(NameIndex::kChosung, blobs);
  auto all = NameIndex::from_parts(NameIndex::kAll, blobs);
  ASSERT_TRUE(names && cho && all);
  for (const char* q : {"네이버", "카카오", "이버", "ㄴㅇㅂ", "ㅋ"}) {
    const NameIndex& half = make_query(q).chosung ? *cho : *names;
    EXPECT_EQ(find(half, q), find(ix, q)) << q;
    EXPECT_EQ(find(*all, q), find(ix, q)) << q;
  }
  EXPECT_EQ(all->headcount(0), 9000);
  EXPECT_EQ(names->name_key(0), "카카오");
  auto empty = NameIndex::from_parts(NameIndex::kAll, NameIndex::build({}).serialize());
  ASSERT_TRUE(empty);
  EXPECT_TRUE(find(*empty, "네이버").empty());
  blobs.erase("chosung.sorted");
  EXPECT_FALSE(NameIndex::from_parts(NameIndex::kChosung, blobs));
  blobs["names.off"].resize(3);
  EXPECT_FALSE(NameIndex::from_parts(NameIndex::kNames, blobs));
}

TEST(Accelerator, SameResultsAsScanOnRandomCorpus) {
  const RandomCorpus corpus = random_corpus(7, 4000, 600);
  auto ix = NameIndex::build(corpus.entries);
  auto acc = Accelerator::build(ix);
  for (const auto& text : corpus.queries) {
    const Query q = make_query(text);
    for (size_t limit : {1u, 5u, 20u, 5000u}) {
      auto scan = ix.search(q, limit);
      auto fast = ix.search(q, limit, acc.get());
      ASSERT_EQ(scan.size(), fast.size()) << text << " limit " << limit;
      for (size_t i = 0; i < scan.size(); ++i) {
        ASSERT_EQ(scan[i].pos, fast[i].pos) << text;
        ASSERT_EQ(scan[i].tier, fast[i].tier) << text;
      }
      // And every hit really matches, at its tier.
      if (limit == 5000u) {
        size_t expected = 0;
        for (uint32_t pos = 0; pos < ix.size(); ++pos)
          expected += match(q, ix.name_key(pos)).has_value();
        ASSERT_EQ(scan.size(), expected) << text;
      }
    }
  }
}

}  // namespace
}  // namespace ijik::search
