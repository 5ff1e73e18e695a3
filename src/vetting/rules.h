// The vetting rules: each a pure function of a workplace's monthly series,
// a company's statements or its pay position, returning the flag it raises
// (or none). Thresholds come from RuleConfig (rules.toml); every rule is
// explained in docs/vetting.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/financials.h"
#include "domain/workforce.h"
#include "vetting/flag.h"
#include "vetting/rule_config.h"

namespace ijik::vetting {

// Where a workplace's estimated pay sits among workplaces of the same
// industry and size band (the workplace itself excluded).
struct PayPosition {
  YearMonth month;           // the month of the estimate
  int64_t pay_month = 0;     // this workplace's estimate
  bool lower_bound = false;  // near the ceiling: real pay may be higher
  int64_t headcount = 0;
  int64_t peers = 0;
  double percentile = 0;  // share of peers paying less, 0..1
  int64_t p25 = 0, p50 = 0, p75 = 0;
  std::string industry, band;  // "소프트웨어 개발 (J62010)", "30–99명"
};

// Series rules; `s` sorted by month, one point per month.
std::optional<Flag> headcount_drop(const std::vector<domain::MonthlyPoint>& s,
                                   const RuleConfig::HeadcountDrop& c);
std::optional<Flag> net_outflow(const std::vector<domain::MonthlyPoint>& s,
                                const RuleConfig::NetOutflow& c);
std::optional<Flag> withdrawal(const std::vector<domain::MonthlyPoint>& s,
                               const RuleConfig::Withdrawal& c);
std::optional<Flag> billed_per_head_drop(const std::vector<domain::MonthlyPoint>& s,
                                         const RuleConfig::BilledPerHeadDrop& c);
std::optional<Flag> steady_growth(const std::vector<domain::MonthlyPoint>& s,
                                  const RuleConfig::SteadyGrowth& c);

// Statement rules; `years` sorted by fiscal year, one entry per year.
std::optional<Flag> operating_loss_streak(const std::vector<domain::FinancialYear>& years,
                                          const RuleConfig::OperatingLossStreak& c);
// `payroll` is the estimated annual payroll (estimated_payroll) of the latest year with revenue.
std::optional<Flag> revenue_below_payroll(const std::vector<domain::FinancialYear>& years,
                                          const std::vector<domain::MonthlyPoint>& s,
                                          const RuleConfig::RevenueBelowPayroll& c);
std::optional<Flag> revenue_decline(const std::vector<domain::FinancialYear>& years,
                                    const RuleConfig::RevenueDecline& c);
std::optional<Flag> capital_impairment(const std::vector<domain::FinancialYear>& years,
                                       const RuleConfig::CapitalImpairment& c);
std::optional<Flag> profitable(const std::vector<domain::FinancialYear>& years,
                               const RuleConfig::Profitable& c);

// Pay rules.
std::optional<Flag> low_pay(const std::optional<PayPosition>& p, const RuleConfig::LowPay& c);
std::optional<Flag> pay_above_median(const std::optional<PayPosition>& p,
                                     const RuleConfig::PayAboveMedian& c);

// The estimated payroll of fiscal year `year`: the pension income base
// (billed ÷ contribution rate) summed over that year's months, scaled to twelve
// when at least six are present; else the latest month × 12 when the series
// has no month of that year. A lower bound of what was paid.
std::optional<int64_t> estimated_payroll(const std::vector<domain::MonthlyPoint>& s, int year);

}  // namespace ijik::vetting
