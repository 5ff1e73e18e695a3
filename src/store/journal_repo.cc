#include "store/journal_repo.h"

#include <fmt/format.h>

#include "common/clock.h"

namespace ijik::store {
namespace {

Error not_found_entry(int64_t id) {
  return not_found(fmt::format("no journal entry {}: expected an id from 'ijik journal list'", id));
}

}  // namespace

Status JournalRepo::add(domain::JournalEntry& e) {
  if (e.created_at.empty()) e.created_at = now_utc_iso();
  if (e.updated_at.empty()) e.updated_at = e.created_at;
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO journal_entries(entry_date, title, body, "
                                             "job_id, application_id, company_id, created_at, "
                                             "updated_at) VALUES (?,?,?,?,?,?,?,?)"));
  st.bind(1, e.date.iso())
      .bind(2, e.title)
      .bind(3, e.body)
      .bind(4, e.job_id)
      .bind(5, e.application_id)
      .bind(6, e.company_id)
      .bind(7, e.created_at)
      .bind(8, e.updated_at);
  IJIK_RETURN_IF_ERROR(st.run());
  e.id = db_.last_insert_id();
  IJIK_ASSIGN_OR_RETURN(
      auto tag, db_.prepare("INSERT INTO journal_tags(entry_id, position, tag) VALUES (?,?,?)"));
  for (size_t i = 0; i < e.tags.size(); ++i) {
    tag.reset();
    IJIK_RETURN_IF_ERROR(
        tag.bind(1, e.id).bind(2, static_cast<int64_t>(i)).bind(3, e.tags[i]).run());
  }
  return {};
}

Result<std::vector<domain::JournalEntry>> JournalRepo::list(const std::optional<std::string>& tag,
                                                            const std::optional<Date>& from,
                                                            const std::optional<Date>& to) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(
          "SELECT e.id, e.entry_date, e.title, e.body, e.job_id, e.application_id, "
          "e.company_id, coalesce(c.name, ''), e.created_at, e.updated_at "
          "FROM journal_entries e LEFT JOIN companies c ON c.id = e.company_id "
          "WHERE (?1 IS NULL OR e.id IN (SELECT entry_id FROM journal_tags WHERE tag = ?1)) "
          "AND (?2 IS NULL OR e.entry_date >= ?2) AND (?3 IS NULL OR e.entry_date <= ?3) "
          "ORDER BY e.entry_date, e.id"));
  st.bind(1, tag);
  if (from)
    st.bind(2, from->iso());
  else
    st.bind_null(2);
  if (to)
    st.bind(3, to->iso());
  else
    st.bind_null(3);
  std::vector<domain::JournalEntry> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::JournalEntry e;
    e.id = st.int64(0);
    auto d = parse_date(st.text(1));
    if (d.ok()) e.date = *d;
    e.title = st.text(2);
    e.body = st.text(3);
    e.job_id = st.optional_int64(4);
    e.application_id = st.optional_int64(5);
    e.company_id = st.optional_int64(6);
    e.company = st.text(7);
    e.created_at = st.text(8);
    e.updated_at = st.text(9);
    out.push_back(std::move(e));
  }
  IJIK_ASSIGN_OR_RETURN(
      auto tags, db_.prepare("SELECT tag FROM journal_tags WHERE entry_id = ? ORDER BY position"));
  for (auto& e : out) {
    tags.reset();
    tags.bind(1, e.id);
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool row, tags.step());
      if (!row) break;
      e.tags.push_back(tags.text(0));
    }
  }
  return out;
}

Result<domain::JournalEntry> JournalRepo::get(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT 1 FROM journal_entries WHERE id = ?"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.bind(1, id).step());
  if (!row) return not_found_entry(id);
  IJIK_ASSIGN_OR_RETURN(auto all, list());
  for (auto& e : all)
    if (e.id == id) return std::move(e);
  return not_found_entry(id);
}

Status JournalRepo::set_body(int64_t id, const std::string& body) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("UPDATE journal_entries SET body = ?, updated_at = ? WHERE id = ?"));
  IJIK_RETURN_IF_ERROR(st.bind(1, body).bind(2, now_utc_iso()).bind(3, id).run());
  if (db_.changes() == 0) return not_found_entry(id);
  return {};
}

Status JournalRepo::remove(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("DELETE FROM journal_entries WHERE id = ?"));
  IJIK_RETURN_IF_ERROR(st.bind(1, id).run());
  if (db_.changes() == 0) return not_found_entry(id);
  return {};
}

Result<std::vector<domain::JournalHit>> JournalRepo::search(const text::FtsQuery& query,
                                                            int limit) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("SELECT e.id, e.entry_date, e.title, e.body, bm25(journal_fts, 3.0, 1.0) AS r "
                  "FROM journal_fts JOIN journal_entries e ON e.id = journal_fts.rowid "
                  "WHERE journal_fts MATCH ? ORDER BY r, e.entry_date DESC, e.id LIMIT ?"));
  st.bind(1, query.match).bind(2, limit);
  std::vector<domain::JournalHit> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::JournalHit h;
    h.id = st.int64(0);
    auto d = parse_date(st.text(1));
    if (d.ok()) h.date = *d;
    domain::JournalEntry e;
    e.title = st.text(2);
    e.body = st.text(3);
    h.title = domain::entry_heading(e, 60);
    h.snippet = text::highlight_snippet(e.body, query.terms);
    h.rank = st.real(4);
    out.push_back(std::move(h));
  }
  return out;
}

Status JournalRepo::add_source(int64_t entry_id, const JournalSource& s) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT OR REPLACE INTO journal_sources(entry_id, "
                                             "record_type, record_id, sentence, confidence) "
                                             "VALUES (?,?,?,?,?)"));
  return st.bind(1, entry_id)
      .bind(2, s.record_type)
      .bind(3, s.record_id)
      .bind(4, s.sentence)
      .bind(5, s.confidence)
      .run();
}

Result<std::vector<JournalSource>> JournalRepo::sources(int64_t entry_id) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("SELECT s.record_type, s.record_id, s.sentence, s.confidence, "
                  "coalesce(CASE s.record_type "
                  "WHEN 'application' THEN (SELECT c.name FROM applications a JOIN companies c "
                  "ON c.id = a.company_id WHERE a.id = s.record_id) "
                  "WHEN 'job' THEN (SELECT c.name FROM jobs j JOIN companies c "
                  "ON c.id = j.company_id WHERE j.id = s.record_id) "
                  "WHEN 'stage' THEN (SELECT name FROM stages WHERE id = s.record_id) END, '') "
                  "FROM journal_sources s WHERE s.entry_id = ? ORDER BY s.rowid"));
  st.bind(1, entry_id);
  std::vector<JournalSource> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back({st.text(0), st.int64(1), st.text(2), st.real(3), st.text(4)});
  }
  return out;
}

}  // namespace ijik::store
