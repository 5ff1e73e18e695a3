// A workplace's latest monthly points, packed into a few bytes to be stored
// beside its metrics (nps_metrics.recent). The next import recomputes the
// metrics from them without re-reading the months they came from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/workforce.h"

namespace ijik::store {

// The points metrics need: the 12 months ending with the latest and the month
// before (domain::compute_metrics looks back at most 12 months).
inline constexpr size_t kRecentPoints = 13;

// Points sorted by month, at most kRecentPoints of them.
std::string encode_points(const std::vector<domain::MonthlyPoint>& points);
// The same into `out` (its room reused: the metrics pass runs it once a workplace).
void encode_points(const std::vector<domain::MonthlyPoint>& points, std::string& out);
// Empty when the bytes are not an encoding of points (a damaged or unknown blob).
std::optional<std::vector<domain::MonthlyPoint>> decode_points(std::string_view bytes);

}  // namespace ijik::store
