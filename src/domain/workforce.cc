#include "domain/workforce.h"

#include <cmath>

#include "domain/pension.h"

namespace ijik::domain {
namespace {

// A per-head figure this close to the ceiling is probably clamped by it.
constexpr double kNearCeiling = 0.97;

const MonthlyPoint* find_month(const std::vector<MonthlyPoint>& s, int index) {
  // Series are short (≤ a few hundred months): a backwards scan finds recent months first.
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    if (it->month.index() == index) return &*it;
    if (it->month.index() < index) break;
  }
  return nullptr;
}

}  // namespace

WorkforceMetrics compute_metrics(const std::vector<MonthlyPoint>& series) {
  WorkforceMetrics m;
  const MonthlyPoint& last = series.back();
  m.latest_month = last.month;
  m.headcount = last.headcount;
  m.months_observed = static_cast<int>(series.size());
  const int li = last.month.index();

  auto change = [&](int months, std::optional<int64_t>& abs, std::optional<double>& pct) {
    if (const MonthlyPoint* p = find_month(series, li - months)) {
      abs = last.headcount - p->headcount;
      if (p->headcount > 0) pct = static_cast<double>(*abs) / static_cast<double>(p->headcount);
    }
  };
  change(3, m.change_3m, m.change_3m_pct);
  change(6, m.change_6m, m.change_6m_pct);
  change(12, m.change_12m, m.change_12m_pct);

  int64_t headcount_sum = 0;
  int months = 0;
  for (auto it = series.rbegin(); it != series.rend() && it->month.index() > li - 12; ++it) {
    m.hires_12m += it->hires;
    m.leavers_12m += it->leavers;
    headcount_sum += it->headcount;
    ++months;
  }
  if (months > 0 && headcount_sum > 0)
    m.attrition_12m =
        static_cast<double>(m.leavers_12m) / (static_cast<double>(headcount_sum) / months);

  if (last.headcount > 0 && last.billed > 0) {
    double per_head = static_cast<double>(last.billed) / static_cast<double>(last.headcount) /
                      contribution_rate(last.month);
    m.pay_month_est = static_cast<int64_t>(std::llround(per_head));
    m.pay_year_est = *m.pay_month_est * 12;
    m.pay_is_lower_bound =
        per_head >= kNearCeiling * static_cast<double>(income_bounds(last.month).ceiling);
  }
  return m;
}

}  // namespace ijik::domain
