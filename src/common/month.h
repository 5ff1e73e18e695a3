// Calendar months ("YYYY-MM"), the unit of the public workforce data.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "common/result.h"

namespace ijik {

struct YearMonth {
  int year = 1970;
  int month = 1;

  auto operator<=>(const YearMonth&) const = default;
  // Months since year 0: consecutive months differ by one.
  int index() const { return year * 12 + (month - 1); }
  static YearMonth from_index(int i) { return {i / 12, i % 12 + 1}; }
  YearMonth plus(int months) const { return from_index(index() + months); }
  std::string iso() const;  // "YYYY-MM"
  int yyyymm() const { return year * 100 + month; }
};

// Accepts "YYYY-MM", "YYYYMM" and "YYYY.MM".
Result<YearMonth> parse_year_month(std::string_view text);

}  // namespace ijik
