// Job offers and what they are worth in the first year.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace ijik::domain {

struct Offer {
  int64_t application_id = 0;
  int64_t base = 0;                 // annual base pay, KRW
  int64_t signing = 0;              // one-time signing bonus, KRW
  std::optional<int64_t> bonus;     // expected yearly bonus as an amount…
  std::optional<double> bonus_pct;  // …or as a percentage of base
  std::string stock;
  std::vector<std::string> benefits;
  std::optional<Date> start;
  std::optional<int> probation_months;
  std::optional<double> probation_pay_pct;  // pay during probation, % of base (100 when absent)
  std::optional<Date> deadline;
  std::string location;
  std::optional<int> remote_days;  // per week
  std::string note;
};

// The yearly bonus in KRW: the amount, or bonus_pct % of base, else 0.
int64_t bonus_amount(const Offer& o);

// Cash in the first twelve months: base for the months after probation, plus
// base × probation_pay_pct for the probation months (probation capped at 12),
// plus the signing bonus and the yearly bonus, rounded to the won:
//   base × ((12 − P) + P × pct/100) / 12 + signing + bonus.
int64_t first_year_cash(const Offer& o);

// A percentage such as "10%", "90", "12.5%" in [0, max]; the message names `what`.
Result<double> parse_percent(std::string_view text, std::string_view what, double max = 100.0);

}  // namespace ijik::domain
