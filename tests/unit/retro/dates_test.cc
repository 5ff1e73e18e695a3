// Korean dates and durations in retrospectives.
#include "retro/dates.h"

#include <gtest/gtest.h>

namespace ijik::retro {
namespace {

DateContext at(const char* entry, std::optional<int> last_year = std::nullopt) {
  return {*parse_date(entry), last_year};
}

std::vector<std::string> isos(std::string_view s, const DateContext& ctx) {
  std::vector<std::string> out;
  for (const auto& m : find_dates(s, ctx)) out.push_back(m.date.iso());
  return out;
}

TEST(RetroDates, FullForms) {
  auto ctx = at("2024-05-01");
  EXPECT_EQ(isos("2019년 11월 4일에 입사", ctx), std::vector<std::string>{"2019-11-04"});
  EXPECT_EQ(isos("2019.11.04. 첫 출근", ctx), std::vector<std::string>{"2019-11-04"});
  EXPECT_EQ(isos("2019-11-04부터", ctx), std::vector<std::string>{"2019-11-04"});
  EXPECT_EQ(isos("2019/1/4", ctx), std::vector<std::string>{"2019-01-04"});
  EXPECT_EQ(isos("2019년11월4일", ctx), std::vector<std::string>{"2019-11-04"});
}

TEST(RetroDates, YearMonthAndYearOnly) {
  auto ctx = at("2024-05-01");
  EXPECT_EQ(isos("2021년 3월에 이직", ctx), std::vector<std::string>{"2021-03"});
  EXPECT_EQ(isos("2021.03. 퇴사", ctx), std::vector<std::string>{"2021-03"});
  EXPECT_EQ(isos("2021년에 처음", ctx), std::vector<std::string>{"2021"});
  EXPECT_EQ(isos("19년도 하반기", ctx), std::vector<std::string>{"2019"});
  EXPECT_EQ(isos("19년 3월 입사", ctx), std::vector<std::string>{"2019-03"});
  EXPECT_EQ(isos("20년 말에 퇴사", ctx), std::vector<std::string>{"2020"});
  EXPECT_EQ(isos("98년도에 태어나", ctx), std::vector<std::string>{"1998"});
}

TEST(RetroDates, RelativeYearsResolveFromTheEntryDate) {
  auto ctx = at("2024-05-01");
  EXPECT_EQ(isos("올해 3월 2일 자로 입사", ctx), std::vector<std::string>{"2024-03-02"});
  EXPECT_EQ(isos("작년 9월에 지원", ctx), std::vector<std::string>{"2023-09"});
  EXPECT_EQ(isos("재작년에 퇴사", ctx), std::vector<std::string>{"2022"});
  EXPECT_EQ(isos("지난해 12월", ctx), std::vector<std::string>{"2023-12"});
  EXPECT_EQ(isos("그해 6월", at("2024-05-01", 2020)), std::vector<std::string>{"2020-06"});
  // Without an earlier year, 그해 gives none: the month stays, its year unknown.
  EXPECT_EQ(isos("그해 6월", ctx), std::vector<std::string>{""});
}

TEST(RetroDates, MonthWithoutYearTakesTheContextYearOrStaysUnknown) {
  auto ms = find_dates("3월 2일 자로 입사했다", at("2024-05-01", 2022));
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].date.iso(), "2022-03-02");
  EXPECT_TRUE(ms[0].date.year_from_context);
  EXPECT_TRUE(ms[0].effective);
  ms = find_dates("3월 2일부로 입사했다", at("2024-05-01"));
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].date.iso(), "");  // year unknown: never guessed
  EXPECT_EQ(*ms[0].date.month, 3);
  EXPECT_EQ(*ms[0].date.day, 2);
  EXPECT_TRUE(ms[0].effective);
  EXPECT_FALSE(ms[0].date.year_from_context);
}

TEST(RetroDates, InvalidAndNonDatesAreIgnored) {
  auto ctx = at("2024-05-01");
  EXPECT_TRUE(isos("13월 40일", ctx).empty());
  EXPECT_TRUE(isos("6개월 수습", ctx).empty());
  EXPECT_TRUE(isos("2년 4개월 다닌 회사", ctx).empty());
  EXPECT_TRUE(isos("연봉 5000만원", ctx).empty());
  EXPECT_EQ(isos("2019년 11월 4일과 2020.01.02", ctx),
            (std::vector<std::string>{"2019-11-04", "2020-01-02"}));
}

std::vector<int> months(std::string_view s) {
  std::vector<int> out;
  for (const auto& d : find_durations(s)) out.push_back(d.months);
  return out;
}

TEST(RetroDurations, CommonForms) {
  EXPECT_EQ(months("2년 4개월 다닌 회사"), std::vector<int>{28});
  EXPECT_EQ(months("석 달 수습"), std::vector<int>{3});
  EXPECT_EQ(months("반년 만에 정규직"), std::vector<int>{6});
  EXPECT_EQ(months("수습 6개월"), std::vector<int>{6});
  EXPECT_EQ(months("1년 반 동안"), std::vector<int>{18});
  EXPECT_EQ(months("3년 동안 일한"), std::vector<int>{36});
  EXPECT_EQ(months("두 달 만에"), std::vector<int>{2});
  EXPECT_EQ(months("3달"), std::vector<int>{3});
}

TEST(RetroDurations, DatesAreNotDurations) {
  EXPECT_TRUE(months("2019년 11월").empty());
  EXPECT_TRUE(months("19년도에").empty());
  EXPECT_TRUE(months("작년 3월").empty());
}

TEST(RetroDates, AddMonths) {
  EXPECT_EQ(add_months({2022, 3, 2}, 3)->iso(), "2022-06-02");
  EXPECT_EQ(add_months({2021, 11, std::nullopt}, 28)->iso(), "2024-03");
  EXPECT_EQ(add_months({2023, 11, 30}, 3)->iso(), "2024-02-29");
  EXPECT_FALSE(add_months({2021, std::nullopt, std::nullopt}, 6));
  EXPECT_FALSE(add_months({std::nullopt, 3, 2}, 6));
}

}  // namespace
}  // namespace ijik::retro
