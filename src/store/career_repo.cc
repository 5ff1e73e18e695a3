#include "store/career_repo.h"

#include <fmt/format.h>

#include "common/clock.h"

namespace ijik::store {
namespace {

std::optional<Date> read_date(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  auto d = parse_date(*s);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

Date must_date(const std::string& s) {
  auto d = parse_date(s);
  return d.ok() ? *d : Date{};
}

std::optional<std::string> iso(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

}  // namespace

Status CareerRepo::add_job(domain::Job& job) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("INSERT INTO jobs(company_id, title, team, start_type, start_date, end_date, "
                  "reason, pay, application_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)"));
  st.bind(1, job.company_id)
      .bind(2, job.title)
      .bind(3, job.team)
      .bind(4, domain::to_string(job.start_type))
      .bind(5, job.from.iso())
      .bind(6, iso(job.to))
      .bind(7, job.reason)
      .bind(8, job.pay)
      .bind(9, job.application_id)
      .bind(10, now_utc_iso());
  IJIK_RETURN_IF_ERROR(st.run());
  job.id = db_.last_insert_id();
  for (const auto& c : job.conversions) IJIK_RETURN_IF_ERROR(add_conversion(job.id, c));
  if (job.probation) IJIK_RETURN_IF_ERROR(set_probation(job.id, *job.probation));
  return {};
}

Result<std::vector<domain::Job>> CareerRepo::query(const char* where, int64_t id) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(fmt::format(
          "SELECT j.id, j.company_id, c.name, j.title, j.team, j.start_type, j.start_date, "
          "j.end_date, j.reason, j.pay, j.application_id FROM jobs j JOIN companies c ON "
          "c.id = j.company_id {} ORDER BY j.start_date, j.id",
          where)));
  if (id) st.bind(1, id);
  std::vector<domain::Job> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::Job j;
    j.id = st.int64(0);
    j.company_id = st.int64(1);
    j.company = st.text(2);
    j.title = st.text(3);
    j.team = st.text(4);
    j.start_type = domain::parse_job_type(st.text(5)).ok() ? *domain::parse_job_type(st.text(5))
                                                           : domain::JobType::kFullTime;
    j.from = must_date(st.text(6));
    j.to = read_date(st.optional_text(7));
    j.reason = st.text(8);
    j.pay = st.optional_int64(9);
    j.application_id = st.optional_int64(10);
    out.push_back(std::move(j));
  }
  IJIK_ASSIGN_OR_RETURN(auto conv, db_.prepare("SELECT on_date, to_type FROM job_conversions "
                                               "WHERE job_id = ? ORDER BY on_date"));
  IJIK_ASSIGN_OR_RETURN(auto prob,
                        db_.prepare("SELECT months, original_end, extended_until, outcome, "
                                    "decided_on FROM probations WHERE job_id = ?"));
  for (auto& j : out) {
    conv.reset();
    conv.bind(1, j.id);
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool row, conv.step());
      if (!row) break;
      auto t = domain::parse_job_type(conv.text(1));
      j.conversions.push_back({t.ok() ? *t : domain::JobType::kFullTime, must_date(conv.text(0))});
    }
    prob.reset();
    prob.bind(1, j.id);
    IJIK_ASSIGN_OR_RETURN(bool row, prob.step());
    if (row) {
      domain::Probation p;
      p.months = static_cast<int>(prob.int64(0));
      p.original_end = must_date(prob.text(1));
      p.extended_until = read_date(prob.optional_text(2));
      auto o = domain::parse_probation_outcome(prob.text(3));
      p.outcome = o.ok() ? *o : domain::ProbationOutcome::kPending;
      p.decided_on = read_date(prob.optional_text(4));
      j.probation = p;
    }
  }
  return out;
}

Result<domain::Job> CareerRepo::job(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto v, query("WHERE j.id = ?", id));
  if (v.empty()) return not_found(fmt::format("no job with id {} (see 'ijik timeline')", id));
  return std::move(v.front());
}

Result<std::vector<domain::Job>> CareerRepo::jobs() {
  return query("", 0);
}

Status CareerRepo::end_job(int64_t id, const Date& on, const std::string& reason) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("UPDATE jobs SET end_date = ?, reason = ? WHERE id = ?"));
  return st.bind(1, on.iso()).bind(2, reason).bind(3, id).run();
}

Status CareerRepo::set_pay(int64_t id, int64_t pay) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("UPDATE jobs SET pay = ? WHERE id = ?"));
  return st.bind(1, pay).bind(2, id).run();
}

Status CareerRepo::add_conversion(int64_t job_id, const domain::Conversion& c) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT OR REPLACE INTO job_conversions(job_id, "
                                             "on_date, to_type) VALUES (?,?,?)"));
  return st.bind(1, job_id).bind(2, c.on.iso()).bind(3, domain::to_string(c.to)).run();
}

Status CareerRepo::set_probation(int64_t job_id, const domain::Probation& p) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT OR REPLACE INTO probations(job_id, months, original_end, "
                           "extended_until, outcome, decided_on) VALUES (?,?,?,?,?,?)"));
  return st.bind(1, job_id)
      .bind(2, p.months)
      .bind(3, p.original_end.iso())
      .bind(4, iso(p.extended_until))
      .bind(5, domain::to_string(p.outcome))
      .bind(6, iso(p.decided_on))
      .run();
}

Result<std::optional<domain::Job>> CareerRepo::current_job() {
  IJIK_ASSIGN_OR_RETURN(auto all, jobs());
  std::optional<domain::Job> cur;
  for (auto& j : all)
    if (!j.to) cur = std::move(j);  // sorted by start: the last open one wins
  return cur;
}

Result<std::optional<domain::Job>> CareerRepo::job_held_on(const Date& day) {
  IJIK_ASSIGN_OR_RETURN(auto all, jobs());
  std::optional<domain::Job> held;
  for (auto& j : all)
    if (j.from <= day && (!j.to || day <= *j.to)) held = std::move(j);  // sorted by start
  return held;
}

Result<std::optional<int64_t>> CareerRepo::current_employer() {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT company_id FROM jobs WHERE end_date IS NULL "
                                             "ORDER BY start_date DESC, id DESC LIMIT 1"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st.int64(0));
}

Result<int> CareerRepo::count_jobs(int64_t company_id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT count(*) FROM jobs WHERE company_id = ?"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.bind(1, company_id).step());
  return row ? static_cast<int>(st.int64(0)) : 0;
}

Status CareerRepo::add_phase(domain::Phase& phase) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("INSERT INTO phases(name, from_date, to_date) VALUES (?,?,?)"));
  IJIK_RETURN_IF_ERROR(st.bind(1, phase.name).bind(2, phase.from).bind(3, phase.to).run());
  phase.id = db_.last_insert_id();
  return {};
}

Result<std::vector<domain::Phase>> CareerRepo::phases() {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT id, name, from_date, to_date FROM phases "
                                             "ORDER BY from_date, id"));
  std::vector<domain::Phase> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back({st.int64(0), st.text(1), st.text(2), st.optional_text(3)});
  }
  return out;
}

}  // namespace ijik::store
