// Imports National Pension workplace files into the workspace: decode,
// parse, link rows to workplaces across months, write, commit — one
// transaction per file — then rebuild the derived metrics of the workplaces
// it touched. See docs/architecture.md ("An import, end to end").
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/month.h"
#include "common/result.h"
#include "domain/screen.h"
#include "domain/workforce.h"
#include "ingest/workplace_columns.h"
#include "ingest/workplace_linker.h"
#include "store/background_writeback.h"
#include "store/database.h"
#include "store/nps_repo.h"

namespace ijik::ingest {

struct NpsFileSummary {
  std::string file;
  YearMonth month;
  int64_t rows = 0;       // data rows read
  int64_t imported = 0;   // rows written
  int64_t rejected = 0;   // rows set aside
  int64_t created = 0;    // workplaces seen for the first time
  int64_t continued = 0;  // rows linked to a known workplace (renamed and moved included)
  int64_t renamed = 0;
  int64_t moved = 0;
  int64_t withdrawn = 0;  // rows whose status is 탈퇴
  bool replaced = false;  // the month was in the workspace and was replaced
  double seconds = 0;
  std::string rejects_file;  // where the rejected rows went ("" when none)
};

// Progress of the current file, for a progress bar.
struct NpsProgress {
  size_t bytes_done = 0;
  size_t bytes_total = 0;
  int64_t rows = 0;
  double seconds = 0;
};

struct NpsImportOptions {
  std::string rejects_dir;  // where <file>.rejects.csv go
  std::function<void(const NpsProgress&)> progress;
};

// The month a file holds (from its data, not its name), reading only its start.
Result<YearMonth> peek_nps_month(const std::string& path);

// Rebuilds every workplace's metrics and the screen snapshot when an import
// was killed after a file committed and before its metrics pass (the
// metrics-pending mark is set and its process is gone). Returns whether it did.
Result<bool> repair_interrupted_metrics(store::Database& db);
// The cheap look repair_interrupted_metrics starts with, inside the caller's
// transaction: is the mark set by a process that is gone?
Result<bool> metrics_left_unfinished(store::Database& db);

class NpsImporter {
 public:
  explicit NpsImporter(store::Database& db) : db_(db), repo_(db) {}

  // Loads every known workplace into the linker. Call once before importing.
  Status load();
  // Imports one file in its own transaction: all of it or none. A file that is
  // not an NPS workplace file is refused before anything is written. After a
  // file fails, further files are refused (finish() still completes the
  // committed ones).
  Result<NpsFileSummary> import_file(const std::string& path, const NpsImportOptions& options);
  // Rebuilds the metrics of every workplace the imports touched (one transaction).
  // May be called between files too: the next files build on what it stored.
  Status finish();
  // This run's monthly points held for finish(), about 60 bytes each: many
  // months in one call hold up to 13 a workplace (half a gigabyte at full
  // scale) unless finish() runs every few files.
  size_t held_points() const { return held_points_; }
  size_t workplaces() const { return known_.size(); }
  // Whether the last finish() built the screen snapshot from the rows this
  // run wrote (a first import) rather than reading the tables back.
  bool screen_built_from_memory() const { return screen_built_from_memory_; }

 private:
  struct Known {
    int first_month = 0;
    int attrs_month = 0;
    int64_t attrs_hash = 0;
    int months_observed = 0;
    bool touched = false;
    bool has_recent = false;      // its latest points are stored beside its metrics
    bool created_in_run = false;  // all its rows come from this run's files
  };
  Known& known(int64_t id);

  store::Database& db_;
  store::NpsRepo repo_;
  // Set by load() for the whole run: months are written through a rollback
  // journal when this process has the workspace to itself.
  std::optional<store::RollbackJournalScope> journal_;
  // With it, the workspace file's pages start for the disk as they are written.
  std::optional<store::BackgroundWriteback> writeback_;
  WorkplaceLinker linker_;
  size_t loaded_count_ = 0;   // workplaces in the workspace when load() ran
  std::vector<Known> known_;  // by workplace id
  std::vector<YearMonth> imported_months_;
  bool failed_ = false;  // a file failed: its rolled-back ids may linger in the linker
  std::set<std::string> used_rejects_names_;  // in this run
  // By workplace id: the latest points of each touched workplace, for its metrics.
  std::vector<std::vector<domain::MonthlyPoint>> windows_;
  size_t held_points_ = 0;
  // While every workplace of the workspace was written by this run (it was
  // empty at load(), no file failed, no finish() yet): their screening
  // columns, for finish() to build the screen snapshot without reading back.
  bool screen_from_memory_ = false;
  bool screen_built_from_memory_ = false;
  WorkplaceColumns columns_;

  // finish(), in steps, for the workplaces with ids in [from, to): this
  // run's points merged with the stored latest points, the months read for
  // the workplaces those cannot serve, and the metrics written.
  Status merge_recent_points(std::vector<bool>& exact, size_t from, size_t to);
  Status read_windows(const std::vector<bool>& exact,
                      const std::vector<store::ImportedMonth>& months, size_t from, size_t to);
  // Adds each workplace's row to `screen` (in id order) when not null.
  Status put_metrics(size_t from, size_t to, domain::ScreenTable* screen);
};

}  // namespace ijik::ingest
