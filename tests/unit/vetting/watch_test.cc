// The watch list and alert raising on a real workspace: a watched workplace
// that collapses raises its alerts once, stamped with the month of data;
// evaluating the same data again raises nothing; a new month that continues
// the same episode raises nothing either.
#include "vetting/watch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/nps_repo.h"
#include "store/watch_repo.h"
#include "store/workspace.h"

namespace ijik::vetting {
namespace {

namespace fs = std::filesystem;

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ijik-watch-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto db = store::open_workspace((dir_ / "ijik.db").string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    store::NpsRepo nps(db_);
    store::WorkplaceRecord w;
    w.brn6 = "123456";
    w.name = "주식회사 무너짐";
    w.name_key = "무너짐";
    w.industry_code = "620100";
    w.industry_name = "소프트웨어 개발";
    w.first_month = 202501;
    w.attrs_month = 202501;
    ASSERT_TRUE(nps.insert_workplace(w).ok());
    id_ = w.id;
  }
  void TearDown() override { fs::remove_all(dir_); }

  void month(int yyyymm, int64_t headcount, int status = 1) {
    store::NpsRepo nps(db_);
    domain::MonthlyPoint p;
    p.month = YearMonth{yyyymm / 100, yyyymm % 100};
    p.headcount = headcount;
    p.billed = headcount * 270'000;
    p.leavers = 1;
    p.hires = 1;
    p.status = status;
    ASSERT_TRUE(nps.insert_monthly(yyyymm, id_, p).ok());
    store::ImportedMonth im;
    im.month = p.month;
    im.rows = 1;
    im.source_file = "test";
    im.imported_at = "2025-06-01T00:00:00Z";
    ASSERT_TRUE(nps.record_month(im).ok());
  }

  std::vector<store::AlertRecord> refresh() {
    auto r = refresh_alerts(db_, default_rules(), "2025-06-01T00:00:00Z");
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : std::vector<store::AlertRecord>{};
  }

  fs::path dir_;
  store::Database db_;
  int64_t id_ = 0;
};

TEST_F(WatchTest, AlertsOncePerEpisodeWithTheMonthOfData) {
  month(202501, 100);
  month(202502, 100);
  store::WatchRepo repo(db_);
  store::WatchRecord w;
  w.target.workplace_id = id_;
  w.added_at = "2025-03-01T00:00:00Z";
  ASSERT_TRUE(repo.add(w).ok());
  EXPECT_TRUE(refresh().empty());

  month(202503, 50);  // the drop
  auto raised = refresh();
  ASSERT_EQ(raised.size(), 1u);
  EXPECT_EQ(raised[0].rule, "headcount-drop");
  EXPECT_EQ(raised[0].month, "2025-03");
  EXPECT_EQ(raised[0].subject, "주식회사 무너짐");
  EXPECT_TRUE(refresh().empty()) << "the same data raised again";

  month(202504, 45);  // still down: the same episode
  EXPECT_TRUE(refresh().empty());
  month(202505, 0, 2);  // withdrawn: a new finding
  raised = refresh();
  ASSERT_EQ(raised.size(), 1u);
  EXPECT_EQ(raised[0].rule, "withdrawal");
  EXPECT_EQ(raised[0].month, "2025-05");

  auto all = repo.alerts("");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].month, "2025-05");  // newest month first
  auto since = repo.alerts("2025-04");
  ASSERT_TRUE(since.ok());
  EXPECT_EQ(since->size(), 1u);
}

TEST_F(WatchTest, UnwatchedCompaniesRaiseNothing) {
  month(202501, 100);
  month(202502, 10);
  EXPECT_TRUE(refresh().empty());
}

}  // namespace
}  // namespace ijik::vetting
