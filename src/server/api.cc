#include "server/api.h"

#include <fmt/format.h>

namespace ijik::server {
namespace {

using nlohmann::json;

// A body field as text: strings as they are, numbers printed; anything else refused.
Result<std::string> field(const ApiRequest& r, const char* name) {
  if (!r.body.is_object() || !r.body.contains(name) || r.body[name].is_null()) return std::string();
  const json& v = r.body[name];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number()) return fmt::format("{}", v.get<double>());
  if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
  return invalid_input(fmt::format("field '{}' must be a string or a number", name));
}

// A body field holding a list of strings (a single string is a list of one).
Result<std::vector<std::string>> list_field(const ApiRequest& r, const char* name) {
  std::vector<std::string> out;
  if (!r.body.is_object() || !r.body.contains(name) || r.body[name].is_null()) return out;
  const json& v = r.body[name];
  if (v.is_string() || v.is_number()) {
    IJIK_ASSIGN_OR_RETURN(auto one, field(r, name));
    out.push_back(one);
    return out;
  }
  if (!v.is_array())
    return invalid_input(fmt::format("field '{}' must be a list of strings", name));
  for (const auto& e : v) {
    if (e.is_string())
      out.push_back(e.get<std::string>());
    else if (e.is_number_integer())
      out.push_back(std::to_string(e.get<int64_t>()));
    else
      return invalid_input(fmt::format("field '{}' must be a list of strings", name));
  }
  return out;
}

std::string param(const ApiRequest& r, const char* name) {
  auto it = r.query.find(name);
  return it == r.query.end() ? "" : it->second;
}

// Options are passed as --flag=value, so a value starting with '-' is never
// read as a flag; positionals follow "--" for the same reason.
void flag(Args& a, const char* name, const std::string& value) {
  if (!value.empty()) a.push_back(fmt::format("{}={}", name, value));
}
// A value that may be empty (an empty one clears): CLI11 would read "--note="
// as a flag still waiting for its value, so an empty value is its own argument.
void flag_or_clear(Args& a, const std::string& name, const std::string& value) {
  if (value.empty()) {
    a.push_back(name);
    a.push_back("");
  } else {
    a.push_back(fmt::format("{}={}", name, value));
  }
}
void positionals(Args& a, std::initializer_list<std::string> values) {
  a.push_back("--");
  for (const auto& v : values) a.push_back(v);
}

Status required(const std::string& value, const char* name, const char* example) {
  if (value.find_first_not_of(" \t") == std::string::npos)
    return invalid_input(fmt::format("field '{}' is required: expected e.g. {}", name, example));
  return {};
}

Result<Call> session(const ApiRequest&) {
  return Call{};  // answered by the server itself
}

Result<Call> board(const ApiRequest&) {
  return Call{{"board"}, {}};
}

Result<Call> app_list(const ApiRequest& r) {
  Args a{"app", "list"};
  flag(a, "--status", param(r, "status"));
  return Call{a, {}};
}

Result<Call> app_show(const ApiRequest& r) {
  return Call{{"app", "show", "--", r.captures[0]}, {}};
}

Result<Call> app_add(const ApiRequest& r) {
  Args a{"apply"};
  IJIK_ASSIGN_OR_RETURN(auto company, field(r, "company"));
  IJIK_ASSIGN_OR_RETURN(auto role, field(r, "role"));
  IJIK_RETURN_IF_ERROR(required(company, "company", "네이버"));
  IJIK_RETURN_IF_ERROR(required(role, "role", "백엔드 엔지니어"));
  flag(a, "--role", role);
  for (const char* f : {"team", "source", "via", "date", "process", "url", "salary", "note"}) {
    IJIK_ASSIGN_OR_RETURN(auto v, field(r, f));
    flag(a, fmt::format("--{}", f).c_str(), v);
  }
  positionals(a, {company});
  return Call{a, {}};  // apply --json answers with the stored application
}

// PATCH: every field present is passed, an empty one too (it clears).
Result<Call> app_edit(const ApiRequest& r) {
  Args a{"app", "edit"};
  for (const char* f : {"role", "team", "source", "via", "date", "url", "salary", "note"}) {
    if (!r.body.is_object() || !r.body.contains(f) || r.body[f].is_null()) continue;
    IJIK_ASSIGN_OR_RETURN(auto v, field(r, f));
    flag_or_clear(a, fmt::format("--{}", f), v);
  }
  positionals(a, {r.captures[0]});
  return Call{a, {}};  // app edit --json answers with the application
}

Result<Call> app_remove(const ApiRequest& r) {
  return Call{{"app", "rm", "--", r.captures[0]}, {}};
}

Result<Call> app_withdraw(const ApiRequest& r) {
  return Call{{"app", "withdraw", "--", r.captures[0]}, {"app", "show", "--", r.captures[0]}};
}

Result<Call> app_accept(const ApiRequest& r) {
  Args a{"app", "accept"};
  for (const char* f : {"start", "title", "team", "type", "left", "reason"}) {
    IJIK_ASSIGN_OR_RETURN(auto v, field(r, f));
    flag(a, fmt::format("--{}", f).c_str(), v);
  }
  positionals(a, {r.captures[0]});
  return Call{a, {"app", "show", "--", r.captures[0]}};
}

Result<Call> stage_put(const ApiRequest& r) {
  Args a{"stage"};
  IJIK_ASSIGN_OR_RETURN(auto name, field(r, "name"));
  IJIK_RETURN_IF_ERROR(required(name, "name", "'1차 면접'"));
  IJIK_ASSIGN_OR_RETURN(auto on, field(r, "on"));
  IJIK_ASSIGN_OR_RETURN(auto result, field(r, "result"));
  flag(a, "--on", on);
  flag(a, "--result", result);
  // An empty note clears it; an absent one leaves it.
  if (r.body.is_object() && r.body.contains("note") && !r.body["note"].is_null()) {
    IJIK_ASSIGN_OR_RETURN(auto note, field(r, "note"));
    flag_or_clear(a, "--note", note);
  }
  IJIK_ASSIGN_OR_RETURN(auto qs, list_field(r, "questions"));
  for (const auto& q : qs) flag(a, "--question", q);
  positionals(a, {r.captures[0], name});
  return Call{a, {}};  // stage --json answers with the application
}

Result<Call> process_list(const ApiRequest&) {
  return Call{{"process", "list"}, {}};
}

Result<Call> process_add(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto name, field(r, "name"));
  IJIK_RETURN_IF_ERROR(required(name, "name", "외국계"));
  IJIK_ASSIGN_OR_RETURN(auto stages, list_field(r, "stages"));
  Args a{"process", "add", "--", name};
  for (auto& s : stages) a.push_back(s);
  return Call{a, {"process", "list"}};
}

Result<Call> contact_list(const ApiRequest&) {
  return Call{{"contact", "list"}, {}};
}

Result<Call> contact_add(const ApiRequest& r) {
  Args a{"contact", "add"};
  IJIK_ASSIGN_OR_RETURN(auto name, field(r, "name"));
  IJIK_RETURN_IF_ERROR(required(name, "name", "이수진"));
  for (const char* f : {"company", "email", "phone", "note"}) {
    IJIK_ASSIGN_OR_RETURN(auto v, field(r, f));
    flag(a, fmt::format("--{}", f).c_str(), v);
  }
  IJIK_ASSIGN_OR_RETURN(auto apps, list_field(r, "apps"));
  for (const auto& id : apps) flag(a, "--app", id);
  positionals(a, {name});
  return Call{a, {}};  // contact add --json answers with the contact
}

Result<Call> agenda(const ApiRequest& r) {
  Args a{"agenda"};
  flag(a, "--days", param(r, "days"));
  return Call{a, {}};
}

Result<Call> agenda_ics(const ApiRequest&) {
  return Call{{"export", "--", "ics"}, {}};
}

Result<Call> funnel(const ApiRequest& r) {
  Args a{"funnel"};
  flag(a, "--since", param(r, "since"));
  flag(a, "--by", param(r, "by"));
  return Call{a, {}};
}

Result<Call> company_list(const ApiRequest&) {
  return Call{{"company", "list"}, {}};
}

Result<Call> company_search(const ApiRequest& r) {
  Args a{"company", "search"};
  flag(a, "--limit", param(r, "limit"));
  positionals(a, {param(r, "q")});
  return Call{a, {}};
}

Result<Call> company_report(const ApiRequest& r) {
  const std::string name = param(r, "name");
  IJIK_RETURN_IF_ERROR(required(name, "name", "네이버 or a workplace id"));
  return Call{{"company", "show", "--", name}, {}};
}

Result<Call> workplace_report(const ApiRequest& r) {
  return Call{{"company", "workplace", "--", r.captures[0]}, {}};
}

Result<Call> screen(const ApiRequest& r) {
  Args a{"screen"};
  for (auto [q, f] : {std::pair{"region", "--region"},
                      {"industry", "--industry"},
                      {"min_headcount", "--min-headcount"},
                      {"max_headcount", "--max-headcount"},
                      {"growth_12m", "--growth-12m"},
                      {"attrition", "--attrition"},
                      {"pay", "--pay"},
                      {"status", "--status"},
                      {"sort", "--sort"},
                      {"limit", "--limit"}})
    flag(a, f, param(r, q));
  return Call{a, {}};
}

Result<Call> data_status(const ApiRequest&) {
  return Call{{"data", "status"}, {}};
}

// --- Vetting, the watch list and alerts (docs/vetting.md) ---

Result<Call> vet_company(const ApiRequest& r) {
  const std::string name = param(r, "name");
  IJIK_RETURN_IF_ERROR(required(name, "name", "네이버 or a company id"));
  return Call{{"vet", "--", name}, {}};
}

Result<Call> vet_workplace(const ApiRequest& r) {
  return Call{{"vet", "--workplace", "--", r.captures[0]}, {}};
}

Result<Call> watch_list(const ApiRequest&) {
  return Call{{"watch", "list"}, {}};
}

// Body: `company` (your company's name, alias or id) or `workplace` (a public workplace id).
Result<Call> watch_add(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto company, field(r, "company"));
  IJIK_ASSIGN_OR_RETURN(auto workplace, field(r, "workplace"));
  IJIK_ASSIGN_OR_RETURN(auto current, field(r, "current"));
  if (company.empty() == workplace.empty())
    return invalid_input(
        "give exactly one of 'company' (e.g. 네이버) or 'workplace' (a public workplace id)");
  Args a{"watch", "add"};
  a.push_back(workplace.empty() ? "--company" : "--workplace");
  if (current == "true" || current == "1") a.push_back("--current");
  positionals(a, {workplace.empty() ? company : workplace});
  return Call{a, {"watch", "list"}};
}

Result<Call> watch_remove(const ApiRequest& r) {
  Args a{"watch", "rm", r.captures[0] == "workplace" ? "--workplace" : "--company"};
  positionals(a, {r.captures[1]});
  return Call{a, {"watch", "list"}};
}

Result<Call> alerts(const ApiRequest& r) {
  Args a{"alerts"};
  flag(a, "--since", param(r, "since"));
  if (param(r, "all") == "1" || param(r, "all") == "true") a.push_back("--all");
  return Call{a, {}};
}

// --- Linking a company to public data; jobs; editing contacts (pages other than the tracker) ---

Result<Call> company_link_suggestions(const ApiRequest& r) {
  const std::string company = param(r, "company");
  IJIK_RETURN_IF_ERROR(required(company, "company", "네이버"));
  return Call{{"company", "link", "--", company}, {}};
}

Result<Call> company_link(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto company, field(r, "company"));
  IJIK_ASSIGN_OR_RETURN(auto workplace, field(r, "workplace"));
  IJIK_ASSIGN_OR_RETURN(auto dart, field(r, "dart"));
  IJIK_RETURN_IF_ERROR(required(company, "company", "네이버"));
  if (workplace.empty() && dart.empty())
    return invalid_input(
        "give 'workplace' (a public workplace id or exact name) or 'dart' (a stock code such as "
        "035420), or both");
  Args a{"company", "link"};
  flag(a, "--dart", dart);
  a.push_back("--");
  a.push_back(company);
  if (!workplace.empty()) a.push_back(workplace);
  return Call{a, {"company", "show", "--", company}};
}

Result<Call> job_add(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto company, field(r, "company"));
  IJIK_ASSIGN_OR_RETURN(auto title, field(r, "title"));
  IJIK_ASSIGN_OR_RETURN(auto from, field(r, "from"));
  IJIK_RETURN_IF_ERROR(required(company, "company", "야놀자"));
  IJIK_RETURN_IF_ERROR(required(title, "title", "백엔드 엔지니어"));
  IJIK_RETURN_IF_ERROR(required(from, "from", "2023-01-02"));
  Args a{"job", "add"};
  flag(a, "--title", title);
  flag(a, "--from", from);
  for (const char* f : {"to", "type", "team", "reason", "pay"}) {
    IJIK_ASSIGN_OR_RETURN(auto v, field(r, f));
    flag(a, fmt::format("--{}", f).c_str(), v);
  }
  positionals(a, {company});
  return Call{a, {"timeline"}};
}

Result<Call> job_end(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto on, field(r, "on"));
  IJIK_ASSIGN_OR_RETURN(auto reason, field(r, "reason"));
  IJIK_RETURN_IF_ERROR(required(on, "on", "2026-02-28"));
  Args a{"job", "end"};
  flag(a, "--on", on);
  flag(a, "--reason", reason);
  positionals(a, {r.captures[0]});
  return Call{a, {"timeline"}};
}

// PATCH: every field present is passed, an empty one too (it clears).
Result<Call> contact_edit(const ApiRequest& r) {
  Args a{"contact", "edit"};
  for (const char* f : {"name", "company", "email", "phone", "note"}) {
    if (!r.body.is_object() || !r.body.contains(f) || r.body[f].is_null()) continue;
    IJIK_ASSIGN_OR_RETURN(auto v, field(r, f));
    flag_or_clear(a, fmt::format("--{}", f), v);
  }
  positionals(a, {r.captures[0]});
  return Call{a, {}};  // contact edit --json answers with the contact
}

Result<Call> contact_remove(const ApiRequest& r) {
  return Call{{"contact", "rm", "--", r.captures[0]}, {}};
}

Result<Call> timeline(const ApiRequest&) {
  return Call{{"timeline"}, {}};
}

// --- Journal (docs/api.md, "Journal"): entries, search, export, and the
// import of a retrospective with its confirmation step.

Result<Call> journal_list(const ApiRequest& r) {
  Args a{"journal", "list"};
  flag(a, "--tag", param(r, "tag"));
  return Call{a, {}};
}

Result<Call> journal_show(const ApiRequest& r) {
  return Call{{"journal", "show", "--", r.captures[0]}, {}};
}

Result<Call> journal_new(const ApiRequest& r) {
  Args a{"journal", "new"};
  IJIK_ASSIGN_OR_RETURN(auto text, field(r, "text"));
  IJIK_RETURN_IF_ERROR(required(text, "text", "'# 첫 이직 회고'"));
  for (const char* f : {"date", "title", "company"}) {
    IJIK_ASSIGN_OR_RETURN(auto v, field(r, f));
    flag(a, fmt::format("--{}", f).c_str(), v);
  }
  IJIK_ASSIGN_OR_RETURN(auto tags, list_field(r, "tags"));
  for (const auto& t : tags) flag(a, "--tag", t);
  flag_or_clear(a, "--text", text);
  return Call{a, {}};  // journal new --json answers with the entry
}

Result<Call> journal_edit(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto text, field(r, "text"));
  IJIK_RETURN_IF_ERROR(required(text, "text", "'수습 통과!'"));
  Args a{"journal", "edit"};
  flag_or_clear(a, "--text", text);
  positionals(a, {r.captures[0]});
  return Call{a, {}};  // journal edit --json answers with the entry
}

Result<Call> journal_remove(const ApiRequest& r) {
  return Call{{"journal", "rm", "--", r.captures[0]}, {}};
}

Result<Call> journal_search(const ApiRequest& r) {
  return Call{{"journal", "search", "--", param(r, "q")}, {}};
}

Result<Call> journal_export(const ApiRequest& r) {
  Args a{"journal", "export"};
  flag(a, "--from", param(r, "from"));
  flag(a, "--to", param(r, "to"));
  return Call{a, {}};
}

// Stores the pasted text as an entry and proposes its events; writes nothing
// to the timeline (that is POST /api/journal/N/apply).
Result<Call> journal_import(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto text, field(r, "text"));
  IJIK_RETURN_IF_ERROR(required(text, "text", "a pasted retrospective"));
  IJIK_ASSIGN_OR_RETURN(auto date, field(r, "date"));
  Args a{"journal", "import"};
  flag(a, "--date", date);
  flag_or_clear(a, "--text", text);
  return Call{a, {}};
}

Result<Call> journal_events(const ApiRequest& r) {
  return Call{{"journal", "import", "--entry=" + r.captures[0]}, {}};
}

// Applies exactly the events the user ticked (numbers from 1, as listed).
Result<Call> journal_apply(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto events, list_field(r, "events"));
  if (events.empty())
    return invalid_input(
        "field 'events' is required: the numbers of the events to apply, e.g. [1, 3]");
  std::string list;
  for (const auto& e : events) list += (list.empty() ? "" : ",") + e;
  return Call{{"journal", "import", "--entry=" + r.captures[0], "--apply", "--events=" + list}, {}};
}

Result<Call> offer_list(const ApiRequest&) {
  return Call{{"offer", "list"}, {}};
}

Result<Call> offer_compare(const ApiRequest& r) {
  Args a{"offer", "compare", "--"};
  std::string apps = param(r, "apps");
  size_t pos = 0;
  while (pos <= apps.size() && !apps.empty()) {
    size_t comma = apps.find(',', pos);
    if (comma == std::string::npos) comma = apps.size();
    if (comma > pos) a.push_back(apps.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return Call{a, {}};
}

Result<Call> offer_add(const ApiRequest& r) {
  Args a{"offer", "add"};
  IJIK_ASSIGN_OR_RETURN(auto app, field(r, "app"));
  IJIK_ASSIGN_OR_RETURN(auto base, field(r, "base"));
  IJIK_RETURN_IF_ERROR(required(app, "app", "3"));
  IJIK_RETURN_IF_ERROR(required(base, "base", "7000만"));
  flag(a, "--base", base);
  for (auto [f, opt] : {std::pair{"signing", "--signing"},
                        {"bonus", "--bonus"},
                        {"stock", "--stock"},
                        {"start", "--start"},
                        {"probation_months", "--probation-months"},
                        {"probation_pay", "--probation-pay"},
                        {"deadline", "--deadline"},
                        {"location", "--location"},
                        {"remote_days", "--remote-days"},
                        {"note", "--note"}}) {
    IJIK_ASSIGN_OR_RETURN(auto v, field(r, f));
    flag(a, opt, v);
  }
  IJIK_ASSIGN_OR_RETURN(auto benefits, list_field(r, "benefits"));
  for (const auto& b : benefits) flag(a, "--benefit", b);
  positionals(a, {app});
  return Call{a, {"offer", "list"}};
}

Result<Call> decision_list(const ApiRequest&) {
  return Call{{"decide", "list"}, {}};
}

Result<Call> decision_new(const ApiRequest& r) {
  Args a{"decide", "new"};
  IJIK_ASSIGN_OR_RETURN(auto title, field(r, "title"));
  IJIK_RETURN_IF_ERROR(required(title, "title", "'2026 이직'"));
  IJIK_ASSIGN_OR_RETURN(auto options, list_field(r, "options"));
  for (const auto& o : options) flag(a, "--option", o);
  positionals(a, {title});
  return Call{a, {"decide", "list"}};
}

Result<Call> decision_show(const ApiRequest& r) {
  return Call{{"decide", "show", "--", r.captures[0]}, {}};
}

Result<Call> decision_criteria(const ApiRequest& r) {
  Args a{"decide", "criteria"};
  if (r.body.contains("set")) {
    const json& set = r.body["set"];
    if (!set.is_object())
      return invalid_input(
          "field 'set' must be an object of criterion → weight, e.g. {\"보상\": 30}");
    for (const auto& [name, w] : set.items()) {
      if (!w.is_number())
        return invalid_input(fmt::format("weight of '{}' must be a number, e.g. 30", name));
      a.push_back(fmt::format("--set={}={}", name, w.get<double>()));
    }
  }
  IJIK_ASSIGN_OR_RETURN(auto rms, list_field(r, "rm"));
  for (const auto& n : rms) flag(a, "--rm", n);
  positionals(a, {r.captures[0]});
  return Call{a, {"decide", "show", "--", r.captures[0]}};
}

Result<Call> decision_score(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto option, field(r, "option"));
  IJIK_ASSIGN_OR_RETURN(auto criterion, field(r, "criterion"));
  IJIK_ASSIGN_OR_RETURN(auto score, field(r, "score"));
  IJIK_RETURN_IF_ERROR(required(option, "option", "토스"));
  IJIK_RETURN_IF_ERROR(required(criterion, "criterion", "보상"));
  IJIK_RETURN_IF_ERROR(required(score, "score", "8"));
  return Call{{"decide", "score", "--", r.captures[0], option, criterion, score},
              {"decide", "show", "--", r.captures[0]}};
}

Result<Call> decision_note(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto kind, field(r, "kind"));
  if (kind != "pro" && kind != "con")
    return invalid_input(fmt::format("field 'kind' is '{}': expected pro or con", kind));
  IJIK_ASSIGN_OR_RETURN(auto option, field(r, "option"));
  IJIK_ASSIGN_OR_RETURN(auto text, field(r, "text"));
  IJIK_RETURN_IF_ERROR(required(option, "option", "토스"));
  IJIK_RETURN_IF_ERROR(required(text, "text", "'실서비스 경험'"));
  return Call{{"decide", kind, "--", r.captures[0], option, text},
              {"decide", "show", "--", r.captures[0]}};
}

Result<Call> decision_likelihood(const ApiRequest& r) {
  IJIK_ASSIGN_OR_RETURN(auto option, field(r, "option"));
  IJIK_ASSIGN_OR_RETURN(auto pct, field(r, "pct"));
  IJIK_RETURN_IF_ERROR(required(option, "option", "토스"));
  IJIK_RETURN_IF_ERROR(required(pct, "pct", "70"));
  return Call{{"decide", "likelihood", "--", r.captures[0], option, pct},
              {"decide", "show", "--", r.captures[0]}};
}

Result<Call> decision_close(const ApiRequest& r) {
  Args a{"decide", "close"};
  IJIK_ASSIGN_OR_RETURN(auto chose, field(r, "chose"));
  IJIK_RETURN_IF_ERROR(required(chose, "chose", "토스"));
  IJIK_ASSIGN_OR_RETURN(auto note, field(r, "note"));
  flag(a, "--chose", chose);
  flag(a, "--note", note);
  positionals(a, {r.captures[0]});
  return Call{a, {"decide", "show", "--", r.captures[0]}};
}

constexpr const char* kJson = "application/json";

}  // namespace

const std::vector<Endpoint>& endpoints() {
  static const std::vector<Endpoint> all = {
      {"GET", "/api/session", 200, kJson, nullptr, session},
      {"GET", "/api/board", 200, kJson, nullptr, board},
      {"GET", "/api/applications", 200, kJson, nullptr, app_list},
      {"POST", "/api/applications", 201, kJson, nullptr, app_add},
      {"GET", R"(/api/applications/(\d+))", 200, kJson, nullptr, app_show},
      {"PATCH", R"(/api/applications/(\d+))", 200, kJson, nullptr, app_edit},
      {"DELETE", R"(/api/applications/(\d+))", 200, kJson, nullptr, app_remove},
      {"POST", R"(/api/applications/(\d+)/stages)", 200, kJson, nullptr, stage_put},
      {"POST", R"(/api/applications/(\d+)/withdraw)", 200, kJson, nullptr, app_withdraw},
      {"POST", R"(/api/applications/(\d+)/accept)", 200, kJson, nullptr, app_accept},
      {"GET", "/api/processes", 200, kJson, nullptr, process_list},
      {"POST", "/api/processes", 201, kJson, nullptr, process_add},
      {"GET", "/api/contacts", 200, kJson, nullptr, contact_list},
      {"POST", "/api/contacts", 201, kJson, nullptr, contact_add},
      {"GET", "/api/agenda", 200, kJson, nullptr, agenda},
      {"GET", "/api/agenda.ics", 200, "text/calendar; charset=utf-8", "ijik-agenda.ics",
       agenda_ics},
      {"GET", "/api/funnel", 200, kJson, nullptr, funnel},
      {"GET", "/api/companies", 200, kJson, nullptr, company_list},
      {"GET", "/api/companies/search", 200, kJson, nullptr, company_search},
      {"GET", "/api/companies/report", 200, kJson, nullptr, company_report},
      {"GET", R"(/api/workplaces/(\d+))", 200, kJson, nullptr, workplace_report},
      {"GET", "/api/companies/link", 200, kJson, nullptr, company_link_suggestions},
      {"POST", "/api/companies/link", 200, kJson, nullptr, company_link},
      {"POST", "/api/jobs", 201, kJson, nullptr, job_add},
      {"POST", R"(/api/jobs/(\d+)/end)", 200, kJson, nullptr, job_end},
      {"PATCH", R"(/api/contacts/(\d+))", 200, kJson, nullptr, contact_edit},
      {"DELETE", R"(/api/contacts/(\d+))", 200, kJson, nullptr, contact_remove},
      {"GET", "/api/companies/vet", 200, kJson, nullptr, vet_company},
      {"GET", R"(/api/workplaces/(\d+)/vet)", 200, kJson, nullptr, vet_workplace},
      {"GET", "/api/watches", 200, kJson, nullptr, watch_list},
      {"POST", "/api/watches", 201, kJson, nullptr, watch_add},
      {"DELETE", R"(/api/watches/(company|workplace)/(\d+))", 200, kJson, nullptr, watch_remove},
      {"GET", "/api/alerts", 200, kJson, nullptr, alerts},
      {"GET", "/api/screen", 200, kJson, nullptr, screen},
      {"GET", "/api/data/status", 200, kJson, nullptr, data_status},
      {"GET", "/api/timeline", 200, kJson, nullptr, timeline},
      {"GET", "/api/journal", 200, kJson, nullptr, journal_list},
      {"POST", "/api/journal", 201, kJson, nullptr, journal_new},
      {"GET", "/api/journal/search", 200, kJson, nullptr, journal_search},
      {"GET", "/api/journal/export", 200, "text/markdown; charset=utf-8", "ijik-retrospective.md",
       journal_export},
      {"POST", "/api/journal/import", 201, kJson, nullptr, journal_import},
      {"GET", R"(/api/journal/(\d+))", 200, kJson, nullptr, journal_show},
      {"PUT", R"(/api/journal/(\d+))", 200, kJson, nullptr, journal_edit},
      {"DELETE", R"(/api/journal/(\d+))", 200, kJson, nullptr, journal_remove},
      {"GET", R"(/api/journal/(\d+)/events)", 200, kJson, nullptr, journal_events},
      {"POST", R"(/api/journal/(\d+)/apply)", 200, kJson, nullptr, journal_apply},
      {"GET", "/api/offers", 200, kJson, nullptr, offer_list},
      {"POST", "/api/offers", 201, kJson, nullptr, offer_add},
      {"GET", "/api/offers/compare", 200, kJson, nullptr, offer_compare},
      {"GET", "/api/decisions", 200, kJson, nullptr, decision_list},
      {"POST", "/api/decisions", 201, kJson, nullptr, decision_new},
      {"GET", R"(/api/decisions/(\d+))", 200, kJson, nullptr, decision_show},
      {"PUT", R"(/api/decisions/(\d+)/criteria)", 200, kJson, nullptr, decision_criteria},
      {"PUT", R"(/api/decisions/(\d+)/scores)", 200, kJson, nullptr, decision_score},
      {"POST", R"(/api/decisions/(\d+)/notes)", 200, kJson, nullptr, decision_note},
      {"PUT", R"(/api/decisions/(\d+)/likelihood)", 200, kJson, nullptr, decision_likelihood},
      {"POST", R"(/api/decisions/(\d+)/close)", 200, kJson, nullptr, decision_close},
  };
  return all;
}

int http_status_for_exit(int code) {
  switch (code) {
    case 0:
      return 200;
    case 2:
    case 3:
    case 6:
      return 400;
    case 4:
      return 404;
    case 5:
      return 409;
    case 7:
      return 503;
    default:
      return 500;
  }
}

const char* error_kind_for_status(int status) {
  switch (status) {
    case 400:
      return "invalid_input";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 409:
      return "conflict";
    case 411:
      return "length_required";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 503:
      return "workspace_unavailable";
    case 507:
      return "insufficient_storage";
    default:
      return status >= 500 ? "internal" : "error";
  }
}

}  // namespace ijik::server
