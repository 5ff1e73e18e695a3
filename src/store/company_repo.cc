#include "store/company_repo.h"

#include <fmt/format.h>

#include <charconv>

#include "common/clock.h"
#include "store/ids.h"
#include "text/korean.h"

namespace ijik::store {
namespace {

constexpr std::string_view kSelect = "SELECT id, name, brn, url, note, created_at FROM companies";

domain::Company read_company(const Statement& st) {
  domain::Company c;
  c.id = st.int64(0);
  c.name = st.text(1);
  c.brn = st.optional_text(2);
  c.url = st.text(3);
  c.note = st.text(4);
  c.created_at = st.text(5);
  return c;
}

}  // namespace

Status CompanyRepo::load_aliases(domain::Company& c) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("SELECT alias FROM company_aliases WHERE company_id = ? ORDER BY position"));
  st.bind(1, c.id);
  c.aliases.clear();
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    c.aliases.push_back(st.text(0));
  }
  return {};
}

Status CompanyRepo::add(domain::Company& c) {
  std::vector<std::string> names = {c.name};
  names.insert(names.end(), c.aliases.begin(), c.aliases.end());
  for (const auto& n : names) {
    IJIK_ASSIGN_OR_RETURN(auto existing, find_by_name(n));
    if (existing)
      return conflict(fmt::format("a company named '{}' already exists (id {}, '{}')", n,
                                  existing->id, existing->name));
  }
  if (c.created_at.empty()) c.created_at = now_utc_iso();
  IJIK_ASSIGN_OR_RETURN(c.id, keep_id_if_free(db_, "companies", c.id));
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(
          "INSERT INTO companies(id, name, brn, url, note, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
  if (c.id)
    st.bind(1, c.id);
  else
    st.bind_null(1);
  IJIK_RETURN_IF_ERROR(
      st.bind(2, c.name).bind(3, c.brn).bind(4, c.url).bind(5, c.note).bind(6, c.created_at).run());
  c.id = db_.last_insert_id();
  IJIK_ASSIGN_OR_RETURN(
      auto al,
      db_.prepare(
          "INSERT OR IGNORE INTO company_aliases(company_id, alias, position) VALUES (?, ?, ?)"));
  for (size_t i = 0; i < c.aliases.size(); ++i) {
    al.reset();
    IJIK_RETURN_IF_ERROR(
        al.bind(1, c.id).bind(2, c.aliases[i]).bind(3, static_cast<int64_t>(i)).run());
  }
  return {};
}

Result<std::vector<domain::Company>> CompanyRepo::list() {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string(kSelect) + " ORDER BY id"));
  std::vector<domain::Company> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back(read_company(st));
  }
  for (auto& c : out) IJIK_RETURN_IF_ERROR(load_aliases(c));
  return out;
}

Result<domain::Company> CompanyRepo::get(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string(kSelect) + " WHERE id = ?"));
  st.bind(1, id);
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return not_found(fmt::format("no company with id {}", id));
  auto c = read_company(st);
  IJIK_RETURN_IF_ERROR(load_aliases(c));
  return c;
}

Result<std::optional<domain::Company>> CompanyRepo::find(const std::string& key) {
  IJIK_ASSIGN_OR_RETURN(auto by_name, find_by_name(key));
  if (by_name) return by_name;
  int64_t id = 0;
  auto [p, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (ec == std::errc() && p == key.data() + key.size() && id > 0) {
    auto c = get(id);
    if (c.ok()) return std::optional<domain::Company>(std::move(c).value());
  }
  return std::optional<domain::Company>();
}

Result<std::optional<domain::Company>> CompanyRepo::find_by_name(const std::string& key) {
  {
    IJIK_ASSIGN_OR_RETURN(
        auto st, db_.prepare("SELECT id FROM companies WHERE name = ?1 UNION ALL "
                             "SELECT company_id FROM company_aliases WHERE alias = ?1 LIMIT 1"));
    st.bind(1, key);
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (row) {
      IJIK_ASSIGN_OR_RETURN(auto c, get(st.int64(0)));
      return std::optional<domain::Company>(std::move(c));
    }
  }
  // Normalized match: only when exactly one company fits, so nothing is guessed.
  const std::string norm = text::normalize_company_name(key);
  if (norm.empty()) return std::optional<domain::Company>();
  IJIK_ASSIGN_OR_RETURN(auto all, list());
  std::optional<domain::Company> hit;
  for (auto& c : all) {
    bool match = text::normalize_company_name(c.name) == norm;
    for (const auto& a : c.aliases) match = match || text::normalize_company_name(a) == norm;
    if (!match) continue;
    if (hit) return std::optional<domain::Company>();
    hit = c;
  }
  return hit;
}

Result<domain::Company> CompanyRepo::resolve(const std::string& key) {
  IJIK_ASSIGN_OR_RETURN(auto hit, find(key));
  if (hit) return *hit;
  IJIK_ASSIGN_OR_RETURN(auto all, list());
  std::vector<std::string> names;
  for (const auto& c : all) {
    names.push_back(c.name);
    names.insert(names.end(), c.aliases.begin(), c.aliases.end());
  }
  auto close = text::closest_matches(key, names);
  if (close.empty())
    return not_found(fmt::format("no company named '{}' (see 'ijik company list')", key));
  std::string list_text;
  for (const auto& n : close) list_text += (list_text.empty() ? "" : ", ") + n;
  return not_found(fmt::format("no company named '{}'; did you mean: {}?", key, list_text));
}

Result<CompanyRepo::FoundOrAdded> CompanyRepo::find_or_add(const std::string& name) {
  IJIK_ASSIGN_OR_RETURN(auto existing, find_by_name(name));
  if (existing) return FoundOrAdded{std::move(*existing), false};
  domain::Company c;
  c.name = name;
  IJIK_RETURN_IF_ERROR(add(c));
  return FoundOrAdded{std::move(c), true};
}

Result<int> CompanyRepo::count_applications(int64_t company_id) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("SELECT count(*) FROM applications WHERE company_id = ?"));
  st.bind(1, company_id);
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  return row ? static_cast<int>(st.int64(0)) : 0;
}

Status CompanyRepo::remove(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto apps, db_.prepare("DELETE FROM applications WHERE company_id = ?"));
  IJIK_RETURN_IF_ERROR(apps.bind(1, id).run());
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("DELETE FROM companies WHERE id = ?"));
  return st.bind(1, id).run();
}

}  // namespace ijik::store
