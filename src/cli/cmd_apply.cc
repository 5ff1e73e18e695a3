// ijik apply COMPANY --role TITLE …: record a new application.
#include <fmt/format.h>

#include "cli/commands.h"
#include "common/clock.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"
#include "store/company_repo.h"
#include "store/process_repo.h"

namespace ijik::cli {
namespace {

struct ApplyArgs {
  std::string company, role, team, source = "direct", via, date, process, url, note, salary;
};

Status apply(Context& ctx, const ApplyArgs& a) {
  domain::Application app;
  if (a.role.find_first_not_of(" \t") == std::string::npos)
    return invalid_input("--role is empty: expected a job title such as '백엔드 엔지니어'");
  app.role = a.role;
  app.team = a.team;
  IJIK_ASSIGN_OR_RETURN(app.source, domain::parse_source(a.source));
  app.via = a.via;
  if (a.date.empty()) {
    app.applied = today();
  } else {
    IJIK_ASSIGN_OR_RETURN(app.applied, parse_date(a.date));
  }
  app.url = a.url;
  app.note = a.note;
  if (!a.salary.empty()) {
    IJIK_ASSIGN_OR_RETURN(auto range, domain::parse_salary_range(a.salary));
    app.salary_min = range.first;
    app.salary_max = range.second;
  }
  if (!a.process.empty()) {
    store::ProcessRepo processes(ctx.db);
    IJIK_ASSIGN_OR_RETURN(auto tmpl, processes.resolve(a.process));
    for (const auto& name : tmpl.stages) {
      domain::Stage s;
      s.name = name;
      app.stages.push_back(std::move(s));
    }
  }

  if (a.company.find_first_not_of(" \t") == std::string::npos)
    return invalid_input("company name is empty: expected a name such as 네이버");
  store::CompanyRepo companies(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto found, companies.find_or_add(a.company));
  app.company_id = found.company.id;
  app.company = found.company.name;
  if (found.added)
    ctx.err << fmt::format("ijik: created company {}: {}\n", found.company.id, found.company.name);

  store::ApplicationRepo repo(ctx.db);
  IJIK_RETURN_IF_ERROR(repo.add(app));
  if (ctx.options.json) {
    IJIK_ASSIGN_OR_RETURN(auto stored, repo.get(app.id));
    ctx.out << exchange::dump(exchange::application_json(stored));
  } else {
    ctx.out << app.id << "\n";
  }
  return {};
}

}  // namespace

void register_apply_command(Registry& r) {
  auto args = std::make_shared<ApplyArgs>();
  auto* sub = r.app().add_subcommand(
      "apply", "Record an application (prints its id); a new company is created");
  sub->add_option("company", args->company, "Company name (created when new)")->required();
  sub->add_option("--role", args->role, "Job title")->required();
  sub->add_option("--team", args->team, "Team or department");
  sub->add_option("--source", args->source,
                  "direct, referral, headhunter, platform or cold-email (default direct)");
  sub->add_option("--via", args->via, "Who referred you, which headhunter or platform");
  sub->add_option("--date", args->date, "Date applied, YYYY-MM-DD (default today)");
  sub->add_option(
      "--process", args->process,
      "Hiring-process template: its stages are created as pending (see 'ijik process list')");
  sub->add_option("--url", args->url, "Job posting URL");
  sub->add_option("--salary", args->salary, "Salary range in KRW, e.g. 6000만-7500만 or 8000만");
  sub->add_option("--note", args->note, "Free-form note");
  examples(
      sub,
      {"ijik apply 네이버 --role '백엔드 엔지니어' --process 경력",
       "ijik apply 토스 --role 'ML Engineer' --source referral --via '김민수' --date 2026-03-02",
       "ijik apply 당근 --role 'Data Engineer' --source platform --via 원티드 --json"});
  r.on(sub, Access::kWrite, [args](Context& ctx) { return apply(ctx, *args); });
}

}  // namespace ijik::cli
