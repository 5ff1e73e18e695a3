// The persisted snapshot: built on first use, loaded when current, rebuilt
// after new public data, and loaded halves answer like the full index.
#include "search/snapshot.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "search/index_cache.h"
#include "store/search_repo.h"
#include "store/workspace.h"
#include "text/korean.h"

namespace ijik::search {
namespace {

namespace fs = std::filesystem;

class SnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ijik-search-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto db = store::open_workspace((dir_ / "ijik.db").string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void add_workplace(int64_t id, const std::string& name, int64_t headcount) {
    auto st = db_.prepare(
        "INSERT INTO nps_workplaces(id, brn6, name, name_key, ldong, adopted, legal_form, "
        "sido_code, region, "
        "address, industry_code, industry_name, status, first_month, attrs_month, attrs_hash) "
        "VALUES (?, '123456', ?, ?, '1100000000', '', 1, '11', '서울 강남구', '', '620100', "
        "'소프트웨어', 1, "
        "202501, 202501, 0)");
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(
        st->bind(1, id).bind(2, name).bind(3, text::normalize_company_name(name)).run().ok());
    auto m = db_.prepare(
        "INSERT INTO nps_metrics(workplace_id, latest_month, headcount, months_observed, "
        "hires_12m, leavers_12m, "
        "pay_is_lower_bound) VALUES (?, 202501, ?, 1, 0, 0, 0)");
    ASSERT_TRUE(m.ok());
    ASSERT_TRUE(m->bind(1, id).bind(2, headcount).run().ok());
  }
  void record_month(int yyyymm, const std::string& at) {
    auto st = db_.prepare("INSERT OR REPLACE INTO nps_months VALUES (?, 1, 0, 'x.csv', ?)");
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(st->bind(1, yyyymm).bind(2, at).run().ok());
  }
  std::vector<int64_t> find(const NameIndex& ix, std::string_view q) {
    std::vector<int64_t> out;
    for (const auto& h : ix.search(make_query(q), 20)) out.push_back(ix.id(h.pos));
    return out;
  }

  fs::path dir_;
  store::Database db_;
};

TEST_F(SnapshotTest, BuiltOnceThenLoadedWithTheSameResults) {
  add_workplace(1, "(주)네이버", 4000);
  add_workplace(2, "네이버파이낸셜", 1500);
  add_workplace(3, "라인플러스", 900);
  record_month(202501, "2026-01-01T00:00:00Z");

  LoadInfo first;
  auto built = load_index(db_, NameIndex::kNames, &first);
  ASSERT_TRUE(built.ok()) << built.error().message;
  EXPECT_TRUE(first.rebuilt);
  EXPECT_TRUE(first.saved);
  EXPECT_GT(first.bytes, 0u);

  LoadInfo second;
  auto names = load_index(db_, NameIndex::kNames, &second);
  auto cho = load_index(db_, NameIndex::kChosung, &second);
  ASSERT_TRUE(names.ok() && cho.ok());
  EXPECT_FALSE(second.rebuilt);
  EXPECT_EQ(find(*names, "네이버"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(find(*names, "네이버"), find(*built, "네이버"));
  EXPECT_EQ(find(*cho, "ㄴㅇㅂ"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(find(*cho, "ㄹㅇ"), (std::vector<int64_t>{3}));
}

TEST_F(SnapshotTest, StaleSnapshotIsRebuiltAfterNewData) {
  add_workplace(1, "(주)네이버", 4000);
  record_month(202501, "2026-01-01T00:00:00Z");
  ASSERT_TRUE(load_index(db_, NameIndex::kNames).ok());

  add_workplace(2, "네이버웹툰", 8000);
  record_month(202502, "2026-02-01T00:00:00Z");
  LoadInfo info;
  auto ix = load_index(db_, NameIndex::kNames, &info);
  ASSERT_TRUE(ix.ok());
  EXPECT_TRUE(info.rebuilt);
  EXPECT_EQ(find(*ix, "네이버"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(find(*ix, "웹툰"), (std::vector<int64_t>{2}));

  // Re-importing a month (new import time) also makes it stale.
  record_month(202502, "2026-02-02T00:00:00Z");
  LoadInfo again;
  ASSERT_TRUE(load_index(db_, NameIndex::kNames, &again).ok());
  EXPECT_TRUE(again.rebuilt);
  LoadInfo current;
  ASSERT_TRUE(load_index(db_, NameIndex::kNames, &current).ok());
  EXPECT_FALSE(current.rebuilt);
}

TEST_F(SnapshotTest, FindWorkplacesReadsTheSnapshotAndRebuildsADamagedOne) {
  add_workplace(1, "(주)네이버", 4000);
  add_workplace(2, "네이버파이낸셜", 1500);
  add_workplace(3, "라인플러스", 900);
  record_month(202501, "2026-01-01T00:00:00Z");
  auto ids = [&](std::string_view q) {
    std::vector<int64_t> out;
    auto hits = find_workplaces(db_, make_query(q), 10);
    EXPECT_TRUE(hits.ok());
    if (hits.ok())
      for (const auto& h : *hits) out.push_back(h.id);
    return out;
  };
  EXPECT_EQ(ids("네이버"), (std::vector<int64_t>{1, 2}));  // built and saved
  const int written = sqlite3_total_changes(db_.handle());
  EXPECT_EQ(ids("ㄹㅇ"), (std::vector<int64_t>{3}));  // read in place: nothing written
  EXPECT_EQ(ids("파이낸셜"), (std::vector<int64_t>{2}));
  EXPECT_EQ(sqlite3_total_changes(db_.handle()), written);
  ASSERT_TRUE(db_.exec("UPDATE search_snapshot SET data = x'01' WHERE part = 'names.off'").ok());
  EXPECT_EQ(ids("네이버"), (std::vector<int64_t>{1, 2}));  // damaged: rebuilt
  EXPECT_GT(sqlite3_total_changes(db_.handle()), written + 1);
  LoadInfo info;
  ASSERT_TRUE(load_index(db_, NameIndex::kNames, &info).ok());
  EXPECT_FALSE(info.rebuilt);  // …and saved again
}

TEST_F(SnapshotTest, EmptyWorkspaceStoresNothing) {
  LoadInfo info;
  auto ix = load_index(db_, NameIndex::kNames, &info);
  ASSERT_TRUE(ix.ok());
  EXPECT_EQ(ix->size(), 0u);
  EXPECT_FALSE(info.saved);
  store::SearchRepo repo(db_);
  auto stamp = repo.snapshot_stamp();
  ASSERT_TRUE(stamp.ok());
  EXPECT_FALSE(stamp->has_value());
}

}  // namespace
}  // namespace ijik::search
