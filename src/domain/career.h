// The career story: jobs (with conversions and probation), named phases, and
// the job searches between moves. Plain types and pure calendar logic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/funnel.h"
#include "domain/tracker.h"

namespace ijik::domain {

enum class JobType { kIntern, kContract, kFullTime };
std::string_view to_string(JobType t);
// "intern", "contract", "full-time" (also 인턴, 계약직, 정규직).
Result<JobType> parse_job_type(std::string_view text);
// 인턴, 계약직, 정규직.
std::string job_type_label(JobType t);

struct Conversion {
  JobType to = JobType::kFullTime;
  Date on;
};

enum class ProbationOutcome { kPending, kPassed, kExtended, kCancelled };
std::string_view to_string(ProbationOutcome o);
// "passed", "extended", "cancelled", "pending" (also 면수습, 수습 연장/연장, 채용 취소/취소).
Result<ProbationOutcome> parse_probation_outcome(std::string_view text);
// 진행 중, 면수습, 수습 연장, 채용 취소.
std::string probation_outcome_label(ProbationOutcome o);

struct Probation {
  int months = 3;
  Date original_end;                   // start + months (probation_end)
  std::optional<Date> extended_until;  // the new end after 수습 연장
  ProbationOutcome outcome = ProbationOutcome::kPending;
  std::optional<Date> decided_on;  // when the outcome was given
  // The end in force: the extended end when there is one, else the original.
  Date ends() const { return extended_until ? *extended_until : original_end; }
};
// "수습 3개월 ~2022-10-11 · 면수습 (2022-10-11)": a probation in one line.
std::string describe_probation(const Probation& p);

struct Job {
  int64_t id = 0;
  int64_t company_id = 0;
  std::string company;  // the company's name
  std::string title;
  std::string team;
  JobType start_type = JobType::kFullTime;
  Date from;
  std::optional<Date> to;
  std::string reason;                     // reason for leaving
  std::optional<int64_t> pay;             // annual base pay, KRW
  std::optional<int64_t> application_id;  // the accepted application it came from
  std::vector<Conversion> conversions;    // by date
  std::optional<Probation> probation;
  // The type now: the last conversion's, else the starting type.
  JobType type() const { return conversions.empty() ? start_type : conversions.back().to; }
};

// A named period of the career ("Phase 3"). Dates are given as YYYY-MM or
// YYYY-MM-DD and kept as given.
struct Phase {
  int64_t id = 0;
  std::string name;
  std::string from;
  std::optional<std::string> to;
};

// Accepts "YYYY-MM" or "YYYY-MM-DD" (also YYYYMM, YYYYMMDD, dotted) and
// returns the normalized text; the message names both forms.
Result<std::string> parse_phase_date(std::string_view text);

// The probation end: start + `months` calendar months (Date::add_months,
// clamped to the month's end: 2023-11-30 + 3 = 2024-02-29).
Date probation_end(const Date& start, int months);

// Whole calendar months from `from` to `to`: the largest m with
// from.add_months(m) <= to (0 when `to` is before that).
int whole_months_between(const Date& from, const Date& to);

// "1년 8개월", "4개월", "2년", "1개월 미만".
std::string format_tenure(int months);

// Days strictly between the end of one job and the start of the next
// (0 when they touch or overlap): 2022-03-31 → 2022-04-01 is 0.
long gap_days(const Date& previous_end, const Date& next_start);

// A job search: the applications made in the window before a move (or after
// the last move, still going on).
struct Search {
  std::optional<int64_t> before_job;  // the job it led to; nullopt for the ongoing one
  std::optional<Date> after;          // applications applied after this date…
  std::optional<Date> until;          // …and on or before this one
  std::vector<const Application*> applications;
  Funnel funnel;
};

// Splits the applications into searches: the one before job k holds those
// applied after job k−1's start (any time, for the first job) and on or
// before job k's start; those applied after the last job's start form the
// ongoing search (left out when empty). `jobs` must be sorted by start.
// Searches point into `apps`.
std::vector<Search> split_searches(const std::vector<Job>& jobs,
                                   const std::vector<Application>& apps, const Date& today);

// Sorts by start date, then id.
void sort_jobs(std::vector<Job>& jobs);

}  // namespace ijik::domain
