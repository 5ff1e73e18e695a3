#include "store/application_repo.h"

#include <fmt/format.h>

#include <map>

#include "common/clock.h"
#include "store/ids.h"

namespace ijik::store {
namespace {

std::string_view closure_key(domain::Closure c) {
  switch (c) {
    case domain::Closure::kWithdrawn:
      return "withdrawn";
    case domain::Closure::kAccepted:
      return "accepted";
    default:
      return "";
  }
}

domain::Closure parse_closure(const std::optional<std::string>& s) {
  if (!s) return domain::Closure::kNone;
  if (*s == "withdrawn") return domain::Closure::kWithdrawn;
  if (*s == "accepted") return domain::Closure::kAccepted;
  return domain::Closure::kNone;
}

std::optional<Date> read_date(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  auto d = parse_date(*s);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

}  // namespace

Status ApplicationRepo::add(domain::Application& app) {
  if (app.created_at.empty()) app.created_at = now_utc_iso();
  IJIK_ASSIGN_OR_RETURN(app.id, keep_id_if_free(db_, "applications", app.id));
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO applications(id, company_id, role, team, "
                                             "source, via, applied, url, salary_min, "
                                             "salary_max, note, closure, closed_on, created_at) "
                                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  if (app.id)
    st.bind(1, app.id);
  else
    st.bind_null(1);
  st.bind(2, app.company_id)
      .bind(3, app.role)
      .bind(4, app.team)
      .bind(5, domain::to_string(app.source))
      .bind(6, app.via)
      .bind(7, app.applied.iso())
      .bind(8, app.url)
      .bind(9, app.salary_min)
      .bind(10, app.salary_max)
      .bind(11, app.note);
  if (app.closure == domain::Closure::kNone)
    st.bind_null(12);
  else
    st.bind(12, closure_key(app.closure));
  if (app.closed_on)
    st.bind(13, app.closed_on->iso());
  else
    st.bind_null(13);
  IJIK_RETURN_IF_ERROR(st.bind(14, app.created_at).run());
  app.id = db_.last_insert_id();
  for (size_t i = 0; i < app.stages.size(); ++i)
    IJIK_RETURN_IF_ERROR(insert_stage(app.id, static_cast<int>(i), app.stages[i]));
  for (int64_t c : app.contact_ids) IJIK_RETURN_IF_ERROR(link_contact(app.id, c));
  domain::assign_stage_kinds(app);
  return {};
}

Status ApplicationRepo::insert_stage(int64_t app_id, int position, domain::Stage& s) {
  if (s.updated_at.empty()) s.updated_at = now_utc_iso();
  IJIK_ASSIGN_OR_RETURN(s.id, keep_id_if_free(db_, "stages", s.id));
  if (!s.uid.empty()) {
    IJIK_ASSIGN_OR_RETURN(auto taken, db_.prepare("SELECT 1 FROM stages WHERE uid = ?"));
    IJIK_ASSIGN_OR_RETURN(bool dup, taken.bind(1, s.uid).step());
    if (dup) s.uid.clear();  // a calendar uid must stay unique: mint a new one
  }
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO stages(id, application_id, position, "
                                             "name, date, time, result, note, uid, updated_at) "
                                             "VALUES (?,?,?,?,?,?,?,?, coalesce(?, "
                                             "lower(hex(randomblob(16)))), ?) RETURNING id, uid"));
  if (s.id)
    st.bind(1, s.id);
  else
    st.bind_null(1);
  st.bind(2, app_id).bind(3, position).bind(4, s.name);
  if (s.date)
    st.bind(5, s.date->iso());
  else
    st.bind_null(5);
  if (s.time)
    st.bind(6, s.time->iso());
  else
    st.bind_null(6);
  st.bind(7, domain::to_string(s.result)).bind(8, s.note);
  if (s.uid.empty())
    st.bind_null(9);
  else
    st.bind(9, s.uid);
  st.bind(10, s.updated_at);
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return internal_error("stage insert returned nothing");
  s.id = st.int64(0);
  s.uid = st.text(1);
  IJIK_RETURN_IF_ERROR(st.step().status());
  return append_questions(s.id, 0, s.questions);
}

Status ApplicationRepo::append_questions(int64_t stage_id, int first,
                                         const std::vector<std::string>& qs) {
  if (qs.empty()) return {};
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT INTO stage_questions(stage_id, position, text) VALUES (?,?,?)"));
  for (size_t i = 0; i < qs.size(); ++i) {
    st.reset();
    IJIK_RETURN_IF_ERROR(
        st.bind(1, stage_id).bind(2, first + static_cast<int>(i)).bind(3, qs[i]).run());
  }
  return {};
}

Status ApplicationRepo::add_stage(int64_t app_id, domain::Stage& stage) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("SELECT coalesce(max(position) + 1, 0) FROM stages WHERE application_id = ?"));
  st.bind(1, app_id);
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  int position = row ? static_cast<int>(st.int64(0)) : 0;
  return insert_stage(app_id, position, stage);
}

Status ApplicationRepo::update_stage(const domain::Stage& s,
                                     const std::vector<std::string>& new_questions) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("UPDATE stages SET date = ?, time = ?, result = ?, "
                                             "note = ?, updated_at = ? WHERE id = ?"));
  if (s.date)
    st.bind(1, s.date->iso());
  else
    st.bind_null(1);
  if (s.time)
    st.bind(2, s.time->iso());
  else
    st.bind_null(2);
  IJIK_RETURN_IF_ERROR(st.bind(3, domain::to_string(s.result))
                           .bind(4, s.note)
                           .bind(5, now_utc_iso())
                           .bind(6, s.id)
                           .run());
  return append_questions(s.id, static_cast<int>(s.questions.size()), new_questions);
}

Status ApplicationRepo::link_contact(int64_t app_id, int64_t contact_id) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(
          "INSERT OR IGNORE INTO application_contacts(application_id, contact_id) VALUES (?, ?)"));
  return st.bind(1, app_id).bind(2, contact_id).run();
}

Status ApplicationRepo::update_details(const domain::Application& app) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("UPDATE applications SET role = ?, team = ?, "
                                             "source = ?, via = ?, applied = ?, url = ?, "
                                             "salary_min = ?, salary_max = ?, note = ? "
                                             "WHERE id = ?"));
  st.bind(1, app.role)
      .bind(2, app.team)
      .bind(3, domain::to_string(app.source))
      .bind(4, app.via)
      .bind(5, app.applied.iso())
      .bind(6, app.url)
      .bind(7, app.salary_min)
      .bind(8, app.salary_max)
      .bind(9, app.note)
      .bind(10, app.id);
  IJIK_RETURN_IF_ERROR(st.run());
  if (db_.changes() == 0)
    return not_found(fmt::format("no application with id {} (see 'ijik app list')", app.id));
  return {};
}

Status ApplicationRepo::set_closure(int64_t id, domain::Closure closure,
                                    const std::optional<Date>& on) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("UPDATE applications SET closure = ?, closed_on = ? WHERE id = ?"));
  if (closure == domain::Closure::kNone)
    st.bind_null(1);
  else
    st.bind(1, closure_key(closure));
  if (on)
    st.bind(2, on->iso());
  else
    st.bind_null(2);
  return st.bind(3, id).run();
}

Status ApplicationRepo::remove(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("DELETE FROM applications WHERE id = ?"));
  IJIK_RETURN_IF_ERROR(st.bind(1, id).run());
  if (db_.changes() == 0)
    return not_found(fmt::format("no application with id {} (see 'ijik app list')", id));
  return {};
}

Result<domain::Application> ApplicationRepo::get(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto apps, query("WHERE a.id = ?1", id));
  if (apps.empty())
    return not_found(fmt::format("no application with id {} (see 'ijik app list')", id));
  return std::move(apps.front());
}

Result<std::vector<domain::Application>> ApplicationRepo::list() {
  return query("", 0);
}

Result<std::vector<domain::Application>> ApplicationRepo::query(const std::string& where,
                                                                int64_t id) {
  std::vector<domain::Application> apps;
  std::map<int64_t, size_t> index;
  {
    IJIK_ASSIGN_OR_RETURN(
        auto st,
        db_.prepare(
            "SELECT a.id, a.company_id, c.name, a.role, a.team, a.source, a.via, a.applied, a.url, "
            "a.salary_min, a.salary_max, a.note, a.closure, a.closed_on, a.created_at "
            "FROM applications a JOIN companies c ON c.id = a.company_id " +
            where + " ORDER BY a.id"));
    if (!where.empty()) st.bind(1, id);
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      domain::Application a;
      a.id = st.int64(0);
      a.company_id = st.int64(1);
      a.company = st.text(2);
      a.role = st.text(3);
      a.team = st.text(4);
      if (auto s = domain::parse_source(st.text(5)); s.ok()) a.source = *s;
      a.via = st.text(6);
      a.applied = read_date(st.text(7)).value_or(Date{});
      a.url = st.text(8);
      a.salary_min = st.optional_int64(9);
      a.salary_max = st.optional_int64(10);
      a.note = st.text(11);
      a.closure = parse_closure(st.optional_text(12));
      a.closed_on = read_date(st.optional_text(13));
      a.created_at = st.text(14);
      index[a.id] = apps.size();
      apps.push_back(std::move(a));
    }
  }
  if (apps.empty()) return apps;
  const std::string stage_where = where.empty() ? "" : "WHERE s.application_id = ?1";
  std::map<int64_t, std::pair<size_t, size_t>> stage_index;  // stage id -> (app, stage)
  {
    IJIK_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("SELECT s.id, s.application_id, s.name, s.date, s.time, "
                                      "s.result, s.note, s.uid, s.updated_at "
                                      "FROM stages s " +
                                      stage_where + " ORDER BY s.application_id, s.position"));
    if (!where.empty()) st.bind(1, id);
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      auto it = index.find(st.int64(1));
      if (it == index.end()) continue;
      domain::Stage s;
      s.id = st.int64(0);
      s.name = st.text(2);
      s.date = read_date(st.optional_text(3));
      if (auto t = st.optional_text(4)) {
        if (auto p = parse_time(*t); p.ok()) s.time = *p;
      }
      if (auto r = domain::parse_stage_result(st.text(5)); r.ok()) s.result = *r;
      s.note = st.text(6);
      s.uid = st.text(7);
      s.updated_at = st.text(8);
      auto& stages = apps[it->second].stages;
      stage_index[s.id] = {it->second, stages.size()};
      stages.push_back(std::move(s));
    }
  }
  {
    IJIK_ASSIGN_OR_RETURN(
        auto st,
        db_.prepare(
            "SELECT q.stage_id, q.text FROM stage_questions q JOIN stages s ON s.id = q.stage_id " +
            stage_where + " ORDER BY q.stage_id, q.position"));
    if (!where.empty()) st.bind(1, id);
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      auto it = stage_index.find(st.int64(0));
      if (it != stage_index.end())
        apps[it->second.first].stages[it->second.second].questions.push_back(st.text(1));
    }
  }
  {
    IJIK_ASSIGN_OR_RETURN(
        auto st,
        db_.prepare(std::string("SELECT application_id, contact_id FROM application_contacts ") +
                    (where.empty() ? "" : "WHERE application_id = ?1 ") +
                    "ORDER BY application_id, contact_id"));
    if (!where.empty()) st.bind(1, id);
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      auto it = index.find(st.int64(0));
      if (it != index.end()) apps[it->second].contact_ids.push_back(st.int64(1));
    }
  }
  for (auto& a : apps) domain::assign_stage_kinds(a);
  return apps;
}

}  // namespace ijik::store
