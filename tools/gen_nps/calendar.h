// Months and dates for the generator, plus the pension pay rules it needs:
// contribution rate and the standard-monthly-income floor/ceiling table.
#pragma once

#include <string>

namespace ijik::gen_nps {

struct YearMonth {
  int year = 2025;
  int month = 1;  // 1-12

  // The month `n` months later (n may be negative).
  YearMonth plus(int n) const {
    int idx = year * 12 + (month - 1) + n;
    return {idx / 12, idx % 12 + 1};
  }
  int last_day() const;
  std::string label() const;        // "2025-01"
  std::string date(int day) const;  // "2025-01-31"
  std::string file_stamp() const;   // "20250131", last day of the month
  bool operator<(const YearMonth& o) const { return year * 12 + month < o.year * 12 + o.month; }
};

// Parses "YYYY-MM"; returns false on a malformed value.
bool parse_year_month(const std::string& s, YearMonth& out);

// Standard-monthly-income floor and ceiling in force in `ym` (data-formats.md;
// the July 2019 and July 2025 rows extend before and after the table).
struct PayBounds {
  long floor;
  long ceiling;
};
PayBounds pay_bounds(YearMonth ym);

// Total contribution rate (employer + employee): 9% through 2025, then +0.5
// points a year up to 13%.
double contribution_rate(int year);

}  // namespace ijik::gen_nps
