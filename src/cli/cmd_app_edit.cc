// ijik app edit ID [--role T] [--team T] [--source S] [--via W] [--date D] [--url U]
// [--salary RANGE] [--note TEXT]: change what was recorded when applying.
#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"

namespace ijik::cli {
namespace {

struct EditArgs {
  std::string id, role, team, source, via, date, url, salary, note;
};

Status app_edit(Context& ctx, const EditArgs& a, const std::function<bool(const char*)>& given) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_app_id(a.id));
  store::ApplicationRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto app, repo.get(id));
  int changed = 0;
  if (given("--role")) {
    if (a.role.find_first_not_of(" \t") == std::string::npos)
      return invalid_input("--role is empty: expected a job title such as '백엔드 엔지니어'");
    app.role = a.role, ++changed;
  }
  if (given("--team")) app.team = a.team, ++changed;
  if (given("--source")) {
    IJIK_ASSIGN_OR_RETURN(app.source, domain::parse_source(a.source));
    ++changed;
  }
  if (given("--via")) app.via = a.via, ++changed;
  if (given("--date")) {
    IJIK_ASSIGN_OR_RETURN(app.applied, parse_date(a.date));
    ++changed;
  }
  if (given("--url")) app.url = a.url, ++changed;
  if (given("--salary")) {
    if (a.salary.empty()) {
      app.salary_min.reset();
      app.salary_max.reset();
    } else {
      IJIK_ASSIGN_OR_RETURN(auto range, domain::parse_salary_range(a.salary));
      app.salary_min = range.first;
      app.salary_max = range.second;
    }
    ++changed;
  }
  if (given("--note")) app.note = a.note, ++changed;
  if (changed == 0)
    return invalid_input(
        "nothing to change: expected at least one of --role, --team, --source, --via, --date, "
        "--url, --salary, --note");
  IJIK_RETURN_IF_ERROR(repo.update_details(app));
  IJIK_ASSIGN_OR_RETURN(auto after, repo.get(id));
  if (ctx.options.json) {
    ctx.out << exchange::dump(exchange::application_json(after));
    return {};
  }
  ctx.out << fmt::format("Updated #{}: {} · {}\n", after.id, after.company, after.role);
  return {};
}

}  // namespace

void register_app_edit_command(Registry& r) {
  auto* app = r.app().get_subcommand("app");
  auto a = std::make_shared<EditArgs>();
  auto* sub = app->add_subcommand(
      "edit", "Change an application's role, team, source, via, date, URL, salary or note");
  sub->add_option("id", a->id, "Application id (see 'ijik app list')")->required();
  sub->add_option("--role", a->role, "Job title");
  sub->add_option("--team", a->team, "Team or department ('' clears)");
  sub->add_option("--source", a->source, "direct, referral, headhunter, platform or cold-email");
  sub->add_option("--via", a->via, "Who referred you, which headhunter or platform ('' clears)");
  sub->add_option("--date", a->date, "Date applied, YYYY-MM-DD");
  sub->add_option("--url", a->url, "Job posting URL ('' clears)");
  sub->add_option("--salary", a->salary, "Salary range, e.g. 6000만-7500만 ('' clears)");
  sub->add_option("--note", a->note, "Note (replaces it; '' clears)");
  examples(sub, {"ijik app edit 3 --team 검색플랫폼 --note '리크루터 통화 완료'",
                 "ijik app edit 3 --salary 8000만-9000만 --json"});
  r.on(sub, Access::kWrite, [a, sub](Context& ctx) {
    return app_edit(ctx, *a,
                    [sub](const char* flag) { return sub->get_option(flag)->count() > 0; });
  });
}

}  // namespace ijik::cli
