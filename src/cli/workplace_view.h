// How a public workplace is shown: its monthly series with a sparkline and
// its metrics (ijik company show for a workplace; the vet report reuses it).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/workforce.h"
#include "store/database.h"
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

// "12 (서울 강남구), 57 (부산 사상구)" for a list of same-named workplaces.
std::string describe_candidates(const std::vector<store::WorkplaceRecord>& ws);

// A public workplace by id or exact name; NotFound / Conflict name the problem.
Result<store::WorkplaceRecord> resolve_workplace(store::NpsRepo& nps, const std::string& key);

// Like resolve_workplace, but a key naming no workplace exactly falls back to
// the search of `ijik company search`: the hit of the best tier (exact,
// prefix, substring) is taken when it is the only one there; several are a
// Conflict listing them, none a NotFound.
Result<store::WorkplaceRecord> find_workplace(store::Database& db, const std::string& key);

}  // namespace ijik::cli
