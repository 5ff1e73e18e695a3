// The watch list as a whole (the user's list plus the current employer) and
// the re-evaluation that turns new red flags into stored alerts after an import.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/watch_repo.h"
#include "vetting/report.h"

namespace ijik::vetting {

struct Watched {
  Subject subject;
  std::optional<int64_t> watch_id;  // none: watched only as the career's current employer
  bool current = false;             // the current employer
  std::string why;  // "current employer (career timeline)", "marked current", "added"
  std::string added_at;
};

// Every watched company: the current employer from the career timeline
// (CareerRepo::current_employer) first, then the watch list in order.
Result<std::vector<Watched>> watched(store::Database& db);

// Evaluates every watched company with `rules` and stores each red flag not
// yet alerted (same company, rule and month) as an alert raised at `now`.
// Returns the new alerts, in watch-list order.
Result<std::vector<store::AlertRecord>> refresh_alerts(store::Database& db, const RuleConfig& rules,
                                                       const std::string& now);

}  // namespace ijik::vetting
