#include "vetting/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "common/money.h"
#include "domain/pension.h"

namespace ijik::vetting {
namespace {

using domain::FinancialYear;
using domain::MonthlyPoint;
using Series = std::vector<MonthlyPoint>;

// The point of month `m`, if present.
const MonthlyPoint* at(const Series& s, const YearMonth& m) {
  auto it = std::lower_bound(s.begin(), s.end(), m,
                             [](const MonthlyPoint& p, const YearMonth& v) { return p.month < v; });
  return it != s.end() && it->month == m ? &*it : nullptr;
}

// When `holds` is true of the latest point: the index of the first point of
// the run of consecutive months ending there in which it holds.
std::optional<size_t> onset(const Series& s, const std::function<bool(size_t)>& holds) {
  if (s.empty() || !holds(s.size() - 1)) return std::nullopt;
  size_t i = s.size() - 1;
  while (i > 0 && s[i - 1].month.plus(1) == s[i].month && holds(i - 1)) --i;
  return i;
}

Flag red(std::string rule, const RuleSwitch& c) {
  Flag f;
  f.rule = std::move(rule);
  f.kind = FlagKind::kRed;
  f.severity = c.severity;
  return f;
}

Flag green(std::string rule, const RuleSwitch& c) {
  Flag f = red(std::move(rule), c);
  f.kind = FlagKind::kGreen;
  return f;
}

int pct(double fraction) {
  return static_cast<int>(std::lround(fraction * 100));
}

// Monthly pension income base per member: what the billing implies each earns.
double pay_per_head(const MonthlyPoint& p) {
  return static_cast<double>(p.billed) / static_cast<double>(p.headcount) /
         domain::contribution_rate(p.month);
}

std::string krw(int64_t v) {
  return format_krw(v / 10000 * 10000);
}
std::string krw(double v) {
  return krw(static_cast<int64_t>(v));
}

// The last `n` entries of `years` when they are consecutive years and all have `field`.
std::optional<std::vector<const FinancialYear*>> last_years(
    const std::vector<FinancialYear>& years, size_t n,
    std::optional<int64_t> FinancialYear::*field) {
  std::vector<const FinancialYear*> out;
  for (auto it = years.rbegin(); it != years.rend() && out.size() < n; ++it) {
    if (!((*it).*field)) continue;
    if (!out.empty() && out.back()->year != it->year + 1) return std::nullopt;
    out.push_back(&*it);
  }
  if (out.size() < n) return std::nullopt;
  std::reverse(out.begin(), out.end());
  return out;
}

YearMonth year_end(int year) {
  return {year, 12};
}

}  // namespace

std::optional<Flag> headcount_drop(const Series& s, const RuleConfig::HeadcountDrop& c) {
  if (!c.enabled) return std::nullopt;
  // The peak of the `within_months` months before point i, with its month.
  auto peak = [&](size_t i) {
    const MonthlyPoint* best = nullptr;
    for (int k = 1; k <= c.within_months; ++k)
      if (const MonthlyPoint* p = at(s, s[i].month.plus(-k));
          p && (!best || p->headcount > best->headcount))
        best = p;
    return best;
  };
  auto holds = [&](size_t i) {
    const MonthlyPoint* p = peak(i);
    return p && p->headcount >= c.min_headcount &&
           static_cast<double>(s[i].headcount) <= static_cast<double>(p->headcount) * (1 - c.drop);
  };
  auto i = onset(s, holds);
  if (!i) return std::nullopt;
  const MonthlyPoint* p = peak(*i);
  const MonthlyPoint& now = s[*i];
  const MonthlyPoint& last = s.back();
  const double fall = 1 - static_cast<double>(now.headcount) / static_cast<double>(p->headcount);
  Flag f = red("headcount-drop", c);
  f.month = now.month;
  f.evidence = fmt::format("headcount {} in {} → {} in {} (−{}%)", p->headcount, p->month.iso(),
                           now.headcount, now.month.iso(), pct(fall));
  if (&last != &now) f.evidence += fmt::format("; {} in {}", last.headcount, last.month.iso());
  f.message_ko = fmt::format(
      "{}개월 안에 인원이 {}% 줄었습니다({}명 → {}명): 일상적인 이직이 아니라 감원이나 대량 "
      "퇴사입니다.",
      c.within_months, pct(fall), p->headcount, now.headcount);
  f.message_en = fmt::format(
      "Headcount fell {}% within {} months ({} → {}): a layoff or an exodus, not ordinary "
      "turnover.",
      pct(fall), c.within_months, p->headcount, now.headcount);
  return f;
}

std::optional<Flag> net_outflow(const Series& s, const RuleConfig::NetOutflow& c) {
  if (!c.enabled) return std::nullopt;
  // Length of the run of consecutive months with leavers > hires ending at i.
  auto streak = [&](size_t i) {
    int n = 0;
    for (size_t j = i + 1; j-- > 0;) {
      if (!(s[j].leavers > s[j].hires)) break;
      if (j < i && s[j].month.plus(1) != s[j + 1].month) break;
      ++n;
    }
    return n;
  };
  auto holds = [&](size_t i) {
    int n = streak(i);
    if (n < c.months) return false;
    int64_t biggest = 0;
    for (size_t j = i + 1 - n; j <= i; ++j) biggest = std::max(biggest, s[j].headcount);
    // The month before the streak counts too: the outflow may empty the workplace.
    if (i + 1 - n > 0) biggest = std::max(biggest, s[i - n].headcount);
    return biggest >= c.min_headcount;
  };
  auto i = onset(s, holds);
  if (!i) return std::nullopt;
  const int n = streak(s.size() - 1);
  const size_t first = s.size() - n;
  int64_t hires = 0, leavers = 0;
  for (size_t j = first; j < s.size(); ++j) hires += s[j].hires, leavers += s[j].leavers;
  Flag f = red("net-outflow", c);
  f.month = s[*i].month;
  f.evidence =
      fmt::format("leavers above hires for {} months running, {} to {}: {} left, {} joined", n,
                  s[first].month.iso(), s.back().month.iso(), leavers, hires);
  f.message_ko = fmt::format(
      "{}개월 연속 퇴사자가 입사자보다 많습니다(퇴사 {}명, 입사 {}명): 사람이 빠져나가고 있습니다.",
      n, leavers, hires);
  f.message_en = fmt::format(
      "More people left than joined for {} months in a row ({} left, {} joined): the company is "
      "losing people.",
      n, leavers, hires);
  return f;
}

std::optional<Flag> withdrawal(const Series& s, const RuleConfig::Withdrawal& c) {
  if (!c.enabled) return std::nullopt;
  auto i = onset(s, [&](size_t j) { return s[j].status == 2; });
  if (!i) return std::nullopt;
  Flag f = red("withdrawal", c);
  f.month = s[*i].month;
  f.evidence = fmt::format("status 탈퇴 (withdrawn) since {}", s[*i].month.iso());
  if (*i > 0)
    f.evidence += fmt::format("; {} members in {}", s[*i - 1].headcount, s[*i - 1].month.iso());
  f.message_ko = "국민연금에서 탈퇴한 사업장입니다: 폐업, 합병 또는 보험료 납부 중단을 뜻합니다.";
  f.message_en =
      "The workplace withdrew from the National Pension scheme: it closed, merged or stopped "
      "paying contributions.";
  return f;
}

std::optional<Flag> billed_per_head_drop(const Series& s, const RuleConfig::BilledPerHeadDrop& c) {
  if (!c.enabled) return std::nullopt;
  auto usable = [&](const MonthlyPoint* p) {
    return p && p->status == 1 && p->headcount >= c.min_headcount && p->billed > 0;
  };
  auto holds = [&](size_t i) {
    const MonthlyPoint* ref = at(s, s[i].month.plus(-c.within_months));
    if (!usable(&s[i]) || !usable(ref)) return false;
    const double moved =
        std::abs(static_cast<double>(s[i].headcount) / static_cast<double>(ref->headcount) - 1);
    return moved <= c.headcount_hold && pay_per_head(s[i]) <= pay_per_head(*ref) * (1 - c.drop);
  };
  auto i = onset(s, holds);
  if (!i) return std::nullopt;
  const MonthlyPoint& now = s[*i];
  const MonthlyPoint& ref = *at(s, now.month.plus(-c.within_months));
  const double before = pay_per_head(ref), after = pay_per_head(now);
  Flag f = red("billed-per-head-drop", c);
  f.month = now.month;
  f.evidence = fmt::format(
      "pension income base per member {} in {} → {} in {} (−{}%) with headcount {} → {}",
      krw(before), ref.month.iso(), krw(after), now.month.iso(), pct(1 - after / before),
      ref.headcount, now.headcount);
  f.message_ko = fmt::format(
      "인원은 그대로인데 1인당 보험료 고지액이 {}% 줄었습니다: 급여 삭감이나 소득 축소 신고일 수 "
      "있습니다.",
      pct(1 - after / before));
  f.message_en = fmt::format(
      "Contributions billed per member fell {}% while headcount held: a pay cut, or pay no longer "
      "reported in full.",
      pct(1 - after / before));
  return f;
}

std::optional<Flag> steady_growth(const Series& s, const RuleConfig::SteadyGrowth& c) {
  if (!c.enabled || s.empty()) return std::nullopt;
  const auto m = domain::compute_metrics(s);
  if (m.headcount < c.min_headcount || !m.change_12m_pct || !m.attrition_12m) return std::nullopt;
  if (*m.change_12m_pct < c.min_growth_12m || *m.attrition_12m > c.max_attrition_12m)
    return std::nullopt;
  if (s.back().status != 1) return std::nullopt;
  for (size_t j = s.size() >= 3 ? s.size() - 3 : 0; j < s.size(); ++j)
    if (s[j].leavers > s[j].hires) return std::nullopt;
  Flag f = green("steady-growth", c);
  f.month = m.latest_month;
  f.evidence =
      fmt::format("headcount {:+} (+{}%) over 12 months to {}; attrition {}%; {} hires, {} leavers",
                  *m.change_12m, pct(*m.change_12m_pct), m.latest_month.iso(),
                  pct(*m.attrition_12m), m.hires_12m, m.leavers_12m);
  f.message_ko = fmt::format("12개월 동안 인원이 {}% 늘었고 퇴사율은 {}%로 낮습니다.",
                             pct(*m.change_12m_pct), pct(*m.attrition_12m));
  f.message_en = fmt::format("Headcount grew {}% over 12 months with a low attrition of {}%.",
                             pct(*m.change_12m_pct), pct(*m.attrition_12m));
  return f;
}

std::optional<Flag> operating_loss_streak(const std::vector<FinancialYear>& years,
                                          const RuleConfig::OperatingLossStreak& c) {
  if (!c.enabled) return std::nullopt;
  auto ys = last_years(years, static_cast<size_t>(c.years), &FinancialYear::operating_income);
  if (!ys) return std::nullopt;
  std::string list;
  for (const auto* y : *ys) {
    if (*y->operating_income >= 0) return std::nullopt;
    list +=
        fmt::format("{}{} {}", list.empty() ? "" : ", ", y->year, format_krw(*y->operating_income));
  }
  Flag f = red("operating-loss-streak", c);
  f.month = year_end(ys->back()->year);
  f.evidence = "operating loss (영업손실) " + list;
  f.message_ko =
      fmt::format("{}년 연속 영업손실입니다: 사업이 아닌 외부 자금으로 버티고 있습니다.", c.years);
  f.message_en = fmt::format(
      "Operating loss {} years running: the business lives on money from elsewhere.", c.years);
  return f;
}

std::optional<int64_t> estimated_payroll(const Series& s, int year) {
  double sum = 0;
  int n = 0;
  for (const auto& p : s)
    if (p.month.year == year && p.status == 1 && p.billed > 0) {
      sum += static_cast<double>(p.billed) / domain::contribution_rate(p.month);
      ++n;
    }
  if (n > 0) return static_cast<int64_t>(sum * 12 / n);
  for (auto it = s.rbegin(); it != s.rend(); ++it)
    if (it->status == 1 && it->billed > 0)
      return static_cast<int64_t>(static_cast<double>(it->billed) /
                                  domain::contribution_rate(it->month) * 12);
  return std::nullopt;
}

std::optional<Flag> revenue_below_payroll(const std::vector<FinancialYear>& years, const Series& s,
                                          const RuleConfig::RevenueBelowPayroll& c) {
  if (!c.enabled) return std::nullopt;
  auto ys = last_years(years, 1, &FinancialYear::revenue);
  if (!ys) return std::nullopt;
  const FinancialYear& y = *ys->front();
  auto payroll = estimated_payroll(s, y.year);
  if (!payroll || *payroll <= 0) return std::nullopt;
  if (static_cast<double>(*y.revenue) >= static_cast<double>(*payroll) * c.ratio)
    return std::nullopt;
  Flag f = red("revenue-below-payroll", c);
  f.month = year_end(y.year);
  f.evidence = fmt::format("revenue {} in {} against an estimated payroll of at least {}",
                           format_krw(*y.revenue), y.year, krw(*payroll));
  f.message_ko = fmt::format(
      "{}년 매출({})이 추정 인건비({} 이상)보다 적습니다: 매출이 아니라 투자금이나 빚으로 급여를 "
      "줍니다.",
      y.year, format_krw(*y.revenue), krw(*payroll));
  f.message_en = fmt::format(
      "Revenue in {} ({}) was below the estimated payroll (at least {}): salaries are paid from "
      "investment or debt, not from sales.",
      y.year, format_krw(*y.revenue), krw(*payroll));
  return f;
}

std::optional<Flag> revenue_decline(const std::vector<FinancialYear>& years,
                                    const RuleConfig::RevenueDecline& c) {
  if (!c.enabled) return std::nullopt;
  auto ys = last_years(years, static_cast<size_t>(c.years) + 1, &FinancialYear::revenue);
  if (!ys) return std::nullopt;
  std::string list;
  for (size_t i = 0; i < ys->size(); ++i) {
    if (i > 0 && !(*(*ys)[i]->revenue < *(*ys)[i - 1]->revenue)) return std::nullopt;
    list += fmt::format("{}{} {}", i ? " → " : "", (*ys)[i]->year, format_krw(*(*ys)[i]->revenue));
  }
  Flag f = red("revenue-decline", c);
  f.month = year_end(ys->back()->year);
  f.evidence = "revenue (매출액) " + list;
  f.message_ko = fmt::format("매출이 {}년 연속 줄었습니다.", c.years);
  f.message_en = fmt::format("Revenue fell {} years running.", c.years);
  return f;
}

std::optional<Flag> capital_impairment(const std::vector<FinancialYear>& years,
                                       const RuleConfig::CapitalImpairment& c) {
  if (!c.enabled) return std::nullopt;
  auto ys = last_years(years, 1, &FinancialYear::total_equity);
  if (!ys) return std::nullopt;
  const FinancialYear& y = *ys->front();
  const int64_t equity = *y.total_equity;
  const bool full = equity < 0;
  if (!full && !(y.paid_in_capital && equity < *y.paid_in_capital)) return std::nullopt;
  Flag f = red("capital-impairment", c);
  if (full) f.severity = c.full_severity;
  f.month = year_end(y.year);
  f.evidence = y.paid_in_capital
                   ? fmt::format("equity {} against paid-in capital {} at the end of {}",
                                 format_krw(equity), format_krw(*y.paid_in_capital), y.year)
                   : fmt::format("equity {} at the end of {}", format_krw(equity), y.year);
  if (full) {
    f.message_ko = fmt::format("{}년 말 자본총계가 마이너스인 완전자본잠식 상태입니다.", y.year);
    f.message_en = fmt::format(
        "Equity was negative at the end of {} (완전자본잠식): the company owes more than it owns.",
        y.year);
  } else {
    f.message_ko =
        fmt::format("{}년 말 자본총계가 자본금보다 적은 부분자본잠식 상태입니다.", y.year);
    f.message_en = fmt::format(
        "Equity was below paid-in capital at the end of {} (부분자본잠식): losses have eaten into "
        "the capital.",
        y.year);
  }
  return f;
}

std::optional<Flag> profitable(const std::vector<FinancialYear>& years,
                               const RuleConfig::Profitable& c) {
  if (!c.enabled) return std::nullopt;
  auto ys = last_years(years, static_cast<size_t>(c.years), &FinancialYear::operating_income);
  if (!ys) return std::nullopt;
  std::string list;
  for (const auto* y : *ys) {
    if (*y->operating_income <= 0) return std::nullopt;
    list +=
        fmt::format("{}{} {}", list.empty() ? "" : ", ", y->year, format_krw(*y->operating_income));
  }
  const FinancialYear& last = *ys->back();
  if (!last.net_income || *last.net_income <= 0) return std::nullopt;
  Flag f = green("profitable", c);
  f.month = year_end(last.year);
  f.evidence = fmt::format("operating income {}; net income {} in {}", list,
                           format_krw(*last.net_income), last.year);
  f.message_ko =
      fmt::format("{}년 연속 영업이익을 냈고 {}년 당기순이익도 흑자입니다.", c.years, last.year);
  f.message_en =
      fmt::format("Operating profit {} years running and a net profit in {}.", c.years, last.year);
  return f;
}

std::optional<Flag> low_pay(const std::optional<PayPosition>& p, const RuleConfig::LowPay& c) {
  if (!c.enabled || !p || p->lower_bound || p->peers < c.min_peers ||
      p->headcount < c.min_headcount || !(p->percentile < c.percentile))
    return std::nullopt;
  Flag f = red("low-pay", c);
  f.month = p->month;
  f.evidence = fmt::format(
      "estimated pay {} a month, percentile {} among {} workplaces in {}, {} (25th {}, median {})",
      krw(p->pay_month), pct(p->percentile), p->peers, p->industry, p->band, krw(p->p25),
      krw(p->p50));
  f.message_ko = fmt::format("추정 급여가 같은 업종·규모 사업장의 하위 {}%에 속합니다.",
                             std::max(1, pct(p->percentile)));
  f.message_en =
      fmt::format("Estimated pay is in the bottom {}% of workplaces of the same industry and size.",
                  std::max(1, pct(p->percentile)));
  return f;
}

std::optional<Flag> pay_above_median(const std::optional<PayPosition>& p,
                                     const RuleConfig::PayAboveMedian& c) {
  if (!c.enabled || !p || p->peers < c.min_peers || p->headcount < c.min_headcount ||
      !(p->percentile > c.percentile))
    return std::nullopt;
  Flag f = green("pay-above-median", c);
  f.month = p->month;
  f.evidence = fmt::format(
      "estimated pay {} a month{}, percentile {} among {} workplaces in {}, {} (median {})",
      krw(p->pay_month), p->lower_bound ? " (a lower bound)" : "", pct(p->percentile), p->peers,
      p->industry, p->band, krw(p->p50));
  f.message_ko = fmt::format("추정 급여가 같은 업종·규모 사업장의 상위 {}%에 속합니다.",
                             std::max(1, 100 - pct(p->percentile)));
  f.message_en =
      fmt::format("Estimated pay is in the top {}% of workplaces of the same industry and size.",
                  std::max(1, 100 - pct(p->percentile)));
  return f;
}

}  // namespace ijik::vetting
