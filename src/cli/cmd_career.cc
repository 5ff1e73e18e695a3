// ijik job add | convert | end | pay · ijik phase add · ijik timeline · ijik probation
#include <fmt/format.h>

#include <charconv>

#include "cli/commands.h"
#include "cli/table.h"
#include "common/clock.h"
#include "common/money.h"
#include "exchange/career_json.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"
#include "store/career_repo.h"
#include "store/company_repo.h"

namespace ijik::cli {
namespace {

Result<int64_t> parse_job_id(const std::string& text) {
  int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0)
    return invalid_input(fmt::format(
        "invalid job id '{}': expected a number such as 2 (see 'ijik timeline')", text));
  return id;
}

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t") == std::string::npos;
}

struct JobAddArgs {
  std::string company, title, from, to, type = "full-time", team, reason, pay;
};

Status job_add(Context& ctx, const JobAddArgs& a) {
  domain::Job j;
  if (blank(a.title))
    return invalid_input("--title is empty: expected a title such as 'ML 엔지니어'");
  j.title = a.title;
  j.team = a.team;
  j.reason = a.reason;
  IJIK_ASSIGN_OR_RETURN(j.start_type, domain::parse_job_type(a.type));
  IJIK_ASSIGN_OR_RETURN(j.from, parse_date(a.from));
  if (!a.to.empty()) {
    IJIK_ASSIGN_OR_RETURN(j.to, parse_date(a.to));
    if (*j.to < j.from)
      return invalid_input(
          fmt::format("--to {} is before --from {}: expected an end on or after the start",
                      j.to->iso(), j.from.iso()));
  }
  if (!a.pay.empty()) {
    IJIK_ASSIGN_OR_RETURN(j.pay, parse_krw(a.pay));
  }
  if (blank(a.company))
    return invalid_input("company name is empty: expected a name such as 네이버");
  store::CompanyRepo companies(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto found, companies.find_or_add(a.company));
  j.company_id = found.company.id;
  j.company = found.company.name;
  if (found.added)
    ctx.err << fmt::format("ijik: created company {}: {}\n", found.company.id, found.company.name);
  store::CareerRepo repo(ctx.db);
  IJIK_RETURN_IF_ERROR(repo.add_job(j));
  ctx.out << fmt::format("Added job {}: {} · {} ({}, {} ~ {})\n", j.id, j.company, j.title,
                         domain::job_type_label(j.start_type), j.from.iso(),
                         j.to ? j.to->iso() : "현재");
  return {};
}

Status job_convert(Context& ctx, const std::string& id_text, const std::string& to,
                   const std::string& on) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_job_id(id_text));
  IJIK_ASSIGN_OR_RETURN(auto type, domain::parse_job_type(to));
  IJIK_ASSIGN_OR_RETURN(Date date, parse_date(on));
  store::CareerRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto j, repo.job(id));
  if (date <= j.from || (j.to && *j.to < date))
    return invalid_input(
        j.to ? fmt::format("--on {} is outside job {} ({} ~ {}): expected a date after the start "
                           "and on or before the end",
                           date.iso(), id, j.from.iso(), j.to->iso())
             : fmt::format("--on {} is not after job {} started ({}): expected a later date",
                           date.iso(), id, j.from.iso()));
  domain::JobType before = j.start_type;
  for (const auto& c : j.conversions)
    if (c.on < date) before = c.to;
  if (before == type)
    return invalid_input(fmt::format("job {} is already {} on {}: expected another type", id,
                                     domain::to_string(type), date.iso()));
  IJIK_RETURN_IF_ERROR(repo.add_conversion(id, {type, date}));
  ctx.out << fmt::format("Job {} ({} · {}): {} → {} on {}\n", id, j.company, j.title,
                         domain::job_type_label(before), domain::job_type_label(type), date.iso());
  return {};
}

Status job_end(Context& ctx, const std::string& id_text, const std::string& on,
               const std::string& reason) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_job_id(id_text));
  IJIK_ASSIGN_OR_RETURN(Date date, parse_date(on));
  store::CareerRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto j, repo.job(id));
  if (date < j.from)
    return invalid_input(fmt::format("--on {} is before job {} started ({}): expected a later date",
                                     date.iso(), id, j.from.iso()));
  IJIK_RETURN_IF_ERROR(repo.end_job(id, date, reason.empty() ? j.reason : reason));
  ctx.out << fmt::format(
      "Job {} ({} · {}) ended on {} after {}\n", id, j.company, j.title, date.iso(),
      domain::format_tenure(domain::whole_months_between(j.from, date.add_days(1))));
  return {};
}

Status job_pay(Context& ctx, const std::string& id_text, const std::string& amount) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_job_id(id_text));
  IJIK_ASSIGN_OR_RETURN(int64_t pay, parse_krw(amount));
  store::CareerRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto j, repo.job(id));
  IJIK_RETURN_IF_ERROR(repo.set_pay(id, pay));
  ctx.out << fmt::format("Job {} ({} · {}): annual pay {}\n", id, j.company, j.title,
                         format_krw(pay));
  return {};
}

Status phase_add(Context& ctx, const std::string& name, const std::string& from,
                 const std::string& to) {
  if (blank(name)) return invalid_input("phase name is empty: expected a name such as 'Phase 3'");
  domain::Phase p;
  p.name = name;
  IJIK_ASSIGN_OR_RETURN(p.from, domain::parse_phase_date(from));
  if (!to.empty()) {
    IJIK_ASSIGN_OR_RETURN(p.to, domain::parse_phase_date(to));
    if (*p.to < p.from.substr(0, p.to->size()))
      return invalid_input(
          fmt::format("--to {} is before --from {}: expected a later end", *p.to, p.from));
  }
  store::CareerRepo repo(ctx.db);
  IJIK_RETURN_IF_ERROR(repo.add_phase(p));
  ctx.out << fmt::format("Added phase {}: {} ({} ~ {})\n", p.id, p.name, p.from, p.to.value_or(""));
  return {};
}

// "지원 5건 · 서류 5 → 코딩테스트 2 → 1차 면접 1 · 오퍼 1".
std::string describe_search(const domain::Search& s) {
  std::string out = fmt::format("지원 {}건", s.funnel.applications);
  std::string chain;
  for (const auto& st : s.funnel.stages)
    chain += (chain.empty() ? "" : " → ") + fmt::format("{} {}", st.kind.label(), st.reached);
  if (!chain.empty()) out += " · " + chain;
  out += fmt::format(" · 오퍼 {}", s.funnel.offers);
  return out;
}

Status timeline(Context& ctx) {
  store::CareerRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto jobs, repo.jobs());
  IJIK_ASSIGN_OR_RETURN(auto phases, repo.phases());
  store::ApplicationRepo apps_repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto apps, apps_repo.list());
  const Date now = today();
  auto searches = domain::split_searches(jobs, apps, now);
  if (ctx.options.json) {
    ctx.out << exchange::dump(exchange::timeline_json(jobs, phases, searches, now));
    return {};
  }
  auto& o = ctx.out;
  if (jobs.empty() && phases.empty()) {
    o << "No jobs yet. Add one with: ijik job add COMPANY --title T --from YYYY-MM-DD\n";
  }
  auto search_before = [&](const std::optional<int64_t>& job) -> const domain::Search* {
    for (const auto& s : searches)
      if (s.before_job == job) return &s;
    return nullptr;
  };
  for (size_t k = 0; k < jobs.size(); ++k) {
    const auto& j = jobs[k];
    if (k > 0 && jobs[k - 1].to) {
      long gap = domain::gap_days(*jobs[k - 1].to, j.from);
      if (gap > 0) o << fmt::format("   ⋯ 공백 {}일\n", gap);
    }
    if (const auto* s = search_before(j.id))
      o << fmt::format("   ⋯ 구직 → #{}: {}\n", j.id, describe_search(*s));
    o << bold(fmt::format("#{} {} · {}", j.id, j.company, j.title), ctx.color)
      << (j.team.empty() ? "" : " (" + j.team + ")") << (j.to ? "" : "  ← 현재") << "\n";
    std::string types = domain::job_type_label(j.start_type);
    for (const auto& c : j.conversions)
      types += fmt::format(" → {} ({})", domain::job_type_label(c.to), c.on.iso());
    if (now < j.from)
      o << fmt::format("   {} 입사 예정 · {}\n", j.from.iso(), types);
    else
      o << fmt::format("   {} ~ {} · {} · {}\n", j.from.iso(), j.to ? j.to->iso() : "현재",
                       domain::format_tenure(exchange::tenure_months(j, now)), types);
    if (j.probation) o << "   " << domain::describe_probation(*j.probation) << "\n";
    if (j.pay) o << "   연봉 " << format_krw(*j.pay) << "\n";
    if (!j.reason.empty()) o << "   떠난 이유: " << j.reason << "\n";
  }
  if (const auto* s = search_before(std::nullopt))
    o << fmt::format("   ⋯ 진행 중인 구직: {}\n", describe_search(*s));
  if (!phases.empty()) {
    o << "\n단계\n";
    for (const auto& p : phases)
      o << fmt::format("  {}  {} ~ {}\n", p.name, p.from, p.to.value_or(""));
  }
  return {};
}

struct ProbationArgs {
  std::string job, outcome, on, until;
  int months = 0;
};

Status probation(Context& ctx, const ProbationArgs& a) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_job_id(a.job));
  std::optional<domain::ProbationOutcome> outcome;
  if (!a.outcome.empty()) {
    IJIK_ASSIGN_OR_RETURN(outcome, domain::parse_probation_outcome(a.outcome));
  }
  std::optional<Date> on, until;
  if (!a.on.empty()) {
    IJIK_ASSIGN_OR_RETURN(on, parse_date(a.on));
    if (!outcome)
      return invalid_input(
          "--on dates an outcome: expected --outcome passed|extended|cancelled with it");
  }
  if (!a.until.empty()) {
    IJIK_ASSIGN_OR_RETURN(until, parse_date(a.until));
    if (!outcome) outcome = domain::ProbationOutcome::kExtended;
    if (*outcome != domain::ProbationOutcome::kExtended)
      return invalid_input(
          "--until is the new end of an extended probation: expected --outcome extended");
  }
  if (outcome == domain::ProbationOutcome::kExtended && !until)
    return invalid_input("수습 연장 needs its new end: expected --until YYYY-MM-DD");
  store::CareerRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto j, repo.job(id));
  domain::Probation p = j.probation.value_or(domain::Probation{});
  if (a.months) p.months = a.months;
  p.original_end = domain::probation_end(j.from, p.months);
  if (outcome) {
    const Date decided = on ? *on : today();
    if (decided < j.from)
      return invalid_input(
          fmt::format("--on {} is before job {} started ({}): expected a later date", decided.iso(),
                      id, j.from.iso()));
    if (until && *until <= p.original_end)
      return invalid_input(
          fmt::format("--until {} is not after the probation's end {}: expected a later date",
                      until->iso(), p.original_end.iso()));
    p.outcome = *outcome;
    p.decided_on = *outcome == domain::ProbationOutcome::kPending ? std::nullopt
                                                                  : std::optional<Date>(decided);
    if (until) p.extended_until = until;
    if (*outcome == domain::ProbationOutcome::kPending) p.extended_until.reset();
    if (*outcome == domain::ProbationOutcome::kCancelled && !j.to)
      IJIK_RETURN_IF_ERROR(repo.end_job(id, decided, j.reason.empty() ? "채용 취소" : j.reason));
  }
  IJIK_RETURN_IF_ERROR(repo.set_probation(id, p));
  ctx.out << fmt::format("Job {} ({} · {}): {}\n", id, j.company, j.title,
                         domain::describe_probation(p));
  return {};
}

}  // namespace

void register_career_commands(Registry& r) {
  auto* job = r.app().add_subcommand("job", "Career timeline: jobs held (add, convert, end, pay)");
  job->require_subcommand(1);

  auto ja = std::make_shared<JobAddArgs>();
  auto* add = job->add_subcommand("add", "Add a job (no --to: the current job)");
  add->add_option("company", ja->company, "Company name (created when new)")->required();
  add->add_option("--title", ja->title, "Job title")->required();
  add->add_option("--from", ja->from, "Start date YYYY-MM-DD")->required();
  add->add_option("--to", ja->to, "End date YYYY-MM-DD (omit for the current job)");
  add->add_option("--type", ja->type, "intern, contract or full-time (default full-time)");
  add->add_option("--team", ja->team, "Team");
  add->add_option("--reason", ja->reason, "Reason for leaving");
  add->add_option("--pay", ja->pay, "Annual base pay (6000만, 1.2억 …): the baseline for offers");
  examples(add, {"ijik job add 메디AI --title 'AI 엔지니어' --type intern --from 2020-07-01",
                 "ijik job add 네이버 --title 'ML Engineer' --from 2022-04-01 --pay 6500만"});
  r.on(add, Access::kWrite, [ja](Context& ctx) { return job_add(ctx, *ja); });

  auto conv_id = std::make_shared<std::string>(), conv_to = std::make_shared<std::string>(),
       conv_on = std::make_shared<std::string>();
  auto* convert = job->add_subcommand("convert", "Record a change of type (intern → full-time)");
  convert->add_option("id", *conv_id, "Job id (see 'ijik timeline')")->required();
  convert->add_option("--to", *conv_to, "New type: intern, contract or full-time")->required();
  convert->add_option("--on", *conv_on, "Date of the conversion YYYY-MM-DD")->required();
  examples(convert, {"ijik job convert 1 --to full-time --on 2020-09-01"});
  r.on(convert, Access::kWrite,
       [=](Context& ctx) { return job_convert(ctx, *conv_id, *conv_to, *conv_on); });

  auto end_id = std::make_shared<std::string>(), end_on = std::make_shared<std::string>(),
       end_reason = std::make_shared<std::string>();
  auto* end = job->add_subcommand("end", "End a job");
  end->add_option("id", *end_id, "Job id")->required();
  end->add_option("--on", *end_on, "Last day YYYY-MM-DD")->required();
  end->add_option("--reason", *end_reason, "Reason for leaving");
  examples(end, {"ijik job end 1 --on 2022-02-28 --reason '더 큰 조직에서 성장'"});
  r.on(end, Access::kWrite,
       [=](Context& ctx) { return job_end(ctx, *end_id, *end_on, *end_reason); });

  auto pay_id = std::make_shared<std::string>(), pay_amount = std::make_shared<std::string>();
  auto* pay = job->add_subcommand("pay", "Set a job's annual base pay (the baseline for offers)");
  pay->add_option("id", *pay_id, "Job id")->required();
  pay->add_option("amount", *pay_amount, "Annual pay: 60000000, 6000만, 1.2억 …")->required();
  examples(pay, {"ijik job pay 3 7200만"});
  r.on(pay, Access::kWrite, [=](Context& ctx) { return job_pay(ctx, *pay_id, *pay_amount); });

  auto* phase = r.app().add_subcommand("phase", "Named phases of the career");
  phase->require_subcommand(1);
  auto ph_name = std::make_shared<std::string>(), ph_from = std::make_shared<std::string>(),
       ph_to = std::make_shared<std::string>();
  auto* padd = phase->add_subcommand("add", "Add a phase");
  padd->add_option("name", *ph_name, "Name, such as 'Phase 3'")->required();
  padd->add_option("--from", *ph_from, "Start YYYY-MM or YYYY-MM-DD")->required();
  padd->add_option("--to", *ph_to, "End YYYY-MM or YYYY-MM-DD");
  examples(padd, {"ijik phase add 'Phase 3' --from 2022-07"});
  r.on(padd, Access::kWrite,
       [=](Context& ctx) { return phase_add(ctx, *ph_name, *ph_from, *ph_to); });

  auto* tl = r.app().add_subcommand(
      "timeline",
      "Jobs in order: tenure, conversions, probation, gaps, the searches between moves");
  examples(tl, {"ijik timeline", "ijik timeline --json"});
  r.on(tl, Access::kRead, [](Context& ctx) { return timeline(ctx); });

  auto pa = std::make_shared<ProbationArgs>();
  auto* prob =
      r.app().add_subcommand("probation", "Set a job's probation (수습) and record its outcome");
  prob->add_option("job", pa->job, "Job id")->required();
  prob->add_option("--months", pa->months, "Length in calendar months (default 3)")
      ->check(CLI::Range(1, 24));
  prob->add_option("--outcome", pa->outcome,
                   "passed (면수습), extended (수습 연장) or cancelled (채용 취소)");
  prob->add_option("--on", pa->on, "Date of the outcome (default today)");
  prob->add_option("--until", pa->until, "New end of an extended probation");
  examples(prob,
           {"ijik probation 3 --months 3", "ijik probation 3 --outcome passed --on 2022-10-11",
            "ijik probation 4 --outcome extended --until 2024-06-01 --on 2024-03-01"});
  r.on(prob, Access::kWrite, [pa](Context& ctx) { return probation(ctx, *pa); });
}

}  // namespace ijik::cli
