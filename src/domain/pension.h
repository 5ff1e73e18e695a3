// The National Pension contribution rate and the 기준소득월액 (standard
// monthly income) floor and ceiling in force each month: the one documented
// place these numbers live (sources in docs/data-model.md).
#pragma once

#include <cstdint>

#include "common/month.h"

namespace ijik::domain {

// Total contribution rate (employer + employee) in force in `m`, e.g. 0.09.
// 9% through 2025; the 2025 reform adds 0.5 points a year from 2026 to 13% (2033).
double contribution_rate(const YearMonth& m);

struct IncomeBounds {
  int64_t floor = 0;    // 하한
  int64_t ceiling = 0;  // 상한
};

// The 기준소득월액 bounds in force in `m` (they change every July). Months
// before the table's first period use its first row; months after its last
// use the last row.
IncomeBounds income_bounds(const YearMonth& m);

}  // namespace ijik::domain
