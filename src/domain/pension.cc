#include "domain/pension.h"

namespace ijik::domain {

double contribution_rate(const YearMonth& m) {
  if (m.year <= 2025) return 0.09;
  int steps = m.year - 2025;  // 2026 → 9.5%, 2027 → 10% … 2033 → 13%
  double rate = 0.09 + 0.005 * steps;
  return rate > 0.13 ? 0.13 : rate;
}

IncomeBounds income_bounds(const YearMonth& m) {
  // Each row is in force from July of `from_year` to June of the next year.
  struct Row {
    int from_year;
    int64_t floor, ceiling;
  };
  static constexpr Row kRows[] = {
      {2019, 320'000, 4'860'000}, {2020, 320'000, 5'030'000}, {2021, 330'000, 5'240'000},
      {2022, 350'000, 5'530'000}, {2023, 370'000, 5'900'000}, {2024, 390'000, 6'170'000},
      {2025, 400'000, 6'370'000},
  };
  const int period_year = m.month >= 7 ? m.year : m.year - 1;
  const Row* row = &kRows[0];
  for (const auto& r : kRows)
    if (r.from_year <= period_year) row = &r;
  return {row->floor, row->ceiling};
}

}  // namespace ijik::domain
