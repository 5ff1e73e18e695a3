// Career timeline arithmetic: probation ends, tenure, gaps, searches.
#include "domain/career.h"

#include <gtest/gtest.h>

namespace ijik::domain {
namespace {

Date d(const char* s) {
  return *parse_date(s);
}

TEST(ProbationEnd, AddsCalendarMonths) {
  EXPECT_EQ(probation_end(d("2022-07-11"), 3), d("2022-10-11"));
  EXPECT_EQ(probation_end(d("2022-11-15"), 3), d("2023-02-15"));  // across a year
}

TEST(ProbationEnd, ClampsToMonthEnd) {
  EXPECT_EQ(probation_end(d("2023-11-30"), 3), d("2024-02-29"));  // leap year
  EXPECT_EQ(probation_end(d("2022-11-30"), 3), d("2023-02-28"));
  EXPECT_EQ(probation_end(d("2024-01-31"), 1), d("2024-02-29"));
  EXPECT_EQ(probation_end(d("2023-08-31"), 1), d("2023-09-30"));
  EXPECT_EQ(probation_end(d("2024-02-29"), 12), d("2025-02-28"));
}

TEST(WholeMonths, CountsCompleteMonths) {
  EXPECT_EQ(whole_months_between(d("2020-07-01"), d("2022-03-01")), 20);
  EXPECT_EQ(whole_months_between(d("2020-07-01"), d("2022-02-28")), 19);
  EXPECT_EQ(whole_months_between(d("2022-01-31"), d("2022-02-28")), 1);  // Jan 31 + 1 = Feb 28
  EXPECT_EQ(whole_months_between(d("2022-01-31"), d("2022-02-27")), 0);
  EXPECT_EQ(whole_months_between(d("2024-02-29"), d("2025-02-28")), 12);
  EXPECT_EQ(whole_months_between(d("2022-05-10"), d("2022-05-01")), 0);
}

TEST(Tenure, FormatsYearsAndMonths) {
  EXPECT_EQ(format_tenure(20), "1년 8개월");
  EXPECT_EQ(format_tenure(4), "4개월");
  EXPECT_EQ(format_tenure(24), "2년");
  EXPECT_EQ(format_tenure(0), "1개월 미만");
}

TEST(Gap, DaysStrictlyBetween) {
  EXPECT_EQ(gap_days(d("2022-03-31"), d("2022-04-01")), 0);
  EXPECT_EQ(gap_days(d("2022-03-31"), d("2022-05-01")), 30);
  EXPECT_EQ(gap_days(d("2022-03-31"), d("2022-03-01")), 0);  // overlap
  EXPECT_EQ(gap_days(d("2024-02-28"), d("2024-03-01")), 1);  // Feb 29 in a leap year
}

TEST(Parsing, JobTypesOutcomesPhaseDates) {
  EXPECT_EQ(*parse_job_type("인턴"), JobType::kIntern);
  EXPECT_EQ(*parse_job_type("full-time"), JobType::kFullTime);
  EXPECT_FALSE(parse_job_type("part-time").ok());
  EXPECT_EQ(*parse_probation_outcome("면수습"), ProbationOutcome::kPassed);
  EXPECT_EQ(*parse_probation_outcome("수습 연장"), ProbationOutcome::kExtended);
  EXPECT_EQ(*parse_probation_outcome("채용 취소"), ProbationOutcome::kCancelled);
  EXPECT_FALSE(parse_probation_outcome("maybe").ok());
  EXPECT_EQ(*parse_phase_date("2022-07"), "2022-07");
  EXPECT_EQ(*parse_phase_date("20220711"), "2022-07-11");
  EXPECT_FALSE(parse_phase_date("2022-13").ok());
}

TEST(Searches, SplitBetweenMoves) {
  std::vector<Job> jobs(2);
  jobs[0].id = 1;
  jobs[0].from = d("2020-07-01");
  jobs[1].id = 2;
  jobs[1].from = d("2022-04-01");
  std::vector<Application> apps(4);
  apps[0].id = 1;
  apps[0].applied = d("2020-05-01");  // before the first job
  apps[1].id = 2;
  apps[1].applied = d("2022-03-01");  // before job 2
  apps[2].id = 3;
  apps[2].applied = d("2022-04-01");  // on job 2's start day: still that search
  apps[3].id = 4;
  apps[3].applied = d("2022-06-01");  // after the last move: ongoing
  auto s = split_searches(jobs, apps, d("2022-07-01"));
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].before_job, 1);
  EXPECT_EQ(s[0].applications.size(), 1u);
  EXPECT_EQ(s[1].before_job, 2);
  EXPECT_EQ(s[1].applications.size(), 2u);
  EXPECT_FALSE(s[2].before_job.has_value());
  EXPECT_EQ(s[2].applications[0]->id, 4);
}

}  // namespace
}  // namespace ijik::domain
