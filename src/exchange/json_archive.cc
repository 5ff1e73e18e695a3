#include "exchange/json_archive.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <span>

#include "domain/brn.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"
#include "store/company_repo.h"
#include "store/contact_repo.h"
#include "store/process_repo.h"
#include "store/table_rows.h"

namespace ijik::exchange {

using nlohmann::ordered_json;

namespace {

constexpr int kArchiveVersion = 1;

// Career records, archived table by table (their shape is their table), in an
// order where every reference points backwards.
constexpr const char* kCareerTables[] = {"jobs",
                                         "job_conversions",
                                         "probations",
                                         "phases",
                                         "offers",
                                         "offer_benefits",
                                         "decisions",
                                         "decision_options",
                                         "decision_criteria",
                                         "decision_scores",
                                         "decision_notes",
                                         "decision_reviews"};
// The journal: entries (linked to jobs, applications, companies by id) and tags.
// The search index is not archived: triggers rebuild it as rows come in.
constexpr const char* kJournalTables[] = {"journal_entries", "journal_tags", "journal_sources"};

// Financial records the user entered and the DART link, archived table by
// table like the career records; their company_id is remapped on import.
constexpr const char* kFinanceTables[] = {"company_financials", "company_funding",
                                          "funding_investors", "company_dart"};

// The links of companies to public workplaces, the watch list and the
// alerts raised for it, likewise. Their workplace_id names a row of the
// public data, which is not archived: it holds when the same files are
// imported again in the same order.
constexpr const char* kWorkforceTables[] = {"company_workplaces", "watches", "alerts"};

// Archive company id -> (id in the workspace, name).
using CompanyIds = std::map<int64_t, std::pair<int64_t, std::string>>;

// Imports `doc[group]`'s tables when the workspace has none of their rows
// yet (else a conflict naming `what`); each row's company_id follows its
// company to its id in the workspace. True when any row came in.
Result<bool> import_company_tables(store::Database& db, const ordered_json& doc,
                                   const std::string& group, std::span<const char* const> tables,
                                   std::string_view what, const CompanyIds& company_ids) {
  if (!doc.contains(group)) return false;
  const auto& records = doc[group];
  if (!records.is_object())
    return bad_file(fmt::format("invalid ijik archive: {} must be an object", group));
  bool any = false, empty = true;
  for (const char* table : tables) {
    if (records.contains(table) && !records[table].is_array())
      return bad_file(fmt::format("invalid ijik archive: {}.{} must be an array", group, table));
    any = any || (records.contains(table) && !records[table].empty());
    IJIK_ASSIGN_OR_RETURN(bool e, store::table_is_empty(db, table));
    empty = empty && e;
  }
  if (!any) return false;
  if (!empty)
    return conflict(fmt::format(
        "the archive's {} can only be imported into a workspace without them: import it into a "
        "new workspace (ijik --db NEW.db import json FILE)",
        what));
  for (const char* table : tables) {
    if (!records.contains(table)) continue;
    ordered_json rows = records[table];
    size_t k = 0;
    for (auto& row : rows) {
      if (row.is_object() && row.contains("company_id") && !row["company_id"].is_null()) {
        const auto& id = row["company_id"];
        auto it = id.is_number_integer() ? company_ids.find(id.get<int64_t>()) : company_ids.end();
        if (it == company_ids.end())
          return bad_file(fmt::format(
              "invalid ijik archive: {}.{}[{}].company_id names a company the archive does not "
              "have",
              group, table, k));
        row["company_id"] = it->second.first;
      }
      ++k;
    }
    IJIK_RETURN_IF_ERROR(store::insert_table_rows(db, table, rows, group + "." + table));
  }
  return true;
}

ordered_json opt_date(const std::optional<Date>& d) {
  return d ? ordered_json(d->iso()) : ordered_json(nullptr);
}
ordered_json opt_int(const std::optional<int64_t>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

std::string_view closure_key(domain::Closure c) {
  return c == domain::Closure::kWithdrawn  ? "withdrawn"
         : c == domain::Closure::kAccepted ? "accepted"
                                           : "";
}

// Reads fields of one archive object, turning type errors into messages with a path.
class Reader {
 public:
  Reader(const ordered_json& j, std::string path) : j_(j), path_(std::move(path)) {}

  Result<std::string> str(const char* key, bool required = false) const {
    if (!j_.contains(key) || j_[key].is_null()) {
      if (required) return fail(key, "is missing");
      return std::string();
    }
    if (!j_[key].is_string()) return fail(key, "must be a string");
    return j_[key].get<std::string>();
  }
  Result<std::optional<int64_t>> opt_int(const char* key) const {
    if (!j_.contains(key) || j_[key].is_null()) return std::optional<int64_t>();
    if (!j_[key].is_number_integer()) return fail(key, "must be a whole number");
    return std::optional<int64_t>(j_[key].get<int64_t>());
  }
  Result<std::optional<Date>> opt_date(const char* key) const {
    IJIK_ASSIGN_OR_RETURN(auto s, str(key));
    if (s.empty()) return std::optional<Date>();
    auto d = parse_date(s);
    if (!d.ok()) return wrap(key, d.error());
    return std::optional<Date>(*d);
  }
  Result<std::vector<std::string>> strings(const char* key) const {
    std::vector<std::string> out;
    if (!j_.contains(key) || j_[key].is_null()) return out;
    if (!j_[key].is_array()) return fail(key, "must be an array of strings");
    for (const auto& v : j_[key]) {
      if (!v.is_string()) return fail(key, "must be an array of strings");
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  Result<std::vector<int64_t>> ints(const char* key) const {
    std::vector<int64_t> out;
    if (!j_.contains(key) || j_[key].is_null()) return out;
    if (!j_[key].is_array()) return fail(key, "must be an array of ids");
    for (const auto& v : j_[key]) {
      if (!v.is_number_integer()) return fail(key, "must be an array of ids");
      out.push_back(v.get<int64_t>());
    }
    return out;
  }
  const ordered_json& at(const char* key) const { return j_[key]; }
  bool has_array(const char* key) const { return j_.contains(key) && j_[key].is_array(); }
  std::string path(const char* key) const { return path_ + "." + key; }
  // "… applications[0].applied is missing"
  Error fail(const char* key, std::string_view why) const {
    return bad_file(fmt::format("invalid ijik archive: {} {}", path(key), why));
  }
  // "… applications[0].applied: invalid date …"
  Error wrap(const char* key, const Error& e) const {
    return bad_file(fmt::format("invalid ijik archive: {}: {}", path(key), e.message));
  }

 private:
  const ordered_json& j_;
  std::string path_;
};

// Journal entries keep their ids and their links; they come in only into a
// workspace without entries, and linked ones only where the linked ids were kept.
Status import_journal(store::Database& db, const ordered_json& doc, bool ids_kept,
                      ImportSummary& sum) {
  if (!doc.contains("journal")) return {};
  const auto& journal = doc["journal"];
  if (!journal.is_object()) return bad_file("invalid ijik archive: journal must be an object");
  const char* entries = kJournalTables[0];
  if (!journal.contains(entries) || journal[entries].empty()) return {};
  if (!journal[entries].is_array())
    return bad_file("invalid ijik archive: journal.journal_entries must be an array");
  bool linked = false;
  for (const auto& row : journal[entries])
    for (const char* key : {"job_id", "application_id", "company_id"})
      linked = linked || (row.is_object() && row.contains(key) && !row[key].is_null());
  bool empty = true;
  for (const char* table : kJournalTables) {
    IJIK_ASSIGN_OR_RETURN(bool e, store::table_is_empty(db, table));
    empty = empty && e;
  }
  if (!empty || (linked && !ids_kept))
    return conflict(
        "the archive's journal entries can only be imported into a workspace without entries "
        "whose companies and applications keep the archive's ids: import it into a new "
        "workspace (ijik --db NEW.db import json FILE)");
  for (const char* table : kJournalTables)
    if (journal.contains(table))
      IJIK_RETURN_IF_ERROR(
          store::insert_table_rows(db, table, journal[table], std::string("journal.") + table));
  sum.journal_entries = static_cast<int>(journal[entries].size());
  return {};
}

}  // namespace

Result<std::string> export_json_archive(store::Database& db) {
  store::CompanyRepo companies(db);
  store::ApplicationRepo apps(db);
  store::ContactRepo contacts(db);
  store::ProcessRepo processes(db);
  IJIK_ASSIGN_OR_RETURN(auto all_companies, companies.list());
  IJIK_ASSIGN_OR_RETURN(auto all_apps, apps.list());
  IJIK_ASSIGN_OR_RETURN(auto all_contacts, contacts.list());
  IJIK_ASSIGN_OR_RETURN(auto all_templates, processes.list());

  ordered_json doc = {{"format", "ijik-export"}, {"version", kArchiveVersion}};
  ordered_json cs = ordered_json::array();
  for (const auto& c : all_companies)
    cs.push_back({{"id", c.id},
                  {"name", c.name},
                  {"brn", c.brn ? ordered_json(*c.brn) : ordered_json(nullptr)},
                  {"aliases", c.aliases},
                  {"url", c.url},
                  {"note", c.note},
                  {"created_at", c.created_at}});
  doc["companies"] = cs;
  ordered_json ts = ordered_json::array();
  for (const auto& t : all_templates)
    if (!t.builtin) ts.push_back({{"name", t.name}, {"stages", t.stages}});
  doc["processes"] = ts;
  ordered_json ks = ordered_json::array();
  for (const auto& c : all_contacts)
    ks.push_back({{"id", c.id},
                  {"name", c.name},
                  {"company", c.company},
                  {"email", c.email},
                  {"phone", c.phone},
                  {"note", c.note},
                  {"created_at", c.created_at}});
  doc["contacts"] = ks;
  ordered_json as = ordered_json::array();
  for (const auto& a : all_apps) {
    ordered_json stages = ordered_json::array();
    for (const auto& s : a.stages)
      stages.push_back({{"id", s.id},
                        {"name", s.name},
                        {"date", opt_date(s.date)},
                        {"time", s.time ? ordered_json(s.time->iso()) : ordered_json(nullptr)},
                        {"result", std::string(domain::to_string(s.result))},
                        {"note", s.note},
                        {"questions", s.questions},
                        {"uid", s.uid},
                        {"updated_at", s.updated_at}});
    as.push_back(
        {{"id", a.id},
         {"company_id", a.company_id},
         {"company", a.company},
         {"role", a.role},
         {"team", a.team},
         {"source", std::string(domain::to_string(a.source))},
         {"via", a.via},
         {"applied", a.applied.iso()},
         {"url", a.url},
         {"salary_min", opt_int(a.salary_min)},
         {"salary_max", opt_int(a.salary_max)},
         {"note", a.note},
         {"closure", a.closure == domain::Closure::kNone ? ordered_json(nullptr)
                                                         : ordered_json(closure_key(a.closure))},
         {"closed_on", opt_date(a.closed_on)},
         {"created_at", a.created_at},
         {"contacts", a.contact_ids},
         {"stages", stages}});
  }
  doc["applications"] = as;
  ordered_json career = ordered_json::object();
  for (const char* table : kCareerTables) {
    IJIK_ASSIGN_OR_RETURN(career[table], store::table_rows_json(db, table));
  }
  doc["career"] = career;
  ordered_json finance = ordered_json::object();
  for (const char* table : kFinanceTables) {
    IJIK_ASSIGN_OR_RETURN(finance[table], store::table_rows_json(db, table));
  }
  doc["finance"] = finance;
  ordered_json workforce = ordered_json::object();
  for (const char* table : kWorkforceTables) {
    IJIK_ASSIGN_OR_RETURN(workforce[table], store::table_rows_json(db, table));
  }
  doc["workforce"] = workforce;
  ordered_json journal = ordered_json::object();
  for (const char* table : kJournalTables) {
    IJIK_ASSIGN_OR_RETURN(journal[table], store::table_rows_json(db, table));
  }
  doc["journal"] = journal;
  return dump(doc);
}

Result<ImportSummary> import_json_archive(store::Database& db, const std::string& text) {
  ordered_json doc = ordered_json::parse(text, nullptr, false);
  if (doc.is_discarded())
    return bad_file("not a JSON document: expected an ijik archive made by 'ijik export json'");
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != "ijik-export")
    return bad_file(
        "not an ijik archive: expected a JSON object with \"format\": \"ijik-export\" (made by "
        "'ijik export json')");
  if (!doc.contains("version") || !doc["version"].is_number_integer() ||
      doc["version"].get<int>() > kArchiveVersion)
    return bad_file(fmt::format("unsupported ijik archive version: expected version {} or older",
                                kArchiveVersion));
  for (const char* key : {"companies", "processes", "contacts", "applications"})
    if (doc.contains(key) && !doc[key].is_array())
      return bad_file(fmt::format("invalid ijik archive: {} must be an array", key));

  ImportSummary sum;
  bool ids_kept = true;  // every company and application kept its archive id
  store::CompanyRepo companies(db);
  store::ApplicationRepo apps(db);
  store::ContactRepo contacts(db);
  store::ProcessRepo processes(db);

  CompanyIds company_ids;
  if (doc.contains("companies")) {
    size_t i = 0;
    for (const auto& cj : doc["companies"]) {
      Reader r(cj, fmt::format("companies[{}]", i++));
      if (!cj.is_object())
        return bad_file(fmt::format("invalid ijik archive: {} must be an object", r.path("")));
      domain::Company c;
      IJIK_ASSIGN_OR_RETURN(auto id, r.opt_int("id"));
      c.id = id.value_or(0);
      IJIK_ASSIGN_OR_RETURN(c.name, r.str("name", true));
      IJIK_ASSIGN_OR_RETURN(auto brn, r.str("brn"));
      if (!brn.empty()) {
        auto parsed = domain::parse_brn(brn);
        if (!parsed.ok()) return r.wrap("brn", parsed.error());
        c.brn = *parsed;
      }
      IJIK_ASSIGN_OR_RETURN(c.aliases, r.strings("aliases"));
      IJIK_ASSIGN_OR_RETURN(c.url, r.str("url"));
      IJIK_ASSIGN_OR_RETURN(c.note, r.str("note"));
      IJIK_ASSIGN_OR_RETURN(c.created_at, r.str("created_at"));
      const int64_t archive_id = c.id;
      IJIK_ASSIGN_OR_RETURN(auto existing, companies.find_by_name(c.name));
      if (existing) {
        company_ids[archive_id] = {existing->id, existing->name};
        ids_kept = ids_kept && existing->id == archive_id;
        ++sum.companies_merged;
        continue;
      }
      IJIK_RETURN_IF_ERROR(companies.add(c));
      company_ids[archive_id] = {c.id, c.name};
      ids_kept = ids_kept && c.id == archive_id;
      ++sum.companies_added;
    }
  }
  if (doc.contains("processes")) {
    size_t i = 0;
    for (const auto& tj : doc["processes"]) {
      Reader r(tj, fmt::format("processes[{}]", i++));
      domain::ProcessTemplate t;
      IJIK_ASSIGN_OR_RETURN(t.name, r.str("name", true));
      IJIK_ASSIGN_OR_RETURN(t.stages, r.strings("stages"));
      auto existing = processes.resolve(t.name);
      if (existing.ok()) {
        ++sum.templates_skipped;
        continue;
      }
      IJIK_RETURN_IF_ERROR(processes.add(t));
      ++sum.templates;
    }
  }
  std::map<int64_t, int64_t> contact_ids;
  if (doc.contains("contacts")) {
    size_t i = 0;
    for (const auto& kj : doc["contacts"]) {
      Reader r(kj, fmt::format("contacts[{}]", i++));
      domain::Contact c;
      IJIK_ASSIGN_OR_RETURN(auto id, r.opt_int("id"));
      c.id = id.value_or(0);
      IJIK_ASSIGN_OR_RETURN(c.name, r.str("name", true));
      IJIK_ASSIGN_OR_RETURN(c.company, r.str("company"));
      IJIK_ASSIGN_OR_RETURN(c.email, r.str("email"));
      IJIK_ASSIGN_OR_RETURN(c.phone, r.str("phone"));
      IJIK_ASSIGN_OR_RETURN(c.note, r.str("note"));
      IJIK_ASSIGN_OR_RETURN(c.created_at, r.str("created_at"));
      const int64_t archive_id = c.id;
      IJIK_RETURN_IF_ERROR(contacts.add(c));
      contact_ids[archive_id] = c.id;
      ++sum.contacts;
    }
  }
  if (doc.contains("applications")) {
    size_t i = 0;
    for (const auto& aj : doc["applications"]) {
      Reader r(aj, fmt::format("applications[{}]", i++));
      domain::Application a;
      IJIK_ASSIGN_OR_RETURN(auto id, r.opt_int("id"));
      a.id = id.value_or(0);
      const int64_t archive_app_id = a.id;
      IJIK_ASSIGN_OR_RETURN(auto cid, r.opt_int("company_id"));
      IJIK_ASSIGN_OR_RETURN(auto company_name, r.str("company"));
      if (cid && company_ids.count(*cid)) {
        a.company_id = company_ids[*cid].first;
      } else if (!company_name.empty()) {
        IJIK_ASSIGN_OR_RETURN(auto found, companies.find_or_add(company_name));
        a.company_id = found.company.id;
        if (found.added) ++sum.companies_added;
      } else {
        return r.fail("company_id", "does not name a company of the archive");
      }
      IJIK_ASSIGN_OR_RETURN(a.role, r.str("role", true));
      IJIK_ASSIGN_OR_RETURN(a.team, r.str("team"));
      IJIK_ASSIGN_OR_RETURN(auto source, r.str("source"));
      if (!source.empty()) {
        auto s = domain::parse_source(source);
        if (!s.ok()) return r.wrap("source", s.error());
        a.source = *s;
      }
      IJIK_ASSIGN_OR_RETURN(a.via, r.str("via"));
      IJIK_ASSIGN_OR_RETURN(auto applied, r.opt_date("applied"));
      if (!applied) return r.fail("applied", "is missing");
      a.applied = *applied;
      IJIK_ASSIGN_OR_RETURN(a.url, r.str("url"));
      IJIK_ASSIGN_OR_RETURN(a.salary_min, r.opt_int("salary_min"));
      IJIK_ASSIGN_OR_RETURN(a.salary_max, r.opt_int("salary_max"));
      IJIK_ASSIGN_OR_RETURN(a.note, r.str("note"));
      IJIK_ASSIGN_OR_RETURN(auto closure, r.str("closure"));
      if (closure == "withdrawn")
        a.closure = domain::Closure::kWithdrawn;
      else if (closure == "accepted")
        a.closure = domain::Closure::kAccepted;
      else if (!closure.empty())
        return r.fail("closure", "must be withdrawn, accepted or null");
      IJIK_ASSIGN_OR_RETURN(a.closed_on, r.opt_date("closed_on"));
      IJIK_ASSIGN_OR_RETURN(a.created_at, r.str("created_at"));
      IJIK_ASSIGN_OR_RETURN(auto linked, r.ints("contacts"));
      for (int64_t k : linked) {
        if (!contact_ids.count(k))
          return r.fail("contacts",
                        fmt::format("names contact {} which the archive does not have", k));
        a.contact_ids.push_back(contact_ids[k]);
      }
      if (r.has_array("stages")) {
        size_t k = 0;
        for (const auto& sj : r.at("stages")) {
          Reader sr(sj, fmt::format("applications[{}].stages[{}]", i - 1, k++));
          domain::Stage s;
          IJIK_ASSIGN_OR_RETURN(auto sid, sr.opt_int("id"));
          s.id = sid.value_or(0);
          IJIK_ASSIGN_OR_RETURN(s.name, sr.str("name", true));
          IJIK_ASSIGN_OR_RETURN(s.date, sr.opt_date("date"));
          IJIK_ASSIGN_OR_RETURN(auto time, sr.str("time"));
          if (!time.empty()) {
            auto t = parse_time(time);
            if (!t.ok()) return sr.wrap("time", t.error());
            s.time = *t;
          }
          IJIK_ASSIGN_OR_RETURN(auto result, sr.str("result"));
          if (!result.empty()) {
            auto res = domain::parse_stage_result(result);
            if (!res.ok()) return sr.wrap("result", res.error());
            s.result = *res;
          }
          IJIK_ASSIGN_OR_RETURN(s.note, sr.str("note"));
          IJIK_ASSIGN_OR_RETURN(s.questions, sr.strings("questions"));
          IJIK_ASSIGN_OR_RETURN(s.uid, sr.str("uid"));
          IJIK_ASSIGN_OR_RETURN(s.updated_at, sr.str("updated_at"));
          a.stages.push_back(std::move(s));
        }
      }
      IJIK_RETURN_IF_ERROR(apps.add(a));
      ids_kept = ids_kept && a.id == archive_app_id;
      ++sum.applications;
      sum.stages += static_cast<int>(a.stages.size());
    }
  }
  // Career records refer to companies and applications by id: they come in
  // only where those ids were kept and no career records exist yet.
  if (doc.contains("career")) {
    const auto& career = doc["career"];
    if (!career.is_object()) return bad_file("invalid ijik archive: career must be an object");
    bool any = false;
    for (const char* table : kCareerTables)
      any = any || (career.contains(table) && !career[table].empty());
    if (any) {
      bool empty = true;
      for (const char* table : kCareerTables) {
        IJIK_ASSIGN_OR_RETURN(bool e, store::table_is_empty(db, table));
        empty = empty && e;
      }
      if (!empty || !ids_kept)
        return conflict(
            "the archive's career records (jobs, offers, decisions) can only be imported into a "
            "workspace "
            "without them whose companies and applications keep the archive's ids: import it into "
            "a new workspace "
            "(ijik --db NEW.db import json FILE)");
      for (const char* table : kCareerTables)
        if (career.contains(table))
          IJIK_RETURN_IF_ERROR(
              store::insert_table_rows(db, table, career[table], std::string("career.") + table));
      sum.career_records = true;
    }
  }
  // Financial records, workplace links and the watch list come in when the
  // workspace has none yet; they follow their company to whatever id it has here.
  IJIK_ASSIGN_OR_RETURN(
      sum.finance_records,
      import_company_tables(db, doc, "finance", kFinanceTables,
                            "financial records (statements, funding, DART links)", company_ids));
  IJIK_ASSIGN_OR_RETURN(
      sum.workforce_records,
      import_company_tables(db, doc, "workforce", kWorkforceTables,
                            "workplace links, watch list and alerts", company_ids));
  IJIK_RETURN_IF_ERROR(import_journal(db, doc, ids_kept, sum));
  return sum;
}

}  // namespace ijik::exchange
