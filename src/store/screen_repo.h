// The screening table of every public workplace (domain::ScreenTable), kept as
// a snapshot blob so `ijik screen` loads it in one read instead of joining
// 550,000 rows. All its SQL lives here.
#pragma once

#include "common/result.h"
#include "domain/screen.h"
#include "store/database.h"

namespace ijik::store {

// Builds the table from nps_workplaces and nps_metrics and stores it as the
// 'screen' snapshot. Run inside a write transaction.
Status rebuild_screen_snapshot(Database& db);

// The stored table when it is current; rebuilt (and stored) first when it is
// missing or stale.
Result<domain::ScreenTable> load_screen_table(Database& db);

}  // namespace ijik::store
