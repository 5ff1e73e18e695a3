// A workplace's monthly National Pension series and the metrics derived from
// it: headcount trend, hires against leavers, attrition, estimated pay.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/month.h"

namespace ijik::domain {

// One month of one workplace, as published.
struct MonthlyPoint {
  YearMonth month;
  int64_t headcount = 0;  // 가입자수
  int64_t billed = 0;     // 당월고지금액, KRW (employer + employee shares)
  int64_t hires = 0;      // 신규취득자수
  int64_t leavers = 0;    // 상실가입자수
  int status = 1;         // 1 enrolled (등록), 2 withdrawn (탈퇴)
};

struct WorkforceMetrics {
  YearMonth latest_month;
  int64_t headcount = 0;
  int months_observed = 0;
  // Change from N months before the latest month; absent when that month is missing.
  std::optional<int64_t> change_3m, change_6m, change_12m;
  std::optional<double> change_3m_pct, change_6m_pct, change_12m_pct;  // 0.1 = +10%
  // Over the 12 months ending with the latest (months present only).
  int64_t hires_12m = 0;
  int64_t leavers_12m = 0;
  std::optional<double> attrition_12m;  // leavers_12m / mean headcount over those months
  // Average 기준소득월액 per member estimated from the latest month's billing:
  // billed / headcount / contribution rate. A lower bound when it sits near the
  // ceiling (pay above the ceiling is billed as the ceiling).
  std::optional<int64_t> pay_month_est;
  std::optional<int64_t> pay_year_est;  // × 12
  bool pay_is_lower_bound = false;
};

// Metrics of a series sorted by month (one point per month). REQUIRES: non-empty.
WorkforceMetrics compute_metrics(const std::vector<MonthlyPoint>& series);

}  // namespace ijik::domain
