#include "vetting/evaluate.h"

#include <fmt/format.h>

#include <algorithm>

namespace ijik::vetting {

std::vector<Flag> evaluate(const VetInput& in, const RuleConfig& r) {
  std::vector<std::optional<Flag>> all = {
      headcount_drop(in.series, r.headcount_drop),
      withdrawal(in.series, r.withdrawal),
      net_outflow(in.series, r.net_outflow),
      billed_per_head_drop(in.series, r.billed_per_head_drop),
      operating_loss_streak(in.years, r.operating_loss_streak),
      revenue_below_payroll(in.years, in.series, r.revenue_below_payroll),
      revenue_decline(in.years, r.revenue_decline),
      capital_impairment(in.years, r.capital_impairment),
      low_pay(in.pay, r.low_pay),
      steady_growth(in.series, r.steady_growth),
      profitable(in.years, r.profitable),
      pay_above_median(in.pay, r.pay_above_median),
  };
  std::vector<Flag> flags;
  for (auto& f : all)
    if (f) flags.push_back(std::move(*f));
  std::stable_sort(flags.begin(), flags.end(), [](const Flag& a, const Flag& b) {
    if (a.kind != b.kind) return a.kind == FlagKind::kRed;
    return a.severity < b.severity;
  });
  return flags;
}

Grade grade(const std::vector<Flag>& flags, const RuleConfig& rules) {
  std::vector<std::string> severe, warning, info, green;
  for (const auto& f : flags) {
    if (f.kind == FlagKind::kGreen)
      green.push_back(f.rule);
    else if (f.severity == Severity::kSevere)
      severe.push_back(f.rule);
    else if (f.severity == Severity::kWarning)
      warning.push_back(f.rule);
    else
      info.push_back(f.rule);
  }
  auto names = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& r : v) s += (s.empty() ? "" : ", ") + r;
    return s;
  };
  Grade g;
  if (severe.size() >= 2) {
    g.letter = 'E';
    g.reason = fmt::format("{} severe red flags ({})", severe.size(), names(severe));
  } else if (severe.size() == 1) {
    g.letter = 'D';
    g.reason = fmt::format("one severe red flag ({})", names(severe));
  } else if (!warning.empty()) {
    g.letter = 'C';
    g.reason = fmt::format("{} red warning{} ({}), nothing severe", warning.size(),
                           warning.size() > 1 ? "s" : "", names(warning));
  } else if (!info.empty() || static_cast<int>(green.size()) < rules.grade.a_min_green) {
    g.letter = 'B';
    g.reason = info.empty() ? "no red flag" : fmt::format("only minor red flags ({})", names(info));
    g.reason += green.empty() ? ", no green flag" : fmt::format(", green: {}", names(green));
  } else {
    g.letter = 'A';
    g.reason = fmt::format("no red flag; green: {}", names(green));
  }
  return g;
}

}  // namespace ijik::vetting
