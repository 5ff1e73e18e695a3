// The screening table of every public workplace (domain::ScreenTable), kept as
// snapshot blobs, one per column, so `ijik screen` reads only the columns its
// filters and sort use instead of joining 550,000 rows. All its SQL lives here.
#pragma once

#include <memory>
#include <vector>

#include "common/result.h"
#include "domain/screen.h"
#include "domain/workforce.h"
#include "store/database.h"

namespace ijik::store {

// Builds the table from nps_workplaces and nps_metrics and stores it as the
// 'screen' snapshot. Run inside a write transaction.
Status rebuild_screen_snapshot(Database& db);

// Stores `t` as the 'screen' snapshot, the same bytes rebuild_screen_snapshot
// would store, when `t` holds what the tables would give: every workplace
// that has metrics, added in id order, its metric columns set by
// set_screen_metrics. For an import that holds all of it already (a first
// import): no reading back. Run inside a write transaction.
Status store_screen_snapshot(Database& db, domain::ScreenTable t);

// Sets the metric columns of `e` from `m` as nps_metrics gives them back
// (SQLite stores a NaN as NULL, and -0.0 as 0).
void set_screen_metrics(domain::ScreenEntry& e, const domain::WorkforceMetrics& m);

// The table with at least `columns` (domain::ScreenTable::Column): the
// stored parts when current, else rebuilt (and stored) first. With the
// stamped caches on (`ijik serve`), the whole table, kept in memory, with
// its ids indexed (ScreenTable::row_of).
Result<std::shared_ptr<const domain::ScreenTable>> load_screen_table(Database& db,
                                                                     unsigned columns);

// The entries of the given workplaces, in that order, from the tables.
Result<std::vector<domain::ScreenEntry>> screen_entries(Database& db,
                                                        const std::vector<int64_t>& ids);

}  // namespace ijik::store
