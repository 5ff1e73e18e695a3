// ijik app list | show | withdraw | accept | rm
#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "common/clock.h"
#include "common/money.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"
#include "store/career_repo.h"
#include "store/contact_repo.h"
#include "store/offer_repo.h"

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
    ctx.out << (apps.empty()
                    ? "No applications yet. Add one with: ijik apply COMPANY --role TITLE\n"
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
    t.add({std::to_string(a->id), a->company, a->role, std::string(domain::to_string(a->source)),
           a->applied.iso(), status_label(domain::derive_status(*a)), cur ? cur->name : "", next});
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
  o << "상태    " << status_label(domain::derive_status(a)) << " ("
    << domain::to_string(domain::derive_status(a)) << ")\n";
  o << "지원일  " << a.applied.iso() << "\n";
  o << "출처    " << domain::to_string(a.source) << (a.via.empty() ? "" : " · " + a.via) << "\n";
  if (!a.team.empty()) o << "팀      " << a.team << "\n";
  if (a.salary_min || a.salary_max)
    o << "연봉    " << domain::format_salary_range(a.salary_min, a.salary_max) << "\n";
  if (!a.url.empty()) o << "공고    " << a.url << "\n";
  if (!a.note.empty()) o << "메모    " << a.note << "\n";
  if (!a.stages.empty()) {
    o << "\n";
    Table t({"#", "단계", "종류", "일정", "결과", "메모"});
    t.align(0, Table::Align::kRight);
    int n = 0;
    for (const auto& s : a.stages)
      t.add({std::to_string(++n), s.name, s.kind.key(), stage_when(s), result_label(s.result),
             s.note});
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
      if (std::find(a.contact_ids.begin(), a.contact_ids.end(), c.id) == a.contact_ids.end())
        continue;
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

struct AcceptArgs {
  std::string id, start, title, team, type, left, reason;
};

// Accepts the offer; with --start or --title also starts the next job from
// the offer (pay, probation) and ends the current one the day before (or --left).
Status app_accept(Context& ctx, const AcceptArgs& a) {
  const bool new_job = !a.start.empty() || !a.title.empty();
  if (!new_job && (!a.team.empty() || !a.type.empty() || !a.left.empty() || !a.reason.empty()))
    return invalid_input(
        "--team, --type, --left and --reason describe the next job: expected --start DATE or "
        "--title T with them");
  IJIK_RETURN_IF_ERROR(app_close(ctx, a.id, domain::Closure::kAccepted));
  if (!new_job) return {};
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_app_id(a.id));
  store::ApplicationRepo apps(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto app, apps.get(id));
  store::OfferRepo offers(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto offer, offers.get(id));
  domain::Job j;
  j.company_id = app.company_id;
  j.company = app.company;
  j.title = a.title.empty() ? app.role : a.title;
  j.team = a.team.empty() ? app.team : a.team;
  j.application_id = id;
  if (!a.type.empty()) {
    IJIK_ASSIGN_OR_RETURN(j.start_type, domain::parse_job_type(a.type));
  }
  if (!a.start.empty()) {
    IJIK_ASSIGN_OR_RETURN(j.from, parse_date(a.start));
  } else if (offer && offer->start) {
    j.from = *offer->start;
  } else {
    return invalid_input(
        fmt::format("the offer of #{} has no start date: expected --start YYYY-MM-DD", id));
  }
  if (offer) {
    j.pay = offer->base;
    if (offer->probation_months && *offer->probation_months > 0) {
      domain::Probation p;
      p.months = *offer->probation_months;
      p.original_end = domain::probation_end(j.from, p.months);
      j.probation = p;
    }
  }
  store::CareerRepo career(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto current, career.current_job());
  std::optional<Date> left;
  if (!a.left.empty()) {
    IJIK_ASSIGN_OR_RETURN(left, parse_date(a.left));
  }
  if (current) {
    if (!left) left = j.from.add_days(-1);
    if (*left < current->from)
      return invalid_input(fmt::format(
          "the current job {} started on {}, after {}: expected --left on or after its start",
          current->id, current->from.iso(), left->iso()));
    IJIK_RETURN_IF_ERROR(
        career.end_job(current->id, *left, a.reason.empty() ? current->reason : a.reason));
  } else if (left) {
    return invalid_input("there is no current job to leave: expected no --left");
  }
  IJIK_RETURN_IF_ERROR(career.add_job(j));
  if (ctx.options.json) return {};
  ctx.out << fmt::format("Added job {}: {} · {} ({}, {} ~ 현재{})\n", j.id, j.company, j.title,
                         domain::job_type_label(j.start_type), j.from.iso(),
                         j.probation ? fmt::format(", 수습 {}개월 ~{}", j.probation->months,
                                                   j.probation->original_end.iso())
                                     : "");
  if (current)
    ctx.out << fmt::format("Ended job {} ({} · {}) on {}\n", current->id, current->company,
                           current->title, left->iso());
  return {};
}

}  // namespace

void register_app_commands(Registry& r) {
  auto* app = r.app().add_subcommand("app", "Applications: list, show, withdraw, accept, remove");
  app->require_subcommand(1);

  auto status = std::make_shared<std::string>();
  auto* list = app->add_subcommand("list", "List applications");
  list->add_option("--status", *status,
                   "Only this status: active, offer, rejected, withdrawn, accepted");
  examples(list, {"ijik app list", "ijik app list --status active", "ijik app list --json"});
  r.on(list, Access::kRead, [status](Context& ctx) { return app_list(ctx, *status); });

  struct IdCommand {
    const char* name;
    const char* help;
    Access access;
    std::function<Status(Context&, const std::string&)> run;
  };
  const IdCommand commands[] = {
      {"show", "Show an application with its stages, questions and contacts", Access::kRead,
       app_show},
      {"withdraw", "Mark an application as withdrawn by you", Access::kWrite,
       [](Context& c, const std::string& id) {
         return app_close(c, id, domain::Closure::kWithdrawn);
       }},
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

  auto acc = std::make_shared<AcceptArgs>();
  auto* accept = app->add_subcommand(
      "accept", "Mark an application's offer as accepted (and start the next job)");
  accept->add_option("id", acc->id, "Application id (see 'ijik app list')")->required();
  accept->add_option("--start", acc->start,
                     "Start the next job on this date (default: the offer's start)");
  accept->add_option("--title", acc->title,
                     "Title of the next job (default: the application's role)");
  accept->add_option("--team", acc->team, "Team of the next job");
  accept->add_option("--type", acc->type, "intern, contract or full-time (default full-time)");
  accept->add_option("--left", acc->left,
                     "Last day at the current job (default: the day before --start)");
  accept->add_option("--reason", acc->reason, "Reason for leaving the current job");
  examples(
      accept,
      {"ijik app accept 3",
       "ijik app accept 3 --start 2026-04-01 --title 'Data Engineer' --reason '데이터 플랫폼'"});
  r.on(accept, Access::kWrite, [acc](Context& ctx) { return app_accept(ctx, *acc); });
}

}  // namespace ijik::cli
