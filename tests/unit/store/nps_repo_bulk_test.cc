// NpsRepo's bulk writes (several rows per statement) store exactly what the
// one-row writes store, whatever the count: whole groups, the rest, none.
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "store/nps_repo.h"
#include "store/point_window.h"
#include "unit/support/workspace_test.h"

namespace ijik::store {
namespace {

class NpsRepoBulkTest : public testing::WorkspaceTest {
 protected:
  static WorkplaceRecord workplace(int64_t id) {
    WorkplaceRecord w;
    w.id = id;
    w.brn6 = fmt_brn(id);
    w.name = "주식회사 가나" + std::to_string(id);
    w.name_key = "가나" + std::to_string(id);
    w.ldong = "1168010100";
    w.adopted = "2020-01-0" + std::to_string(1 + id % 9);
    w.legal_form = 1;
    w.region = "서울 강남구";
    w.address = "서울특별시 강남구 테헤란로 " + std::to_string(id);
    w.industry_code = "582002";
    w.industry_name = "응용 소프트웨어 개발 및 공급업";
    w.status = id % 7 == 0 ? 2 : 1;
    if (w.status == 2) w.withdrawn_on = "2025-05-31";
    w.first_month = w.attrs_month = 202506;
    w.attrs_hash = id * 31;
    return w;
  }
  static std::string fmt_brn(int64_t id) { return std::to_string(100000 + id); }
};

TEST_F(NpsRepoBulkTest, WorkplacesMonthlyRowsAndMetricsInAnyCount) {
  NpsRepo repo(*db_);
  // 0, 1, a group less one, a group, a group and more.
  for (size_t count : {size_t{0}, size_t{1}, size_t{31}, size_t{32}, size_t{75}}) {
    SCOPED_TRACE(count);
    auto tx = Transaction::begin(*db_, true);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db_->exec("DELETE FROM nps_workplaces; DELETE FROM nps_monthly; "
                          "DELETE FROM nps_metrics")
                    .ok());
    std::vector<WorkplaceRecord> records;
    for (size_t i = 0; i < count; ++i) records.push_back(workplace(static_cast<int64_t>(i) + 10));
    std::vector<const WorkplaceRecord*> pointers;
    for (const auto& w : records) pointers.push_back(&w);
    ASSERT_TRUE(repo.insert_workplaces(pointers).ok());

    std::vector<std::pair<int64_t, domain::MonthlyPoint>> monthly;
    std::vector<NpsRepo::MetricsRow> metrics;
    for (const auto& w : records) {
      domain::MonthlyPoint p{YearMonth{2025, 6}, w.id * 3, w.id * 810'000,
                             w.id % 4,           w.id % 5, w.status};
      monthly.emplace_back(w.id, p);
      NpsRepo::MetricsRow m;
      m.workplace_id = w.id;
      m.metrics = domain::compute_metrics({p});
      m.metrics.months_observed = 1;
      m.recent = encode_points({p});
      metrics.push_back(std::move(m));
    }
    ASSERT_TRUE(repo.insert_monthly(202506, monthly).ok());
    ASSERT_TRUE(repo.record_month({YearMonth{2025, 6}, static_cast<int64_t>(count), 0, "test",
                                   "2025-07-01T00:00:00Z"})
                    .ok());
    ASSERT_TRUE(repo.put_metrics(std::span<const NpsRepo::MetricsRow>(metrics)).ok());
    ASSERT_TRUE(tx->commit().ok());

    auto n = repo.workplace_count();
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, static_cast<int64_t>(count));
    for (const auto& w : records) {
      auto back = repo.workplace(w.id);
      ASSERT_TRUE(back.ok() && back->has_value());
      EXPECT_EQ((*back)->name, w.name);
      EXPECT_EQ((*back)->address, w.address);
      EXPECT_EQ((*back)->adopted, w.adopted);
      EXPECT_EQ((*back)->withdrawn_on, w.withdrawn_on);
      EXPECT_EQ((*back)->attrs_hash, w.attrs_hash);
      auto series = repo.series(w.id);
      ASSERT_TRUE(series.ok());
      ASSERT_EQ(series->size(), 1u);
      EXPECT_EQ(series->front().headcount, w.id * 3);
      EXPECT_EQ(series->front().billed, w.id * 810'000);
      EXPECT_EQ(series->front().status, w.status);
    }
    int64_t stored_metrics = 0;
    ASSERT_TRUE(repo.scan_recent_points(0, 1000,
                                        [&](int64_t id, std::string_view packed) -> Status {
                                          auto points = decode_points(packed);
                                          EXPECT_TRUE(points.has_value());
                                          if (points) {
                                            EXPECT_EQ(points->front().headcount, id * 3);
                                          }
                                          ++stored_metrics;
                                          return {};
                                        })
                    .ok());
    EXPECT_EQ(stored_metrics, static_cast<int64_t>(count));
  }
}

TEST_F(NpsRepoBulkTest, AWorkplaceWithoutItsIdIsRefusedAndNothingIsWritten) {
  NpsRepo repo(*db_);
  std::vector<WorkplaceRecord> records{workplace(1), workplace(2)};
  records[1].id = 0;
  std::vector<const WorkplaceRecord*> pointers{&records[0], &records[1]};
  EXPECT_FALSE(repo.insert_workplaces(pointers).ok());
  auto n = repo.workplace_count();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0);
}

}  // namespace
}  // namespace ijik::store
