#include "domain/agenda.h"

#include <gtest/gtest.h>

#include <vector>

namespace ijik::domain {
namespace {

using R = StageResult;

Stage S(int64_t id, const char* name, R result, const char* date = nullptr,
        const char* time = nullptr) {
  Stage s;
  s.id = id;
  s.name = name;
  s.result = result;
  if (date) s.date = parse_date(date).value();
  if (time) s.time = parse_time(time).value();
  return s;
}

Application A(int64_t id, std::vector<Stage> stages, Closure closure = Closure::kNone) {
  Application a;
  a.id = id;
  a.company = "회사" + std::to_string(id);
  a.stages = std::move(stages);
  a.closure = closure;
  assign_stage_kinds(a);
  return a;
}

const Date kToday = parse_date("2026-03-15").value();

std::vector<Application> scenario() {
  std::vector<Application> apps;
  apps.push_back(A(1, {S(11, "1차 면접", R::kPending, "2026-03-15", "14:00"),
                       S(12, "과제", R::kPending, "2026-03-15"),
                       S(13, "2차 면접", R::kPending, "2026-03-22"),   // last day of the window
                       S(14, "임원 면접", R::kPending, "2026-03-23"),  // one day too late
                       S(15, "코테", R::kPending, "2026-03-14")}));    // yesterday
  apps.push_back(A(2, {S(21, "서류", R::kPassed, "2026-03-16"),        // already decided
                       S(22, "코테", R::kPending),                     // no date
                       S(23, "1차 면접", R::kPending, "2026-03-15", "10:00"),
                       S(5, "인적성", R::kPending, "2026-03-15")}));
  apps.push_back(A(3, {S(31, "서류", R::kFailed, "2026-03-10"),  // rejected application
                       S(32, "1차 면접", R::kPending, "2026-03-16")}));
  apps.push_back(A(4, {S(41, "최종합격", R::kPassed, "2026-03-10"),  // holds an offer
                       S(42, "처우협의", R::kPending, "2026-03-17", "09:30")}));
  apps.push_back(A(5, {S(51, "1차 면접", R::kPending, "2026-03-16")}, Closure::kWithdrawn));
  apps.push_back(A(6, {S(61, "처우협의", R::kPending, "2026-03-16")}, Closure::kAccepted));
  apps.push_back(
      A(7, {S(71, "서류", R::kWithdrawn), S(72, "1차 면접", R::kPending, "2026-03-16")}));
  return apps;
}

TEST(AgendaTest, PendingStagesInTheWindowSoonestFirst) {
  const auto apps = scenario();
  auto items = build_agenda(apps, kToday, 7);
  std::vector<int64_t> stage_ids;
  std::vector<long> days;
  for (const auto& it : items) stage_ids.push_back(it.stage->id), days.push_back(it.days_away);
  // Same day: untimed first (by id), then by time.
  EXPECT_EQ(stage_ids, (std::vector<int64_t>{5, 12, 23, 11, 42, 13}));
  EXPECT_EQ(days, (std::vector<long>{0, 0, 0, 0, 2, 7}));
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0].app, &apps[1]);
  EXPECT_EQ(items[0].stage, &apps[1].stages[3]);
  EXPECT_EQ(items[4].app, &apps[3]);  // the offer-holding application is still on the agenda
}

TEST(AgendaTest, WindowOfZeroDaysIsToday) {
  const auto apps = scenario();
  auto items = build_agenda(apps, kToday, 0);
  ASSERT_EQ(items.size(), 4u);
  for (const auto& it : items) EXPECT_EQ(*it.stage->date, kToday);
}

TEST(AgendaTest, LongerWindowAndEmptyInput) {
  const auto apps = scenario();
  auto items = build_agenda(apps, kToday, 8);
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items.back().stage->id, 14);
  EXPECT_EQ(items.back().days_away, 8);
  EXPECT_TRUE(build_agenda({}, kToday, 30).empty());
  EXPECT_TRUE(build_agenda(apps, parse_date("2026-03-24").value(), 30).empty());
}

}  // namespace
}  // namespace ijik::domain
