// The in-memory screening table: filters, sorts, missing values, and its byte image.
#include "domain/screen.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace ijik::domain {
namespace {

ScreenEntry entry(int64_t id, const char* name, const char* region, const char* code,
                  const char* industry, int64_t headcount, std::optional<double> growth,
                  std::optional<double> attrition, std::optional<int64_t> pay, int status = 1) {
  ScreenEntry e;
  e.id = id;
  e.name = name;
  e.region = region;
  e.industry_code = code;
  e.industry_name = industry;
  e.headcount = headcount;
  e.change_12m_pct = growth;
  if (growth) e.change_12m = static_cast<int64_t>(*growth * headcount);
  e.attrition_12m = attrition;
  e.pay_month_est = pay;
  e.status = status;
  return e;
}

ScreenTable sample() {
  ScreenTable t;
  t.add(entry(1, "네이버", "경기 성남시 분당구", "620100", "컴퓨터 프로그래밍 서비스업", 4000, 0.05,
              0.08, 6'370'000));
  t.add(entry(2, "토스", "서울 강남구", "620100", "컴퓨터 프로그래밍 서비스업", 1500, 0.25, 0.15,
              5'800'000));
  t.add(entry(3, "당근", "서울 서초구", "631200", "포털 및 기타 인터넷 정보매개 서비스업", 600,
              std::nullopt, 0.10, 5'000'000));
  t.add(entry(4, "바람결소프트", "서울 금천구", "582900", "응용 소프트웨어 개발 및 공급업", 0, -1.0,
              std::nullopt, std::nullopt, 2));
  t.add(entry(5, "강남식당", "서울 강남구사", "561110", "한식 음식점업", 5, 0.0, 0.40, 2'100'000));
  return t;
}

std::vector<int64_t> ids(const ScreenTable& t, const ScreenQuery& q, int64_t* total = nullptr) {
  int64_t n = 0;
  auto hits = t.run(q, n);
  EXPECT_TRUE(hits.ok());
  if (total) *total = n;
  std::vector<int64_t> out;
  for (size_t i : *hits) out.push_back(t.entry(i).id);
  return out;
}

TEST(ScreenTableTest, DefaultSortIsHeadcountDescending) {
  ScreenTable t = sample();
  int64_t total = 0;
  EXPECT_EQ(ids(t, {}, &total), (std::vector<int64_t>{1, 2, 3, 5, 4}));
  EXPECT_EQ(total, 5);
}

TEST(ScreenTableTest, RegionMatchesWholeWordsAndBelow) {
  ScreenTable t = sample();
  ScreenQuery q;
  q.region_prefix = "서울 강남구";  // not "서울 강남구사"
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{2}));
  q.region_prefix = "서울";
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{2, 3, 5, 4}));
  q.region_prefix = "경기";
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{1}));
}

TEST(ScreenTableTest, IndustryByCodePrefixOrName) {
  ScreenTable t = sample();
  ScreenQuery q;
  q.industry_code = "62";
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{1, 2}));
  q = {};
  q.industry_name = "소프트웨어";
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{4}));
}

TEST(ScreenTableTest, BoundsSkipMissingValues) {
  ScreenTable t = sample();
  ScreenQuery q;
  q.growth_12m = Bound{">=", 0.10};
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{2}));  // 당근 has no 12-month history: not matched
  q = {};
  q.attrition_12m = Bound{"<", 0.20};
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{1, 2, 3}));
  q = {};
  q.pay_year = Bound{">=", 6e7};  // 5,000,000 × 12 = 60,000,000 qualifies
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{1, 2, 3}));
  q = {};
  q.min_headcount = 500;
  q.max_headcount = 1500;
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{2, 3}));
  q = {};
  q.status = 2;
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{4}));
}

TEST(ScreenTableTest, SortsHaveNaturalDirectionsAndMissingLast) {
  ScreenTable t = sample();
  ScreenQuery q;
  q.sort = "growth";
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{2, 1, 5, 4, 3}));
  q.reverse = true;
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{4, 5, 1, 2, 3}));  // missing still last
  q = {};
  q.sort = "attrition";
  EXPECT_EQ(ids(t, q), (std::vector<int64_t>{1, 3, 2, 5, 4}));
  q = {};
  q.sort = "pay";
  q.limit = 2;
  int64_t total = 0;
  EXPECT_EQ(ids(t, q, &total), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(total, 5);
  q = {};
  q.sort = "name";
  EXPECT_EQ(t.entry(t.run(q, total)->front()).name, "강남식당");
}

TEST(ScreenTableTest, RejectsUnknownSortAndComparison) {
  ScreenTable t = sample();
  int64_t total = 0;
  ScreenQuery q;
  q.sort = "size";
  EXPECT_EQ(t.run(q, total).error().code, ErrorCode::kInvalidInput);
  q = {};
  q.growth_12m = Bound{"!=", 0};
  EXPECT_FALSE(t.run(q, total).ok());
}

// A part source over a map of parts, as the store reads them.
ScreenTable::PartSource source_of(const std::map<std::string, std::string>& parts) {
  return [&parts](const std::string& name, const std::function<char*(size_t)>& alloc) {
    auto it = parts.find(name);
    if (it == parts.end()) return false;
    char* dest = alloc(it->second.size());
    if (!dest) return false;
    std::copy(it->second.begin(), it->second.end(), dest);
    return true;
  };
}

TEST(ScreenTableTest, PartsRoundTripAndDetectDamage) {
  ScreenTable t = sample();
  const auto parts = t.serialize_parts();
  auto back = ScreenTable::from_parts(ScreenTable::kAllColumns, source_of(parts));
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    ScreenEntry a = t.entry(i), b = back->entry(i);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.region, b.region);
    EXPECT_EQ(a.industry_name, b.industry_name);
    EXPECT_EQ(a.change_12m_pct.has_value(), b.change_12m_pct.has_value());
    EXPECT_EQ(a.pay_month_est, b.pay_month_est);
  }
  auto damaged = [&](const std::string& part, std::string bytes) {
    auto copy = parts;
    copy[part] = std::move(bytes);
    return !ScreenTable::from_parts(ScreenTable::kAllColumns, source_of(copy)).ok();
  };
  EXPECT_TRUE(damaged("headcount", parts.at("headcount").substr(4)));  // a row short
  EXPECT_TRUE(damaged("head", "garbage"));
  std::string region = parts.at("region");
  region[0] = '\x7f';  // a region index past the dictionary
  EXPECT_TRUE(damaged("region", region));
  auto missing = parts;
  missing.erase("growth");
  EXPECT_FALSE(ScreenTable::from_parts(ScreenTable::kAllColumns, source_of(missing)).ok());
  const auto empty = ScreenTable().serialize_parts();
  EXPECT_EQ(ScreenTable::from_parts(ScreenTable::kAllColumns, source_of(empty))->size(), 0u);
}

// A query loads only its columns and answers as the whole table does.
TEST(ScreenTableTest, QueryOnItsOwnColumnsAnswersAsTheWholeTable) {
  ScreenTable whole = sample();
  const auto parts = whole.serialize_parts();
  ScreenQuery q;
  q.region_prefix = "서울";
  q.min_headcount = 1;
  q.sort = "growth";
  const unsigned cols = ScreenTable::columns_for(q);
  EXPECT_EQ(cols, ScreenTable::kIds | ScreenTable::kRegion | ScreenTable::kHeadcount |
                      ScreenTable::kGrowth);
  std::set<std::string> read;
  auto counting = [&](const std::string& name, const std::function<char*(size_t)>& alloc) {
    read.insert(name);
    return source_of(parts)(name, alloc);
  };
  auto part = ScreenTable::from_parts(cols, counting);
  ASSERT_TRUE(part.ok());
  EXPECT_EQ(read, (std::set<std::string>{"head", "id", "region", "headcount", "growth"}));
  int64_t total_whole = 0, total_part = 0;
  auto a = whole.run(q, total_whole);
  auto b = part->run(q, total_part);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(total_whole, total_part);
  ASSERT_EQ(a->size(), b->size());
  for (size_t i = 0; i < a->size(); ++i) EXPECT_EQ(whole.id((*a)[i]), part->id((*b)[i]));
  EXPECT_EQ(ScreenTable::columns_for(ScreenQuery{.sort = "name"}),
            ScreenTable::kIds | ScreenTable::kNames);
}

}  // namespace
}  // namespace ijik::domain

namespace ijik::domain {
namespace {

// A rate computed as a ratio (20 → 27 is 0.35) meets a bound of exactly that percentage.
TEST(ScreenTableTest, BoundsAtExactlyTheValue) {
  ScreenTable t;
  t.add(entry(1, "A", "서울", "1", "x", 27, 7.0 / 20.0, 0.15, std::nullopt));
  int64_t total = 0;
  ScreenQuery q;
  q.growth_12m = Bound{">=", 0.35};
  EXPECT_EQ(t.run(q, total)->size(), 1u);
  q.growth_12m = Bound{"=", 0.35};
  EXPECT_EQ(t.run(q, total)->size(), 1u);
  q = {};
  q.attrition_12m = Bound{"<=", 0.15};
  EXPECT_EQ(t.run(q, total)->size(), 1u);
}

}  // namespace
TEST(ScreenTableTest, RowOfFindsEachIdOnceIndexed) {
  ScreenTable t = sample();
  t.order_by_headcount();
  EXPECT_FALSE(t.row_of(2)) << "no answer before index_ids()";
  t.index_ids();
  for (int64_t id = 1; id <= 5; ++id) {
    auto row = t.row_of(id);
    ASSERT_TRUE(row) << id;
    EXPECT_EQ(t.id(*row), id);
  }
  const size_t toss = *t.row_of(2);
  EXPECT_EQ(t.entry(toss).name, "토스");
  EXPECT_EQ(t.name(toss), "토스");
  EXPECT_EQ(t.region(toss), "서울 강남구");
  EXPECT_EQ(t.industry_name(toss), "컴퓨터 프로그래밍 서비스업");
  EXPECT_EQ(t.headcount(toss), 1500);
  EXPECT_EQ(t.change_12m(toss), std::optional<int64_t>(375));
  EXPECT_EQ(t.change_12m(*t.row_of(3)), std::nullopt);
  EXPECT_FALSE(t.row_of(0));
  EXPECT_FALSE(t.row_of(6));
  EXPECT_FALSE(t.row_of(-1));
}

}  // namespace ijik::domain

namespace ijik::domain {
namespace {

// A query scanned block by block (as a CLI process reads the stored
// columns) keeps the same best rows, in the same order, as one pass over
// the whole table — ties, missing values and every numeric sort included.
TEST(ScreenScanTest, BlocksOfAnySizeAnswerAsTheWholeTable) {
  ScreenTable t;
  const char* regions[] = {"서울 강남구", "서울 서초구", "경기 성남시", "부산 해운대구"};
  const char* codes[] = {"620100", "582002", "631200"};
  uint64_t x = 7;
  auto next = [&](uint64_t n) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (x >> 33) % n;
  };
  for (int64_t id = 1; id <= 500; ++id) {
    const auto hc = static_cast<int64_t>(next(40));  // many ties
    std::optional<double> growth, attrition;
    std::optional<int64_t> pay;
    if (next(5) != 0) growth = static_cast<double>(next(9)) / 4.0 - 1.0;
    if (next(5) != 0) attrition = static_cast<double>(next(6)) / 10.0;
    if (next(4) != 0) pay = static_cast<int64_t>(2'000'000 + next(5) * 1'000'000);
    t.add(entry(id, "회사", regions[next(4)], codes[next(3)], "업종", hc, growth, attrition, pay,
                next(6) == 0 ? 2 : 1));
  }
  t.order_by_headcount();
  std::vector<ScreenQuery> queries(6);
  queries[1].region_prefix = "서울";
  queries[1].sort = "growth";
  queries[2].industry_code = "58";
  queries[2].attrition_12m = Bound{"<", 0.3};
  queries[2].sort = "attrition";
  queries[3].pay_year = Bound{">=", 48'000'000};
  queries[3].sort = "pay";
  queries[3].reverse = true;
  queries[4].min_headcount = 5;
  queries[4].max_headcount = 30;
  queries[4].status = 1;
  queries[4].limit = 7;
  queries[5].growth_12m = Bound{">=", 0.0};
  queries[5].limit = 1000;
  for (const ScreenQuery& q : queries) {
    int64_t whole_total = 0;
    auto whole = t.run(q, whole_total);
    ASSERT_TRUE(whole.ok());
    for (size_t rows : {size_t{1}, size_t{7}, size_t{128}, size_t{500}, size_t{8192}}) {
      auto scan = ScreenScan::start(q, t);
      ASSERT_TRUE(scan.ok());
      for (size_t first = 0; first < t.size(); first += rows) scan->add(t.block(first, rows));
      int64_t total = 0;
      auto hits = scan->finish(total);
      EXPECT_EQ(total, whole_total) << q.sort << " in blocks of " << rows;
      ASSERT_EQ(hits.size(), whole->size()) << q.sort << " in blocks of " << rows;
      for (size_t i = 0; i < hits.size(); ++i) {
        EXPECT_EQ(hits[i].row, (*whole)[i]);
        EXPECT_EQ(hits[i].id, t.id((*whole)[i]));
      }
    }
  }
  EXPECT_FALSE(ScreenScan::start(ScreenQuery{.sort = "name"}, t).ok());  // needs the names
  EXPECT_FALSE(ScreenScan::start(ScreenQuery{.sort = "size"}, t).ok());
}

}  // namespace
}  // namespace ijik::domain
