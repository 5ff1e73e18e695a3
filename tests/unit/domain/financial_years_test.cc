// How a company's years are put together: consolidated over separate, the
// year's own report over a later report's prior-year column, user items first.
#include "domain/financial_years.h"

#include <gtest/gtest.h>

namespace ijik::domain {
namespace {

constexpr auto C = StatementBasis::kConsolidated;
constexpr auto S = StatementBasis::kSeparate;

TEST(FinancialYearsTest, ConsolidatedPreferredNeverMixed) {
  std::vector<DartFigure> f = {
      {2024, S, FinanceItem::kRevenue, 0, 80},
      {2024, C, FinanceItem::kRevenue, 0, 100},
      {2024, S, FinanceItem::kCash, 0, 7},  // separate only: not mixed into the consolidated year
      {2023, S, FinanceItem::kRevenue, 0, 70},
  };
  auto years = years_from_dart(f);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2024);  // newest first
  EXPECT_EQ(years[0].basis, C);
  EXPECT_EQ(years[0].revenue, 100);
  EXPECT_FALSE(years[0].cash);
  EXPECT_EQ(years[0].source, "OpenDART 연결");
  EXPECT_EQ(years[1].basis, S);
  EXPECT_EQ(years[1].revenue, 70);
}

TEST(FinancialYearsTest, OwnReportBeatsLaterPriorColumn) {
  std::vector<DartFigure> f = {{2023, C, FinanceItem::kNetIncome, 1, -5},
                               {2023, C, FinanceItem::kNetIncome, 0, -4},
                               {2022, C, FinanceItem::kNetIncome, 2, 9}};
  auto years = years_from_dart(f);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].net_income, -4);
  EXPECT_EQ(years[1].net_income, 9);
}

TEST(FinancialYearsTest, UserItemsWinAndComplement) {
  FinancialYear d;
  d.year = 2024;
  d.basis = C;
  d.source = "OpenDART 연결";
  d.revenue = 100;
  d.cash = 5;
  FinancialYear u;
  u.year = 2024;
  u.source = "감사보고서";
  u.revenue = 120;
  FinancialYear only_user;
  only_user.year = 2021;
  only_user.source = "IR";
  only_user.net_income = -3;
  auto years = merge_years({d}, {u, only_user});
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].basis, StatementBasis::kUserEntered);
  EXPECT_EQ(years[0].revenue, 120);
  EXPECT_EQ(years[0].cash, 5);
  EXPECT_EQ(years[0].source, "감사보고서 + OpenDART 연결");
  EXPECT_EQ(years[1].year, 2021);
  EXPECT_EQ(years[1].source, "IR");
  EXPECT_EQ(years[1].basis, StatementBasis::kUserEntered);
}

TEST(FinancialYearsTest, ItemKeys) {
  for (auto item : kFinanceItems) EXPECT_EQ(parse_item_key(item_key(item)), item);
  EXPECT_FALSE(parse_item_key("ebitda"));
}

}  // namespace
}  // namespace ijik::domain
