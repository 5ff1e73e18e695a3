// ijik watch add|rm COMPANY [--current] [--workplace|--company]; ijik watch list; ijik alerts
// [--since YYYY-MM] [--all]
//
// The watch list: companies re-evaluated after every import, the current
// employer always among them; new red flags become alerts.
#include <fmt/format.h>

#include "cli/alerts_view.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "cli/vet_subject.h"
#include "common/clock.h"
#include "exchange/json_view.h"
#include "store/watch_repo.h"
#include "vetting/watch.h"

namespace ijik::cli {
namespace {

std::string describe(const vetting::Subject& s) {
  return s.target.company_id
             ? fmt::format("{} (company {})", s.name, *s.target.company_id)
             : fmt::format("{} (public workplace {})", s.name, *s.target.workplace_id);
}

Status watch_add(Context& ctx, const std::string& key, bool current, SubjectScope scope) {
  IJIK_ASSIGN_OR_RETURN(auto rules, rules_for(ctx, ""));
  IJIK_ASSIGN_OR_RETURN(auto s, resolve_subject(ctx, key, scope));
  store::WatchRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto existing, repo.find(s.target));
  IJIK_ASSIGN_OR_RETURN(auto before, vetting::watched(ctx.db));
  bool already = false;
  for (const auto& w : before)
    if (w.subject.target == s.target) already = !current || w.current;
  if (already)
    return conflict(fmt::format("{} is already on the watch list{}", describe(s),
                                current ? " as the current employer" : ""));
  if (!existing) {
    store::WatchRecord w;
    w.target = s.target;
    w.added_at = now_utc_iso();
    IJIK_RETURN_IF_ERROR(repo.add(w));
    existing = w;
  }
  if (current) IJIK_RETURN_IF_ERROR(repo.set_current(existing->id));
  ctx.out << fmt::format("Watching {}{}\n", describe(s), current ? " as the current employer" : "");
  if (current && !before.empty() && before.front().why == "current employer (career timeline)")
    ctx.err << fmt::format(
        "ijik: note: your career timeline's open job is at {}; it stays the current employer "
        "until that job ends\n",
        before.front().subject.name);
  // What the data already shows becomes alerts now, so later imports add only what is new.
  IJIK_ASSIGN_OR_RETURN(auto raised, vetting::refresh_alerts(ctx.db, rules, now_utc_iso()));
  print_new_alerts(ctx.out, raised);
  return {};
}

Status watch_rm(Context& ctx, const std::string& key, SubjectScope scope) {
  IJIK_ASSIGN_OR_RETURN(auto s, resolve_subject(ctx, key, scope));
  IJIK_ASSIGN_OR_RETURN(auto list, vetting::watched(ctx.db));
  for (const auto& w : list)
    if (w.subject.target == s.target && w.why == "current employer (career timeline)")
      return conflict(fmt::format(
          "{} is your current employer in the career timeline and is always watched; it leaves "
          "the list when the job ends",
          describe(s)));
  store::WatchRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto existing, repo.find(s.target));
  if (!existing)
    return not_found(fmt::format("{} is not on the watch list (see ijik watch list)", describe(s)));
  IJIK_RETURN_IF_ERROR(repo.remove(existing->id));
  ctx.out << fmt::format("Stopped watching {}\n", describe(s));
  return {};
}

Status watch_list(Context& ctx) {
  IJIK_ASSIGN_OR_RETURN(auto rules, rules_for(ctx, ""));
  IJIK_ASSIGN_OR_RETURN(auto list, vetting::watched(ctx.db));
  auto arr = nlohmann::ordered_json::array();
  Table t({"회사", "구분", "현재 직장", "등급", "최근 데이터", "추가"});
  for (const auto& w : list) {
    IJIK_ASSIGN_OR_RETURN(auto report, vetting::build_report(ctx.db, w.subject, rules));
    const std::string latest = report.metrics ? report.metrics->latest_month.iso() : "";
    const bool company = w.subject.target.company_id.has_value();
    arr.push_back({{"company", w.subject.name},
                   {"kind", company ? "company" : "workplace"},
                   {"id", company ? *w.subject.target.company_id : *w.subject.target.workplace_id},
                   {"current", w.current},
                   {"why", w.why},
                   {"grade", std::string(1, report.grade.letter)},
                   {"latest_month", latest.empty() ? nlohmann::ordered_json(nullptr)
                                                   : nlohmann::ordered_json(latest)},
                   {"added_at", w.added_at.empty() ? nlohmann::ordered_json(nullptr)
                                                   : nlohmann::ordered_json(w.added_at)}});
    t.add({w.subject.name, company ? "내 회사" : "사업장",
           w.current
               ? (w.watch_id && w.why != "current employer (career timeline)" ? "표시함" : "경력")
               : "",
           std::string(1, report.grade.letter), latest.empty() ? "—" : latest,
           w.added_at.substr(0, 10)});
  }
  if (ctx.options.json) {
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (list.empty()) {
    ctx.out << "No watched companies. Watch one with: ijik watch add NAME (your current employer "
               "is watched by itself)\n";
    return {};
  }
  ctx.out << t.render(ctx.color);
  return {};
}

struct AlertsArgs {
  std::string since;
  bool all = false;
};

Status alerts(Context& ctx, const AlertsArgs& a) {
  std::string since;
  if (a.all) {
    since = "";
  } else if (!a.since.empty()) {
    auto m = parse_year_month(a.since);
    if (!m.ok())
      return invalid_input(
          fmt::format("--since '{}' is not a month: expected YYYY-MM, e.g. "
                      "--since 2025-01",
                      a.since));
    since = m->iso();
  } else {
    // By default the data of the last six months: the public files lag by one or two.
    const Date t = today();
    since = YearMonth{t.year, t.month}.plus(-6).iso();
  }
  store::WatchRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto list, repo.alerts(since));
  if (ctx.options.json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& al : list) arr.push_back(alert_json(al));
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (list.empty()) {
    ctx.out << (since.empty()
                    ? std::string("No alerts.\n")
                    : fmt::format("No alerts from {} on{}.\n", since,
                                  a.since.empty() ? " (older ones: ijik alerts --all)" : ""));
    return {};
  }
  print_alerts(ctx.out, list, ctx.color);
  return {};
}

}  // namespace

void register_watch_commands(Registry& r) {
  auto* watch = r.app().add_subcommand(
      "watch", "Watch companies: re-evaluated after every import, new red flags become alerts");
  watch->require_subcommand(1);

  auto add_key = std::make_shared<std::string>();
  auto add_current = std::make_shared<bool>(false);
  auto* add = watch->add_subcommand("add", "Watch a company or a public workplace");
  add->add_option("company", *add_key,
                  "Your company (name, alias or id) or a public workplace (id or name)")
      ->required();
  add->add_flag("--current", *add_current,
                "Mark it as your current employer (when the career timeline has none)");
  auto add_workplace = std::make_shared<bool>(false);
  auto add_company = std::make_shared<bool>(false);
  auto* add_wp_flag =
      add->add_flag("--workplace", *add_workplace,
                    "COMPANY is a public workplace (id or name), never one of your companies");
  add->add_flag("--company", *add_company,
                "COMPANY is one of your companies (name, alias or id), never a public workplace")
      ->excludes(add_wp_flag);
  examples(add, {"ijik watch add 네이버", "ijik watch add '(주)카카오' --current"});
  r.on(add, Access::kWrite, [add_key, add_current, add_workplace, add_company](Context& ctx) {
    return watch_add(ctx, *add_key, *add_current, subject_scope(*add_company, *add_workplace));
  });

  auto rm_key = std::make_shared<std::string>();
  auto* rm = watch->add_subcommand("rm", "Stop watching a company");
  rm->add_option("company", *rm_key, "A watched company or public workplace")->required();
  auto rm_workplace = std::make_shared<bool>(false);
  auto rm_company = std::make_shared<bool>(false);
  auto* rm_wp_flag =
      rm->add_flag("--workplace", *rm_workplace,
                   "COMPANY is a public workplace (id or name), never one of your companies");
  rm->add_flag("--company", *rm_company,
               "COMPANY is one of your companies (name, alias or id), never a public workplace")
      ->excludes(rm_wp_flag);
  examples(rm, {"ijik watch rm 네이버"});
  r.on(rm, Access::kWrite, [rm_key, rm_workplace, rm_company](Context& ctx) {
    return watch_rm(ctx, *rm_key, subject_scope(*rm_company, *rm_workplace));
  });

  auto* list = watch->add_subcommand("list", "Watched companies with their grade now");
  examples(list, {"ijik watch list", "ijik watch list --json"});
  r.on(list, Access::kRead, [](Context& ctx) { return watch_list(ctx); });

  auto args = std::make_shared<AlertsArgs>();
  auto* al = r.app().add_subcommand("alerts",
                                    "Alerts raised for watched companies, newest data month first");
  auto* since = al->add_option("--since", args->since,
                               "From this data month on, YYYY-MM (default: the last six months)");
  al->add_flag("--all", args->all, "Every alert ever raised")->excludes(since);
  examples(al, {"ijik alerts", "ijik alerts --since 2025-01", "ijik alerts --all --json"});
  r.on(al, Access::kRead, [args](Context& ctx) { return alerts(ctx, *args); });
}

}  // namespace ijik::cli
