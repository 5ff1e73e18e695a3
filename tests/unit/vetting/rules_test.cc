// Every vetting rule on planted data that must fire it and on data that must
// not. Thresholds are the built-in ones (rules.toml) unless a test says otherwise.
#include "vetting/rules.h"

#include <gtest/gtest.h>

#include <vector>

#include "domain/pension.h"
#include "vetting/evaluate.h"

namespace ijik::vetting {
namespace {

using domain::FinancialYear;
using domain::MonthlyPoint;

const RuleConfig& R() {
  return default_rules();
}

// Billing for `headcount` members earning `pay` a month in month `m`.
int64_t billed_for(YearMonth m, int64_t headcount, int64_t pay) {
  return static_cast<int64_t>(static_cast<double>(headcount * pay) * domain::contribution_rate(m));
}

// A series from 2024-01 with the given headcounts, hires and leavers; 3,000,000 a month each.
std::vector<MonthlyPoint> series(const std::vector<int64_t>& heads,
                                 const std::vector<int64_t>& hires = {},
                                 const std::vector<int64_t>& leavers = {}) {
  std::vector<MonthlyPoint> s;
  for (size_t i = 0; i < heads.size(); ++i) {
    MonthlyPoint p;
    p.month = YearMonth{2024, 1}.plus(static_cast<int>(i));
    p.headcount = heads[i];
    p.billed = billed_for(p.month, heads[i], 3'000'000);
    p.hires = i < hires.size() ? hires[i] : 1;
    p.leavers = i < leavers.size() ? leavers[i] : 1;
    s.push_back(p);
  }
  return s;
}

FinancialYear Y(int year, std::optional<int64_t> revenue, std::optional<int64_t> op,
                std::optional<int64_t> net = std::nullopt) {
  FinancialYear y;
  y.year = year;
  y.revenue = revenue;
  y.operating_income = op;
  y.net_income = net;
  return y;
}

// ---- headcount-drop

TEST(HeadcountDropTest, FiresOnAThirdGoneWithinSixMonthsWithTheMonthItStarted) {
  // 69 ≤ 70 in 2024-05; the peak is the latest month at 100.
  auto s = series({100, 100, 100, 90, 69, 60});
  auto f = headcount_drop(s, R().headcount_drop);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->rule, "headcount-drop");
  EXPECT_EQ(f->kind, FlagKind::kRed);
  EXPECT_EQ(f->severity, Severity::kSevere);
  EXPECT_EQ(f->month, (YearMonth{2024, 5}));
  EXPECT_EQ(f->evidence, "headcount 100 in 2024-03 → 69 in 2024-05 (−31%); 60 in 2024-06");
  EXPECT_FALSE(f->message_ko.empty());
  EXPECT_FALSE(f->message_en.empty());
}

TEST(HeadcountDropTest, SilentOnSlowDeclineSmallFirmsAndRecoveries) {
  // −25% over six months: not enough.
  EXPECT_FALSE(headcount_drop(series({100, 96, 92, 88, 84, 80, 75}), R().headcount_drop));
  // 9 → 3 people: below min_headcount.
  EXPECT_FALSE(headcount_drop(series({9, 9, 3}), R().headcount_drop));
  // A drop seven months ago, back to 100 since: the latest month does not hold.
  EXPECT_FALSE(headcount_drop(series({100, 60, 100, 100, 100, 100, 100, 100}), R().headcount_drop));
  // The drop fell out of the six-month window: 60 for 7 months after 100.
  EXPECT_FALSE(headcount_drop(series({100, 60, 60, 60, 60, 60, 60, 60}), R().headcount_drop));
}

TEST(HeadcountDropTest, DisabledNeverFires) {
  auto c = R().headcount_drop;
  c.enabled = false;
  EXPECT_FALSE(headcount_drop(series({100, 10}), c));
}

// ---- net-outflow

TEST(NetOutflowTest, FiresOnFourMonthsRunningFromTheFourthMonth) {
  auto s = series({50, 49, 48, 47, 46, 45}, {2, 0, 0, 0, 0, 0}, {1, 1, 1, 1, 1, 1});
  auto f = net_outflow(s, R().net_outflow);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->month, (YearMonth{2024, 5}));  // 2024-02..05 is the first run of four
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_EQ(f->evidence,
            "leavers above hires for 5 months running, 2024-02 to 2024-06: 5 left, 0 joined");
}

TEST(NetOutflowTest, SilentOnThreeMonthsBalancedMonthsAndTinyFirms) {
  EXPECT_FALSE(net_outflow(series({50, 49, 48, 47, 47}, {0, 0, 0, 0, 1}, {1, 1, 1, 1, 1}),
                           R().net_outflow));  // the streak broke in the latest month
  EXPECT_FALSE(net_outflow(series({50, 50, 50, 50, 50}), R().net_outflow));  // 1 in, 1 out
  EXPECT_FALSE(
      net_outflow(series({6, 5, 4, 3, 2}, {0, 0, 0, 0, 0}, {1, 1, 1, 1, 1}), R().net_outflow));
}

TEST(NetOutflowTest, AGapInTheMonthsBreaksTheStreak) {
  auto s = series({50, 49, 48, 47, 46}, {0, 0, 0, 0, 0}, {1, 1, 1, 1, 1});
  s.erase(s.begin() + 2);  // 2024-03 missing: two months, then two
  EXPECT_FALSE(net_outflow(s, R().net_outflow));
}

// ---- withdrawal

TEST(WithdrawalTest, FiresFromTheFirstWithdrawnMonth) {
  auto s = series({40, 40, 0, 0});
  s[2].status = s[3].status = 2;
  auto f = withdrawal(s, R().withdrawal);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->month, (YearMonth{2024, 3}));
  EXPECT_EQ(f->severity, Severity::kSevere);
  EXPECT_EQ(f->evidence, "status 탈퇴 (withdrawn) since 2024-03; 40 members in 2024-02");
}

TEST(WithdrawalTest, SilentWhenEnrolledOrReregistered) {
  EXPECT_FALSE(withdrawal(series({40, 40}), R().withdrawal));
  auto s = series({40, 0, 30});
  s[1].status = 2;  // withdrew, then registered again
  EXPECT_FALSE(withdrawal(s, R().withdrawal));
}

// ---- billed-per-head-drop

TEST(BilledPerHeadDropTest, FiresWhenPayPerHeadFallsWhileHeadcountHolds) {
  auto s = series({50, 50, 50, 50, 51});
  s[3].billed = billed_for(s[3].month, 50, 2'300'000);  // −23% against 2024-01
  s[4].billed = billed_for(s[4].month, 51, 2'300'000);
  auto f = billed_per_head_drop(s, R().billed_per_head_drop);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->month, (YearMonth{2024, 4}));
  EXPECT_EQ(f->severity, Severity::kWarning);
  EXPECT_NE(f->evidence.find("−23%"), std::string::npos) << f->evidence;
}

TEST(BilledPerHeadDropTest, SilentOnSmallFallsAndWhenHeadcountMoved) {
  auto s = series({50, 50, 50, 50});
  s[3].billed = billed_for(s[3].month, 50, 2'500'000);  // −17%
  EXPECT_FALSE(billed_per_head_drop(s, R().billed_per_head_drop));
  // Pay per head fell because a third of the (senior) staff left: headcount moved.
  auto t = series({60, 60, 60, 40});
  t[3].billed = billed_for(t[3].month, 40, 2'000'000);
  EXPECT_FALSE(billed_per_head_drop(t, R().billed_per_head_drop));
}

TEST(BilledPerHeadDropTest, TheJanuaryRateRiseIsNotAFall) {
  // 2025-10 .. 2026-01: the rate goes from 9% to 9.5% and billing with it.
  std::vector<MonthlyPoint> s;
  for (int i = 0; i < 4; ++i) {
    MonthlyPoint p;
    p.month = YearMonth{2025, 10}.plus(i);
    p.headcount = 50;
    p.billed = billed_for(p.month, 50, 3'000'000);
    s.push_back(p);
  }
  EXPECT_FALSE(billed_per_head_drop(s, R().billed_per_head_drop));
}

// ---- steady-growth (green)

TEST(SteadyGrowthTest, FiresOnGrowthWithLowAttrition) {
  std::vector<int64_t> heads;
  for (int i = 0; i <= 12; ++i) heads.push_back(100 + 2 * i);
  auto f = steady_growth(series(heads, std::vector<int64_t>(13, 3), std::vector<int64_t>(13, 1)),
                         R().steady_growth);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, FlagKind::kGreen);
  EXPECT_EQ(f->month, (YearMonth{2025, 1}));
}

TEST(SteadyGrowthTest, SilentOnChurnFlatOrShortSeries) {
  std::vector<int64_t> heads;
  for (int i = 0; i <= 12; ++i) heads.push_back(100 + 2 * i);
  // Growth but 5 leavers a month: 60 a year on ~112 people is over 20% attrition.
  EXPECT_FALSE(steady_growth(
      series(heads, std::vector<int64_t>(13, 7), std::vector<int64_t>(13, 5)), R().steady_growth));
  EXPECT_FALSE(steady_growth(series(std::vector<int64_t>(13, 100)), R().steady_growth));
  EXPECT_FALSE(steady_growth(series({100, 110, 120}), R().steady_growth));  // no 12-month change
}

// ---- operating-loss-streak

TEST(OperatingLossStreakTest, FiresOnThreeLossYears) {
  std::vector<FinancialYear> ys = {Y(2021, 10, 5), Y(2022, 10, -1'000'000'000), Y(2023, 10, -2),
                                   Y(2024, 10, -3)};
  auto f = operating_loss_streak(ys, R().operating_loss_streak);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->month, (YearMonth{2024, 12}));
  EXPECT_NE(f->evidence.find("2022"), std::string::npos) << f->evidence;
}

TEST(OperatingLossStreakTest, SilentOnTwoLossYearsOrAGapOrAProfit) {
  EXPECT_FALSE(operating_loss_streak({Y(2023, 1, -1), Y(2024, 1, -1)}, R().operating_loss_streak));
  EXPECT_FALSE(operating_loss_streak({Y(2020, 1, -1), Y(2022, 1, -1), Y(2023, 1, -1)},
                                     R().operating_loss_streak));  // 2021 missing
  EXPECT_FALSE(operating_loss_streak({Y(2022, 1, -1), Y(2023, 1, 1), Y(2024, 1, -1)},
                                     R().operating_loss_streak));
}

// ---- revenue-below-payroll

TEST(RevenueBelowPayrollTest, FiresWhenSalesDoNotCoverPay) {
  // 50 people × 3,000,000 × 12 = 1.8억 × 10 = 18억 payroll in 2024; revenue 10억.
  auto s = series(std::vector<int64_t>(12, 50));
  auto f =
      revenue_below_payroll({Y(2024, 1'000'000'000, -500'000'000)}, s, R().revenue_below_payroll);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->severity, Severity::kSevere);
  EXPECT_EQ(f->month, (YearMonth{2024, 12}));
  EXPECT_EQ(estimated_payroll(s, 2024), 1'800'000'000);
}

TEST(RevenueBelowPayrollTest, SilentWhenRevenueCoversPayOrNoWorkforce) {
  auto s = series(std::vector<int64_t>(12, 50));
  EXPECT_FALSE(revenue_below_payroll({Y(2024, 5'000'000'000, 1)}, s, R().revenue_below_payroll));
  EXPECT_FALSE(revenue_below_payroll({Y(2024, 1, 1)}, {}, R().revenue_below_payroll));
}

// ---- revenue-decline

TEST(RevenueDeclineTest, FiresOnTwoFallsRunning) {
  auto f =
      revenue_decline({Y(2022, 300, 1), Y(2023, 200, 1), Y(2024, 100, 1)}, R().revenue_decline);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->month, (YearMonth{2024, 12}));
}

TEST(RevenueDeclineTest, SilentOnOneFallOrARebound) {
  EXPECT_FALSE(revenue_decline({Y(2023, 200, 1), Y(2024, 100, 1)}, R().revenue_decline));
  EXPECT_FALSE(
      revenue_decline({Y(2022, 300, 1), Y(2023, 200, 1), Y(2024, 250, 1)}, R().revenue_decline));
}

// ---- capital-impairment

TEST(CapitalImpairmentTest, PartialIsAWarningNegativeEquityIsSevere) {
  FinancialYear y = Y(2024, 1, 1);
  y.paid_in_capital = 500'000'000;
  y.total_equity = 200'000'000;
  auto f = capital_impairment({y}, R().capital_impairment);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->severity, Severity::kWarning);
  y.total_equity = -1;
  f = capital_impairment({y}, R().capital_impairment);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->severity, Severity::kSevere);
  EXPECT_NE(f->message_ko.find("완전자본잠식"), std::string::npos);
}

TEST(CapitalImpairmentTest, SilentWhenEquityCoversCapitalOrIsUnknown) {
  FinancialYear y = Y(2024, 1, 1);
  y.paid_in_capital = 500'000'000;
  y.total_equity = 500'000'000;
  EXPECT_FALSE(capital_impairment({y}, R().capital_impairment));
  y.total_equity.reset();
  EXPECT_FALSE(capital_impairment({y}, R().capital_impairment));
}

// ---- profitable (green)

TEST(ProfitableTest, FiresOnTwoProfitableYearsAndANetProfit) {
  auto f = profitable({Y(2023, 10, 2), Y(2024, 10, 3, 1)}, R().profitable);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, FlagKind::kGreen);
}

TEST(ProfitableTest, SilentOnALossOrANetLoss) {
  EXPECT_FALSE(profitable({Y(2023, 10, -2), Y(2024, 10, 3, 1)}, R().profitable));
  EXPECT_FALSE(profitable({Y(2023, 10, 2), Y(2024, 10, 3, -1)}, R().profitable));
}

// ---- low-pay and pay-above-median

PayPosition pos(double percentile, bool lower_bound = false, int64_t peers = 100) {
  PayPosition p;
  p.month = {2025, 6};
  p.pay_month = 2'500'000;
  p.lower_bound = lower_bound;
  p.headcount = 40;
  p.peers = peers;
  p.percentile = percentile;
  p.industry = "소프트웨어 개발 (J62010)";
  p.band = "30–99명";
  return p;
}

TEST(PayRulesTest, LowPayBelowTheQuartile) {
  auto f = low_pay(pos(0.10), R().low_pay);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->month, (YearMonth{2025, 6}));
  EXPECT_FALSE(low_pay(pos(0.30), R().low_pay));
  EXPECT_FALSE(low_pay(pos(0.10, true), R().low_pay));      // a lower bound proves nothing
  EXPECT_FALSE(low_pay(pos(0.10, false, 5), R().low_pay));  // too few peers
  EXPECT_FALSE(low_pay(std::nullopt, R().low_pay));
}

TEST(PayRulesTest, AboveMedian) {
  auto f = pay_above_median(pos(0.8, true), R().pay_above_median);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, FlagKind::kGreen);
  EXPECT_FALSE(pay_above_median(pos(0.5), R().pay_above_median));
  EXPECT_FALSE(pay_above_median(pos(0.8, false, 3), R().pay_above_median));
}

// ---- evaluate and grade

TEST(GradeTest, FromFlags) {
  auto collapse = series({100, 100, 50, 0});
  collapse[3].status = 2;
  VetInput in;
  in.series = collapse;
  auto flags = evaluate(in, R());
  ASSERT_GE(flags.size(), 2u);
  EXPECT_EQ(flags[0].severity, Severity::kSevere);
  auto g = grade(flags, R());
  EXPECT_EQ(g.letter, 'E');
  EXPECT_NE(g.reason.find("headcount-drop"), std::string::npos) << g.reason;

  EXPECT_EQ(grade({}, R()).letter, 'B');
  Flag green1{"profitable", FlagKind::kGreen, Severity::kInfo, {}, "", "", ""};
  Flag green2{"steady-growth", FlagKind::kGreen, Severity::kInfo, {}, "", "", ""};
  EXPECT_EQ(grade({green1, green2}, R()).letter, 'A');
  Flag warn{"net-outflow", FlagKind::kRed, Severity::kWarning, {}, "", "", ""};
  EXPECT_EQ(grade({warn, green1, green2}, R()).letter, 'C');
  Flag severe{"withdrawal", FlagKind::kRed, Severity::kSevere, {}, "", "", ""};
  EXPECT_EQ(grade({severe, warn}, R()).letter, 'D');
}

}  // namespace
}  // namespace ijik::vetting
