// compute_metrics on hand-built series: every expected number below is worked
// out by hand in the comments next to it.
#include "domain/workforce.h"

#include <gtest/gtest.h>

#include <vector>

namespace ijik::domain {
namespace {

YearMonth M(int year, int month) {
  return YearMonth{year, month};
}

MonthlyPoint P(YearMonth m, int64_t headcount, int64_t billed = 0, int64_t hires = 0,
               int64_t leavers = 0) {
  MonthlyPoint p;
  p.month = m;
  p.headcount = headcount;
  p.billed = billed;
  p.hires = hires;
  p.leavers = leavers;
  return p;
}

// 2024-12 .. 2025-12, 13 consecutive months. 2024-12 is the 12-months-back
// point: it anchors change_12m but lies outside the 12-month window.
std::vector<MonthlyPoint> thirteen_months() {
  std::vector<MonthlyPoint> s;
  s.push_back(P(M(2024, 12), 100, 0, 50, 40));  // big hires/leavers that must not count
  for (int i = 1; i <= 12; ++i) s.push_back(P(M(2025, i), 100 + 2 * i, 0, 3, 1));
  // Latest (2025-12): 124 members billed 124 × 3,000,000 × 9% = 33,480,000.
  s.back().billed = 33'480'000;
  return s;
}

TEST(WorkforceTest, FullYearOfMonths) {
  WorkforceMetrics m = compute_metrics(thirteen_months());
  EXPECT_EQ(m.latest_month, M(2025, 12));
  EXPECT_EQ(m.headcount, 124);
  EXPECT_EQ(m.months_observed, 13);

  // 3 months back is 2025-09 (118): +6.
  ASSERT_TRUE(m.change_3m.has_value());
  EXPECT_EQ(*m.change_3m, 6);
  EXPECT_DOUBLE_EQ(*m.change_3m_pct, 6.0 / 118.0);
  // 6 months back is 2025-06 (112): +12.
  ASSERT_TRUE(m.change_6m.has_value());
  EXPECT_EQ(*m.change_6m, 12);
  EXPECT_DOUBLE_EQ(*m.change_6m_pct, 12.0 / 112.0);
  // 12 months back is 2024-12 (100): +24 = +24%.
  ASSERT_TRUE(m.change_12m.has_value());
  EXPECT_EQ(*m.change_12m, 24);
  EXPECT_DOUBLE_EQ(*m.change_12m_pct, 0.24);

  // 2025-01..2025-12 only: 12 × 3 hires, 12 × 1 leavers; 2024-12's 50/40 excluded.
  EXPECT_EQ(m.hires_12m, 36);
  EXPECT_EQ(m.leavers_12m, 12);
  // Mean headcount over 2025-01..12 is (102 + 124) / 2 = 113.
  ASSERT_TRUE(m.attrition_12m.has_value());
  EXPECT_DOUBLE_EQ(*m.attrition_12m, 12.0 / 113.0);

  // 33,480,000 / 124 / 0.09 = 3,000,000.
  ASSERT_TRUE(m.pay_month_est.has_value());
  EXPECT_EQ(*m.pay_month_est, 3'000'000);
  EXPECT_EQ(*m.pay_year_est, 36'000'000);
  EXPECT_FALSE(m.pay_is_lower_bound);
}

TEST(WorkforceTest, ThirteenthMonthBackNeverCounts) {
  // Only two points: the latest and the one 12 months before it.
  std::vector<MonthlyPoint> s = {P(M(2024, 3), 40, 0, 7, 9), P(M(2025, 3), 50, 0, 2, 1)};
  WorkforceMetrics m = compute_metrics(s);
  EXPECT_EQ(m.hires_12m, 2);
  EXPECT_EQ(m.leavers_12m, 1);
  EXPECT_DOUBLE_EQ(*m.attrition_12m, 1.0 / 50.0);  // the mean is over 2025-03 alone
  EXPECT_EQ(m.change_12m.value_or(-999), 10);
  EXPECT_DOUBLE_EQ(m.change_12m_pct.value_or(-1), 0.25);
  EXPECT_FALSE(m.change_3m.has_value());
  EXPECT_FALSE(m.change_6m.has_value());
  EXPECT_EQ(m.months_observed, 2);

  // 11 months back is inside the window.
  s = {P(M(2024, 4), 40, 0, 7, 9), P(M(2025, 3), 50, 0, 2, 1)};
  m = compute_metrics(s);
  EXPECT_EQ(m.hires_12m, 9);
  EXPECT_EQ(m.leavers_12m, 10);
  EXPECT_DOUBLE_EQ(*m.attrition_12m, 10.0 / 45.0);
  EXPECT_FALSE(m.change_12m.has_value());
}

TEST(WorkforceTest, MissingMonthsLeaveChangesAbsent) {
  // 2025-01, 2025-02, 2025-04: 2025-03 is missing.
  std::vector<MonthlyPoint> s = {P(M(2025, 1), 10, 0, 1, 2), P(M(2025, 2), 20, 0, 4, 1),
                                 P(M(2025, 4), 30, 0, 5, 3)};
  WorkforceMetrics m = compute_metrics(s);
  EXPECT_EQ(m.months_observed, 3);
  EXPECT_EQ(m.headcount, 30);
  EXPECT_EQ(m.change_3m.value_or(-999), 20);  // from 2025-01
  EXPECT_DOUBLE_EQ(m.change_3m_pct.value_or(-1), 2.0);
  EXPECT_FALSE(m.change_6m.has_value());
  EXPECT_FALSE(m.change_6m_pct.has_value());
  EXPECT_FALSE(m.change_12m.has_value());
  EXPECT_FALSE(m.change_12m_pct.has_value());
  EXPECT_EQ(m.hires_12m, 10);
  EXPECT_EQ(m.leavers_12m, 6);
  // Mean over the 3 months present: (10 + 20 + 30) / 3 = 20 → 6 / 20.
  EXPECT_DOUBLE_EQ(m.attrition_12m.value_or(-1), 0.3);

  // The 3-months-back month itself missing: 2025-07 latest, 2025-04 absent, 2025-01 present.
  s = {P(M(2025, 1), 8), P(M(2025, 3), 9), P(M(2025, 5), 11), P(M(2025, 7), 12)};
  m = compute_metrics(s);
  EXPECT_FALSE(m.change_3m.has_value());
  EXPECT_FALSE(m.change_3m_pct.has_value());
  EXPECT_EQ(m.change_6m.value_or(-999), 4);
  EXPECT_DOUBLE_EQ(m.change_6m_pct.value_or(-1), 0.5);
}

TEST(WorkforceTest, DeclineAndZeroBase) {
  // A shrinking workplace: negative changes.
  std::vector<MonthlyPoint> s = {P(M(2025, 1), 80), P(M(2025, 4), 60)};
  WorkforceMetrics m = compute_metrics(s);
  EXPECT_EQ(m.change_3m.value_or(0), -20);
  EXPECT_DOUBLE_EQ(m.change_3m_pct.value_or(0), -0.25);

  // From zero members: the change is known, the percentage is not.
  s = {P(M(2025, 1), 0), P(M(2025, 4), 7)};
  m = compute_metrics(s);
  EXPECT_EQ(m.change_3m.value_or(0), 7);
  EXPECT_FALSE(m.change_3m_pct.has_value());
}

TEST(WorkforceTest, SinglePoint) {
  WorkforceMetrics m = compute_metrics({P(M(2025, 5), 12, 0, 0, 0)});
  EXPECT_EQ(m.months_observed, 1);
  EXPECT_EQ(m.headcount, 12);
  EXPECT_FALSE(m.change_3m.has_value());
  EXPECT_EQ(m.hires_12m, 0);
  EXPECT_EQ(m.leavers_12m, 0);
  EXPECT_DOUBLE_EQ(m.attrition_12m.value_or(-1), 0.0);
  EXPECT_FALSE(m.pay_month_est.has_value());  // nothing billed
}

TEST(WorkforceTest, NoAttritionWithoutMembers) {
  WorkforceMetrics m = compute_metrics({P(M(2025, 4), 0, 0, 0, 3), P(M(2025, 5), 0, 0, 0, 0)});
  EXPECT_EQ(m.leavers_12m, 3);
  EXPECT_FALSE(m.attrition_12m.has_value());
}

TEST(WorkforceTest, PayUsesTheRateOfTheLatestMonth) {
  // 2025: 9%. 3 members, 1,000,000 billed: 1,000,000 / 3 / 0.09 = 3,703,703.7 → 3,703,704.
  WorkforceMetrics m = compute_metrics({P(M(2025, 12), 3, 1'000'000)});
  EXPECT_EQ(m.pay_month_est.value_or(0), 3'703'704);
  EXPECT_EQ(m.pay_year_est.value_or(0), 3'703'704 * 12);

  // 2026: 9.5%. 10 members billed 10 × 4,000,000 × 9.5% = 3,800,000 → 4,000,000.
  m = compute_metrics({P(M(2026, 3), 10, 3'800'000)});
  EXPECT_EQ(m.pay_month_est.value_or(0), 4'000'000);
  EXPECT_EQ(m.pay_year_est.value_or(0), 48'000'000);
  EXPECT_FALSE(m.pay_is_lower_bound);

  // The same billing read with 2025's rate would be 4,222,222.
  m = compute_metrics({P(M(2025, 3), 10, 3'800'000)});
  EXPECT_EQ(m.pay_month_est.value_or(0), 4'222'222);

  // Only the latest month's billing counts.
  m = compute_metrics({P(M(2025, 1), 10, 99'000'000), P(M(2025, 2), 2, 360'000)});
  EXPECT_EQ(m.pay_month_est.value_or(0), 2'000'000);
}

TEST(WorkforceTest, PayNearTheCeilingIsALowerBound) {
  // 2025-07..2026-06: ceiling 6,370,000; 97% of it is 6,178,900.
  // 6,200,000 per head (1 member billed 558,000 at 9%): a lower bound.
  WorkforceMetrics m = compute_metrics({P(M(2025, 7), 1, 558'000)});
  EXPECT_EQ(m.pay_month_est.value_or(0), 6'200'000);
  EXPECT_TRUE(m.pay_is_lower_bound);
  // 6,100,000 per head (billed 549,000): below 97%.
  m = compute_metrics({P(M(2025, 7), 1, 549'000)});
  EXPECT_EQ(m.pay_month_est.value_or(0), 6'100'000);
  EXPECT_FALSE(m.pay_is_lower_bound);
  // At the ceiling exactly, in 2026 (5 members × 6,370,000 × 9.5% = 3,025,750).
  m = compute_metrics({P(M(2026, 1), 5, 3'025'750)});
  EXPECT_EQ(m.pay_month_est.value_or(0), 6'370'000);
  EXPECT_TRUE(m.pay_is_lower_bound);

  // 6,000,000 per head: near 2024-07..2025-06's ceiling (6,170,000 × 97% = 5,984,900) ...
  m = compute_metrics({P(M(2025, 6), 2, 1'080'000)});
  EXPECT_EQ(m.pay_month_est.value_or(0), 6'000'000);
  EXPECT_TRUE(m.pay_is_lower_bound);
  // ... but not near the next period's, from July.
  m = compute_metrics({P(M(2025, 7), 2, 1'080'000)});
  EXPECT_EQ(m.pay_month_est.value_or(0), 6'000'000);
  EXPECT_FALSE(m.pay_is_lower_bound);
}

TEST(WorkforceTest, NoPayWithoutMembersOrBilling) {
  WorkforceMetrics m = compute_metrics({P(M(2025, 5), 0, 500'000)});
  EXPECT_FALSE(m.pay_month_est.has_value());
  EXPECT_FALSE(m.pay_year_est.has_value());
  EXPECT_FALSE(m.pay_is_lower_bound);
  m = compute_metrics({P(M(2025, 5), 10, 0)});
  EXPECT_FALSE(m.pay_month_est.has_value());
  EXPECT_FALSE(m.pay_year_est.has_value());
  EXPECT_FALSE(m.pay_is_lower_bound);
  // An earlier month's billing does not stand in for the latest.
  m = compute_metrics({P(M(2025, 4), 10, 2'700'000), P(M(2025, 5), 0, 0)});
  EXPECT_FALSE(m.pay_month_est.has_value());
}

}  // namespace
}  // namespace ijik::domain
