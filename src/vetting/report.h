// Everything `ijik vet` shows about one company, loaded from the workspace:
// the linked workplace's series and metrics, the pay position among peers,
// statements and funding, the flags, the grade and what is missing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/financials.h"
#include "domain/workforce.h"
#include "store/database.h"
#include "store/nps_repo.h"
#include "store/watch_repo.h"
#include "vetting/evaluate.h"

namespace ijik::vetting {

// A company to vet or watch: one of the user's companies (with its linked
// public workplace, if any) or a bare public workplace.
struct Subject {
  store::WatchTarget target;
  std::string name;
  std::optional<store::WorkplaceRecord> workplace;
};

Result<Subject> company_subject(store::Database& db, int64_t company_id);
Result<Subject> workplace_subject(store::Database& db, int64_t workplace_id);

struct Report {
  Subject subject;
  std::vector<domain::MonthlyPoint> series;
  std::optional<domain::WorkforceMetrics> metrics;
  std::optional<PayPosition> pay;
  std::vector<domain::FinancialYear> years;  // at most the latest five
  std::vector<domain::FundingRound> funding;
  std::vector<Flag> flags;
  Grade grade;
  std::vector<std::string> coverage;  // what is missing and why
};

Result<Report> build_report(store::Database& db, const Subject& s, const RuleConfig& rules);

// The size band a headcount falls in, as [lo, hi] and its label ("30–99명").
struct SizeBand {
  int64_t lo = 0, hi = 0;
  std::string label;
};
SizeBand size_band(int64_t headcount);

// The rules file of a workspace: rules.toml beside the workspace file.
std::string workspace_rules_path(const std::string& db_path);

}  // namespace ijik::vetting
