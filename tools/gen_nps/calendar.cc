#include "calendar.h"

#include <algorithm>
#include <cstdio>

namespace ijik::gen_nps {

int YearMonth::last_day() const {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string YearMonth::label() const {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d", year, month);
  return b;
}

std::string YearMonth::date(int day) const {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", year, month, day);
  return b;
}

std::string YearMonth::file_stamp() const {
  char b[16];
  std::snprintf(b, sizeof b, "%04d%02d%02d", year, month, last_day());
  return b;
}

bool parse_year_month(const std::string& s, YearMonth& out) {
  int y, m;
  char tail;
  if (s.size() != 7 || std::sscanf(s.c_str(), "%4d-%2d%c", &y, &m, &tail) != 2) return false;
  if (y < 1988 || y > 2100 || m < 1 || m > 12) return false;
  out = {y, m};
  return true;
}

PayBounds pay_bounds(YearMonth ym) {
  // Periods start in July of `from`.
  struct Row {
    int from;
    long floor, ceiling;
  };
  static const Row kRows[] = {{2019, 320000, 4860000}, {2020, 320000, 5030000},
                              {2021, 330000, 5240000}, {2022, 350000, 5530000},
                              {2023, 370000, 5900000}, {2024, 390000, 6170000},
                              {2025, 400000, 6370000}};
  int period = ym.month >= 7 ? ym.year : ym.year - 1;
  const Row* best = &kRows[0];
  for (const Row& r : kRows) {
    if (r.from <= period) best = &r;
  }
  return {best->floor, best->ceiling};
}

double contribution_rate(int year) {
  if (year <= 2025) return 0.09;
  return std::min(0.13, 0.09 + 0.005 * (year - 2025));
}

}  // namespace ijik::gen_nps
