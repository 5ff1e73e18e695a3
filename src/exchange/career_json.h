// JSON shapes of the career commands (docs/cli.md): timeline, offers,
// decisions. Field names are a public contract.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "domain/career.h"
#include "domain/decision.h"
#include "domain/offer.h"

namespace ijik::exchange {

// One job as in `timeline --json`; tenure counted up to `today` for the current job.
nlohmann::ordered_json job_json(const domain::Job& j, const Date& today);
nlohmann::ordered_json probation_json(const std::optional<domain::Probation>& p);
nlohmann::ordered_json search_json(const domain::Search& s);
// {"jobs": […], "phases": […], "searches": […], "current_employer": id or null}
nlohmann::ordered_json timeline_json(const std::vector<domain::Job>& jobs,
                                     const std::vector<domain::Phase>& phases,
                                     const std::vector<domain::Search>& searches,
                                     const Date& today);

// Tenure in whole months, the last day counted: from → (to or today) + 1 day.
int tenure_months(const domain::Job& j, const Date& today);

// A number rounded to two decimals, for scores and weights.
double round2(double v);

}  // namespace ijik::exchange
