#include "store/decision_repo.h"

#include <fmt/format.h>

#include <map>

namespace ijik::store {
namespace {

std::optional<Date> read_date(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  auto d = parse_date(*s);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

}  // namespace

Status DecisionRepo::add(domain::Decision& d) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("INSERT INTO decisions(title, created_on) VALUES (?, ?)"));
  IJIK_RETURN_IF_ERROR(st.bind(1, d.title).bind(2, d.created_on.iso()).run());
  d.id = db_.last_insert_id();
  IJIK_ASSIGN_OR_RETURN(auto opt, db_.prepare("INSERT INTO decision_options(decision_id, position, "
                                              "name, application_id, stay) VALUES (?,?,?,?,?)"));
  for (size_t i = 0; i < d.options.size(); ++i) {
    auto& o = d.options[i];
    opt.reset();
    IJIK_RETURN_IF_ERROR(opt.bind(1, d.id)
                             .bind(2, static_cast<int64_t>(i))
                             .bind(3, o.name)
                             .bind(4, o.application_id)
                             .bind(5, o.stay ? 1 : 0)
                             .run());
    o.id = db_.last_insert_id();
  }
  for (const auto& c : d.criteria) IJIK_RETURN_IF_ERROR(set_weight(d.id, c.name, c.weight));
  return {};
}

Result<domain::Decision> DecisionRepo::get(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT id, title, created_on, chosen_option_id, "
                                             "closed_on, note FROM decisions WHERE id = ?"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.bind(1, id).step());
  if (!row) return not_found(fmt::format("no decision with id {} (see 'ijik decide list')", id));
  domain::Decision d;
  d.id = st.int64(0);
  d.title = st.text(1);
  d.created_on = read_date(st.text(2)).value_or(Date{});
  d.chosen_option_id = st.optional_int64(3);
  d.closed_on = read_date(st.optional_text(4));
  d.note = st.text(5);

  IJIK_ASSIGN_OR_RETURN(auto cr, db_.prepare("SELECT name, weight FROM decision_criteria WHERE "
                                             "decision_id = ? ORDER BY position"));
  cr.bind(1, id);
  std::map<std::string, size_t> index;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool r, cr.step());
    if (!r) break;
    index[cr.text(0)] = d.criteria.size();
    d.criteria.push_back({cr.text(0), cr.real(1)});
  }
  IJIK_ASSIGN_OR_RETURN(auto op, db_.prepare("SELECT id, name, application_id, stay, likelihood "
                                             "FROM decision_options WHERE decision_id = ? "
                                             "ORDER BY position"));
  op.bind(1, id);
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool r, op.step());
    if (!r) break;
    domain::DecisionOption o;
    o.id = op.int64(0);
    o.name = op.text(1);
    o.application_id = op.optional_int64(2);
    o.stay = op.int64(3) != 0;
    if (!op.is_null(4)) o.likelihood = op.real(4);
    o.scores.assign(d.criteria.size(), std::nullopt);
    o.score_sources.assign(d.criteria.size(), "");
    d.options.push_back(std::move(o));
  }
  IJIK_ASSIGN_OR_RETURN(auto sc, db_.prepare("SELECT criterion, score, source FROM "
                                             "decision_scores WHERE option_id = ?"));
  IJIK_ASSIGN_OR_RETURN(auto nt, db_.prepare("SELECT kind, text FROM decision_notes WHERE "
                                             "option_id = ? ORDER BY position"));
  for (auto& o : d.options) {
    sc.reset();
    sc.bind(1, o.id);
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool r, sc.step());
      if (!r) break;
      auto it = index.find(sc.text(0));
      if (it == index.end()) continue;
      o.scores[it->second] = sc.real(1);
      if (sc.text(2) != "hand") o.score_sources[it->second] = sc.text(2);
    }
    nt.reset();
    nt.bind(1, o.id);
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool r, nt.step());
      if (!r) break;
      (nt.text(0) == "pro" ? o.pros : o.cons).push_back(nt.text(1));
    }
  }
  IJIK_ASSIGN_OR_RETURN(auto rv, db_.prepare("SELECT on_date, note FROM decision_reviews WHERE "
                                             "decision_id = ? ORDER BY position"));
  rv.bind(1, id);
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool r, rv.step());
    if (!r) break;
    d.reviews.push_back({read_date(rv.text(0)).value_or(Date{}), rv.text(1)});
  }
  return d;
}

Result<std::vector<domain::Decision>> DecisionRepo::list() {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT id FROM decisions ORDER BY id"));
  std::vector<int64_t> ids;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool r, st.step());
    if (!r) break;
    ids.push_back(st.int64(0));
  }
  std::vector<domain::Decision> out;
  for (int64_t id : ids) {
    IJIK_ASSIGN_OR_RETURN(auto d, get(id));
    out.push_back(std::move(d));
  }
  return out;
}

Status DecisionRepo::set_weight(int64_t decision_id, const std::string& name, double weight) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("INSERT INTO decision_criteria(decision_id, position, name, weight) "
                  "VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM decision_criteria "
                  "WHERE decision_id = ?1), ?2, ?3) "
                  "ON CONFLICT(decision_id, name) DO UPDATE SET weight = excluded.weight"));
  return st.bind(1, decision_id).bind(2, name).bind(3, weight).run();
}

Status DecisionRepo::remove_criterion(int64_t decision_id, const std::string& name) {
  IJIK_ASSIGN_OR_RETURN(auto sc, db_.prepare("DELETE FROM decision_scores WHERE criterion = ? AND "
                                             "option_id IN (SELECT id FROM decision_options "
                                             "WHERE decision_id = ?)"));
  IJIK_RETURN_IF_ERROR(sc.bind(1, name).bind(2, decision_id).run());
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("DELETE FROM decision_criteria WHERE decision_id = ? AND name = ?"));
  return st.bind(1, decision_id).bind(2, name).run();
}

Status DecisionRepo::set_score(int64_t option_id, const std::string& criterion, double score,
                               const std::string& source) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("INSERT OR REPLACE INTO decision_scores(option_id, criterion, "
                                    "score, source) VALUES (?, ?, ?, ?)"));
  return st.bind(1, option_id).bind(2, criterion).bind(3, score).bind(4, source).run();
}

Status DecisionRepo::add_note(int64_t option_id, bool pro, const std::string& text) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT INTO decision_notes(option_id, position, kind, text) VALUES "
                           "(?1, (SELECT coalesce(max(position) + 1, 0) FROM decision_notes "
                           "WHERE option_id = ?1), ?2, ?3)"));
  return st.bind(1, option_id).bind(2, pro ? "pro" : "con").bind(3, text).run();
}

Status DecisionRepo::set_likelihood(int64_t option_id, double pct) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("UPDATE decision_options SET likelihood = ? WHERE id = ?"));
  return st.bind(1, pct).bind(2, option_id).run();
}

Status DecisionRepo::close(int64_t decision_id, int64_t option_id, const Date& on,
                           const std::string& note) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("UPDATE decisions SET chosen_option_id = ?, "
                                             "closed_on = ?, note = ? WHERE id = ?"));
  return st.bind(1, option_id).bind(2, on.iso()).bind(3, note).bind(4, decision_id).run();
}

Status DecisionRepo::add_review(int64_t decision_id, const Date& on, const std::string& note) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT INTO decision_reviews(decision_id, position, on_date, note) "
                           "VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM "
                           "decision_reviews WHERE decision_id = ?1), ?2, ?3)"));
  return st.bind(1, decision_id).bind(2, on.iso()).bind(3, note).run();
}

}  // namespace ijik::store
