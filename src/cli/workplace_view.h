// How a public workplace is shown: its monthly series with a sparkline and
// its metrics (ijik company show for a workplace; the vet report reuses it).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "domain/workforce.h"
#include "store/nps_repo.h"

namespace ijik::cli {

// "▁▂▄█" scaled between the series' min and max.
std::string sparkline(const std::vector<int64_t>& values);

// The documented JSON shape: {"id", "name", "series": [...], "metrics": {...}, …}.
nlohmann::ordered_json workplace_json(const store::WorkplaceRecord& w,
                                      const std::vector<domain::MonthlyPoint>& series);

// The human report: header, metrics, then the series table.
void print_workplace(std::ostream& out, const store::WorkplaceRecord& w,
                     const std::vector<domain::MonthlyPoint>& series, bool color);

}  // namespace ijik::cli
