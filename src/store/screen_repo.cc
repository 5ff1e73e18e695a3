#include "store/screen_repo.h"

#include <fmt/format.h>

#include "common/clock.h"

namespace ijik::store {
namespace {

// What the snapshot was built from: it is stale when any of these change.
Result<std::string> current_stamp(Database& db) {
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare(
      "SELECT (SELECT count(*) FROM nps_months), (SELECT coalesce(max(imported_at), '') FROM nps_months), "
      "(SELECT count(*) FROM nps_workplaces), (SELECT coalesce(max(id), 0) FROM nps_workplaces)"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return internal_error("no stamp");
  return fmt::format("v1|{}|{}|{}|{}", st.int64(0), st.text(1), st.int64(2), st.int64(3));
}

Result<domain::ScreenTable> build(Database& db) {
  domain::ScreenTable t;
  // Ordered by headcount so the default sort mostly finds its rows in order.
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare(
      "SELECT w.id, w.name, w.region, w.industry_code, w.industry_name, w.status, m.headcount, m.change_12m, "
      "m.change_12m_pct, m.attrition_12m, m.pay_month_est, m.pay_is_lower_bound "
      "FROM nps_workplaces w JOIN nps_metrics m ON m.workplace_id = w.id ORDER BY m.headcount DESC, w.id"));
  domain::ScreenEntry e;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    e.id = st.int64(0);
    e.name = st.text(1);
    e.region = st.text(2);
    e.industry_code = st.text(3);
    e.industry_name = st.text(4);
    e.status = static_cast<int>(st.int64(5));
    e.headcount = st.int64(6);
    e.change_12m = st.optional_int64(7);
    e.change_12m_pct = st.is_null(8) ? std::nullopt : std::optional<double>(st.real(8));
    e.attrition_12m = st.is_null(9) ? std::nullopt : std::optional<double>(st.real(9));
    e.pay_month_est = st.optional_int64(10);
    e.pay_is_lower_bound = st.int64(11) != 0;
    t.add(e);
  }
  return t;
}

Status store(Database& db, const std::string& stamp, const domain::ScreenTable& t) {
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare(
      "INSERT OR REPLACE INTO snapshots(name, stamp, built_at, data) VALUES ('screen', ?, ?, ?)"));
  std::string bytes = t.serialize();
  st.bind(1, stamp).bind(2, now_utc_iso());
  return st.bind_blob(3, bytes).run();
}

}  // namespace

Status rebuild_screen_snapshot(Database& db) {
  IJIK_ASSIGN_OR_RETURN(auto stamp, current_stamp(db));
  IJIK_ASSIGN_OR_RETURN(auto t, build(db));
  return store(db, stamp, t);
}

Result<domain::ScreenTable> load_screen_table(Database& db) {
  IJIK_ASSIGN_OR_RETURN(auto stamp, current_stamp(db));
  {
    IJIK_ASSIGN_OR_RETURN(auto st, db.prepare("SELECT stamp, data FROM snapshots WHERE name = 'screen'"));
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (row && st.text(0) == stamp) {
      auto t = domain::ScreenTable::deserialize(st.blob(1));
      if (t.ok()) return t;
    }
  }
  // Missing, stale or damaged: rebuild, and keep it when the workspace can be written.
  IJIK_ASSIGN_OR_RETURN(auto t, build(db));
  (void)store(db, stamp, t);
  return t;
}

}  // namespace ijik::store
