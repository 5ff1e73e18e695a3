// ijik company add | list | show | rm
#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/company_finance.h"
#include "cli/table.h"
#include "cli/workplace_view.h"
#include "domain/brn.h"
#include "exchange/json_view.h"
#include "search/link_suggestions.h"
#include "store/application_repo.h"
#include "store/career_repo.h"
#include "store/company_repo.h"
#include "store/finance_repo.h"
#include "store/nps_repo.h"
#include "text/korean.h"

namespace ijik::cli {
namespace {

struct AddArgs {
  std::string name, brn, url, note;
  std::vector<std::string> aliases;
};

Status company_add(Context& ctx, const AddArgs& a) {
  domain::Company c;
  c.name = a.name;
  if (c.name.find_first_not_of(" \t") == std::string::npos)
    return invalid_input("company name is empty: expected a name such as 네이버");
  if (!a.brn.empty()) {
    IJIK_ASSIGN_OR_RETURN(c.brn, domain::parse_brn(a.brn));
  }
  c.aliases = a.aliases;
  c.url = a.url;
  c.note = a.note;
  store::CompanyRepo repo(ctx.db);
  IJIK_RETURN_IF_ERROR(repo.add(c));
  if (ctx.options.json)
    ctx.out << exchange::dump(exchange::company_json(c));
  else
    ctx.out << fmt::format("Added company {}: {}\n", c.id, c.name);
  return {};
}

Status company_list(Context& ctx) {
  store::CompanyRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto companies, repo.list());
  if (ctx.options.json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& c : companies) arr.push_back(exchange::company_json(c));
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (companies.empty()) {
    ctx.out << "No companies yet. Add one with: ijik company add NAME\n";
    return {};
  }
  Table t({"ID", "회사", "사업자번호", "별칭", "지원"});
  t.align(0, Table::Align::kRight).align(4, Table::Align::kRight);
  for (const auto& c : companies) {
    IJIK_ASSIGN_OR_RETURN(int apps, repo.count_applications(c.id));
    std::string aliases;
    for (const auto& al : c.aliases) aliases += (aliases.empty() ? "" : ", ") + al;
    t.add({std::to_string(c.id), c.name, c.brn ? domain::format_brn(*c.brn) : "", aliases,
           std::to_string(apps)});
  }
  ctx.out << t.render(ctx.color);
  return {};
}

Status workplace_show(Context& ctx, const std::string& key) {
  store::NpsRepo nps(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto w, resolve_workplace(nps, key));
  IJIK_ASSIGN_OR_RETURN(auto series, nps.series(w.id));
  if (ctx.options.json)
    ctx.out << exchange::dump(workplace_json(w, series));
  else
    print_workplace(ctx.out, w, series, ctx.color);
  return {};
}

Status company_show(Context& ctx, const std::string& name) {
  store::CompanyRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto found, repo.find(name));
  if (!found) {
    // Not one of the user's companies: a public workplace, if there is one by that name or id.
    auto shown = workplace_show(ctx, name);
    if (shown.ok() || shown.error().code != ErrorCode::kNotFound) return shown;
    return repo.resolve(name).status();  // the user's-company message, with suggestions
  }
  domain::Company c = *found;
  store::NpsRepo nps(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto linked, nps.linked_workplace(c.id));
  std::optional<store::WorkplaceRecord> workplace;
  std::vector<domain::MonthlyPoint> series;
  if (linked) {
    IJIK_ASSIGN_OR_RETURN(workplace, nps.workplace(*linked));
    if (workplace) {
      IJIK_ASSIGN_OR_RETURN(series, nps.series(workplace->id));
    }
  }
  store::ApplicationRepo apps_repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto all, apps_repo.list());
  std::vector<domain::Application> apps;
  for (auto& a : all)
    if (a.company_id == c.id) apps.push_back(std::move(a));
  if (ctx.options.json) {
    auto j = exchange::company_json(c);
    j["applications"] = nlohmann::ordered_json::array();
    for (const auto& a : apps) j["applications"].push_back(exchange::application_json(a));
    j["workplace"] =
        workplace ? workplace_json(*workplace, series) : nlohmann::ordered_json(nullptr);
    IJIK_RETURN_IF_ERROR(add_company_finances_json(j, ctx.db, c));
    ctx.out << exchange::dump(j);
    return {};
  }
  ctx.out << bold(c.name, ctx.color) << "  (id " << c.id << ")\n";
  if (c.brn) ctx.out << "사업자번호  " << domain::format_brn(*c.brn) << "\n";
  if (!c.aliases.empty()) {
    std::string aliases;
    for (const auto& al : c.aliases) aliases += (aliases.empty() ? "" : ", ") + al;
    ctx.out << "별칭        " << aliases << "\n";
  }
  if (!c.url.empty()) ctx.out << "URL         " << c.url << "\n";
  if (!c.note.empty()) ctx.out << "메모        " << c.note << "\n";
  if (workplace) {
    ctx.out << "\n";
    print_workplace(ctx.out, *workplace, series, ctx.color);
  } else if (c.brn) {
    IJIK_ASSIGN_OR_RETURN(auto suggested,
                          search::workplaces_by_brn_and_name(ctx.db, c.brn->substr(0, 6),
                                                             text::normalize_company_name(c.name)));
    for (const auto& w : suggested)
      ctx.out << fmt::format(
          "\nPublic workplace {} ({}) has this business number and name: ijik company link '{}' "
          "{}\n",
          w.id, w.region, c.name, w.id);
  }
  IJIK_RETURN_IF_ERROR(print_company_finances(ctx.out, ctx.db, c, ctx.color));
  if (apps.empty()) {
    ctx.out << "\nNo applications to this company.\n";
    return {};
  }
  ctx.out << "\n";
  Table t({"ID", "직무", "지원일", "상태", "현재 단계"});
  t.align(0, Table::Align::kRight);
  for (const auto& a : apps) {
    const auto* cur = domain::current_stage(a);
    t.add({std::to_string(a.id), a.role, a.applied.iso(), status_label(domain::derive_status(a)),
           cur ? cur->name : ""});
  }
  ctx.out << t.render(ctx.color);
  return {};
}

Status company_rm(Context& ctx, const std::string& name, bool force) {
  store::CompanyRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto c, repo.resolve(name));
  store::CareerRepo career(ctx.db);
  IJIK_ASSIGN_OR_RETURN(int jobs, career.count_jobs(c.id));
  if (jobs > 0)
    return conflict(fmt::format(
        "company '{}' is in your career timeline ({} job(s)); it cannot be removed", c.name, jobs));
  IJIK_ASSIGN_OR_RETURN(int apps, repo.count_applications(c.id));
  if (apps > 0 && !force)
    return conflict(fmt::format(
        "company '{}' has {} application(s); remove them first or add --force to remove them too",
        c.name, apps));
  IJIK_RETURN_IF_ERROR(repo.remove(c.id));
  ctx.out << fmt::format("Removed company {}: {}{}\n", c.id, c.name,
                         apps ? fmt::format(" and its {} application(s)", apps) : "");
  return {};
}

// Ties the company to its DART company (stock code, corp code or name).
Status link_dart(Context& ctx, const domain::Company& c, const std::string& key) {
  store::FinanceRepo repo(ctx.db);
  auto d = resolve_dart_company(repo, key);
  if (!d.ok()) {
    if (d.error().code != ErrorCode::kNotFound) return d.error();
    IJIK_ASSIGN_OR_RETURN(auto suggested, suggest_dart_companies(ctx.db, c));
    if (suggested.empty()) return d.error();
    std::string list;
    for (const auto& s : suggested)
      list += fmt::format("{}{} {}", list.empty() ? "" : ", ",
                          s.stock_code.value_or(s.corp_code.value_or("")), s.name);
    return not_found(fmt::format("{}; suggested for {}: {}", d.error().message, c.name, list));
  }
  IJIK_RETURN_IF_ERROR(repo.link_dart(c.id, *d));
  ctx.out << fmt::format("Linked {} to DART company {} ({}{})\n", c.name,
                         d->stock_code.value_or(d->corp_code.value_or("-")), d->name,
                         d->market.empty() ? "" : ", " + d->market);
  return {};
}

Status company_link(Context& ctx, const std::string& company, const std::string& workplace_key,
                    const std::string& dart_key) {
  store::CompanyRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto c, repo.resolve(company));
  store::NpsRepo nps(ctx.db);
  if (!dart_key.empty()) {
    IJIK_RETURN_IF_ERROR(link_dart(ctx, c, dart_key));
    if (workplace_key.empty()) return {};
  }
  if (workplace_key.empty()) {
    // No workplace given: list the suggestions only.
    std::vector<store::WorkplaceRecord> suggested;
    if (c.brn) {
      IJIK_ASSIGN_OR_RETURN(
          suggested, search::workplaces_by_brn_and_name(ctx.db, c.brn->substr(0, 6),
                                                        text::normalize_company_name(c.name)));
    }
    if (suggested.empty()) {
      IJIK_ASSIGN_OR_RETURN(suggested, nps.find_by_name(c.name));
    }
    IJIK_ASSIGN_OR_RETURN(auto dart, suggest_dart_companies(ctx.db, c));
    if (ctx.options.json) {
      // The suggestions as data (the web app's link form); none is an empty list, not an error.
      auto workplaces = nlohmann::ordered_json::array();
      for (const auto& w : suggested)
        workplaces.push_back(
            {{"id", w.id}, {"name", w.name}, {"region", w.region}, {"industry", w.industry_name}});
      auto darts = nlohmann::ordered_json::array();
      for (const auto& d : dart)
        darts.push_back({{"code", d.stock_code.value_or(d.corp_code.value_or(d.name))},
                         {"stock_code", d.stock_code ? nlohmann::ordered_json(*d.stock_code)
                                                     : nlohmann::ordered_json(nullptr)},
                         {"corp_code", d.corp_code ? nlohmann::ordered_json(*d.corp_code)
                                                   : nlohmann::ordered_json(nullptr)},
                         {"name", d.name},
                         {"market", d.market},
                         {"industry", d.industry_name}});
      ctx.out << exchange::dump({{"company", c.name}, {"workplaces", workplaces}, {"dart", darts}});
      return {};
    }
    if (suggested.empty() && dart.empty())
      return not_found(
          fmt::format("no public workplace matches '{}': give one with 'ijik company link {} "
                      "WORKPLACE' (see 'ijik company search')",
                      c.name, c.name));
    for (const auto& w : suggested)
      ctx.out << fmt::format("{}  {}  {}  {}\n", w.id, w.name, w.region, w.industry_name);
    if (!suggested.empty())
      ctx.out << fmt::format("Link one with: ijik company link '{}' ID\n", c.name);
    for (const auto& d : dart)
      ctx.out << fmt::format("DART {}  {}  {}  {}\n",
                             d.stock_code.value_or(d.corp_code.value_or("-")), d.name, d.market,
                             d.industry_name);
    if (!dart.empty())
      ctx.out << fmt::format("Link one with: ijik company link '{}' --dart CODE\n", c.name);
    return {};
  }
  IJIK_ASSIGN_OR_RETURN(auto w, resolve_workplace(nps, workplace_key));
  IJIK_RETURN_IF_ERROR(nps.link_company(c.id, w.id));
  ctx.out << fmt::format("Linked {} to public workplace {} ({}, {})\n", c.name, w.id, w.name,
                         w.region);
  if (c.brn && c.brn->substr(0, 6) != w.brn6)
    ctx.err << fmt::format("ijik: note: the business numbers differ ({} vs {}…)\n",
                           c.brn->substr(0, 6), w.brn6);
  return {};
}

}  // namespace

void register_company_group(Registry& r) {
  auto* company = r.app().add_subcommand("company", "Companies you apply to");
  company->require_subcommand(1);
}

void register_company_commands(Registry& r) {
  auto* company = r.app().get_subcommand("company");

  auto add_args = std::make_shared<AddArgs>();
  auto* add = company->add_subcommand("add", "Add a company");
  add->add_option("name", add_args->name, "Company name")->required();
  add->add_option("--brn", add_args->brn,
                  "사업자등록번호, 123-45-67890 or 1234567890 (check digit verified)");
  add->add_option("--alias", add_args->aliases, "Another name it goes by (repeatable)");
  add->add_option("--url", add_args->url, "Homepage URL");
  add->add_option("--note", add_args->note, "Free-form note");
  examples(
      add,
      {"ijik company add 네이버 --brn 220-81-62517 --alias NAVER --url https://navercorp.com"});
  r.on(add, Access::kWrite, [add_args](Context& ctx) { return company_add(ctx, *add_args); });

  auto* list = company->add_subcommand("list", "List companies");
  examples(list, {"ijik company list", "ijik company list --json"});
  r.on(list, Access::kRead, [](Context& ctx) { return company_list(ctx); });

  auto show_name = std::make_shared<std::string>();
  auto* show = company->add_subcommand(
      "show", "Show a company and its applications, or a public workplace with its monthly series");
  show->add_option("name", *show_name,
                   "Your company (name, alias or id) or a public workplace (name or id)")
      ->required();
  examples(show, {"ijik company show 네이버", "ijik company show '(주)카카오' --json"});
  r.on(show, Access::kRead, [show_name](Context& ctx) { return company_show(ctx, *show_name); });

  auto workplace_id = std::make_shared<std::string>();
  auto* workplace = company->add_subcommand(
      "workplace", "Show a public workplace by its id (never one of your companies)");
  workplace->add_option("id", *workplace_id, "Public workplace id (see 'ijik company search')")
      ->required();
  examples(workplace, {"ijik company workplace 123456 --json"});
  r.on(workplace, Access::kRead, [workplace_id](Context& ctx) -> Status {
    if (workplace_id->empty() || workplace_id->find_first_not_of("0123456789") != std::string::npos)
      return invalid_input(fmt::format(
          "workplace id '{}' is not a number: expected an id from 'ijik company search'",
          *workplace_id));
    return workplace_show(ctx, *workplace_id);
  });

  auto link_company_name = std::make_shared<std::string>();
  auto link_workplace = std::make_shared<std::string>();
  auto link_dart_code = std::make_shared<std::string>();
  auto* link = company->add_subcommand(
      "link",
      "Tie one of your companies to its public workplace (without WORKPLACE: list suggestions)");
  link->add_option("company", *link_company_name, "Your company: name, alias or id")->required();
  link->add_option("workplace", *link_workplace, "Public workplace id or exact name");
  link->add_option("--dart", *link_dart_code,
                   "Its OpenDART company: stock code (035720), corp code (8 digits) or exact name");
  examples(link, {"ijik company link 네이버", "ijik company link 네이버 123456",
                  "ijik company link 네이버 --dart 035420"});
  r.on(link, Access::kWrite, [link_company_name, link_workplace, link_dart_code](Context& ctx) {
    return company_link(ctx, *link_company_name, *link_workplace, *link_dart_code);
  });

  auto rm_name = std::make_shared<std::string>();
  auto rm_force = std::make_shared<bool>(false);
  auto* rm = company->add_subcommand("rm", "Remove a company");
  rm->add_option("name", *rm_name, "Company name, alias or id")->required();
  rm->add_flag("--force", *rm_force, "Also remove the company's applications");
  examples(rm, {"ijik company rm 네이버", "ijik company rm 네이버 --force"});
  r.on(rm, Access::kWrite,
       [rm_name, rm_force](Context& ctx) { return company_rm(ctx, *rm_name, *rm_force); });
}

}  // namespace ijik::cli
