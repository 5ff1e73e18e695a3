#include "store/nps_repo.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdlib>

#include "common/clock.h"
#include "store/point_window.h"
#include "text/korean.h"

namespace ijik::store {
namespace {

constexpr std::string_view kWorkplaceColumns =
    "id, brn6, name, name_key, ldong, adopted, legal_form, sido_code, region, address, "
    "industry_code, "
    "industry_name, status, withdrawn_on, reregistered_on, first_month, attrs_month, attrs_hash";

WorkplaceRecord read_workplace(const Statement& st) {
  WorkplaceRecord w;
  w.id = st.int64(0);
  w.brn6 = st.text(1);
  w.name = st.text(2);
  w.name_key = st.text(3);
  w.ldong = st.text(4);
  w.adopted = st.text(5);
  w.legal_form = static_cast<int>(st.int64(6));
  w.sido_code = st.text(7);
  w.region = st.text(8);
  w.address = st.text(9);
  w.industry_code = st.text(10);
  w.industry_name = st.text(11);
  w.status = static_cast<int>(st.int64(12));
  w.withdrawn_on = st.optional_text(13);
  w.reregistered_on = st.optional_text(14);
  w.first_month = static_cast<int>(st.int64(15));
  w.attrs_month = static_cast<int>(st.int64(16));
  w.attrs_hash = st.int64(17);
  return w;
}

// Binds a workplace's descriptive columns as parameters 1-14, in the order
// insert_workplace and update_workplace_attrs both name them. Not copied:
// `w` outlives the statement's run in both.
// Parameters base+1 .. base+14.
void bind_attrs(Statement& st, const WorkplaceRecord& w, int base = 0) {
  st.bind_static(base + 1, w.brn6)
      .bind_static(base + 2, w.name)
      .bind_static(base + 3, w.name_key)
      .bind_static(base + 4, w.ldong)
      .bind_static(base + 5, w.adopted);
  st.bind(base + 6, w.legal_form)
      .bind_static(base + 7, w.sido_code)
      .bind_static(base + 8, w.region)
      .bind_static(base + 9, w.address);
  st.bind_static(base + 10, w.industry_code)
      .bind_static(base + 11, w.industry_name)
      .bind(base + 12, w.status)
      .bind_static(base + 13, w.withdrawn_on);
  st.bind_static(base + 14, w.reregistered_on);
}

// Rows written by one statement of a bulk insert.
constexpr size_t kRowsPerInsert = 32;

constexpr std::string_view kInsertWorkplace =
    "INSERT INTO nps_workplaces(brn6, name, name_key, ldong, adopted, legal_form, sido_code, "
    "region, address, industry_code, industry_name, status, withdrawn_on, reregistered_on, "
    "first_month, attrs_month, attrs_hash, id) VALUES ";
constexpr int kWorkplaceParams = 18;
constexpr std::string_view kInsertMonthly =
    "INSERT INTO nps_monthly(month, workplace_id, headcount, billed, hires, leavers, status) "
    "VALUES ";
constexpr int kMonthlyParams = 7;

// `insert` followed by `rows` groups of `columns` placeholders.
std::string values_sql(std::string_view insert, int columns, size_t rows) {
  std::string group = "(?";
  for (int c = 1; c < columns; ++c) group += ",?";
  group += ")";
  std::string sql(insert);
  for (size_t r = 0; r < rows; ++r) sql += (r ? "," : "") + group;
  return sql;
}

// The INSERT of one row, or of kRowsPerInsert rows, built once.
const std::string& workplace_insert(bool many) {
  static const std::string one = values_sql(kInsertWorkplace, kWorkplaceParams, 1);
  static const std::string group = values_sql(kInsertWorkplace, kWorkplaceParams, kRowsPerInsert);
  return many ? group : one;
}
const std::string& monthly_insert(bool many) {
  static const std::string one = values_sql(kInsertMonthly, kMonthlyParams, 1);
  static const std::string group = values_sql(kInsertMonthly, kMonthlyParams, kRowsPerInsert);
  return many ? group : one;
}

constexpr std::string_view kPutMetrics =
    "INSERT OR REPLACE INTO nps_metrics(workplace_id, latest_month, headcount, months_observed, "
    "change_3m, change_6m, change_12m, change_3m_pct, change_6m_pct, change_12m_pct, hires_12m, "
    "leavers_12m, attrition_12m, pay_month_est, pay_is_lower_bound, recent) VALUES ";
constexpr int kMetricsParams = 16;

const std::string& metrics_insert(bool many) {
  static const std::string one = values_sql(kPutMetrics, kMetricsParams, 1);
  static const std::string group = values_sql(kPutMetrics, kMetricsParams, kRowsPerInsert);
  return many ? group : one;
}

void bind_metrics(Statement& st, const NpsRepo::MetricsRow& row, int base) {
  const domain::WorkforceMetrics& m = row.metrics;
  st.bind(base + 1, row.workplace_id)
      .bind(base + 2, m.latest_month.yyyymm())
      .bind(base + 3, m.headcount)
      .bind(base + 4, m.months_observed)
      .bind(base + 5, m.change_3m)
      .bind(base + 6, m.change_6m)
      .bind(base + 7, m.change_12m)
      .bind(base + 8, m.change_3m_pct)
      .bind(base + 9, m.change_6m_pct)
      .bind(base + 10, m.change_12m_pct)
      .bind(base + 11, m.hires_12m)
      .bind(base + 12, m.leavers_12m)
      .bind(base + 13, m.attrition_12m)
      .bind(base + 14, m.pay_month_est)
      .bind(base + 15, m.pay_is_lower_bound ? 1 : 0)
      .bind_blob_static(base + 16, row.recent);  // the row outlives the run
}

void bind_workplace(Statement& st, const WorkplaceRecord& w, int base) {
  bind_attrs(st, w, base);
  st.bind(base + 15, w.first_month).bind(base + 16, w.attrs_month).bind(base + 17, w.attrs_hash);
  if (w.id > 0)
    st.bind(base + 18, w.id);
  else
    st.bind_null(base + 18);
}

void bind_monthly(Statement& st, int yyyymm, int64_t workplace_id, const domain::MonthlyPoint& p,
                  int base) {
  st.bind(base + 1, yyyymm)
      .bind(base + 2, workplace_id)
      .bind(base + 3, p.headcount)
      .bind(base + 4, p.billed)
      .bind(base + 5, p.hires)
      .bind(base + 6, p.leavers)
      .bind(base + 7, p.status);
}

YearMonth from_yyyymm(int64_t v) {
  return YearMonth{static_cast<int>(v / 100), static_cast<int>(v % 100)};
}

}  // namespace

Result<Statement*> NpsRepo::cached(Statement& slot, std::string_view sql) {
  if (!slot.bound()) {
    IJIK_ASSIGN_OR_RETURN(slot, db_.prepare(sql));
  }
  slot.rewind();  // every caller binds every parameter again
  return &slot;
}

Status NpsRepo::for_each_workplace_key(
    const std::function<void(const WorkplaceRecord&, int64_t, int, bool)>& fn) {
  // Two scans in id order merged, rather than a join: no lookup per row.
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("SELECT id, brn6, name_key, ldong, adopted, first_month, "
                                    "attrs_month, attrs_hash, reregistered_on "
                                    "FROM nps_workplaces ORDER BY id"));
  IJIK_ASSIGN_OR_RETURN(auto metrics,
                        db_.prepare("SELECT workplace_id, headcount, months_observed, "
                                    "recent IS NOT NULL "
                                    "FROM nps_metrics ORDER BY workplace_id"));
  IJIK_ASSIGN_OR_RETURN(bool have_metric, metrics.step());
  WorkplaceRecord w;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    w.id = st.int64(0);
    w.brn6 = st.text(1);
    w.name_key = st.text(2);
    w.ldong = st.text(3);
    w.adopted = st.text(4);
    w.first_month = static_cast<int>(st.int64(5));
    w.attrs_month = static_cast<int>(st.int64(6));
    w.attrs_hash = st.int64(7);
    w.reregistered_on = st.optional_text(8);
    while (have_metric && metrics.int64(0) < w.id) {
      IJIK_ASSIGN_OR_RETURN(have_metric, metrics.step());
    }
    bool match = have_metric && metrics.int64(0) == w.id;
    fn(w, match ? metrics.int64(1) : 0, match ? static_cast<int>(metrics.int64(2)) : 0,
       match && metrics.int64(3) != 0);
  }
  return {};
}

Result<std::vector<ImportedMonth>> NpsRepo::months() {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(
          "SELECT month, rows, rejected, source_file, imported_at FROM nps_months ORDER BY month"));
  std::vector<ImportedMonth> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back({from_yyyymm(st.int64(0)), st.int64(1), st.int64(2), st.text(3), st.text(4)});
  }
  return out;
}

Result<int64_t> NpsRepo::workplace_count() {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT count(*) FROM nps_workplaces"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  return row ? st.int64(0) : 0;
}

Result<bool> NpsRepo::has_metrics() {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT 1 FROM nps_metrics LIMIT 1"));
  return st.step();
}

Result<bool> NpsRepo::has_month(const YearMonth& m) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT 1 FROM nps_months WHERE month = ?"));
  return st.bind(1, m.yyyymm()).step();
}

Status NpsRepo::delete_month(const YearMonth& m) {
  IJIK_ASSIGN_OR_RETURN(auto rows, db_.prepare("DELETE FROM nps_monthly WHERE month = ?"));
  IJIK_RETURN_IF_ERROR(rows.bind(1, m.yyyymm()).run());
  IJIK_ASSIGN_OR_RETURN(auto rec, db_.prepare("DELETE FROM nps_months WHERE month = ?"));
  return rec.bind(1, m.yyyymm()).run();
}

Result<std::vector<int64_t>> NpsRepo::workplaces_in_month(const YearMonth& m) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("SELECT workplace_id FROM nps_monthly WHERE month = ?"));
  st.bind(1, m.yyyymm());
  std::vector<int64_t> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back(st.int64(0));
  }
  return out;
}

Status NpsRepo::record_month(const ImportedMonth& m) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("INSERT OR REPLACE INTO nps_months(month, rows, rejected, "
                                    "source_file, imported_at) VALUES (?,?,?,?,?)"));
  return st.bind(1, m.month.yyyymm())
      .bind(2, m.rows)
      .bind(3, m.rejected)
      .bind(4, m.source_file)
      .bind(5, m.imported_at)
      .run();
}

Status NpsRepo::mark_metrics_pending(int64_t pid) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT OR REPLACE INTO meta(key, value) "
                                             "VALUES ('nps_metrics_pending', ?)"));
  IJIK_RETURN_IF_ERROR(st.bind(1, std::to_string(pid)).run());
  return bump_generation();  // each file's commit changes the public data
}

Status NpsRepo::bump_generation() {
  return db_.exec(
      "INSERT INTO meta(key, value) VALUES ('public_data_generation', '1') ON CONFLICT(key) DO "
      "UPDATE SET value = CAST(value AS INTEGER) + 1");
}

Result<std::optional<int64_t>> NpsRepo::metrics_pending() {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("SELECT value FROM meta WHERE key = 'nps_metrics_pending'"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<int64_t>{};
  return std::optional<int64_t>{std::strtoll(st.text(0).c_str(), nullptr, 10)};
}

Status NpsRepo::clear_metrics_pending() {
  return db_.exec("DELETE FROM meta WHERE key = 'nps_metrics_pending'");
}

Status NpsRepo::insert_workplace(WorkplaceRecord& w) {
  IJIK_ASSIGN_OR_RETURN(Statement * st, cached(insert_workplace_, workplace_insert(false)));
  bind_workplace(*st, w, 0);
  IJIK_RETURN_IF_ERROR(st->run());
  w.id = db_.last_insert_id();
  return {};
}

Status NpsRepo::insert_workplaces(std::span<const WorkplaceRecord* const> rows) {
  for (const WorkplaceRecord* w : rows)
    if (w->id <= 0) return internal_error("a new workplace without its id");
  return insert_rows(rows.size(), insert_workplaces_, insert_workplace_, workplace_insert,
                     [&](Statement& st, size_t i, int row) {
                       bind_workplace(st, *rows[i], row * kWorkplaceParams);
                     });
}

Status NpsRepo::insert_rows(size_t count, Statement& many_slot, Statement& one_slot,
                            const std::string& (*sql)(bool many),
                            const std::function<void(Statement&, size_t, int)>& bind) {
  size_t i = 0;
  while (i < count) {
    const bool many = i + kRowsPerInsert <= count;
    IJIK_ASSIGN_OR_RETURN(Statement * st, cached(many ? many_slot : one_slot, sql(many)));
    const size_t n = many ? kRowsPerInsert : 1;
    for (size_t r = 0; r < n; ++r) bind(*st, i + r, static_cast<int>(r));
    IJIK_RETURN_IF_ERROR(st->run());
    i += n;
  }
  return {};
}

Result<int64_t> NpsRepo::next_workplace_id() {
  // AUTOINCREMENT keeps the largest id ever given in sqlite_sequence.
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = "
                           "'nps_workplaces'), 0), coalesce((SELECT max(id) FROM "
                           "nps_workplaces), 0)) + 1"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  return row ? st.int64(0) : int64_t{1};
}

Status NpsRepo::update_workplace_attrs(const WorkplaceRecord& w) {
  IJIK_ASSIGN_OR_RETURN(Statement * st,
                        cached(update_attrs_,
                               "UPDATE nps_workplaces SET brn6=?, name=?, name_key=?, ldong=?, "
                               "adopted=?, legal_form=?, sido_code=?, "
                               "region=?, address=?, industry_code=?, industry_name=?, status=?, "
                               "withdrawn_on=?, reregistered_on=?, "
                               "attrs_month=?, attrs_hash=? WHERE id=?"));
  bind_attrs(*st, w);
  return st->bind(15, w.attrs_month).bind(16, w.attrs_hash).bind(17, w.id).run();
}

Status NpsRepo::update_first_month(int64_t id, int first_month) {
  IJIK_ASSIGN_OR_RETURN(
      Statement * st,
      cached(update_first_month_, "UPDATE nps_workplaces SET first_month = ? WHERE id = ?"));
  return st->bind(1, first_month).bind(2, id).run();
}

Result<std::vector<int64_t>> NpsRepo::delete_workplaces_without_rows(
    const std::vector<int64_t>& candidates) {
  std::vector<int64_t> removed;
  if (candidates.empty()) return removed;
  IJIK_ASSIGN_OR_RETURN(auto months_list, months());
  IJIK_ASSIGN_OR_RETURN(
      auto probe, db_.prepare("SELECT 1 FROM nps_monthly WHERE month = ? AND workplace_id = ?"));
  IJIK_ASSIGN_OR_RETURN(auto linked,
                        db_.prepare("SELECT 1 FROM company_workplaces WHERE workplace_id = ?"));
  IJIK_ASSIGN_OR_RETURN(auto del, db_.prepare("DELETE FROM nps_workplaces WHERE id = ?"));
  IJIK_ASSIGN_OR_RETURN(auto del_metrics,
                        db_.prepare("DELETE FROM nps_metrics WHERE workplace_id = ?"));
  for (int64_t id : candidates) {
    bool keep = false;
    for (const auto& m : months_list) {
      probe.reset();
      IJIK_ASSIGN_OR_RETURN(keep, probe.bind(1, m.month.yyyymm()).bind(2, id).step());
      if (keep) break;
    }
    if (!keep) {
      linked.reset();
      // A user's company points at it: keep the record (its series is simply empty).
      IJIK_ASSIGN_OR_RETURN(keep, linked.bind(1, id).step());
    }
    if (keep) continue;
    del.reset();
    del_metrics.reset();
    IJIK_RETURN_IF_ERROR(del.bind(1, id).run());
    IJIK_RETURN_IF_ERROR(del_metrics.bind(1, id).run());
    removed.push_back(id);
  }
  return removed;
}

Status NpsRepo::insert_monthly(int yyyymm, int64_t workplace_id, const domain::MonthlyPoint& p) {
  IJIK_ASSIGN_OR_RETURN(Statement * st, cached(insert_monthly_, monthly_insert(false)));
  bind_monthly(*st, yyyymm, workplace_id, p, 0);
  return st->run();
}

Status NpsRepo::insert_monthly(int yyyymm,
                               std::span<const std::pair<int64_t, domain::MonthlyPoint>> rows) {
  return insert_rows(rows.size(), insert_monthly_rows_, insert_monthly_, monthly_insert,
                     [&](Statement& st, size_t i, int row) {
                       bind_monthly(st, yyyymm, rows[i].first, rows[i].second,
                                    row * kMonthlyParams);
                     });
}

Status NpsRepo::scan_monthly(int first, int last,
                             const std::function<void(int64_t, const domain::MonthlyPoint&)>& fn) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(
          "SELECT month, workplace_id, headcount, billed, hires, leavers, status FROM nps_monthly "
          "WHERE month BETWEEN ? AND ? ORDER BY month, workplace_id"));
  st.bind(1, first).bind(2, last);
  domain::MonthlyPoint p;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    p.month = from_yyyymm(st.int64(0));
    p.headcount = st.int64(2);
    p.billed = st.int64(3);
    p.hires = st.int64(4);
    p.leavers = st.int64(5);
    p.status = static_cast<int>(st.int64(6));
    fn(st.int64(1), p);
  }
  return {};
}

Result<std::vector<domain::MonthlyPoint>> NpsRepo::series(int64_t workplace_id) {
  // One primary-key lookup per imported month (the table is clustered by month).
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(
          "SELECT m.month, d.headcount, d.billed, d.hires, d.leavers, d.status FROM nps_months m "
          "JOIN nps_monthly d ON d.month = m.month AND d.workplace_id = ? ORDER BY m.month"));
  st.bind(1, workplace_id);
  std::vector<domain::MonthlyPoint> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::MonthlyPoint p;
    p.month = from_yyyymm(st.int64(0));
    p.headcount = st.int64(1);
    p.billed = st.int64(2);
    p.hires = st.int64(3);
    p.leavers = st.int64(4);
    p.status = static_cast<int>(st.int64(5));
    out.push_back(p);
  }
  return out;
}

Status NpsRepo::put_metrics(int64_t id, const domain::WorkforceMetrics& m,
                            const std::vector<domain::MonthlyPoint>& recent) {
  const MetricsRow row{id, m, encode_points(recent)};
  return put_metrics(std::span(&row, 1));
}

Status NpsRepo::put_metrics(std::span<const MetricsRow> rows) {
  return insert_rows(
      rows.size(), put_metrics_rows_, put_metrics_, metrics_insert,
      [&](Statement& st, size_t i, int row) { bind_metrics(st, rows[i], row * kMetricsParams); });
}

Status NpsRepo::scan_recent_points(int64_t from, int64_t to,
                                   const std::function<Status(int64_t, std::string_view)>& fn) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT workplace_id, recent FROM nps_metrics WHERE recent IS NOT NULL "
                           "AND workplace_id >= ? AND workplace_id < ? ORDER BY workplace_id"));
  st.bind(1, from).bind(2, to);
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    IJIK_RETURN_IF_ERROR(fn(st.int64(0), st.blob(1)));
  }
  return {};
}

Result<std::optional<WorkplaceRecord>> NpsRepo::workplace(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(fmt::format("SELECT {} FROM nps_workplaces WHERE id = ?", kWorkplaceColumns)));
  IJIK_ASSIGN_OR_RETURN(bool row, st.bind(1, id).step());
  if (!row) return std::optional<WorkplaceRecord>();
  return std::optional<WorkplaceRecord>(read_workplace(st));
}

Result<std::vector<WorkplaceRecord>> NpsRepo::find_by_name(const std::string& name) {
  std::vector<WorkplaceRecord> out;
  for (const char* column : {"name", "name_key"}) {
    IJIK_ASSIGN_OR_RETURN(
        auto st, db_.prepare(fmt::format("SELECT {} FROM nps_workplaces WHERE {} = ? ORDER BY id",
                                         kWorkplaceColumns, column)));
    st.bind(1, column == std::string_view("name") ? name : text::normalize_company_name(name));
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      out.push_back(read_workplace(st));
    }
    if (!out.empty()) break;
  }
  return out;
}

Result<std::vector<WorkplaceRecord>> NpsRepo::filter_by_brn_and_name(
    const std::vector<int64_t>& ids, const std::string& brn6, const std::string& name_key) {
  std::vector<WorkplaceRecord> out;
  if (ids.empty()) return out;
  // The ids as one JSON array: one statement, a rowid lookup each.
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare(fmt::format(
                                     "SELECT {} FROM nps_workplaces WHERE id IN (SELECT value FROM "
                                     "json_each(?)) AND brn6 = ? AND name_key = ? ORDER BY id",
                                     kWorkplaceColumns)));
  st.bind(1, fmt::format("[{}]", fmt::join(ids, ","))).bind(2, brn6).bind(3, name_key);
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back(read_workplace(st));
  }
  return out;
}

Status NpsRepo::link_company(int64_t company_id, int64_t workplace_id) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("INSERT OR REPLACE INTO company_workplaces(company_id, "
                                    "workplace_id, linked_at) VALUES (?, ?, ?)"));
  return st.bind(1, company_id).bind(2, workplace_id).bind(3, now_utc_iso()).run();
}

Result<std::optional<int64_t>> NpsRepo::linked_workplace(int64_t company_id) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT workplace_id FROM company_workplaces WHERE company_id = ?"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.bind(1, company_id).step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st.int64(0));
}

Result<std::vector<int64_t>> NpsRepo::peer_pay(const std::string& industry_code,
                                               int64_t min_headcount, int64_t max_headcount,
                                               int64_t except) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT m.pay_month_est FROM nps_workplaces w JOIN nps_metrics m ON "
                           "m.workplace_id = w.id WHERE w.industry_code = ? AND w.status = 1 AND "
                           "m.headcount BETWEEN ? AND ? AND m.pay_month_est IS NOT NULL AND w.id "
                           "<> ?"));
  st.bind(1, industry_code).bind(2, min_headcount).bind(3, max_headcount).bind(4, except);
  std::vector<int64_t> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back(st.int64(0));
  }
  return out;
}

}  // namespace ijik::store
