#include "store/screen_repo.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/clock.h"

namespace ijik::store {
namespace {

// What the snapshot was built from: it is stale when any of these change.
Result<std::string> current_stamp(Database& db) {
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare("SELECT (SELECT count(*) FROM nps_months), (SELECT "
                                            "coalesce(max(imported_at), '') FROM nps_months), "
                                            "(SELECT count(*) FROM nps_workplaces), (SELECT "
                                            "coalesce(max(id), 0) FROM nps_workplaces)"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return internal_error("no stamp");
  return fmt::format("v2|{}|{}|{}|{}", st.int64(0), st.text(1), st.int64(2), st.int64(3));
}

Result<domain::ScreenTable> build(Database& db) {
  // Two scans in id order merged (no lookup per row); then rows go in by
  // headcount so the default sort mostly finds them in order.
  IJIK_ASSIGN_OR_RETURN(auto w, db.prepare("SELECT id, name, region, industry_code, industry_name, "
                                           "status FROM nps_workplaces ORDER BY id"));
  IJIK_ASSIGN_OR_RETURN(auto m,
                        db.prepare("SELECT workplace_id, headcount, change_12m, change_12m_pct, "
                                   "attrition_12m, pay_month_est, pay_is_lower_bound "
                                   "FROM nps_metrics ORDER BY workplace_id"));
  std::vector<domain::ScreenEntry> entries;
  IJIK_ASSIGN_OR_RETURN(bool have_w, w.step());
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, m.step());
    if (!row) break;
    const int64_t id = m.int64(0);
    while (have_w && w.int64(0) < id) {
      IJIK_ASSIGN_OR_RETURN(have_w, w.step());
    }
    if (!have_w || w.int64(0) != id) continue;  // metrics of a removed workplace
    domain::ScreenEntry e;
    e.id = id;
    e.name = w.text(1);
    e.region = w.text(2);
    e.industry_code = w.text(3);
    e.industry_name = w.text(4);
    e.status = static_cast<int>(w.int64(5));
    e.headcount = m.int64(1);
    e.change_12m = m.optional_int64(2);
    e.change_12m_pct = m.is_null(3) ? std::nullopt : std::optional<double>(m.real(3));
    e.attrition_12m = m.is_null(4) ? std::nullopt : std::optional<double>(m.real(4));
    e.pay_month_est = m.optional_int64(5);
    e.pay_is_lower_bound = m.int64(6) != 0;
    entries.push_back(std::move(e));
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const domain::ScreenEntry& a, const domain::ScreenEntry& b) {
                     return a.headcount > b.headcount;
                   });
  domain::ScreenTable t;
  for (const auto& e : entries) t.add(e);
  return t;
}

Status store(Database& db, const std::string& stamp, const domain::ScreenTable& t) {
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare("INSERT OR REPLACE INTO snapshots(name, stamp, "
                                            "built_at, data) VALUES ('screen', ?, ?, ?)"));
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
    IJIK_ASSIGN_OR_RETURN(auto st,
                          db.prepare("SELECT stamp, data FROM snapshots WHERE name = 'screen'"));
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
