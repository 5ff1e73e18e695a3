#include "store/screen_repo.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "common/clock.h"
#include "common/stamped_cache.h"
#include "store/blob_io.h"

namespace ijik::store {
namespace {

// What the snapshot was built from: it is stale when any of these change.
Result<std::string> read_stamp(Database& db) {
  // Public workplaces change only by an import, which bumps the generation
  // with each file and ends by rebuilding this snapshot; the months and
  // max(id) cover a workspace last changed by an older ijik. No count(*):
  // it would read all 700,000 rows for each query.
  IJIK_ASSIGN_OR_RETURN(
      auto st, db.prepare("SELECT (SELECT count(*) FROM nps_months), (SELECT "
                          "coalesce(max(imported_at), '') FROM nps_months), (SELECT "
                          "coalesce(max(id), 0) FROM nps_workplaces), (SELECT coalesce(max(value), "
                          "'0') FROM meta WHERE key = 'public_data_generation')"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return internal_error("no stamp");
  return fmt::format("v3|{}|{}|{}|g{}", st.int64(0), st.text(1), st.int64(2), st.text(3));
}

// The stamp, read again only when the workspace changed (Database::memo).
Result<std::string> current_stamp(Database& db) {
  return db.memo("screen stamp", [&db] { return read_stamp(db); });
}

// One row's entry: the workplace columns (name, region, industry code and
// name, status) from `w` at `wc`, the metrics (headcount, change_12m,
// change_12m_pct, attrition_12m, pay_month_est, pay_is_lower_bound) from `m`
// at `mc`.
domain::ScreenEntry entry_of(const Statement& w, int wc, const Statement& m, int mc) {
  domain::ScreenEntry e;
  e.id = w.int64(wc - 1);
  e.name = w.text(wc);
  e.region = w.text(wc + 1);
  e.industry_code = w.text(wc + 2);
  e.industry_name = w.text(wc + 3);
  e.status = static_cast<int>(w.int64(wc + 4));
  e.headcount = m.int64(mc);
  e.change_12m = m.optional_int64(mc + 1);
  e.change_12m_pct = m.is_null(mc + 2) ? std::nullopt : std::optional<double>(m.real(mc + 2));
  e.attrition_12m = m.is_null(mc + 3) ? std::nullopt : std::optional<double>(m.real(mc + 3));
  e.pay_month_est = m.optional_int64(mc + 4);
  e.pay_is_lower_bound = m.int64(mc + 5) != 0;
  return e;
}

Result<domain::ScreenTable> build(Database& db) {
  // Two scans in id order merged (no lookup per row); then the rows are put
  // in headcount order so the default sort mostly finds them in place.
  IJIK_ASSIGN_OR_RETURN(auto w, db.prepare("SELECT id, name, region, industry_code, industry_name, "
                                           "status FROM nps_workplaces ORDER BY id"));
  IJIK_ASSIGN_OR_RETURN(auto m,
                        db.prepare("SELECT workplace_id, headcount, change_12m, change_12m_pct, "
                                   "attrition_12m, pay_month_est, pay_is_lower_bound "
                                   "FROM nps_metrics ORDER BY workplace_id"));
  domain::ScreenTable t;
  IJIK_ASSIGN_OR_RETURN(bool have_w, w.step());
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, m.step());
    if (!row) break;
    const int64_t id = m.int64(0);
    while (have_w && w.int64(0) < id) {
      IJIK_ASSIGN_OR_RETURN(have_w, w.step());
    }
    if (!have_w || w.int64(0) != id) continue;  // metrics of a removed workplace
    t.add(entry_of(w, 1, m, 1));
  }
  t.order_by_headcount();
  return t;
}

constexpr std::string_view kPrefix = "screen/";

Status store(Database& db, const std::string& stamp, const domain::ScreenTable& t) {
  // The parts, and nothing left of an older layout ('screen', one blob).
  IJIK_RETURN_IF_ERROR(
      db.exec("DELETE FROM snapshots WHERE name = 'screen' OR name LIKE 'screen/%'"));
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare("INSERT INTO snapshots(name, stamp, built_at, data) "
                                            "VALUES (?, ?, ?, ?)"));
  const std::string built_at = now_utc_iso();
  Status written;
  t.for_each_part([&](const std::string& name, std::string_view bytes) {
    if (!written.ok()) return;
    st.reset();
    st.bind(1, std::string(kPrefix) + name).bind(2, stamp).bind(3, built_at).bind_blob(4, bytes);
    written = st.run();
  });
  return written;
}

// The stored table with `columns`, when every part is there and current.
Result<std::optional<domain::ScreenTable>> read_stored(Database& db, const std::string& stamp,
                                                       unsigned columns) {
  // Copied from memory-mapped pages, not one read() per 4 KiB page.
  IJIK_RETURN_IF_ERROR(map_at_least(db, int64_t{4} << 30));
  IJIK_ASSIGN_OR_RETURN(
      auto find, db.prepare("SELECT rowid, stamp, length(data) FROM snapshots WHERE name = ?"));
  Status read_error;
  auto source = [&](const std::string& part, const std::function<char*(size_t)>& alloc) {
    find.reset();
    find.bind(1, std::string(kPrefix) + part);
    auto row = find.step();
    if (!row.ok()) read_error = row.status();
    if (!row.ok() || !*row || find.text(1) != stamp) return false;
    const int64_t rowid = find.int64(0);
    const auto size = static_cast<size_t>(find.int64(2));
    char* dest = alloc(size);
    if (dest == nullptr) return false;
    Status read = read_blob_into(db, "snapshots", rowid, dest, size, "screening snapshot");
    if (!read.ok()) read_error = read;
    return read.ok();
  };
  auto t = domain::ScreenTable::from_parts(columns, source);
  IJIK_RETURN_IF_ERROR(read_error);
  if (!t.ok()) return std::optional<domain::ScreenTable>();
  return std::optional<domain::ScreenTable>(std::move(*t));
}

// One stored column read a block of rows at a time into one reused buffer.
template <class T>
class ColumnBlocks {
 public:
  // False when the part is missing, stale or not `rows` values long.
  Result<bool> open(Database& db, Statement& find, const std::string& stamp, const char* part,
                    size_t rows) {
    find.reset();
    find.bind(1, std::string(kPrefix) + part);
    IJIK_ASSIGN_OR_RETURN(bool row, find.step());
    if (!row || find.text(1) != stamp || static_cast<size_t>(find.int64(2)) != rows * sizeof(T))
      return false;
    if (rows == 0) return true;
    // One cell read at growing offsets: SQLite keeps the cell's overflow
    // pages it has walked, so each block starts where the last ended.
    IJIK_ASSIGN_OR_RETURN(auto blob, ChunkedBlob::open(db, "snapshots", find.int64(0), 1,
                                                       rows * sizeof(T), "screening snapshot"));
    blob_.emplace(std::move(blob));
    return true;
  }
  // Rows [first, first + count); null when unreadable.
  const T* read(size_t first, size_t count) {
    if (!blob_) return nullptr;
    buf_.resize(count);
    return blob_->read(buf_.data(), count * sizeof(T), first * sizeof(T)) ? buf_.data() : nullptr;
  }

 private:
  std::optional<ChunkedBlob> blob_;
  std::vector<T> buf_;
};

// The best rows for `q` (not sorted by name) from the stored parts, read
// in blocks; nullopt when a part is missing, stale or damaged.
Result<std::optional<std::vector<domain::ScreenScan::Hit>>> scan_stored(
    Database& db, const std::string& stamp, const domain::ScreenQuery& q, size_t block_rows,
    int64_t& total) {
  using Hits = std::optional<std::vector<domain::ScreenScan::Hit>>;
  IJIK_ASSIGN_OR_RETURN(auto dictionaries, read_stored(db, stamp, 0));  // the head part only
  if (!dictionaries) return Hits();
  IJIK_ASSIGN_OR_RETURN(auto scan, domain::ScreenScan::start(q, *dictionaries));
  const size_t rows = dictionaries->size();
  const unsigned columns = domain::ScreenTable::columns_for(q);
  using T = domain::ScreenTable;
  IJIK_ASSIGN_OR_RETURN(
      auto find, db.prepare("SELECT rowid, stamp, length(data) FROM snapshots WHERE name = ?"));
  ColumnBlocks<int64_t> ids;
  ColumnBlocks<int32_t> headcount, pay;
  ColumnBlocks<double> growth, attrition;
  ColumnBlocks<uint8_t> status;
  ColumnBlocks<uint32_t> region, industry;
  bool ok = true;
  auto open = [&](auto& column, unsigned bit, const char* part) -> Status {
    if (ok && (columns & bit)) {
      IJIK_ASSIGN_OR_RETURN(ok, column.open(db, find, stamp, part, rows));
    }
    return {};
  };
  IJIK_RETURN_IF_ERROR(open(ids, T::kIds, "id"));
  IJIK_RETURN_IF_ERROR(open(headcount, T::kHeadcount, "headcount"));
  IJIK_RETURN_IF_ERROR(open(pay, T::kPay, "pay"));
  IJIK_RETURN_IF_ERROR(open(growth, T::kGrowth, "growth"));
  IJIK_RETURN_IF_ERROR(open(attrition, T::kAttrition, "attrition"));
  IJIK_RETURN_IF_ERROR(open(status, T::kStatus, "status"));
  IJIK_RETURN_IF_ERROR(open(region, T::kRegion, "region"));
  IJIK_RETURN_IF_ERROR(open(industry, T::kIndustry, "industry"));
  if (!ok) return Hits();
  auto in_range = [](const uint32_t* v, size_t n, size_t bound) {
    return std::all_of(v, v + n, [&](uint32_t x) { return x < bound; });
  };
  for (size_t first = 0; first < rows; first += block_rows) {
    domain::ScreenBlock b;
    b.first = first;
    b.count = std::min(block_rows, rows - first);
    // Each pointer is read only when the query reads that column.
    auto read = [&](auto& column, unsigned bit) {
      auto* p = (columns & bit) ? column.read(first, b.count) : nullptr;
      ok = ok && (p != nullptr || !(columns & bit));
      return p;
    };
    b.id = read(ids, T::kIds);
    b.headcount = read(headcount, T::kHeadcount);
    b.pay = read(pay, T::kPay);
    b.growth = read(growth, T::kGrowth);
    b.attrition = read(attrition, T::kAttrition);
    b.status = read(status, T::kStatus);
    b.region = read(region, T::kRegion);
    b.industry = read(industry, T::kIndustry);
    if (ok && b.region) ok = in_range(b.region, b.count, dictionaries->region_count());
    if (ok && b.industry) ok = in_range(b.industry, b.count, dictionaries->industry_count());
    if (!ok) return Hits();
    scan.add(b);
  }
  return Hits(scan.finish(total));
}

Result<domain::ScreenTable> load(Database& db, const std::string& stamp, unsigned columns) {
  IJIK_ASSIGN_OR_RETURN(auto stored, read_stored(db, stamp, columns));
  if (stored) return std::move(*stored);
  // Missing, stale or damaged: rebuild, and keep it when the workspace can be written.
  IJIK_ASSIGN_OR_RETURN(auto t, build(db));
  (void)store(db, stamp, t);
  return t;
}

}  // namespace

Status rebuild_screen_snapshot(Database& db) {
  IJIK_ASSIGN_OR_RETURN(auto stamp, current_stamp(db));
  IJIK_ASSIGN_OR_RETURN(auto t, build(db));
  return store(db, stamp, t);
}

Status store_screen_snapshot(Database& db, domain::ScreenTable t) {
  IJIK_ASSIGN_OR_RETURN(auto stamp, current_stamp(db));
  t.order_by_headcount();  // as build() does
  return store(db, stamp, t);
}

void set_screen_metrics(domain::ScreenEntry& e, const domain::WorkforceMetrics& m) {
  auto stored = [](const std::optional<double>& v) -> std::optional<double> {
    if (!v || std::isnan(*v)) return std::nullopt;
    return *v == 0 ? 0.0 : *v;
  };
  e.headcount = m.headcount;
  e.change_12m = m.change_12m;
  e.change_12m_pct = stored(m.change_12m_pct);
  e.attrition_12m = stored(m.attrition_12m);
  e.pay_month_est = m.pay_month_est;
  e.pay_is_lower_bound = m.pay_is_lower_bound;
}

Result<std::shared_ptr<const domain::ScreenTable>> load_screen_table(Database& db,
                                                                     unsigned columns) {
  IJIK_ASSIGN_OR_RETURN(auto stamp, current_stamp(db));
  if (!stamped_caches_enabled()) {
    IJIK_ASSIGN_OR_RETURN(auto t, load(db, stamp, columns));
    return std::make_shared<const domain::ScreenTable>(std::move(t));
  }
  static StampedCache<domain::ScreenTable> cache;
  const char* file = sqlite3_db_filename(db.handle(), "main");
  return cache.get(
      file ? file : "", stamp, [&]() -> Result<std::shared_ptr<const domain::ScreenTable>> {
        IJIK_ASSIGN_OR_RETURN(auto t, load(db, stamp, domain::ScreenTable::kAllColumns));
        t.index_ids();  // the server also answers lookups by id from it (search hits)
        return std::make_shared<const domain::ScreenTable>(std::move(t));
      });
}

Result<ScreenResult> screen_workplaces(Database& db, const domain::ScreenQuery& q,
                                       size_t block_rows) {
  ScreenResult out;
  if (!stamped_caches_enabled() && domain::ScreenTable::scans_in_blocks(q)) {
    IJIK_ASSIGN_OR_RETURN(auto stamp, current_stamp(db));
    IJIK_ASSIGN_OR_RETURN(auto hits,
                          scan_stored(db, stamp, q, std::max<size_t>(block_rows, 1), out.total));
    if (hits) {
      std::vector<int64_t> ids;
      ids.reserve(hits->size());
      for (const auto& h : *hits) ids.push_back(h.id);
      IJIK_ASSIGN_OR_RETURN(out.rows, screen_entries(db, ids));
      return out;
    }
    // Missing, stale or damaged: rebuilt (and stored) below.
  }
  // Only the columns the filters and the sort read; the rows shown come
  // from the tables (or from the whole table when the server keeps one).
  IJIK_ASSIGN_OR_RETURN(auto table, load_screen_table(db, domain::ScreenTable::columns_for(q)));
  IJIK_ASSIGN_OR_RETURN(auto hits, table->run(q, out.total));
  if (table->columns() == domain::ScreenTable::kAllColumns) {
    out.rows.reserve(hits.size());
    for (size_t i : hits) out.rows.push_back(table->entry(i));
    return out;
  }
  std::vector<int64_t> ids;
  ids.reserve(hits.size());
  for (size_t i : hits) ids.push_back(table->id(i));
  IJIK_ASSIGN_OR_RETURN(out.rows, screen_entries(db, ids));
  return out;
}

Result<std::vector<domain::ScreenEntry>> screen_entries(Database& db,
                                                        const std::vector<int64_t>& ids) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db.prepare("SELECT w.id, w.name, w.region, w.industry_code, w.industry_name, "
                          "w.status, m.headcount, m.change_12m, m.change_12m_pct, "
                          "m.attrition_12m, m.pay_month_est, m.pay_is_lower_bound "
                          "FROM nps_workplaces w JOIN nps_metrics m ON m.workplace_id = w.id "
                          "WHERE w.id = ?"));
  std::vector<domain::ScreenEntry> out;
  out.reserve(ids.size());
  for (int64_t id : ids) {
    st.reset();
    st.bind(1, id);
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) return internal_error(fmt::format("screen: workplace {} vanished", id));
    out.push_back(entry_of(st, 1, st, 6));
  }
  return out;
}

}  // namespace ijik::store
