// First-year cash of an offer.
#include "domain/offer.h"

#include <gtest/gtest.h>

namespace ijik::domain {
namespace {

TEST(FirstYearCash, BaseOnly) {
  Offer o;
  o.base = 72'000'000;
  EXPECT_EQ(first_year_cash(o), 72'000'000);
}

TEST(FirstYearCash, SigningAndBonusAmount) {
  Offer o;
  o.base = 60'000'000;
  o.signing = 5'000'000;
  o.bonus = 3'000'000;
  EXPECT_EQ(first_year_cash(o), 68'000'000);
}

TEST(FirstYearCash, BonusAsPercentOfFullBase) {
  Offer o;
  o.base = 70'000'000;
  o.bonus_pct = 10;
  o.probation_months = 3;
  o.probation_pay_pct = 90;
  // 70,000,000 × (9 + 3 × 0.9) / 12 = 68,250,000; bonus on the full base: 7,000,000.
  EXPECT_EQ(bonus_amount(o), 7'000'000);
  EXPECT_EQ(first_year_cash(o), 75'250'000);
}

TEST(FirstYearCash, ProbationWithoutPayCutChangesNothing) {
  Offer o;
  o.base = 50'000'000;
  o.probation_months = 3;
  EXPECT_EQ(first_year_cash(o), 50'000'000);
}

TEST(FirstYearCash, RoundsToTheWon) {
  Offer o;
  o.base = 55'555'555;
  o.probation_months = 1;
  o.probation_pay_pct = 80;
  // 55,555,555 × 11.8 / 12 = 54,629,629.08…
  EXPECT_EQ(first_year_cash(o), 54'629'629);
}

TEST(FirstYearCash, ProbationCappedAtTwelveMonths) {
  Offer o;
  o.base = 12'000'000;
  o.probation_months = 15;
  o.probation_pay_pct = 50;
  EXPECT_EQ(first_year_cash(o), 6'000'000);
}

TEST(Percent, Parses) {
  EXPECT_DOUBLE_EQ(*parse_percent("90%", "x"), 90.0);
  EXPECT_DOUBLE_EQ(*parse_percent("12.5", "x"), 12.5);
  EXPECT_FALSE(parse_percent("101%", "x").ok());
  EXPECT_FALSE(parse_percent("-5%", "x").ok());
  EXPECT_FALSE(parse_percent("%", "x").ok());
  EXPECT_FALSE(parse_percent("abc", "x").ok());
}

}  // namespace
}  // namespace ijik::domain
