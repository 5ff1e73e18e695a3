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

struct ScreenResult {
  std::vector<domain::ScreenEntry> rows;  // best first, at most q.limit
  int64_t total = 0;                      // how many matched in all
};

// `ijik screen`: the workplaces matching `q`. A CLI process reads the
// stored columns the query needs in blocks of rows, through small reused
// buffers (every sort but name): copying whole columns (23 MB for the
// widest filters over 24 months) into fresh memory cost more than the scan
// itself on a VM, where the first write to a page is slow even when it was
// prefaulted. The server runs the query on the table it keeps. A missing,
// stale or damaged snapshot is rebuilt first.
// `block_rows`: rows per block (tests vary it).
inline constexpr size_t kScreenBlockRows = 8192;
Result<ScreenResult> screen_workplaces(Database& db, const domain::ScreenQuery& q,
                                       size_t block_rows = kScreenBlockRows);

// The entries of the given workplaces, in that order, from the tables.
Result<std::vector<domain::ScreenEntry>> screen_entries(Database& db,
                                                        const std::vector<int64_t>& ids);

}  // namespace ijik::store
