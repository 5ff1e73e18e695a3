#include "store/watch_repo.h"

namespace ijik::store {
namespace {

constexpr std::string_view kSelectWatch =
    "SELECT id, company_id, workplace_id, is_current, added_at FROM watches";

WatchRecord watch_row(const Statement& st) {
  WatchRecord w;
  w.id = st.int64(0);
  if (!st.is_null(1)) w.target.company_id = st.int64(1);
  if (!st.is_null(2)) w.target.workplace_id = st.int64(2);
  w.is_current = st.int64(3) != 0;
  w.added_at = st.text(4);
  return w;
}

}  // namespace

Result<std::vector<WatchRecord>> WatchRepo::list() {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string(kSelectWatch) + " ORDER BY id"));
  std::vector<WatchRecord> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back(watch_row(st));
  }
  return out;
}

Result<std::optional<WatchRecord>> WatchRepo::find(const WatchTarget& t) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string(kSelectWatch) +
                                             " WHERE company_id IS ? AND workplace_id IS ?"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.bind(1, t.company_id).bind(2, t.workplace_id).step());
  if (!row) return std::optional<WatchRecord>();
  return std::optional<WatchRecord>(watch_row(st));
}

Status WatchRepo::add(WatchRecord& w) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT INTO watches(company_id, workplace_id, is_current, added_at) "
                           "VALUES (?, ?, ?, ?)"));
  IJIK_RETURN_IF_ERROR(st.bind(1, w.target.company_id)
                           .bind(2, w.target.workplace_id)
                           .bind(3, w.is_current ? 1 : 0)
                           .bind(4, w.added_at)
                           .run());
  w.id = db_.last_insert_id();
  return {};
}

Status WatchRepo::remove(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("DELETE FROM watches WHERE id = ?"));
  return st.bind(1, id).run();
}

Status WatchRepo::set_current(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("UPDATE watches SET is_current = (id = ?) WHERE is_current "
                                    "OR id = ?"));
  return st.bind(1, id).bind(2, id).run();
}

Result<bool> WatchRepo::add_alert(AlertRecord& a) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(
          "INSERT OR IGNORE INTO alerts(company_id, workplace_id, subject, rule, severity, "
          "month, evidence, message_ko, message_en, raised_at) VALUES (?,?,?,?,?,?,?,?,?,?)"));
  IJIK_RETURN_IF_ERROR(st.bind(1, a.target.company_id)
                           .bind(2, a.target.workplace_id)
                           .bind(3, a.subject)
                           .bind(4, a.rule)
                           .bind(5, a.severity)
                           .bind(6, a.month)
                           .bind(7, a.evidence)
                           .bind(8, a.message_ko)
                           .bind(9, a.message_en)
                           .bind(10, a.raised_at)
                           .run());
  if (db_.changes() == 0) return false;
  a.id = db_.last_insert_id();
  return true;
}

Result<std::vector<AlertRecord>> WatchRepo::alerts(const std::string& since) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT id, company_id, workplace_id, subject, rule, severity, month, "
                           "evidence, message_ko, message_en, raised_at FROM alerts WHERE month >= "
                           "? ORDER BY month DESC, raised_at DESC, id DESC"));
  st.bind(1, since);
  std::vector<AlertRecord> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    AlertRecord a;
    a.id = st.int64(0);
    if (!st.is_null(1)) a.target.company_id = st.int64(1);
    if (!st.is_null(2)) a.target.workplace_id = st.int64(2);
    a.subject = st.text(3);
    a.rule = st.text(4);
    a.severity = st.text(5);
    a.month = st.text(6);
    a.evidence = st.text(7);
    a.message_ko = st.text(8);
    a.message_en = st.text(9);
    a.raised_at = st.text(10);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace ijik::store
