// The lossless JSON archive of a workspace's tracker data (ijik export json /
// ijik import json). Export → import into an empty workspace → export gives
// byte-identical output: ids, stage uids and timestamps are kept.
#pragma once

#include <string>

#include "common/result.h"
#include "store/database.h"

namespace ijik::exchange {

// The whole tracker as one JSON document ("format": "ijik-export", "version": 1),
// career records (jobs, probations, phases, offers, decisions), financial
// records (statements entered, funding rounds, DART links), the links to
// public workplaces, the watch list with its alerts and the journal
// (entries and tags) included.
Result<std::string> export_json_archive(store::Database& db);

struct ImportSummary {
  int companies_added = 0;
  int companies_merged = 0;  // already present by name: applications attached to them
  int applications = 0;
  int stages = 0;
  int contacts = 0;
  int templates = 0;
  int templates_skipped = 0;     // a template of that name exists already
  bool career_records = false;   // jobs, offers and decisions came in too
  bool finance_records = false;  // statements, funding rounds and DART links came in too
  bool workforce_records = false;  // workplace links, the watch list and alerts came in too
  int journal_entries = 0;
};

// Imports an archive. Ids are kept where free and remapped otherwise. The
// caller runs this inside a transaction: any error leaves nothing written.
// A document that is not an ijik archive is a BadFile error naming what was expected.
Result<ImportSummary> import_json_archive(store::Database& db, const std::string& text);

}  // namespace ijik::exchange
