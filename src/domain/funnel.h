// The numbers of a job search: how many applications reach each stage kind,
// how many pass it, and how long it takes to get there.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/tracker.h"

namespace ijik::domain {

struct FunnelStage {
  StageKind kind;
  int reached = 0;         // applications with a stage of this kind that was reached
  int passed = 0;          // … whose stage of this kind passed
  double pass_rate = 0.0;  // passed / reached (0 when none reached)
  std::optional<double> median_days_from_apply;  // over reached stages with a date
};

struct Funnel {
  int applications = 0;
  int offers = 0;                   // applications with a passed offer stage
  int accepted = 0;                 // applications accepted by the user
  std::vector<FunnelStage> stages;  // in hiring order; only kinds some application reached
};

// A stage counts as reached when it has a result other than pending, or its
// date is `today` or earlier. An application counts once per kind (its first
// reached stage of that kind decides whether it passed). Only
// applications applied on or after `since` (when given) are counted.
Funnel compute_funnel(const std::vector<Application>& apps, const Date& today,
                      const std::optional<Date>& since = std::nullopt);

// The funnel per source, for `funnel --by source` (sources with no application left out).
std::map<Source, Funnel> compute_funnel_by_source(const std::vector<Application>& apps,
                                                  const Date& today,
                                                  const std::optional<Date>& since = std::nullopt);

}  // namespace ijik::domain
