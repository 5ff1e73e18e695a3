// ijik journal import FILE [--date YYYY-MM-DD] [--apply] [--json]: stores a
// written retrospective as a journal entry and proposes the timeline events
// read from it (src/retro); --apply creates the confident ones. --text TEXT
// reads the text from the argument; --entry N re-reads a stored entry, and
// --apply --events 1,3 creates exactly the chosen events (the web app's
// confirmation step). Company names are matched to public workplaces.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "cli/commands.h"
#include "cli/files.h"
#include "common/clock.h"
#include "domain/career.h"
#include "exchange/json_view.h"
#include "retro/chrome.h"
#include "retro/extract.h"
#include "search/name_index.h"
#include "search/snapshot.h"
#include "store/application_repo.h"
#include "store/career_repo.h"
#include "store/company_repo.h"
#include "store/journal_repo.h"
#include "store/nps_repo.h"
#include "text/korean.h"
#include "text/utf8.h"

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
  if (e.workplace) s += " · 공공 데이터: " + e.workplace->name;
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
  return {
      {"type", std::string(retro::to_string(e.type))},
      {"company", opt(e.company)},
      {"workplace", e.workplace ? ordered_json{{"id", e.workplace->id}, {"name", e.workplace->name}}
                                : ordered_json(nullptr)},
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

// The name a stage event's record gets: the tracker calls the offer stage 최종합격.
std::string stage_record_name(const retro::Event& e) {
  std::string name = e.stage.value_or("면접");
  return name == "최종" ? "최종합격" : name;
}

// The journal_sources record type an applied event leaves, or nullptr for
// the kinds that are shown only.
const char* record_type_of(EventType t) {
  switch (t) {
    case EventType::kApplication:
      return "application";
    case EventType::kStage:
      return "stage";
    case EventType::kJobStart:
      return "job";
    case EventType::kJobEnd:
      return "job-end";
    case EventType::kConversion:
      return "conversion";
    case EventType::kProbation:
      return "probation";
    default:
      return nullptr;
  }
}

std::optional<Date> exact(const retro::PartialDate& d) {
  if (d.year && d.month && d.day) return Date{*d.year, *d.month, *d.day};
  return std::nullopt;
}

// Public workplaces by exact name (after company-name normalization), through
// the search module's name index: loaded once, when the first name is asked,
// then a binary search per name. The largest workplace of that name wins.
class PublicNames {
 public:
  explicit PublicNames(store::Database& db) : db_(db) {}

  std::optional<retro::Workplace> find(const std::string& name) {
    const search::Query q = search::make_query(name);
    if (q.empty() || q.chosung || text::decode_utf8(q.key).size() < 2) return std::nullopt;
    if (!loaded_) {
      loaded_ = true;
      auto index = search::load_index(db_, search::NameIndex::kNames);
      if (index.ok() && index->size() > 0) index_ = std::move(*index);
    }
    if (!index_) return std::nullopt;
    auto hits = index_->search(q, 1);
    if (hits.empty() || hits.front().tier != search::Tier::kExact) return std::nullopt;
    store::NpsRepo nps(db_);
    auto w = nps.workplace(index_->id(hits.front().pos));
    if (!w.ok() || !*w) return std::nullopt;
    return retro::Workplace{(*w)->id, (*w)->name};
  }

 private:
  store::Database& db_;
  bool loaded_ = false;
  std::optional<search::NameIndex> index_;
};

// Creates the records of the confident events; returns, per event, what was
// created ("job 3") or why nothing was ("skipped: …").
class Applier {
 public:
  Applier(store::Database& db, int64_t entry_id) : db_(db), entry_(entry_id) {}

  // `chosen`: the user picked this event (--events), whatever its confidence.
  Result<std::string> apply(const retro::Event& e, bool chosen) {
    if (!chosen && e.confidence < kApplyThreshold)
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
    store::JournalRepo journal(db_);
    return journal.add_source(entry_, {kind, id, e.sentence, e.confidence, ""});
  }

  // The user's company of that name, or a new one; a new one made from a
  // name a public workplace carries is linked to that workplace.
  Result<domain::Company> company_of(const retro::Event& e) {
    store::CompanyRepo companies(db_);
    IJIK_ASSIGN_OR_RETURN(auto c, companies.find_or_add(*e.company));
    if (c.added && e.workplace) {
      store::NpsRepo nps(db_);
      IJIK_RETURN_IF_ERROR(nps.link_company(c.company.id, e.workplace->id));
    }
    return c.company;
  }

  std::string note(const retro::Event& e) const {
    return fmt::format("회고 #{}: “{}”", entry_, e.sentence);
  }

  Result<std::string> application(const retro::Event& e) {
    if (!e.company) return std::string("skipped: company not found");
    if (!e.date.year || !e.date.month) return std::string("skipped: no year and month");
    IJIK_ASSIGN_OR_RETURN(auto c, company_of(e));
    domain::Application a;
    a.company_id = c.id;
    a.company = c.name;
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
    s.name = stage_record_name(e);
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
    IJIK_ASSIGN_OR_RETURN(auto c, company_of(e));
    domain::Job j;
    j.company_id = c.id;
    j.company = c.name;
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

struct ImportArgs {
  std::string file, date, entry, events;
  std::optional<std::string> text;  // --text: the retrospective itself (scripts, the web app)
  bool apply = false;
};

// "1,3,4" → {1, 3, 4}: event numbers as listed (from 1).
Result<std::vector<size_t>> parse_event_numbers(const std::string& text) {
  std::vector<size_t> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    std::string part = text.substr(pos, comma - pos);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    size_t n = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), n);
    if (part.empty() || ec != std::errc() || p != part.data() + part.size() || n == 0)
      return invalid_input(fmt::format(
          "--events '{}' is not a list of event numbers: expected e.g. 1,3,4 (as listed)", text));
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    pos = comma + 1;
  }
  return out;
}

// What an earlier --apply of this entry created from `e` ("job 2"), or "".
// A record is the event's when it came from the same sentence, has the
// event's record type and, where one sentence can give several (a list of
// applications, a chain of stages), is about the same company or stage. (A
// sentence gives one job start at most, and its record may carry the
// company's canonical name rather than the one written.)
std::string recorded(const retro::Event& e, const std::vector<store::JournalSource>& sources) {
  const char* type = record_type_of(e.type);
  if (!type) return "";
  for (const auto& s : sources) {
    if (s.record_type != type || s.sentence != e.sentence) continue;
    if (e.type == EventType::kStage && s.subject != stage_record_name(e)) continue;
    if (e.type == EventType::kApplication && e.company && s.subject != *e.company &&
        text::normalize_company_name(s.subject) != text::normalize_company_name(*e.company))
      continue;
    return fmt::format("{} {}", s.record_type, s.record_id);
  }
  return "";
}

Status journal_import(Context& ctx, const ImportArgs& a) {
  const int inputs = !a.file.empty() + a.text.has_value() + !a.entry.empty();
  if (inputs != 1)
    return Error{ErrorCode::kUsage,
                 "give one of FILE, --text TEXT or --entry N (an entry already stored)"};
  if (!a.entry.empty() && !a.date.empty())
    return Error{ErrorCode::kUsage, "--date dates a new entry: a stored entry keeps its own date"};
  if (!a.events.empty() && !a.apply)
    return Error{ErrorCode::kUsage, "--events chooses what --apply creates: add --apply"};
  std::vector<size_t> chosen;
  if (!a.events.empty()) {
    IJIK_ASSIGN_OR_RETURN(chosen, parse_event_numbers(a.events));
  }

  store::JournalRepo journal(ctx.db);
  domain::JournalEntry entry;
  int lines_removed = 0;
  const bool stored = !a.entry.empty();
  if (stored) {
    int64_t id = 0;
    auto [p, ec] = std::from_chars(a.entry.data(), a.entry.data() + a.entry.size(), id);
    if (ec != std::errc() || p != a.entry.data() + a.entry.size() || id <= 0)
      return invalid_input(fmt::format(
          "invalid journal entry id '{}': expected a number such as 1 (see 'ijik journal list')",
          a.entry));
    IJIK_ASSIGN_OR_RETURN(entry, journal.get(id));
  } else {
    std::optional<Date> date;
    if (!a.date.empty()) {
      IJIK_ASSIGN_OR_RETURN(date, parse_date(a.date));
    }
    std::string page;
    if (a.text) {
      page = *a.text;
    } else {
      IJIK_ASSIGN_OR_RETURN(page, read_file(a.file));
    }
    retro::CleanText clean = retro::strip_chrome(page);
    if (domain::is_blank(clean.text))
      return invalid_input(fmt::format("{} has no text to read: nothing saved",
                                       a.text ? "--text" : "'" + a.file + "'"));
    entry.date = date ? *date : clean.posted ? *clean.posted : today();
    entry.body = clean.text;
    entry.tags = {"회고"};
    lines_removed = clean.lines_dropped;
    IJIK_RETURN_IF_ERROR(journal.add(entry));
  }

  retro::ExtractOptions o;
  o.entry_date = entry.date;
  store::CompanyRepo companies(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto known, companies.list());
  for (const auto& c : known) {
    o.known_companies.push_back(c.name);
    for (const auto& al : c.aliases) o.known_companies.push_back(al);
  }
  PublicNames public_names(ctx.db);
  o.find_workplace = [&public_names](const std::string& name) { return public_names.find(name); };
  auto events = retro::extract_events(entry.body, o);

  std::vector<std::string> before(events.size());  // what an earlier --apply created
  if (stored) {
    IJIK_ASSIGN_OR_RETURN(auto sources, journal.sources(entry.id));
    for (size_t i = 0; i < events.size(); ++i) before[i] = recorded(events[i], sources);
  }
  for (size_t n : chosen) {
    if (n > events.size())
      return invalid_input(fmt::format("--events: entry {} has no event {} (it has {}: 1-{})",
                                       entry.id, n, events.size(), events.size()));
    if (!before[n - 1].empty())
      return conflict(fmt::format(
          "event {} of entry {} was already applied ({}): nothing written; choose others with "
          "--events",
          n, entry.id, before[n - 1]));
  }

  std::vector<std::string> applied(events.size());
  if (a.apply) {
    Applier applier(ctx.db, entry.id);
    for (size_t i = 0; i < events.size(); ++i) {
      const bool picked = std::find(chosen.begin(), chosen.end(), i + 1) != chosen.end();
      if (!chosen.empty() && !picked) {
        applied[i] = "not chosen";
      } else if (!before[i].empty()) {
        applied[i] = fmt::format("skipped: already applied ({})", before[i]);
      } else {
        IJIK_ASSIGN_OR_RETURN(applied[i], applier.apply(events[i], picked));
      }
    }
  }
  if (ctx.options.json) {
    ordered_json evs = ordered_json::array();
    for (size_t i = 0; i < events.size(); ++i) {
      auto j = event_json(events[i]);
      j["recorded"] = before[i].empty() ? ordered_json(nullptr) : ordered_json(before[i]);
      if (a.apply) j["applied"] = applied[i];
      evs.push_back(j);
    }
    ordered_json out = {{"entry_id", entry.id},
                        {"date", entry.date.iso()},
                        {"lines_removed", lines_removed},
                        {"threshold", kApplyThreshold},
                        {"events", evs}};
    ctx.out << exchange::dump(out);
    return {};
  }
  ctx.out << fmt::format("{} journal entry {}: {} · {}", stored ? "Read" : "Added", entry.id,
                         entry.date.iso(), domain::entry_heading(entry));
  if (lines_removed) ctx.out << fmt::format(" ({} lines of page chrome removed)", lines_removed);
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
    if (a.apply && applied[i] != "not chosen")
      ctx.out << fmt::format("     → {}\n", applied[i]);
    else if (!a.apply && !before[i].empty())
      ctx.out << fmt::format("     → already applied ({})\n", before[i]);
  }
  if (!a.apply)
    ctx.out << fmt::format(
        "Nothing written to the timeline: run again with --apply to create them{}.\n",
        stored ? fmt::format(" (ijik journal import --entry {} --apply [--events 1,3])", entry.id)
               : "");
  return {};
}

}  // namespace

void register_journal_import_command(Registry& r) {
  CLI::App* journal = r.app().get_subcommand("journal");
  auto a = std::make_shared<ImportArgs>();
  auto* imp = journal->add_subcommand(
      "import", "Store a written retrospective and read career events from it (Korean prose)");
  imp->add_option("file", a->file, "A Markdown or text file (a pasted blog post, a Notion export)");
  imp->add_option("--text", a->text, "The retrospective's text itself, instead of FILE");
  imp->add_option("--entry", a->entry,
                  "Read an entry already stored (by an earlier import) instead of FILE");
  imp->add_option("--date", a->date,
                  "The entry's date, which resolves 올해/작년 (default: the post date in the page, "
                  "else today)");
  imp->add_flag("--apply", a->apply,
                "Create jobs, applications, stages and probation from events with confidence ≥ "
                "0.7 (or those of --events)");
  imp->add_option("--events", a->events,
                  "With --apply: create exactly these events (numbers as listed, e.g. 1,3,4)");
  examples(imp, {"ijik journal import retro.md", "ijik journal import blog.txt --date 2024-04-20",
                 "ijik journal import retro.md --apply", "ijik journal import --entry 3",
                 "ijik journal import --entry 3 --apply --events 1,3,4"});
  r.on(imp, Access::kWrite, [=](Context& ctx) { return journal_import(ctx, *a); });
}

}  // namespace ijik::cli
