// The public workforce tables (nps_*): imported months, workplaces, the
// monthly series and the derived metrics. All their SQL lives here.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "common/month.h"
#include "domain/workforce.h"
#include "store/database.h"

namespace ijik::store {

// A workplace's descriptive columns (from its latest row).
struct WorkplaceRecord {
  int64_t id = 0;
  std::string brn6, name, name_key, ldong, adopted;
  int legal_form = 1;
  std::string sido_code, region, address, industry_code, industry_name;
  int status = 1;
  std::optional<std::string> withdrawn_on, reregistered_on;
  int first_month = 0;  // YYYYMM
  int attrs_month = 0;  // YYYYMM
  int64_t attrs_hash = 0;
};

struct ImportedMonth {
  YearMonth month;
  int64_t rows = 0;
  int64_t rejected = 0;
  std::string source_file;
  std::string imported_at;
};

class NpsRepo {
 public:
  explicit NpsRepo(Database& db) : db_(db) {}

  // Every workplace's linking key and bookkeeping, for the importer.
  // `headcount` and `months_observed` come from the stored metrics (0 when none);
  // `has_recent` says whether its latest points are stored beside them.
  Status for_each_workplace_key(
      const std::function<void(const WorkplaceRecord&, int64_t headcount, int months_observed,
                               bool has_recent)>& fn);

  Result<std::vector<ImportedMonth>> months();
  Result<int64_t> workplace_count();
  // Whether nps_metrics holds any row.
  Result<bool> has_metrics();
  Result<bool> has_month(const YearMonth& m);
  // Removes a month's rows and its record (before importing it again).
  Status delete_month(const YearMonth& m);
  // Workplace ids with a row in month `m`.
  Result<std::vector<int64_t>> workplaces_in_month(const YearMonth& m);
  Status record_month(const ImportedMonth& m);

  // The metrics-pending mark: set inside each imported file's transaction,
  // cleared by the metrics pass. A process killed between the two leaves it
  // behind, with its process id, for the next ijik to repair the metrics.
  // Counts changes to the public data: the stamps of derived data (the
  // snapshots, a server's in-memory caches) include it, so they tell two
  // imports apart even within one second.
  Status bump_generation();
  Status mark_metrics_pending(int64_t pid);
  Result<std::optional<int64_t>> metrics_pending();
  Status clear_metrics_pending();

  // Inserts with id w.id when it is set (a number from next_workplace_id()
  // onwards), else with the next one; sets w.id.
  Status insert_workplace(WorkplaceRecord& w);
  // Inserts new workplaces whose ids are given (each w->id > 0), several rows
  // per statement: one statement a row paid SQLite's per-statement work and
  // its AUTOINCREMENT bookkeeping (sqlite_sequence read and written) a row.
  Status insert_workplaces(std::span<const WorkplaceRecord* const> rows);
  // The id the next new workplace gets: above every id ever given (ids of
  // removed workplaces are never handed out again).
  Result<int64_t> next_workplace_id();
  Status update_workplace_attrs(const WorkplaceRecord& w);
  Status update_first_month(int64_t id, int first_month);
  // Removes workplaces left with no monthly row at all (after a month was
  // replaced), except those linked to a user's company; returns the removed ids.
  Result<std::vector<int64_t>> delete_workplaces_without_rows(
      const std::vector<int64_t>& candidates);

  // Appends one monthly row; reuse across rows (the statement is cached).
  Status insert_monthly(int yyyymm, int64_t workplace_id, const domain::MonthlyPoint& p);
  // Appends monthly rows of one month, several per statement (as insert_workplaces).
  Status insert_monthly(int yyyymm, std::span<const std::pair<int64_t, domain::MonthlyPoint>> rows);
  // Calls fn for each row of months first..last (YYYYMM), in month then workplace order.
  Status scan_monthly(
      int first_yyyymm, int last_yyyymm,
      const std::function<void(int64_t workplace_id, const domain::MonthlyPoint&)>& fn);
  // One workplace's series, by month.
  Result<std::vector<domain::MonthlyPoint>> series(int64_t workplace_id);

  // Writes (replaces) one workplace's metrics and the latest points they were
  // computed from (store/point_window.h).
  Status put_metrics(int64_t workplace_id, const domain::WorkforceMetrics& m,
                     const std::vector<domain::MonthlyPoint>& recent);
  // The same for many workplaces, several rows per statement (as insert_workplaces).
  struct MetricsRow {
    int64_t workplace_id = 0;
    domain::WorkforceMetrics metrics;
    std::string recent;  // encode_points of the latest points
  };
  Status put_metrics(std::span<const MetricsRow> rows);
  // Calls fn, in workplace order, with each stored set of latest points
  // (packed) of the workplaces with ids in [from, to).
  Status scan_recent_points(
      int64_t from, int64_t to,
      const std::function<Status(int64_t workplace_id, std::string_view packed)>& fn);
  Result<std::optional<WorkplaceRecord>> workplace(int64_t id);
  // Workplaces named exactly `name`, else whose normalized name equals its normalized form.
  Result<std::vector<WorkplaceRecord>> find_by_name(const std::string& name);
  // Of the workplaces `ids`, those whose business-number prefix and
  // normalized name are these, by id: link suggestions, once the name index
  // has found the workplaces of that name (search::workplaces_by_brn_and_name;
  // there is no index on brn6).
  Result<std::vector<WorkplaceRecord>> filter_by_brn_and_name(const std::vector<int64_t>& ids,
                                                              const std::string& brn6,
                                                              const std::string& name_key);

  // company_workplaces: a user's company tied to a workplace.
  Status link_company(int64_t company_id, int64_t workplace_id);
  Result<std::optional<int64_t>> linked_workplace(int64_t company_id);

  // The estimated monthly pay of active workplaces in industry `industry_code`
  // whose headcount is within [min_headcount, max_headcount], `except` left
  // out: the peers a workplace's pay is ranked among (ijik vet).
  Result<std::vector<int64_t>> peer_pay(const std::string& industry_code, int64_t min_headcount,
                                        int64_t max_headcount, int64_t except);

 private:
  // The statement in `slot`, prepared on first use; reset, its old bindings
  // left for the caller to replace, all of them.
  Result<Statement*> cached(Statement& slot, std::string_view sql);
  // Binds and runs `count` rows: several per statement through `many_slot`
  // (sql(true)), the last few one at a time through `one_slot` (sql(false));
  // bind(st, index, row) binds row `index` as the statement's row-th.
  Status insert_rows(size_t count, Statement& many_slot, Statement& one_slot,
                     const std::string& (*sql)(bool many),
                     const std::function<void(Statement&, size_t index, int row)>& bind);

  Database& db_;
  // Statements run once per row of an import are prepared once.
  Statement insert_monthly_, put_metrics_, insert_workplace_, update_attrs_, update_first_month_;
  Statement insert_workplaces_, insert_monthly_rows_, put_metrics_rows_;  // kRowsPerInsert rows
};

}  // namespace ijik::store
