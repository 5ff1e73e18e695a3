// The career timeline: jobs with their conversions and probation, and phases.
#pragma once

#include <optional>
#include <vector>

#include "domain/career.h"
#include "store/database.h"

namespace ijik::store {

class CareerRepo {
 public:
  explicit CareerRepo(Database& db) : db_(db) {}

  // Inserts the job (conversions and probation too); sets job.id.
  Status add_job(domain::Job& job);
  // One job with its company name, conversions and probation; NotFound names the id.
  Result<domain::Job> job(int64_t id);
  // Every job, sorted by start date then id.
  Result<std::vector<domain::Job>> jobs();
  Status end_job(int64_t id, const Date& on, const std::string& reason);
  Status set_pay(int64_t id, int64_t pay);
  Status add_conversion(int64_t job_id, const domain::Conversion& c);
  // Inserts or replaces the job's probation.
  Status set_probation(int64_t job_id, const domain::Probation& p);

  // The current job: the one without an end date (the latest started, if
  // several); nullopt when there is none.
  Result<std::optional<domain::Job>> current_job();
  // The job held on `day`: started on or before it and not ended before it
  // (the latest started, if several); nullopt between jobs. After an offer
  // is accepted, the old job until its last day, not the one to come.
  Result<std::optional<domain::Job>> job_held_on(const Date& day);
  // The company id of the current job: the employer to watch for trouble.
  Result<std::optional<int64_t>> current_employer();

  // Jobs held at a company (a company with jobs cannot be removed).
  Result<int> count_jobs(int64_t company_id);

  Status add_phase(domain::Phase& phase);
  Result<std::vector<domain::Phase>> phases();

 private:
  Result<std::vector<domain::Job>> query(const char* where, int64_t id);
  Database& db_;
};

}  // namespace ijik::store
