// ijik journal new | list | show | edit | rm | search | export
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "cli/commands.h"
#include "cli/editor.h"
#include "cli/files.h"
#include "cli/table.h"
#include "common/clock.h"
#include "exchange/journal_json.h"
#include "exchange/json_view.h"
#include "exchange/retrospective_md.h"
#include "store/application_repo.h"
#include "store/career_repo.h"
#include "store/company_repo.h"
#include "store/decision_repo.h"
#include "store/journal_repo.h"
#include "store/offer_repo.h"
#include "text/search_tokens.h"

namespace ijik::cli {
namespace {

using nlohmann::ordered_json;

Result<int64_t> parse_id(const std::string& text, const char* what, const char* hint) {
  int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0)
    return invalid_input(fmt::format("invalid {} id '{}': expected a number such as 1 (see '{}')",
                                     what, text, hint));
  return id;
}

Result<int64_t> parse_entry_id(const std::string& text) {
  return parse_id(text, "journal entry", "ijik journal list");
}

struct NewArgs {
  std::string date, title, job, app, company, file;
  std::optional<std::string> text;  // --text: the body given whole (scripts, the web app)
  std::vector<std::string> tags;
};

// The text from --text when given, else from a file, standard input or the editor.
Result<std::string> entry_text(const std::optional<std::string>& text, const std::string& file,
                               const std::string& initial) {
  if (text && !file.empty())
    return Error{ErrorCode::kUsage, "give the text with --text or -f FILE, not both"};
  if (text) return *text;
  return read_entry_text(file, initial);
}

// The entry as `journal show --json` prints it, or its one line.
Status print_entry(Context& ctx, int64_t id, const std::string& line) {
  if (!ctx.options.json) {
    ctx.out << line << "\n";
    return {};
  }
  IJIK_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(ctx.db, false));
  store::JournalRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto e, repo.get(id));
  ctx.out << exchange::dump(exchange::journal_entry_json(e));
  return {};
}

// Checks the flags and resolves the links (job, application, company) into
// `e`; run before the text is asked for, so a typo never costs a written entry.
Status prepare_entry(store::Database& db, const NewArgs& a, domain::JournalEntry& e) {
  if (a.date.empty()) {
    e.date = today();
  } else {
    IJIK_ASSIGN_OR_RETURN(e.date, parse_date(a.date));
  }
  e.title = a.title;
  for (const auto& t : a.tags) {
    IJIK_ASSIGN_OR_RETURN(auto tag, domain::normalize_tag(t));
    if (std::find(e.tags.begin(), e.tags.end(), tag) == e.tags.end()) e.tags.push_back(tag);
  }
  if (!a.job.empty()) {
    IJIK_ASSIGN_OR_RETURN(int64_t id, parse_id(a.job, "job", "ijik timeline"));
    store::CareerRepo jobs(db);
    IJIK_ASSIGN_OR_RETURN(auto j, jobs.job(id));
    e.job_id = id;
    e.company_id = j.company_id;
    e.company = j.company;
  }
  if (!a.app.empty()) {
    IJIK_ASSIGN_OR_RETURN(int64_t id, parse_id(a.app, "application", "ijik app list"));
    store::ApplicationRepo apps(db);
    IJIK_ASSIGN_OR_RETURN(auto app, apps.get(id));
    e.application_id = id;
    e.company_id = app.company_id;
    e.company = app.company;
  }
  if (!a.company.empty()) {
    store::CompanyRepo companies(db);
    IJIK_ASSIGN_OR_RETURN(auto c, companies.resolve(a.company));
    e.company_id = c.id;
    e.company = c.name;
  }
  return {};
}

// `new` manages its own transactions: the editor may stay open for minutes,
// and the workspace must not be locked meanwhile.
Status journal_new(Context& ctx, const NewArgs& a) {
  domain::JournalEntry e;
  {
    IJIK_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(ctx.db, false));
    IJIK_RETURN_IF_ERROR(prepare_entry(ctx.db, a, e));
  }
  std::string initial = a.title.empty() ? "" : "# " + a.title + "\n\n";
  IJIK_ASSIGN_OR_RETURN(std::string text, entry_text(a.text, a.file, initial));
  // An untouched template is as empty as no text.
  if (domain::is_blank(text) || text == initial)
    return invalid_input(
        "the entry is empty: nothing saved (write some text, or give it with -f FILE)");
  // The "# TITLE" line ijik put in the editor's file is the title, kept apart.
  if (!initial.empty() && text.rfind(initial, 0) == 0) text.erase(0, initial.size());
  e.body = text;
  IJIK_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(ctx.db, true));
  store::JournalRepo repo(ctx.db);
  IJIK_RETURN_IF_ERROR(repo.add(e));
  IJIK_RETURN_IF_ERROR(tx.commit());
  return print_entry(
      ctx, e.id,
      fmt::format("Added journal entry {}: {} · {}", e.id, e.date.iso(), domain::entry_heading(e)));
}

Status journal_edit(Context& ctx, const std::string& id_text, const std::string& file,
                    const std::optional<std::string>& new_text) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_entry_id(id_text));
  domain::JournalEntry e;
  {
    IJIK_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(ctx.db, false));
    store::JournalRepo repo(ctx.db);
    IJIK_ASSIGN_OR_RETURN(e, repo.get(id));
  }
  IJIK_ASSIGN_OR_RETURN(std::string text, entry_text(new_text, file, e.body));
  if (domain::is_blank(text))
    return invalid_input(fmt::format(
        "the new text is empty: entry {} left as it was (remove it with 'ijik journal rm {}')", id,
        id));
  if (text == e.body) return print_entry(ctx, id, fmt::format("Journal entry {} unchanged", id));
  {
    IJIK_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(ctx.db, true));
    store::JournalRepo repo(ctx.db);
    IJIK_RETURN_IF_ERROR(repo.set_body(id, text));
    IJIK_RETURN_IF_ERROR(tx.commit());
  }
  return print_entry(ctx, id, fmt::format("Updated journal entry {}", id));
}

std::string links_of(const domain::JournalEntry& e) {
  std::string s;
  if (e.job_id) s += fmt::format("job #{}", *e.job_id);
  if (e.application_id) s += (s.empty() ? "" : " · ") + fmt::format("app #{}", *e.application_id);
  if (!e.company.empty()) s += (s.empty() ? "" : " · ") + e.company;
  return s;
}

std::string tags_of(const domain::JournalEntry& e) {
  std::string s;
  for (const auto& t : e.tags) s += (s.empty() ? "#" : " #") + t;
  return s;
}

Status journal_list(Context& ctx, const std::string& tag_text) {
  std::optional<std::string> tag;
  if (!tag_text.empty()) {
    IJIK_ASSIGN_OR_RETURN(tag, domain::normalize_tag(tag_text));
  }
  store::JournalRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto entries, repo.list(tag));
  if (ctx.options.json) {
    ordered_json arr = ordered_json::array();
    for (const auto& e : entries) {
      auto j = exchange::journal_entry_json(e);
      j.erase("body");
      arr.push_back(j);
    }
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (entries.empty()) {
    ctx.out << (tag ? fmt::format("No journal entries tagged #{}.\n", *tag)
                    : "No journal entries yet. Write one with: ijik journal new\n");
    return {};
  }
  Table t({"ID", "날짜", "제목", "태그", "연결"});
  t.align(0, Table::Align::kRight).max_width(2, 40);
  for (const auto& e : entries)
    t.add({std::to_string(e.id), e.date.iso(), domain::entry_heading(e), tags_of(e), links_of(e)});
  ctx.out << t.render(ctx.color);
  return {};
}

Status journal_show(Context& ctx, const std::string& id_text) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_entry_id(id_text));
  store::JournalRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto e, repo.get(id));
  if (ctx.options.json) {
    ctx.out << exchange::dump(exchange::journal_entry_json(e));
    return {};
  }
  std::string meta = fmt::format("#{} · {}", e.id, e.date.iso());
  if (!e.tags.empty()) meta += " · " + tags_of(e);
  if (auto l = links_of(e); !l.empty()) meta += " · " + l;
  ctx.out << bold(meta, ctx.color) << "\n";
  if (!e.title.empty()) ctx.out << "# " << e.title << "\n\n";
  ctx.out << e.body;
  if (!e.body.empty() && e.body.back() != '\n') ctx.out << "\n";
  return {};
}

Status journal_rm(Context& ctx, const std::string& id_text) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_entry_id(id_text));
  store::JournalRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto e, repo.get(id));
  IJIK_RETURN_IF_ERROR(repo.remove(id));
  ctx.out << fmt::format("Removed journal entry {}: {} · {}\n", id, e.date.iso(),
                         domain::entry_heading(e));
  return {};
}

Status journal_search(Context& ctx, const std::string& query) {
  auto fts = text::fts_query(query);
  if (fts.match.empty())
    return invalid_input(fmt::format(
        "nothing to search for in '{}': expected a word such as 이직, 수습 or offer", query));
  store::JournalRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto hits, repo.search(fts));
  if (ctx.options.json) {
    ordered_json arr = ordered_json::array();
    for (const auto& h : hits) arr.push_back(exchange::journal_hit_json(h));
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (hits.empty()) {
    ctx.out << fmt::format("No journal entry matches '{}'.\n", query);
    return {};
  }
  for (const auto& h : hits) {
    ctx.out << bold(fmt::format("#{} {} · {}", h.id, h.date.iso(), h.title), ctx.color) << "\n";
    ctx.out << "   " << h.snippet << "\n";
  }
  return {};
}

Status journal_export(Context& ctx, const std::string& from_text, const std::string& to_text,
                      const std::string& output) {
  exchange::RetrospectiveInput in;
  in.today = today();
  if (!from_text.empty()) {
    IJIK_ASSIGN_OR_RETURN(in.from, parse_date(from_text));
  }
  if (!to_text.empty()) {
    IJIK_ASSIGN_OR_RETURN(in.to, parse_date(to_text));
  }
  if (in.from && in.to && *in.to < *in.from)
    return invalid_input(fmt::format("--to {} is before --from {}: expected a later end",
                                     in.to->iso(), in.from->iso()));
  store::CareerRepo career(ctx.db);
  IJIK_ASSIGN_OR_RETURN(in.jobs, career.jobs());
  IJIK_ASSIGN_OR_RETURN(in.phases, career.phases());
  store::ApplicationRepo apps(ctx.db);
  IJIK_ASSIGN_OR_RETURN(in.applications, apps.list());
  store::OfferRepo offers(ctx.db);
  IJIK_ASSIGN_OR_RETURN(in.offers, offers.list());
  store::DecisionRepo decisions(ctx.db);
  IJIK_ASSIGN_OR_RETURN(in.decisions, decisions.list());
  store::JournalRepo journal(ctx.db);
  IJIK_ASSIGN_OR_RETURN(in.entries, journal.list(std::nullopt, in.from, in.to));
  std::string md = exchange::retrospective_markdown(in);
  if (output.empty() || output == "-") {
    ctx.out << md;
    return {};
  }
  IJIK_RETURN_IF_ERROR(write_file(output, md));
  ctx.err << fmt::format("ijik: wrote {} ({} bytes)\n", output, md.size());
  return {};
}

}  // namespace

void register_journal_commands(Registry& r) {
  auto* journal = r.app().add_subcommand("journal", "The journal of retrospectives (회고록)");
  journal->require_subcommand(1);

  auto na = std::make_shared<NewArgs>();
  auto* nw = journal->add_subcommand(
      "new", "Write an entry: -f FILE, standard input when piped, else $VISUAL/$EDITOR");
  nw->add_option("--date", na->date, "YYYY-MM-DD (default: today)");
  nw->add_option("--title", na->title, "Title");
  nw->add_option("--tag", na->tags, "A tag (repeat)");
  nw->add_option("--job", na->job, "Link to a job (id from 'ijik timeline')");
  nw->add_option("--app", na->app, "Link to an application");
  nw->add_option("--company", na->company, "Link to a company (name or id)");
  nw->add_option("-f,--file", na->file, "Read the Markdown text from FILE ('-': standard input)");
  nw->add_option("--text", na->text, "The Markdown text itself (instead of -f or the editor)");
  examples(nw, {"ijik journal new --title '첫 이직 회고' --tag 이직 --tag 회고",
                "ijik journal new --date 2025-06-30 --job 2 -f retro.md",
                "echo '수습 통과!' | ijik journal new --tag 수습"});
  r.on(nw, Access::kNone, [=](Context& ctx) { return journal_new(ctx, *na); });

  auto tag = std::make_shared<std::string>();
  auto* list = journal->add_subcommand("list", "List entries by date");
  list->add_option("--tag", *tag, "Only entries with this tag");
  examples(list, {"ijik journal list", "ijik journal list --tag 이직"});
  r.on(list, Access::kRead, [=](Context& ctx) { return journal_list(ctx, *tag); });

  auto sid = std::make_shared<std::string>();
  auto* show = journal->add_subcommand("show", "Print an entry");
  show->add_option("id", *sid, "Entry id")->required();
  examples(show, {"ijik journal show 3"});
  r.on(show, Access::kRead, [=](Context& ctx) { return journal_show(ctx, *sid); });

  auto eid = std::make_shared<std::string>(), efile = std::make_shared<std::string>();
  auto etext = std::make_shared<std::optional<std::string>>();
  auto* edit = journal->add_subcommand(
      "edit", "Rewrite an entry's text: $VISUAL/$EDITOR, or -f FILE / standard input when piped");
  edit->add_option("id", *eid, "Entry id")->required();
  edit->add_option("-f,--file", *efile, "Read the new text from FILE ('-': standard input)");
  edit->add_option("--text", *etext, "The new Markdown text itself");
  examples(edit, {"ijik journal edit 3", "ijik journal edit 3 -f retro.md"});
  r.on(edit, Access::kNone, [=](Context& ctx) { return journal_edit(ctx, *eid, *efile, *etext); });

  auto rid = std::make_shared<std::string>();
  auto* rm = journal->add_subcommand("rm", "Remove an entry");
  rm->add_option("id", *rid, "Entry id")->required();
  examples(rm, {"ijik journal rm 3"});
  r.on(rm, Access::kWrite, [=](Context& ctx) { return journal_rm(ctx, *rid); });

  auto query = std::make_shared<std::string>();
  auto* search = journal->add_subcommand(
      "search", "Full-text search (Korean words of two syllables or more, English words)");
  search->add_option("query", *query, "Words to find (all must match)")->required();
  examples(search, {"ijik journal search 이직", "ijik journal search '수습 연장' --json"});
  r.on(search, Access::kRead, [=](Context& ctx) { return journal_search(ctx, *query); });

  auto from = std::make_shared<std::string>(), to = std::make_shared<std::string>(),
       out = std::make_shared<std::string>();
  auto* exp = journal->add_subcommand(
      "export", "One Markdown retrospective: timeline, job searches, decisions, entries");
  exp->add_option("--from", *from, "Entries from this date (YYYY-MM-DD)");
  exp->add_option("--to", *to, "Entries up to this date (YYYY-MM-DD)");
  exp->add_option("-o,--output", *out, "Write to FILE.md instead of standard output");
  examples(exp, {"ijik journal export -o retro.md",
                 "ijik journal export --from 2025-01-01 --to 2025-12-31"});
  r.on(exp, Access::kRead, [=](Context& ctx) { return journal_export(ctx, *from, *to, *out); });
}

}  // namespace ijik::cli
