#include "domain/career.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/month.h"

namespace ijik::domain {

std::string_view to_string(JobType t) {
  switch (t) {
    case JobType::kIntern:
      return "intern";
    case JobType::kContract:
      return "contract";
    case JobType::kFullTime:
      return "full-time";
  }
  return "";
}

Result<JobType> parse_job_type(std::string_view text) {
  if (text == "intern" || text == "인턴") return JobType::kIntern;
  if (text == "contract" || text == "계약직") return JobType::kContract;
  if (text == "full-time" || text == "fulltime" || text == "정규직") return JobType::kFullTime;
  return invalid_input(
      fmt::format("unknown job type '{}': expected intern, contract or full-time", text));
}

std::string job_type_label(JobType t) {
  switch (t) {
    case JobType::kIntern:
      return "인턴";
    case JobType::kContract:
      return "계약직";
    case JobType::kFullTime:
      return "정규직";
  }
  return "";
}

std::string_view to_string(ProbationOutcome o) {
  switch (o) {
    case ProbationOutcome::kPending:
      return "pending";
    case ProbationOutcome::kPassed:
      return "passed";
    case ProbationOutcome::kExtended:
      return "extended";
    case ProbationOutcome::kCancelled:
      return "cancelled";
  }
  return "";
}

Result<ProbationOutcome> parse_probation_outcome(std::string_view text) {
  if (text == "pending" || text == "진행") return ProbationOutcome::kPending;
  if (text == "passed" || text == "면수습" || text == "통과") return ProbationOutcome::kPassed;
  if (text == "extended" || text == "연장" || text == "수습연장" || text == "수습 연장")
    return ProbationOutcome::kExtended;
  if (text == "cancelled" || text == "canceled" || text == "취소" || text == "채용취소" ||
      text == "채용 취소")
    return ProbationOutcome::kCancelled;
  return invalid_input(fmt::format(
      "unknown probation outcome '{}': expected passed (면수습), extended (수습 연장) or "
      "cancelled (채용 취소)",
      text));
}

std::string probation_outcome_label(ProbationOutcome o) {
  switch (o) {
    case ProbationOutcome::kPending:
      return "진행 중";
    case ProbationOutcome::kPassed:
      return "면수습";
    case ProbationOutcome::kExtended:
      return "수습 연장";
    case ProbationOutcome::kCancelled:
      return "채용 취소";
  }
  return "";
}

Result<std::string> parse_phase_date(std::string_view text) {
  if (auto d = parse_date(text); d.ok()) return d->iso();
  if (auto m = parse_year_month(text); m.ok()) return m->iso();
  return invalid_input(
      fmt::format("invalid phase date '{}': expected YYYY-MM or YYYY-MM-DD", text));
}

Date probation_end(const Date& start, int months) {
  return start.add_months(months);
}

int whole_months_between(const Date& from, const Date& to) {
  if (to < from) return 0;
  int m = (to.year - from.year) * 12 + (to.month - from.month);
  while (m > 0 && to < from.add_months(m)) --m;
  return m;
}

std::string format_tenure(int months) {
  if (months <= 0) return "1개월 미만";
  const int y = months / 12, m = months % 12;
  if (y == 0) return fmt::format("{}개월", m);
  if (m == 0) return fmt::format("{}년", y);
  return fmt::format("{}년 {}개월", y, m);
}

long gap_days(const Date& previous_end, const Date& next_start) {
  const long d = days_between(previous_end, next_start) - 1;
  return d > 0 ? d : 0;
}

void sort_jobs(std::vector<Job>& jobs) {
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) {
    return a.from != b.from ? a.from < b.from : a.id < b.id;
  });
}

std::vector<Search> split_searches(const std::vector<Job>& jobs,
                                   const std::vector<Application>& apps, const Date& today) {
  std::vector<Search> out;
  auto collect = [&](Search s) {
    std::vector<Application> copies;
    for (const auto& a : apps) {
      if (s.after && !(*s.after < a.applied)) continue;
      if (s.until && *s.until < a.applied) continue;
      s.applications.push_back(&a);
      copies.push_back(a);
    }
    if (s.applications.empty()) return;
    s.funnel = compute_funnel(copies, today);
    out.push_back(std::move(s));
  };
  for (size_t k = 0; k < jobs.size(); ++k) {
    Search s;
    s.before_job = jobs[k].id;
    if (k > 0) s.after = jobs[k - 1].from;
    s.until = jobs[k].from;
    collect(std::move(s));
  }
  Search ongoing;
  if (!jobs.empty()) ongoing.after = jobs.back().from;
  collect(std::move(ongoing));
  return out;
}

std::string describe_probation(const Probation& p) {
  std::string s = fmt::format("수습 {}개월 ~{}", p.months, p.original_end.iso());
  if (p.extended_until) s += fmt::format(" → 연장 ~{}", p.extended_until->iso());
  s += " · " + probation_outcome_label(p.outcome);
  if (p.decided_on && p.outcome != ProbationOutcome::kPending)
    s += fmt::format(" ({})", p.decided_on->iso());
  return s;
}

}  // namespace ijik::domain
