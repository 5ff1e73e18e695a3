// The contribution-rate and income-bounds tables (data-formats.md §1).
#include "domain/pension.h"

#include <gtest/gtest.h>

namespace ijik::domain {
namespace {

YearMonth M(int year, int month) {
  return YearMonth{year, month};
}

TEST(PensionTest, ContributionRateByYear) {
  EXPECT_DOUBLE_EQ(contribution_rate(M(2010, 1)), 0.09);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2024, 6)), 0.09);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2025, 1)), 0.09);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2025, 12)), 0.09);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2026, 1)), 0.095);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2026, 12)), 0.095);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2027, 1)), 0.10);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2028, 6)), 0.105);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2032, 12)), 0.125);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2033, 1)), 0.13);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2034, 1)), 0.13);
  EXPECT_DOUBLE_EQ(contribution_rate(M(2050, 7)), 0.13);
}

TEST(PensionTest, IncomeBoundsSwitchInJuly) {
  IncomeBounds june = income_bounds(M(2024, 6));
  EXPECT_EQ(june.floor, 370'000);
  EXPECT_EQ(june.ceiling, 5'900'000);
  IncomeBounds july = income_bounds(M(2024, 7));
  EXPECT_EQ(july.floor, 390'000);
  EXPECT_EQ(july.ceiling, 6'170'000);
  // The same period runs to the next June.
  EXPECT_EQ(income_bounds(M(2025, 1)).ceiling, 6'170'000);
  EXPECT_EQ(income_bounds(M(2025, 6)).ceiling, 6'170'000);
  EXPECT_EQ(income_bounds(M(2025, 7)).ceiling, 6'370'000);
  EXPECT_EQ(income_bounds(M(2025, 7)).floor, 400'000);
  EXPECT_EQ(income_bounds(M(2026, 6)).ceiling, 6'370'000);
  // Every row of the table.
  EXPECT_EQ(income_bounds(M(2019, 7)).ceiling, 4'860'000);
  EXPECT_EQ(income_bounds(M(2020, 7)).ceiling, 5'030'000);
  EXPECT_EQ(income_bounds(M(2021, 7)).floor, 330'000);
  EXPECT_EQ(income_bounds(M(2021, 7)).ceiling, 5'240'000);
  EXPECT_EQ(income_bounds(M(2022, 7)).floor, 350'000);
  EXPECT_EQ(income_bounds(M(2022, 7)).ceiling, 5'530'000);
  EXPECT_EQ(income_bounds(M(2023, 7)).ceiling, 5'900'000);
}

TEST(PensionTest, IncomeBoundsOutsideTheTable) {
  // Before the first period (2019-07): the first row.
  for (YearMonth m : {M(2019, 6), M(2019, 1), M(2010, 12)}) {
    IncomeBounds b = income_bounds(m);
    EXPECT_EQ(b.floor, 320'000) << m.iso();
    EXPECT_EQ(b.ceiling, 4'860'000) << m.iso();
  }
  // After the last period (ends 2026-06): the last row.
  for (YearMonth m : {M(2026, 7), M(2027, 1), M(2040, 12)}) {
    IncomeBounds b = income_bounds(m);
    EXPECT_EQ(b.floor, 400'000) << m.iso();
    EXPECT_EQ(b.ceiling, 6'370'000) << m.iso();
  }
}

}  // namespace
}  // namespace ijik::domain
