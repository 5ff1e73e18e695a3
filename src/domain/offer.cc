#include "domain/offer.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ijik::domain {

int64_t bonus_amount(const Offer& o) {
  if (o.bonus) return *o.bonus;
  if (o.bonus_pct) return std::llround(static_cast<double>(o.base) * *o.bonus_pct / 100.0);
  return 0;
}

int64_t first_year_cash(const Offer& o) {
  const int p = std::clamp(o.probation_months.value_or(0), 0, 12);
  const double pct = o.probation_pay_pct.value_or(100.0);
  const double base_part = static_cast<double>(o.base) * ((12 - p) + p * pct / 100.0) / 12.0;
  return std::llround(base_part) + o.signing + bonus_amount(o);
}

Result<double> parse_percent(std::string_view text, std::string_view what, double max) {
  std::string_view t = text;
  if (!t.empty() && t.back() == '%') t.remove_suffix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || p != t.data() + t.size() || !std::isfinite(v) || v < 0 ||
      v > max)
    return invalid_input(fmt::format(
        "invalid {} '{}': expected a percentage from 0 to {} such as 90%", what, text, max));
  return v;
}

}  // namespace ijik::domain
