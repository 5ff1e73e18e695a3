// ijik decide new | list | criteria | score | pro | con | likelihood | show | close | review
#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "cli/vet_subject.h"
#include "common/clock.h"
#include "domain/decision.h"
#include "domain/offer.h"
#include "exchange/career_json.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"
#include "store/career_repo.h"
#include "store/decision_repo.h"

namespace ijik::cli {
namespace {

using nlohmann::ordered_json;

constexpr const char* kStayName = "잔류";

Result<int64_t> parse_decision_id(const std::string& text) {
  int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0)
    return invalid_input(fmt::format(
        "invalid decision id '{}': expected a number such as 1 (see 'ijik decide list')", text));
  return id;
}

bool all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::string names_of(const domain::Decision& d) {
  std::string s;
  for (const auto& o : d.options) s += (s.empty() ? "" : ", ") + o.name;
  return s;
}

// An option by name (spaces and ASCII case ignored), by its number in
// `decide show` (1, 2 …), or "stay" for the stay option.
Result<size_t> resolve_option(const domain::Decision& d, const std::string& key) {
  for (size_t i = 0; i < d.options.size(); ++i)
    if (squeeze(d.options[i].name) == squeeze(key)) return i;
  if (all_digits(key) && key.size() < 6) {
    size_t n = std::stoul(key);
    if (n >= 1 && n <= d.options.size()) return n - 1;
  }
  if (key == "stay")
    for (size_t i = 0; i < d.options.size(); ++i)
      if (d.options[i].stay) return i;
  return not_found(fmt::format("decision {} has no option '{}': expected one of {} (or its number)",
                               d.id, key, names_of(d)));
}

Result<size_t> resolve_criterion(const domain::Decision& d, const std::string& key) {
  for (size_t i = 0; i < d.criteria.size(); ++i)
    if (squeeze(d.criteria[i].name) == squeeze(key)) return i;
  std::string names;
  for (const auto& c : d.criteria) names += (names.empty() ? "" : ", ") + c.name;
  return not_found(
      fmt::format("decision {} has no criterion '{}': expected one of {} (add it with "
                  "'ijik decide criteria {} --set NAME=WEIGHT')",
                  d.id, key, names, d.id));
}

Result<double> parse_number(const std::string& text, double lo, double hi, const char* what,
                            const char* example) {
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || p != text.data() + text.size() || !std::isfinite(v) ||
      v < lo || v > hi)
    return invalid_input(
        fmt::format("invalid {} '{}': expected a number from {:g} to {:g} such as {}", what, text,
                    lo, hi, example));
  return v;
}

// The stability score a company's vetting grade gives (A 9, B 7, C 5, D 3,
// E 1) and where it came from, when ijik holds public data on it (a linked
// workplace's series or financial statements); none otherwise.
Result<std::optional<std::pair<double, std::string>>> stability_from_vet(
    Context& ctx, const vetting::RuleConfig& rules, int64_t company_id) {
  using Found = std::optional<std::pair<double, std::string>>;
  IJIK_ASSIGN_OR_RETURN(auto subject, vetting::company_subject(ctx.db, company_id));
  IJIK_ASSIGN_OR_RETURN(auto report, vetting::build_report(ctx.db, subject, rules));
  if (!report.metrics && report.years.empty()) return Found();
  const char letter = report.grade.letter;
  const double score = letter >= 'A' && letter <= 'E' ? 9.0 - 2.0 * (letter - 'A') : 5.0;
  return Found({score, fmt::format("vet grade {} ({})", letter, today().iso())});
}

// Pre-fills 안정성 for the options whose employer ijik can vet: each
// application's company, and the current employer for the stay option.
Status prefill_stability(Context& ctx, const domain::Decision& d) {
  auto rules = rules_for(ctx, "");
  if (!rules.ok()) {
    ctx.err << "ijik: note: 안정성 not pre-filled from vetting: " << rules.error().message << "\n";
    return {};
  }
  store::ApplicationRepo apps(ctx.db);
  store::CareerRepo career(ctx.db);
  store::DecisionRepo repo(ctx.db);
  for (const auto& o : d.options) {
    std::optional<int64_t> company;
    if (o.application_id) {
      IJIK_ASSIGN_OR_RETURN(auto app, apps.get(*o.application_id));
      company = app.company_id;
    } else if (o.stay) {
      IJIK_ASSIGN_OR_RETURN(company, career.current_employer());
    }
    if (!company) continue;
    IJIK_ASSIGN_OR_RETURN(auto found, stability_from_vet(ctx, *rules, *company));
    if (!found) continue;
    IJIK_RETURN_IF_ERROR(repo.set_score(o.id, "안정성", found->first, found->second));
    ctx.out << fmt::format("  {} · 안정성 = {:g} from {}\n", o.name, found->first, found->second);
  }
  return {};
}

Status decide_new(Context& ctx, const std::string& title, const std::vector<std::string>& opts) {
  if (title.find_first_not_of(" \t") == std::string::npos)
    return invalid_input("decision title is empty: expected a title such as '2026 이직'");
  if (opts.size() < 2)
    return invalid_input(
        "a decision needs at least two options: expected --option APP_ID|stay|TEXT twice or more");
  domain::Decision d;
  d.title = title;
  d.created_on = today();
  d.criteria = domain::default_criteria();
  store::ApplicationRepo apps(ctx.db);
  for (const auto& key : opts) {
    domain::DecisionOption o;
    if (key == "stay" || key == kStayName) {
      o.stay = true;
      o.name = kStayName;
    } else if (all_digits(key)) {
      IJIK_ASSIGN_OR_RETURN(int64_t id, parse_app_id(key));
      IJIK_ASSIGN_OR_RETURN(auto app, apps.get(id));
      o.application_id = id;
      o.name = app.company;
      for (const auto& other : d.options)
        if (other.name == o.name) o.name = app.company + " " + app.role;
    } else if (key.find_first_not_of(" \t") == std::string::npos) {
      return invalid_input("an option is empty: expected an application id, stay, or a name");
    } else {
      o.name = key;
    }
    for (const auto& other : d.options)
      if (squeeze(other.name) == squeeze(o.name))
        return conflict(
            fmt::format("option '{}' is given twice: expected distinct options", o.name));
    d.options.push_back(std::move(o));
  }
  store::DecisionRepo repo(ctx.db);
  IJIK_RETURN_IF_ERROR(repo.add(d));
  ctx.out << fmt::format("Created decision {}: {} (options: {})\n", d.id, d.title, names_of(d));
  return prefill_stability(ctx, d);
}

Result<domain::Decision> load(Context& ctx, const std::string& id_text) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_decision_id(id_text));
  store::DecisionRepo repo(ctx.db);
  return repo.get(id);
}

Status must_be_open(const domain::Decision& d) {
  if (d.closed_on)
    return conflict(
        fmt::format("decision {} was closed on {}: a closed decision is kept as it was "
                    "(add a review with 'ijik decide review {} --note TEXT')",
                    d.id, d.closed_on->iso(), d.id));
  return {};
}

Status decide_criteria(Context& ctx, const std::string& id_text,
                       const std::vector<std::string>& sets, const std::vector<std::string>& rms) {
  IJIK_ASSIGN_OR_RETURN(auto d, load(ctx, id_text));
  store::DecisionRepo repo(ctx.db);
  if (!sets.empty() || !rms.empty()) IJIK_RETURN_IF_ERROR(must_be_open(d));
  for (const auto& s : sets) {
    auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0 || s.find_first_not_of(" \t") == eq)
      return invalid_input(
          fmt::format("invalid --set '{}': expected NAME=WEIGHT such as 보상=30", s));
    std::string name = s.substr(0, eq);
    IJIK_ASSIGN_OR_RETURN(double w, parse_number(s.substr(eq + 1), 0, 1000, "weight", "30"));
    // An existing criterion keeps its spelling.
    for (const auto& c : d.criteria)
      if (squeeze(c.name) == squeeze(name)) name = c.name;
    IJIK_RETURN_IF_ERROR(repo.set_weight(d.id, name, w));
  }
  for (const auto& name : rms) {
    IJIK_ASSIGN_OR_RETURN(size_t c, resolve_criterion(d, name));
    IJIK_RETURN_IF_ERROR(repo.remove_criterion(d.id, d.criteria[c].name));
  }
  IJIK_ASSIGN_OR_RETURN(auto after, repo.get(d.id));
  if (ctx.options.json) {
    auto arr = ordered_json::array();
    for (const auto& c : after.criteria) arr.push_back({{"name", c.name}, {"weight", c.weight}});
    ctx.out << exchange::dump(arr);
    return {};
  }
  double total = 0;
  for (const auto& c : after.criteria) total += c.weight;
  Table t({"기준", "가중치", "비중"});
  t.align(1, Table::Align::kRight).align(2, Table::Align::kRight);
  for (const auto& c : after.criteria)
    t.add({c.name, fmt::format("{:g}", c.weight),
           total > 0 ? fmt::format("{:.0f}%", 100.0 * c.weight / total) : "-"});
  ctx.out << t.render(ctx.color);
  return {};
}

Status decide_score(Context& ctx, const std::string& id_text, const std::string& option,
                    const std::string& criterion, const std::string& score_text) {
  IJIK_ASSIGN_OR_RETURN(auto d, load(ctx, id_text));
  IJIK_RETURN_IF_ERROR(must_be_open(d));
  IJIK_ASSIGN_OR_RETURN(size_t o, resolve_option(d, option));
  IJIK_ASSIGN_OR_RETURN(size_t c, resolve_criterion(d, criterion));
  IJIK_ASSIGN_OR_RETURN(double score, parse_number(score_text, 0, 10, "score", "7"));
  store::DecisionRepo repo(ctx.db);
  IJIK_RETURN_IF_ERROR(repo.set_score(d.options[o].id, d.criteria[c].name, score));
  ctx.out << fmt::format("Decision {}: {} · {} = {:g}\n", d.id, d.options[o].name,
                         d.criteria[c].name, score);
  return {};
}

Status decide_note(Context& ctx, const std::string& id_text, const std::string& option,
                   const std::string& text, bool pro) {
  IJIK_ASSIGN_OR_RETURN(auto d, load(ctx, id_text));
  IJIK_RETURN_IF_ERROR(must_be_open(d));
  IJIK_ASSIGN_OR_RETURN(size_t o, resolve_option(d, option));
  if (text.find_first_not_of(" \t") == std::string::npos)
    return invalid_input(fmt::format("the {} is empty: expected a sentence", pro ? "pro" : "con"));
  store::DecisionRepo repo(ctx.db);
  IJIK_RETURN_IF_ERROR(repo.add_note(d.options[o].id, pro, text));
  ctx.out << fmt::format("Decision {}: {} {} {}\n", d.id, d.options[o].name, pro ? "+" : "−", text);
  return {};
}

Status decide_likelihood(Context& ctx, const std::string& id_text, const std::string& option,
                         const std::string& pct_text) {
  IJIK_ASSIGN_OR_RETURN(auto d, load(ctx, id_text));
  IJIK_RETURN_IF_ERROR(must_be_open(d));
  IJIK_ASSIGN_OR_RETURN(size_t o, resolve_option(d, option));
  IJIK_ASSIGN_OR_RETURN(double pct, domain::parse_percent(pct_text, "likelihood"));
  store::DecisionRepo repo(ctx.db);
  IJIK_RETURN_IF_ERROR(repo.set_likelihood(d.options[o].id, pct));
  ctx.out << fmt::format("Decision {}: likelihood of accepting {} is {:g}%\n", d.id,
                         d.options[o].name, pct);
  return {};
}

std::string chosen_name(const domain::Decision& d) {
  for (const auto& o : d.options)
    if (d.chosen_option_id && o.id == *d.chosen_option_id) return o.name;
  return "";
}

// Where the scores of criterion `c` came from, when not all from the user:
// "from vetting: 카카오 vet B (2026-03-05), …"; "" when every score is the user's.
std::string score_origin(const domain::Decision& d, size_t c) {
  std::string out;
  for (const auto& o : d.options) {
    if (c >= o.score_sources.size() || o.score_sources[c].empty()) continue;
    out += (out.empty() ? "from vetting: " : ", ") + o.name + " " + o.score_sources[c];
  }
  return out;
}

ordered_json decision_json(const domain::Decision& d) {
  auto num_or_null = [](const std::optional<double>& v) {
    return v ? ordered_json(exchange::round2(*v)) : ordered_json(nullptr);
  };
  ordered_json criteria = ordered_json::array();
  for (size_t c = 0; c < d.criteria.size(); ++c)
    criteria.push_back({{"name", d.criteria[c].name},
                        {"weight", exchange::round2(d.criteria[c].weight)},
                        {"source", score_origin(d, c).empty() ? "hand" : "vet"}});
  ordered_json options = ordered_json::array();
  for (const auto& o : d.options) {
    ordered_json scores = ordered_json::object();
    for (size_t c = 0; c < d.criteria.size(); ++c)
      scores[d.criteria[c].name] = num_or_null(o.scores[c]);
    options.push_back(
        {{"name", o.name},
         {"app", o.application_id ? ordered_json(*o.application_id) : ordered_json(nullptr)},
         {"stay", o.stay},
         {"score", exchange::round2(domain::weighted_score(d.criteria, o.scores))},
         {"likelihood", num_or_null(o.likelihood)},
         {"scores", scores},
         {"pros", o.pros},
         {"cons", o.cons}});
  }
  ordered_json ranking = ordered_json::array();
  for (size_t i : domain::rank_options(d)) ranking.push_back(d.options[i].name);
  ordered_json sens = nullptr;
  if (auto s = domain::sensitivity(d))
    sens = {{"criterion", d.criteria[s->criterion].name},
            {"old_weight", exchange::round2(s->old_weight)},
            {"new_weight", exchange::round2(s->new_weight)},
            {"direction", s->up ? "up" : "down"},
            {"new_top", d.options[s->new_top].name}};
  ordered_json reviews = ordered_json::array();
  for (const auto& r : d.reviews) reviews.push_back({{"on", r.on.iso()}, {"note", r.note}});
  const std::string chosen = chosen_name(d);
  return {{"id", d.id},
          {"title", d.title},
          {"created_on", d.created_on.iso()},
          {"criteria", criteria},
          {"options", options},
          {"ranking", ranking},
          {"sensitivity", sens},
          {"chosen", chosen.empty() ? ordered_json(nullptr) : ordered_json(chosen)},
          {"closed_on", d.closed_on ? ordered_json(d.closed_on->iso()) : ordered_json(nullptr)},
          {"note", d.note},
          {"reviews", reviews}};
}

}  // namespace

// "'보상' 가중치 20 → 17.5 미만이면 1위: 당근" (the threshold itself is a tie).
std::string sensitivity_line(const domain::Decision& d) {
  auto s = domain::sensitivity(d);
  if (!s) return "가중치 하나만 바꿔서는 1위가 바뀌지 않음";
  return fmt::format("'{}' 가중치 {:g} → {:g} {} 1위: {}", d.criteria[s->criterion].name,
                     exchange::round2(s->old_weight), exchange::round2(s->new_weight),
                     s->up ? "초과이면" : "미만이면", d.options[s->new_top].name);
}

namespace {

Status decide_show(Context& ctx, const std::string& id_text) {
  IJIK_ASSIGN_OR_RETURN(auto d, load(ctx, id_text));
  if (ctx.options.json) {
    ctx.out << exchange::dump(decision_json(d));
    return {};
  }
  auto& o = ctx.out;
  o << bold(fmt::format("결정 #{}: {}", d.id, d.title), ctx.color) << "  (" << d.created_on.iso()
    << (d.closed_on ? ", 결정됨 " + d.closed_on->iso() : ", 진행 중") << ")\n\n";
  Table rank({"순위", "선택지", "점수", "수락 가능성"});
  rank.align(0, Table::Align::kRight).align(2, Table::Align::kRight).align(3, Table::Align::kRight);
  int n = 0;
  for (size_t i : domain::rank_options(d)) {
    const auto& opt = d.options[i];
    rank.add({std::to_string(++n), opt.name,
              fmt::format("{:.2f}", domain::weighted_score(d.criteria, opt.scores)),
              opt.likelihood ? fmt::format("{:g}%", *opt.likelihood) : "-"});
  }
  o << rank.render(ctx.color) << "\n";
  std::vector<std::string> headers{"기준", "가중치"};
  for (const auto& opt : d.options) headers.push_back(opt.name);
  headers.push_back("");
  Table m(headers);
  for (size_t c = 1; c + 1 < headers.size(); ++c) m.align(c, Table::Align::kRight);
  for (size_t c = 0; c < d.criteria.size(); ++c) {
    std::vector<std::string> row{d.criteria[c].name, fmt::format("{:g}", d.criteria[c].weight)};
    for (const auto& opt : d.options)
      row.push_back(opt.scores[c] ? fmt::format("{:g}", *opt.scores[c]) : "-");
    const std::string origin = score_origin(d, c);
    row.push_back(!origin.empty()                  ? origin
                  : d.criteria[c].name == "안정성" ? "entered by hand (no vetting data)"
                                                   : "");
    m.add(std::move(row));
  }
  o << m.render(ctx.color);
  for (const auto& opt : d.options) {
    if (opt.pros.empty() && opt.cons.empty()) continue;
    o << "\n" << opt.name << "\n";
    for (const auto& p : opt.pros) o << "  + " << p << "\n";
    for (const auto& c : opt.cons) o << "  − " << c << "\n";
  }
  o << "\n민감도: " << sensitivity_line(d) << "\n";
  if (d.closed_on) {
    o << fmt::format("선택: {} ({})", chosen_name(d), d.closed_on->iso())
      << (d.note.empty() ? "" : " — " + d.note) << "\n";
  }
  for (const auto& r : d.reviews) o << fmt::format("회고 {}: {}\n", r.on.iso(), r.note);
  return {};
}

Status decide_list(Context& ctx) {
  store::DecisionRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto all, repo.list());
  if (ctx.options.json) {
    auto arr = ordered_json::array();
    for (const auto& d : all) arr.push_back(decision_json(d));
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (all.empty()) {
    ctx.out << "No decisions yet. Start one with: ijik decide new TITLE --option APP_ID --option "
               "stay\n";
    return {};
  }
  Table t({"ID", "결정", "시작", "선택지", "1위", "선택"});
  t.align(0, Table::Align::kRight);
  for (const auto& d : all)
    t.add({std::to_string(d.id), d.title, d.created_on.iso(), names_of(d),
           d.options.empty() ? "" : d.options[domain::rank_options(d).front()].name,
           d.closed_on ? chosen_name(d) : ""});
  ctx.out << t.render(ctx.color);
  return {};
}

Status decide_close(Context& ctx, const std::string& id_text, const std::string& option,
                    const std::string& note) {
  IJIK_ASSIGN_OR_RETURN(auto d, load(ctx, id_text));
  IJIK_RETURN_IF_ERROR(must_be_open(d));
  IJIK_ASSIGN_OR_RETURN(size_t o, resolve_option(d, option));
  store::DecisionRepo repo(ctx.db);
  const Date now = today();
  IJIK_RETURN_IF_ERROR(repo.close(d.id, d.options[o].id, now, note));
  ctx.out << fmt::format("Decision {} closed on {}: chose {}\n", d.id, now.iso(),
                         d.options[o].name);
  return {};
}

Status decide_review(Context& ctx, const std::string& id_text, const std::string& note) {
  IJIK_ASSIGN_OR_RETURN(auto d, load(ctx, id_text));
  if (note.find_first_not_of(" \t") == std::string::npos)
    return invalid_input("--note is empty: expected how the decision turned out");
  if (!d.closed_on)
    return conflict(
        fmt::format("decision {} is not closed yet: expected 'ijik decide close {} "
                    "--chose OPTION' first",
                    d.id, d.id));
  store::DecisionRepo repo(ctx.db);
  const Date now = today();
  IJIK_RETURN_IF_ERROR(repo.add_review(d.id, now, note));
  ctx.out << fmt::format("Decision {}: review added on {}\n", d.id, now.iso());
  return {};
}

}  // namespace

void register_decide_commands(Registry& r) {
  auto* decide =
      r.app().add_subcommand("decide", "Decisions: weighted criteria, pros and cons, sensitivity");
  decide->require_subcommand(1);

  auto title = std::make_shared<std::string>();
  auto options = std::make_shared<std::vector<std::string>>();
  auto* nw = decide->add_subcommand("new", "Start a decision with the default criteria");
  nw->add_option("title", *title, "Title")->required();
  nw->add_option("--option", *options, "An application id, stay, or a name (repeat)");
  examples(nw, {"ijik decide new '2026 이직' --option 3 --option 5 --option stay"});
  r.on(nw, Access::kWrite, [=](Context& ctx) { return decide_new(ctx, *title, *options); });

  auto* list = decide->add_subcommand("list", "List decisions");
  examples(list, {"ijik decide list"});
  r.on(list, Access::kRead, [](Context& ctx) { return decide_list(ctx); });

  auto cid = std::make_shared<std::string>();
  auto sets = std::make_shared<std::vector<std::string>>(),
       rms = std::make_shared<std::vector<std::string>>();
  auto* crit = decide->add_subcommand("criteria", "Show or change the weighted criteria");
  crit->add_option("decision", *cid, "Decision id")->required();
  crit->add_option("--set", *sets, "NAME=WEIGHT: change a weight or add a criterion (repeat)");
  crit->add_option("--rm", *rms, "Remove a criterion and its scores (repeat)");
  examples(crit, {"ijik decide criteria 1",
                  "ijik decide criteria 1 --set 보상=30 --set 원격=5 --rm 통근"});
  r.on(crit, Access::kWrite, [=](Context& ctx) { return decide_criteria(ctx, *cid, *sets, *rms); });

  auto sid = std::make_shared<std::string>(), sopt = std::make_shared<std::string>(),
       scrit = std::make_shared<std::string>(), sval = std::make_shared<std::string>();
  auto* score = decide->add_subcommand("score", "Score an option on a criterion (0–10)");
  score->add_option("decision", *sid, "Decision id")->required();
  score->add_option("option", *sopt, "Option name or number")->required();
  score->add_option("criterion", *scrit, "Criterion name")->required();
  score->add_option("score", *sval, "0 to 10")->required();
  examples(score, {"ijik decide score 1 토스 보상 8"});
  r.on(score, Access::kWrite,
       [=](Context& ctx) { return decide_score(ctx, *sid, *sopt, *scrit, *sval); });

  for (bool pro : {true, false}) {
    auto nid = std::make_shared<std::string>(), nopt = std::make_shared<std::string>(),
         ntext = std::make_shared<std::string>();
    auto* sub =
        decide->add_subcommand(pro ? "pro" : "con", pro ? "Add a pro (an opportunity gained)"
                                                        : "Add a con (an opportunity lost)");
    sub->add_option("decision", *nid, "Decision id")->required();
    sub->add_option("option", *nopt, "Option name or number")->required();
    sub->add_option("text", *ntext, "The pro or con")->required();
    examples(sub, {pro ? "ijik decide pro 1 토스 '실서비스에 기술 적용'"
                       : "ijik decide con 1 토스 '연구 주제를 잃음'"});
    r.on(sub, Access::kWrite,
         [=](Context& ctx) { return decide_note(ctx, *nid, *nopt, *ntext, pro); });
  }

  auto lid = std::make_shared<std::string>(), lopt = std::make_shared<std::string>(),
       lpct = std::make_shared<std::string>();
  auto* like =
      decide->add_subcommand("likelihood", "Your own likelihood of accepting an option (%)");
  like->add_option("decision", *lid, "Decision id")->required();
  like->add_option("option", *lopt, "Option name or number")->required();
  like->add_option("pct", *lpct, "0 to 100, such as 70 or 70%")->required();
  examples(like, {"ijik decide likelihood 1 토스 70%"});
  r.on(like, Access::kWrite,
       [=](Context& ctx) { return decide_likelihood(ctx, *lid, *lopt, *lpct); });

  auto shid = std::make_shared<std::string>();
  auto* show =
      decide->add_subcommand("show", "Ranking, scores, pros and cons, and the sensitivity line");
  show->add_option("decision", *shid, "Decision id")->required();
  examples(show, {"ijik decide show 1", "ijik decide show 1 --json"});
  r.on(show, Access::kRead, [=](Context& ctx) { return decide_show(ctx, *shid); });

  auto clid = std::make_shared<std::string>(), chose = std::make_shared<std::string>(),
       clnote = std::make_shared<std::string>();
  auto* cl = decide->add_subcommand("close", "Record the choice and the reasoning");
  cl->add_option("decision", *clid, "Decision id")->required();
  cl->add_option("--chose", *chose, "The option chosen")->required();
  cl->add_option("--note", *clnote, "Why");
  examples(cl, {"ijik decide close 1 --chose 토스 --note '성장과 보상'"});
  r.on(cl, Access::kWrite, [=](Context& ctx) { return decide_close(ctx, *clid, *chose, *clnote); });

  auto rvid = std::make_shared<std::string>(), rvnote = std::make_shared<std::string>();
  auto* rv = decide->add_subcommand("review", "Add a later review: how did it turn out");
  rv->add_option("decision", *rvid, "Decision id")->required();
  rv->add_option("--note", *rvnote, "How it turned out")->required();
  examples(rv, {"ijik decide review 1 --note '6개월 후: 잘한 선택'"});
  r.on(rv, Access::kWrite, [=](Context& ctx) { return decide_review(ctx, *rvid, *rvnote); });
}

}  // namespace ijik::cli
