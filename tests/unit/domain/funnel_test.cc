#include "domain/funnel.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ijik::domain {
namespace {

using R = StageResult;

Date D(const char* iso) {
  return parse_date(iso).value();
}

Stage S(const char* name, R result, const char* date = nullptr) {
  Stage s;
  s.name = name;
  s.result = result;
  if (date) s.date = D(date);
  return s;
}

Application A(int64_t id, Source source, const char* applied, std::vector<Stage> stages,
              Closure closure = Closure::kNone) {
  Application a;
  a.id = id;
  a.company = "회사" + std::to_string(id);
  a.source = source;
  a.applied = D(applied);
  a.stages = std::move(stages);
  a.closure = closure;
  assign_stage_kinds(a);
  return a;
}

const Date kToday = D("2026-03-15");

// Six applications; the expected numbers below were worked out by hand.
//   days from applied to each stage date in brackets.
// 1 direct     01-05: 서류 ✓[5] 코딩테스트 ✓[15] 1차 ✓[27] 2차 ✓[41] 최종합격 ✓[51], accepted
// 2 referral   01-10: 서류 ✓[2] 코딩테스트 ✓[9] 1차 ✗[16]
// 3 direct     02-01: 서류 ✓(no date) 코딩테스트 ✗[9]
// 4 headhunter 02-10: 서류 ✓[3] 기술 면접 …(today)[33] 기술 면접 …(future)
// 5 direct     03-01: 서류 …(no date) 인적성 …(future)       — reaches nothing
// 6 referral   01-20: 서류 ✓[1] 과제 ✓[10] 1차 ✓[17] 1차 again …(past) 최종합격 ✓[31]
std::vector<Application> scenario() {
  std::vector<Application> apps;
  apps.push_back(
      A(1, Source::kDirect, "2026-01-05",
        {S("서류", R::kPassed, "2026-01-10"), S("코딩테스트", R::kPassed, "2026-01-20"),
         S("1차 면접", R::kPassed, "2026-02-01"), S("2차 면접", R::kPassed, "2026-02-15"),
         S("최종합격", R::kPassed, "2026-02-25")},
        Closure::kAccepted));
  apps.push_back(A(2, Source::kReferral, "2026-01-10",
                   {S("서류", R::kPassed, "2026-01-12"), S("코테", R::kPassed, "2026-01-19"),
                    S("1차 면접", R::kFailed, "2026-01-26")}));
  apps.push_back(A(3, Source::kDirect, "2026-02-01",
                   {S("서류", R::kPassed), S("코딩테스트", R::kFailed, "2026-02-10")}));
  apps.push_back(
      A(4, Source::kHeadhunter, "2026-02-10",
        {S("서류 전형", R::kPassed, "2026-02-13"), S("기술 면접", R::kPending, "2026-03-15"),
         S("기술 면접", R::kPending, "2026-03-25")}));
  apps.push_back(A(5, Source::kDirect, "2026-03-01",
                   {S("서류", R::kPending), S("인적성", R::kPending, "2026-04-01")}));
  apps.push_back(
      A(6, Source::kReferral, "2026-01-20",
        {S("서류", R::kPassed, "2026-01-21"), S("사전 과제", R::kPassed, "2026-01-30"),
         S("1차 면접", R::kPassed, "2026-02-06"), S("1차면접", R::kPending, "2026-02-10"),
         S("최종합격", R::kPassed, "2026-02-20")}));
  return apps;
}

struct Want {
  const char* key;
  int reached;
  int passed;
  double rate;
  std::optional<double> median;
};

void expect_stages(const Funnel& f, const std::vector<Want>& want) {
  ASSERT_EQ(f.stages.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const FunnelStage& s = f.stages[i];
    SCOPED_TRACE(want[i].key);
    EXPECT_EQ(s.kind.key(), want[i].key);
    EXPECT_EQ(s.reached, want[i].reached);
    EXPECT_EQ(s.passed, want[i].passed);
    EXPECT_DOUBLE_EQ(s.pass_rate, want[i].rate);
    ASSERT_EQ(s.median_days_from_apply.has_value(), want[i].median.has_value());
    if (want[i].median) {
      EXPECT_DOUBLE_EQ(*s.median_days_from_apply, *want[i].median);
    }
  }
}

TEST(FunnelTest, CountsTheWholeSearch) {
  const auto apps = scenario();
  Funnel f = compute_funnel(apps, kToday);
  EXPECT_EQ(f.applications, 6);
  EXPECT_EQ(f.offers, 2);    // 1 and 6
  EXPECT_EQ(f.accepted, 1);  // 1
  expect_stages(f, {
                       // 1,2,3,4,6 reached (5 has neither result nor date); days 5,2,3,1 → 2.5
                       {"document", 5, 5, 1.0, 2.5},
                       // 1,2 passed, 3 failed; days 15,9,9 → 9
                       {"coding-test", 3, 2, 2.0 / 3.0, 9.0},
                       {"assignment", 1, 1, 1.0, 10.0},
                       // 1 ✓27, 2 ✗16, 4 …33 (dated today), 6 ✓17 once; → (17+27)/2
                       {"interview-1", 4, 2, 0.5, 22.0},
                       // 4's second interview is in the future: only 1 reached it
                       {"interview-2", 1, 1, 1.0, 41.0},
                       // 1 ✓51, 6 ✓31 → 41; aptitude never reached so absent
                       {"offer", 2, 2, 1.0, 41.0},
                   });
}

TEST(FunnelTest, SinceFiltersByApplicationDate) {
  const auto apps = scenario();
  Funnel f = compute_funnel(apps, kToday, D("2026-02-01"));  // 3 (on the day), 4, 5
  EXPECT_EQ(f.applications, 3);
  EXPECT_EQ(f.offers, 0);
  EXPECT_EQ(f.accepted, 0);
  expect_stages(f, {
                       {"document", 2, 2, 1.0, 3.0},  // 3 has no date
                       {"coding-test", 1, 0, 0.0, 9.0},
                       {"interview-1", 1, 0, 0.0, 33.0},
                   });

  Funnel none = compute_funnel(apps, kToday, D("2026-03-02"));
  EXPECT_EQ(none.applications, 0);
  EXPECT_TRUE(none.stages.empty());
}

TEST(FunnelTest, TodayMovesTheReachedLine) {
  const auto apps = scenario();
  // The day before, 4's first interview (dated 03-15, pending) is not reached yet.
  Funnel f = compute_funnel(apps, D("2026-03-14"));
  ASSERT_GE(f.stages.size(), 4u);
  EXPECT_EQ(f.stages[3].kind.key(), "interview-1");
  EXPECT_EQ(f.stages[3].reached, 3);
  EXPECT_DOUBLE_EQ(f.stages[3].pass_rate, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*f.stages[3].median_days_from_apply, 17.0);
  // Much later, 4's second interview and 5's 인적성 are reached too.
  Funnel later = compute_funnel(apps, D("2026-04-01"));
  bool saw_aptitude = false;
  for (const auto& s : later.stages) {
    if (s.kind.key() == "interview-2") {
      EXPECT_EQ(s.reached, 2);
    }
    if (s.kind.key() == "aptitude") {
      saw_aptitude = true;
      EXPECT_EQ(s.reached, 1);
      EXPECT_EQ(s.passed, 0);
      EXPECT_DOUBLE_EQ(*s.median_days_from_apply, 31.0);
    }
  }
  EXPECT_TRUE(saw_aptitude);
}

TEST(FunnelTest, SplitsBySource) {
  const auto apps = scenario();
  auto by = compute_funnel_by_source(apps, kToday);
  ASSERT_EQ(by.size(), 3u);  // no platform, no cold-email
  EXPECT_FALSE(by.count(Source::kPlatform));
  EXPECT_FALSE(by.count(Source::kColdEmail));

  const Funnel& direct = by.at(Source::kDirect);  // 1, 3, 5
  EXPECT_EQ(direct.applications, 3);
  EXPECT_EQ(direct.offers, 1);
  EXPECT_EQ(direct.accepted, 1);
  expect_stages(direct, {
                            {"document", 2, 2, 1.0, 5.0},
                            {"coding-test", 2, 1, 0.5, 12.0},
                            {"interview-1", 1, 1, 1.0, 27.0},
                            {"interview-2", 1, 1, 1.0, 41.0},
                            {"offer", 1, 1, 1.0, 51.0},
                        });

  const Funnel& referral = by.at(Source::kReferral);  // 2, 6
  EXPECT_EQ(referral.applications, 2);
  EXPECT_EQ(referral.offers, 1);
  EXPECT_EQ(referral.accepted, 0);
  expect_stages(referral, {
                              {"document", 2, 2, 1.0, 1.5},
                              {"coding-test", 1, 1, 1.0, 9.0},
                              {"assignment", 1, 1, 1.0, 10.0},
                              {"interview-1", 2, 1, 0.5, 16.5},
                              {"offer", 1, 1, 1.0, 31.0},
                          });

  const Funnel& hh = by.at(Source::kHeadhunter);  // 4
  EXPECT_EQ(hh.applications, 1);
  EXPECT_EQ(hh.offers, 0);
  expect_stages(hh, {
                        {"document", 1, 1, 1.0, 3.0},
                        {"interview-1", 1, 0, 0.0, 33.0},
                    });

  auto since = compute_funnel_by_source(apps, kToday, D("2026-02-01"));
  ASSERT_EQ(since.size(), 2u);  // referrals all applied in January
  EXPECT_EQ(since.at(Source::kDirect).applications, 2);
  EXPECT_EQ(since.at(Source::kHeadhunter).applications, 1);
}

TEST(FunnelTest, ReachedWithoutDateHasNoMedian) {
  std::vector<Application> apps;
  apps.push_back(A(1, Source::kDirect, "2026-01-01", {S("서류", R::kFailed)}));
  Funnel f = compute_funnel(apps, kToday);
  expect_stages(f, {{"document", 1, 0, 0.0, std::nullopt}});
}

TEST(FunnelTest, EmptyInput) {
  Funnel f = compute_funnel({}, kToday);
  EXPECT_EQ(f.applications, 0);
  EXPECT_EQ(f.offers, 0);
  EXPECT_TRUE(f.stages.empty());
  EXPECT_TRUE(compute_funnel_by_source({}, kToday).empty());
}

// Two stages of one kind: a pending, undated first one must not hide a later
// one that was reached.
TEST(FunnelTest, TheFirstReachedStageOfAKindCounts) {
  std::vector<Application> apps = {
      A(1, Source::kDirect, "2026-03-01",
        {S("건강검진", R::kPending), S("신원조회", R::kPassed, "2026-03-05")})};
  Funnel f = compute_funnel(apps, kToday);
  ASSERT_EQ(f.stages.size(), 1u);
  EXPECT_EQ(f.stages[0].kind.key(), "other");
  EXPECT_EQ(f.stages[0].reached, 1);
  EXPECT_EQ(f.stages[0].passed, 1);
  EXPECT_EQ(f.stages[0].median_days_from_apply.value_or(-1), 4);
}

}  // namespace
}  // namespace ijik::domain
