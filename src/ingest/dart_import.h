// Imports OpenDART bulk financial-statement files into the workspace: read,
// parse (ingest/dart_parse), write the companies and their figures, commit —
// one transaction per file. A file is known by its fiscal year, report kind,
// statement and basis: importing it again (or a later download of it)
// replaces the figures of the companies it holds, so a re-import changes
// nothing and a file cut down to a few companies leaves the others alone.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>

#include "common/result.h"
#include "ingest/dart_parse.h"
#include "store/database.h"

namespace ijik::ingest {

struct DartFileSummary {
  std::string file;
  std::string skipped;  // why nothing was imported ("" when the file was imported)
  int period_year = 0;
  std::string report_kind;
  StatementKind kind;
  int64_t rows = 0;       // data rows read
  int64_t companies = 0;  // companies in the file
  int64_t created = 0;    // companies seen for the first time
  int64_t kept = 0;       // figures written
  int64_t rejected = 0;   // rows set aside
  bool replaced = false;  // the same period, statement and basis was there and was replaced
  double seconds = 0;
  std::string rejects_file;  // "" when none
};

struct DartProgress {
  size_t bytes_done = 0;
  size_t bytes_total = 0;
  double seconds = 0;
};

struct DartImportOptions {
  std::string rejects_dir;  // where <file>.rejects.csv go
  std::function<void(const DartProgress&)> progress;
};

class DartImporter {
 public:
  explicit DartImporter(store::Database& db) : db_(db) {}
  // Imports one file in its own transaction: all of it or nothing. A file that
  // is not an OpenDART statement file is refused before anything is written;
  // one that holds nothing ijik keeps comes back with `skipped` set.
  Result<DartFileSummary> import_file(const std::string& path, const DartImportOptions& options);

 private:
  store::Database& db_;
  std::set<std::string> used_rejects_names_;  // in this run
};

}  // namespace ijik::ingest
