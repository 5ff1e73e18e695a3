// ijik journal import FILE [--date YYYY-MM-DD] [--apply] [--json]: stores a
// written retrospective as a journal entry and proposes the timeline events
// read from it (src/retro); --apply creates the confident ones.
#include <fmt/format.h>

#include <map>

#include "cli/commands.h"
#include "cli/files.h"
#include "common/clock.h"
#include "domain/career.h"
#include "exchange/json_view.h"
#include "retro/chrome.h"
#include "retro/extract.h"
#include "store/application_repo.h"
#include "store/career_repo.h"
#include "store/company_repo.h"
#include "store/journal_repo.h"

namespace ijik::cli {
namespace {

using nlohmann::ordered_json;
using retro::EventType;

// Events at or above this confidence are created by --apply (docs/retro-import.md).
constexpr double kApplyThreshold = 0.7;

std::string type_label(EventType t) {
  switch (t) {
    case EventType::kJobStart:
      return "입사";
    case EventType::kJobEnd:
      return "퇴사";
    case EventType::kConversion:
      return "정규직 전환";
    case EventType::kApplication:
      return "지원";
    case EventType::kStage:
      return "전형";
    case EventType::kOffer:
      return "오퍼·처우 협의";
    case EventType::kProbation:
      return "수습";
    case EventType::kLayoff:
      return "권고사직·구조조정";
    case EventType::kUnpaidPay:
      return "임금 체불";
  }
  return "";
}

std::string result_label(const std::string& r) {
  if (r == "passed") return "합격";
  if (r == "failed") return "불합격";
  if (r == "extended") return "연장";
  if (r == "cancelled") return "채용 취소";
  return r;
}

std::string uncertain_label(const std::string& u) {
  if (u == "year unknown") return "연도 미상";
  if (u == "year from an earlier sentence") return "연도는 앞 문장에서";
  if (u == "company not found") return "회사 미확인";
  if (u == "company from an earlier sentence") return "회사는 앞 문장에서";
  return u;
}

std::string describe(const retro::Event& e) {
  std::string s = type_label(e.type);
  if (e.stage) s += " " + *e.stage;
  if (e.result)
    s += " " + (e.type == EventType::kProbation
                    ? domain::probation_outcome_label(*domain::parse_probation_outcome(*e.result))
                    : result_label(*e.result));
  if (e.months) s += fmt::format(" {}개월", *e.months);
  s += " · ";
  if (!e.date.iso().empty())
    s += e.date.iso();
  else if (e.date.month)
    s += e.date.day ? fmt::format("{}월 {}일", *e.date.month, *e.date.day)
                    : fmt::format("{}월", *e.date.month);
  else
    s += "날짜 없음";
  if (e.company) s += " · " + *e.company;
  if (e.role) s += " · " + *e.role;
  if (e.job_type == std::string("intern")) s += " · 인턴";
  if (e.job_type == std::string("contract")) s += " · 계약직";
  return s;
}

ordered_json event_json(const retro::Event& e) {
  auto opt = [](const std::optional<std::string>& s) {
    return s ? ordered_json(*s) : ordered_json(nullptr);
  };
  std::string date = e.date.iso();
  return {{"type", std::string(retro::to_string(e.type))},
          {"company", opt(e.company)},
          {"role", opt(e.role)},
          {"stage", opt(e.stage)},
          {"result", opt(e.result)},
          {"date", date.empty() ? ordered_json(nullptr) : ordered_json(date)},
          {"months", e.months ? ordered_json(*e.months) : ordered_json(nullptr)},
          {"job_type", opt(e.job_type)},
          {"confidence", e.confidence},
          {"uncertain", e.uncertain},
          {"sentence", e.sentence}};
}

std::optional<Date> exact(const retro::PartialDate& d) {
  if (d.year && d.month && d.day) return Date{*d.year, *d.month, *d.day};
  return std::nullopt;
}

// Creates the records of the confident events; returns, per event, what was
// created ("job 3") or why nothing was ("skipped: …").
class Applier {
 public:
  Applier(store::Database& db, int64_t entry_id) : db_(db), entry_(entry_id) {}

  Result<std::string> apply(const retro::Event& e) {
    if (e.confidence < kApplyThreshold)
      return fmt::format("skipped: confidence {:.2f} below {:.2f}", e.confidence, kApplyThreshold);
    switch (e.type) {
      case EventType::kApplication:
        return application(e);
      case EventType::kStage:
        return stage(e);
      case EventType::kJobStart:
        return job_start(e);
      case EventType::kJobEnd:
        return job_end(e);
      case EventType::kConversion:
        return conversion(e);
      case EventType::kProbation:
        return probation(e);
      default:
        return std::string("shown only: ijik keeps no record of this kind");
    }
  }

 private:
  Status source(const char* kind, int64_t id, const retro::Event& e) {
    IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT OR REPLACE INTO journal_sources(entry_id, "
                                               "record_type, record_id, sentence, confidence) "
                                               "VALUES (?,?,?,?,?)"));
    return st.bind(1, entry_)
        .bind(2, kind)
        .bind(3, id)
        .bind(4, e.sentence)
        .bind(5, e.confidence)
        .run();
  }

  std::string note(const retro::Event& e) const {
    return fmt::format("회고 #{}: “{}”", entry_, e.sentence);
  }

  Result<std::string> application(const retro::Event& e) {
    if (!e.company) return std::string("skipped: company not found");
    if (!e.date.year || !e.date.month) return std::string("skipped: no year and month");
    store::CompanyRepo companies(db_);
    IJIK_ASSIGN_OR_RETURN(auto c, companies.find_or_add(*e.company));
    domain::Application a;
    a.company_id = c.company.id;
    a.company = c.company.name;
    a.role = e.role.value_or("미기재");
    a.applied = *e.date.first_day();
    a.note = note(e) + (e.date.day ? "" : fmt::format(" (지원일은 {}까지만 기록)", e.date.iso()));
    store::ApplicationRepo apps(db_);
    IJIK_RETURN_IF_ERROR(apps.add(a));
    apps_[a.company] = a.id;
    IJIK_RETURN_IF_ERROR(source("application", a.id, e));
    return fmt::format("created application {}", a.id);
  }

  Result<std::optional<int64_t>> app_of(const std::string& company) {
    if (auto it = apps_.find(company); it != apps_.end()) return std::optional<int64_t>(it->second);
    store::ApplicationRepo apps(db_);
    IJIK_ASSIGN_OR_RETURN(auto all, apps.list());
    std::optional<int64_t> found;
    for (const auto& a : all)
      if (a.company == company) found = a.id;  // the latest
    return found;
  }

  Result<std::string> stage(const retro::Event& e) {
    if (!e.company) return std::string("skipped: company not found");
    IJIK_ASSIGN_OR_RETURN(auto app, app_of(*e.company));
    if (!app) return fmt::format("skipped: no application to {}", *e.company);
    domain::Stage s;
    s.name = e.stage.value_or("면접");
    if (s.name == "최종") s.name = "최종합격";  // the tracker's name for the offer stage
    s.date = exact(e.date);
    if (e.result == std::string("passed")) s.result = domain::StageResult::kPassed;
    if (e.result == std::string("failed")) s.result = domain::StageResult::kFailed;
    s.note = note(e);
    store::ApplicationRepo apps(db_);
    IJIK_RETURN_IF_ERROR(apps.add_stage(*app, s));
    IJIK_RETURN_IF_ERROR(source("stage", s.id, e));
    return fmt::format("added stage '{}' to application {}", s.name, *app);
  }

  Result<std::optional<domain::Job>> job_of(const std::optional<std::string>& company) {
    if (!company) return std::optional<domain::Job>();
    store::CareerRepo career(db_);
    IJIK_ASSIGN_OR_RETURN(auto jobs, career.jobs());
    std::optional<domain::Job> found;
    for (auto& j : jobs)
      if (j.company == *company) found = j;  // the latest started
    return found;
  }

  Result<std::string> job_start(const retro::Event& e) {
    if (!e.company) return std::string("skipped: company not found");
    auto from = exact(e.date);
    if (!from) return std::string("skipped: start date not exact (YYYY-MM-DD needed)");
    store::CompanyRepo companies(db_);
    IJIK_ASSIGN_OR_RETURN(auto c, companies.find_or_add(*e.company));
    domain::Job j;
    j.company_id = c.company.id;
    j.company = c.company.name;
    j.title = e.role.value_or("미기재");
    j.from = *from;
    if (e.job_type) {
      IJIK_ASSIGN_OR_RETURN(j.start_type, domain::parse_job_type(*e.job_type));
    }
    store::CareerRepo career(db_);
    IJIK_RETURN_IF_ERROR(career.add_job(j));
    IJIK_RETURN_IF_ERROR(source("job", j.id, e));
    return fmt::format("created job {}", j.id);
  }

  Result<std::string> job_end(const retro::Event& e) {
    IJIK_ASSIGN_OR_RETURN(auto j, job_of(e.company));
    if (!j) return std::string("skipped: no job at that company");
    auto on = exact(e.date);
    if (!on || *on < j->from) return std::string("skipped: end date not exact or before the start");
    store::CareerRepo career(db_);
    IJIK_RETURN_IF_ERROR(career.end_job(j->id, *on, j->reason));
    IJIK_RETURN_IF_ERROR(source("job-end", j->id, e));
    return fmt::format("ended job {}", j->id);
  }

  Result<std::string> conversion(const retro::Event& e) {
    IJIK_ASSIGN_OR_RETURN(auto j, job_of(e.company));
    if (!j) return std::string("skipped: no job at that company");
    auto on = exact(e.date);
    if (!on || *on <= j->from) return std::string("skipped: date not exact or not after the start");
    if (j->type() == domain::JobType::kFullTime) return std::string("skipped: already full-time");
    store::CareerRepo career(db_);
    IJIK_RETURN_IF_ERROR(career.add_conversion(j->id, {domain::JobType::kFullTime, *on}));
    IJIK_RETURN_IF_ERROR(source("conversion", j->id, e));
    return fmt::format("converted job {}", j->id);
  }

  Result<std::string> probation(const retro::Event& e) {
    IJIK_ASSIGN_OR_RETURN(auto j, job_of(e.company));
    if (!j) return std::string("skipped: no job at that company");
    domain::Probation p = j->probation.value_or(domain::Probation{});
    if (e.months) p.months = *e.months;
    if (!e.months && !j->probation) return std::string("skipped: length unknown");
    p.original_end = domain::probation_end(j->from, p.months);
    if (e.result == std::string("passed")) p.outcome = domain::ProbationOutcome::kPassed;
    if (e.result == std::string("extended")) p.outcome = domain::ProbationOutcome::kExtended;
    if (e.result == std::string("cancelled")) p.outcome = domain::ProbationOutcome::kCancelled;
    if (auto on = exact(e.date); on && e.result) p.decided_on = on;
    store::CareerRepo career(db_);
    IJIK_RETURN_IF_ERROR(career.set_probation(j->id, p));
    IJIK_RETURN_IF_ERROR(source("probation", j->id, e));
    return fmt::format("set the probation of job {}", j->id);
  }

  store::Database& db_;
  int64_t entry_;
  std::map<std::string, int64_t> apps_;
};

Status journal_import(Context& ctx, const std::string& path, const std::string& date_text,
                      bool apply) {
  std::optional<Date> date;
  if (!date_text.empty()) {
    IJIK_ASSIGN_OR_RETURN(date, parse_date(date_text));
  }
  IJIK_ASSIGN_OR_RETURN(std::string page, read_file(path));
  retro::CleanText clean = retro::strip_chrome(page);
  if (domain::is_blank(clean.text))
    return invalid_input(fmt::format("'{}' has no text to read: nothing saved", path));
  domain::JournalEntry entry;
  entry.date = date ? *date : clean.posted ? *clean.posted : today();
  entry.body = clean.text;
  entry.tags = {"회고"};
  store::JournalRepo journal(ctx.db);
  IJIK_RETURN_IF_ERROR(journal.add(entry));

  retro::ExtractOptions o;
  o.entry_date = entry.date;
  store::CompanyRepo companies(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto known, companies.list());
  for (const auto& c : known) {
    o.known_companies.push_back(c.name);
    for (const auto& a : c.aliases) o.known_companies.push_back(a);
  }
  auto events = retro::extract_events(clean.text, o);

  std::vector<std::string> applied(events.size());
  if (apply) {
    Applier a(ctx.db, entry.id);
    for (size_t i = 0; i < events.size(); ++i) {
      IJIK_ASSIGN_OR_RETURN(applied[i], a.apply(events[i]));
    }
  }
  if (ctx.options.json) {
    ordered_json evs = ordered_json::array();
    for (size_t i = 0; i < events.size(); ++i) {
      auto j = event_json(events[i]);
      if (apply) j["applied"] = applied[i];
      evs.push_back(j);
    }
    ctx.out << exchange::dump({{"entry_id", entry.id},
                               {"date", entry.date.iso()},
                               {"lines_removed", clean.lines_dropped},
                               {"threshold", kApplyThreshold},
                               {"events", evs}});
    return {};
  }
  ctx.out << fmt::format("Added journal entry {}: {} · {}", entry.id, entry.date.iso(),
                         domain::entry_heading(entry));
  if (clean.lines_dropped)
    ctx.out << fmt::format(" ({} lines of page chrome removed)", clean.lines_dropped);
  ctx.out << "\n";
  if (events.empty()) {
    ctx.out << "No career events found in the text.\n";
    return {};
  }
  ctx.out << fmt::format("{} events read (confidence ≥ {:.2f} is created by --apply):\n",
                         events.size(), kApplyThreshold);
  for (size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    std::string flags;
    for (const auto& u : e.uncertain) flags += (flags.empty() ? "" : ", ") + uncertain_label(u);
    ctx.out << fmt::format("{:>3}. {}  [{:.2f}]{}\n", i + 1, describe(e), e.confidence,
                           flags.empty() ? "" : "  (" + flags + ")");
    ctx.out << fmt::format("     “{}”\n", e.sentence);
    if (apply) ctx.out << fmt::format("     → {}\n", applied[i]);
  }
  if (!apply)
    ctx.out << "Nothing written to the timeline: run again with --apply to create them.\n";
  return {};
}

}  // namespace

void register_journal_import_command(Registry& r) {
  CLI::App* journal = r.app().get_subcommand("journal");
  auto file = std::make_shared<std::string>(), date = std::make_shared<std::string>();
  auto apply = std::make_shared<bool>(false);
  auto* imp = journal->add_subcommand(
      "import", "Store a written retrospective and read career events from it (Korean prose)");
  imp->add_option("file", *file, "A Markdown or text file (a pasted blog post, a Notion export)")
      ->required();
  imp->add_option("--date", *date,
                  "The entry's date, which resolves 올해/작년 (default: the post date in the page, "
                  "else today)");
  imp->add_flag(
      "--apply", *apply,
      "Create jobs, applications, stages and probation from events with confidence ≥ 0.7");
  examples(imp, {"ijik journal import retro.md", "ijik journal import blog.txt --date 2024-04-20",
                 "ijik journal import retro.md --apply"});
  r.on(imp, Access::kWrite,
       [=](Context& ctx) { return journal_import(ctx, *file, *date, *apply); });
}

}  // namespace ijik::cli
