// ijik app list | show | withdraw | accept | rm
#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "common/clock.h"
#include "common/money.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"
#include "store/contact_repo.h"

namespace ijik::cli {
namespace {

Status app_list(Context& ctx, const std::string& status_filter) {
  std::optional<domain::AppStatus> want;
  if (!status_filter.empty()) {
    IJIK_ASSIGN_OR_RETURN(want, domain::parse_app_status(status_filter));
  }
  store::ApplicationRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto apps, repo.list());
  std::vector<const domain::Application*> shown;
  for (const auto& a : apps)
    if (!want || domain::derive_status(a) == *want) shown.push_back(&a);
  if (ctx.options.json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto* a : shown) arr.push_back(exchange::application_json(*a));
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (shown.empty()) {
    ctx.out << (apps.empty() ? "No applications yet. Add one with: ijik apply COMPANY --role TITLE\n"
                             : "No applications with that status.\n");
    return {};
  }
  Table t({"ID", "회사", "직무", "출처", "지원일", "상태", "현재 단계", "다음 일정"});
  t.align(0, Table::Align::kRight).max_width(2, 28);
  for (const auto* a : shown) {
    const auto* cur = domain::current_stage(*a);
    std::string next;
    for (const auto& s : a->stages)
      if (s.result == domain::StageResult::kPending) {
        next = stage_when(s);
        break;
      }
    t.add({std::to_string(a->id), a->company, a->role, std::string(domain::to_string(a->source)), a->applied.iso(),
           status_label(domain::derive_status(*a)), cur ? cur->name : "", next});
  }
  ctx.out << t.render(ctx.color);
  return {};
}

Status app_show(Context& ctx, const std::string& id_text) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_app_id(id_text));
  store::ApplicationRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto a, repo.get(id));
  if (ctx.options.json) {
    ctx.out << exchange::dump(exchange::application_json(a));
    return {};
  }
  auto& o = ctx.out;
  o << bold(fmt::format("#{} {} · {}", a.id, a.company, a.role), ctx.color) << "\n";
  o << "상태    " << status_label(domain::derive_status(a)) << " (" << domain::to_string(domain::derive_status(a)) << ")\n";
  o << "지원일  " << a.applied.iso() << "\n";
  o << "출처    " << domain::to_string(a.source) << (a.via.empty() ? "" : " · " + a.via) << "\n";
  if (!a.team.empty()) o << "팀      " << a.team << "\n";
  if (a.salary_min || a.salary_max) o << "연봉    " << domain::format_salary_range(a.salary_min, a.salary_max) << "\n";
  if (!a.url.empty()) o << "공고    " << a.url << "\n";
  if (!a.note.empty()) o << "메모    " << a.note << "\n";
  if (!a.stages.empty()) {
    o << "\n";
    Table t({"#", "단계", "종류", "일정", "결과", "메모"});
    t.align(0, Table::Align::kRight);
    int n = 0;
    for (const auto& s : a.stages)
      t.add({std::to_string(++n), s.name, s.kind.key(), stage_when(s), result_label(s.result), s.note});
    o << t.render(ctx.color);
    for (const auto& s : a.stages) {
      if (s.questions.empty()) continue;
      o << "\n" << s.name << " — 받은 질문:\n";
      for (const auto& q : s.questions) o << "  - " << q << "\n";
    }
  }
  if (!a.contact_ids.empty()) {
    store::ContactRepo contacts(ctx.db);
    IJIK_ASSIGN_OR_RETURN(auto all, contacts.list());
    o << "\n연락처\n";
    for (const auto& c : all) {
      if (std::find(a.contact_ids.begin(), a.contact_ids.end(), c.id) == a.contact_ids.end()) continue;
      o << "  " << c.name;
      if (!c.company.empty()) o << " (" << c.company << ")";
      if (!c.email.empty()) o << " " << c.email;
      if (!c.phone.empty()) o << " " << c.phone;
      o << "\n";
    }
  }
  return {};
}

Status app_close(Context& ctx, const std::string& id_text, domain::Closure closure) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_app_id(id_text));
  store::ApplicationRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto a, repo.get(id));
  IJIK_RETURN_IF_ERROR(repo.set_closure(id, closure, today()));
  IJIK_ASSIGN_OR_RETURN(auto after, repo.get(id));
  if (ctx.options.json) {
    ctx.out << exchange::dump(exchange::application_json(after));
  } else {
    ctx.out << fmt::format("Application {} ({} · {}) is now {}\n", a.id, a.company, a.role,
                           domain::to_string(domain::derive_status(after)));
  }
  return {};
}

Status app_rm(Context& ctx, const std::string& id_text) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_app_id(id_text));
  store::ApplicationRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto a, repo.get(id));
  IJIK_RETURN_IF_ERROR(repo.remove(id));
  ctx.out << fmt::format("Removed application {} ({} · {})\n", a.id, a.company, a.role);
  return {};
}

}  // namespace

void register_app_commands(Registry& r) {
  auto* app = r.app().add_subcommand("app", "Applications: list, show, withdraw, accept, remove");
  app->require_subcommand(1);

  auto status = std::make_shared<std::string>();
  auto* list = app->add_subcommand("list", "List applications");
  list->add_option("--status", *status, "Only this status: active, offer, rejected, withdrawn, accepted");
  examples(list, {"ijik app list", "ijik app list --status active", "ijik app list --json"});
  r.on(list, Access::kRead, [status](Context& ctx) { return app_list(ctx, *status); });

  struct IdCommand {
    const char* name;
    const char* help;
    Access access;
    std::function<Status(Context&, const std::string&)> run;
  };
  const IdCommand commands[] = {
      {"show", "Show an application with its stages, questions and contacts", Access::kRead, app_show},
      {"withdraw", "Mark an application as withdrawn by you", Access::kWrite,
       [](Context& c, const std::string& id) { return app_close(c, id, domain::Closure::kWithdrawn); }},
      {"accept", "Mark an application's offer as accepted", Access::kWrite,
       [](Context& c, const std::string& id) { return app_close(c, id, domain::Closure::kAccepted); }},
      {"rm", "Remove an application and its stages", Access::kWrite, app_rm},
  };
  for (const auto& c : commands) {
    auto id = std::make_shared<std::string>();
    auto* sub = app->add_subcommand(c.name, c.help);
    sub->add_option("id", *id, "Application id (see 'ijik app list')")->required();
    examples(sub, {fmt::format("ijik app {} 3", c.name).c_str()});
    auto run = c.run;
    r.on(sub, c.access, [id, run](Context& ctx) { return run(ctx, *id); });
  }
}

}  // namespace ijik::cli
