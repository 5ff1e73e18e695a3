#include "exchange/retrospective_md.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/money.h"

namespace ijik::exchange {
namespace {

bool in_period(const RetrospectiveInput& in, const Date& d) {
  return (!in.from || !(d < *in.from)) && (!in.to || !(*in.to < d));
}

bool overlaps(const RetrospectiveInput& in, const Date& start, const std::optional<Date>& end) {
  return (!in.to || !(*in.to < start)) && (!in.from || !end || !(*end < *in.from));
}

// A phase's dates are YYYY-MM or YYYY-MM-DD: compared on their own precision.
bool phase_overlaps(const RetrospectiveInput& in, const domain::Phase& p) {
  if (in.to && in.to->iso().substr(0, p.from.size()) < p.from) return false;
  if (in.from && p.to && *p.to < in.from->iso().substr(0, p.to->size())) return false;
  return true;
}

// Markdown table cells hold one line and no bare '|'.
std::string cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string percent(int passed, int reached) {
  if (reached == 0) return "–";
  return fmt::format("{}%", static_cast<int>(std::lround(100.0 * passed / reached)));
}

std::string format_score(double v) {
  return fmt::format("{:.2f}", std::round(v * 100) / 100);
}

// A weight as the user typed it: 20, 12.5.
std::string format_weight(double v) {
  return fmt::format("{}", std::round(v * 100) / 100);
}

// The last stage the application got to: the last one with a result, or
// dated today or earlier.
const domain::Stage* last_reached(const domain::Application& a, const Date& today) {
  const domain::Stage* last = nullptr;
  for (const auto& s : a.stages)
    if (s.result != domain::StageResult::kPending || (s.date && *s.date <= today)) last = &s;
  return last;
}

// The body without its first line when that line is a heading that serves
// as the entry's title (the section heading already says it), and without
// leading blank lines.
std::string body_without_title_heading(const domain::JournalEntry& e) {
  std::string body = e.body;
  size_t start = body.find_first_not_of(" \t\r\n");
  if (start != std::string::npos && body[start] == '#') {
    size_t nl = body.find('\n', start);
    std::string line = body.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    size_t text = line.find_first_not_of("# ");
    if (e.title.empty() || (text != std::string::npos && line.substr(text) == e.title))
      body = nl == std::string::npos ? std::string() : body.substr(nl + 1);
  }
  size_t first = body.find_first_not_of("\r\n");
  return first == std::string::npos ? std::string() : body.substr(first);
}

// Entry text with its Markdown headings three levels down (# → ####), code
// fences left alone; ends with one newline.
std::string demote_headings(const std::string& body) {
  std::string out;
  bool fence = false;
  size_t i = 0;
  while (i < body.size()) {
    size_t nl = body.find('\n', i);
    std::string line = body.substr(i, nl == std::string::npos ? std::string::npos : nl - i);
    i = nl == std::string::npos ? body.size() : nl + 1;
    if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) fence = !fence;
    if (!fence && !line.empty() && line[0] == '#') {
      size_t level = line.find_first_not_of('#');
      if (level != std::string::npos && level <= 6 && line[level] == ' ')
        line = std::string(std::min<size_t>(level + 3, 6), '#') + line.substr(level);
    }
    out += line + "\n";
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

void timeline_section(const RetrospectiveInput& in, std::string& o) {
  std::vector<const domain::Job*> jobs;
  for (const auto& j : in.jobs)
    if (overlaps(in, j.from, j.to)) jobs.push_back(&j);
  std::vector<const domain::Phase*> phases;
  for (const auto& p : in.phases)
    if (phase_overlaps(in, p)) phases.push_back(&p);
  if (jobs.empty() && phases.empty()) return;
  o += "## 경력 타임라인\n\n";
  for (size_t k = 0; k < jobs.size(); ++k) {
    const auto& j = *jobs[k];
    if (k > 0 && jobs[k - 1]->to) {
      long gap = domain::gap_days(*jobs[k - 1]->to, j.from);
      if (gap > 0) o += fmt::format("- *공백 {}일*\n", gap);
    }
    o += fmt::format("- **{} ~ {}** · {} · {}{}\n", j.from.iso(), j.to ? j.to->iso() : "현재",
                     j.company, j.title, j.team.empty() ? "" : " (" + j.team + ")");
    std::string types = domain::job_type_label(j.start_type);
    for (const auto& c : j.conversions)
      types += fmt::format(" → {} ({})", domain::job_type_label(c.to), c.on.iso());
    Date last = j.to ? *j.to : in.today;
    std::string tenure =
        j.from <= last
            ? domain::format_tenure(domain::whole_months_between(j.from, last.add_days(1)))
            : "입사 예정";
    o += fmt::format("  - {} · {}\n", types, tenure);
    if (j.probation) o += "  - " + domain::describe_probation(*j.probation) + "\n";
    if (!j.reason.empty() && j.to) o += "  - 떠난 이유: " + j.reason + "\n";
  }
  if (!phases.empty()) {
    o += "\n";
    for (const auto* p : phases)
      o += fmt::format("- 시기: **{}** ({} ~ {})\n", p->name, p->from, p->to.value_or("현재"));
  }
  o += "\n";
}

const domain::Offer* offer_of(const RetrospectiveInput& in, int64_t app_id) {
  for (const auto& of : in.offers)
    if (of.application_id == app_id) return &of;
  return nullptr;
}

void searches_section(const RetrospectiveInput& in, std::string& o) {
  auto searches = domain::split_searches(in.jobs, in.applications, in.today);
  bool any = false;
  for (const auto& s : searches) {
    bool shown = false;
    for (const auto* a : s.applications) shown = shown || in_period(in, a->applied);
    if (!shown) continue;
    if (!any) o += "## 구직 기록\n\n";
    any = true;
    const domain::Job* job = nullptr;
    for (const auto& j : in.jobs)
      if (s.before_job && j.id == *s.before_job) job = &j;
    if (job)
      o += fmt::format("### {} · {} 입사 전 ({} 입사)\n\n", job->company, job->title,
                       job->from.iso());
    else
      o += "### 진행 중인 구직\n\n";
    const auto& f = s.funnel;
    o += fmt::format("지원 {}건 · 오퍼 {}건 · 수락 {}건\n\n", f.applications, f.offers, f.accepted);
    if (!f.stages.empty()) {
      o += "| 단계 | 도달 | 통과 | 통과율 |\n|---|---:|---:|---:|\n";
      for (const auto& st : f.stages)
        o += fmt::format("| {} | {} | {} | {} |\n", st.kind.label(), st.reached, st.passed,
                         percent(st.passed, st.reached));
      o += "\n";
    }
    o += "| 지원일 | 회사 | 직무 | 도달 단계 | 결과 | 오퍼 (첫해 현금) "
         "|\n|---|---|---|---|---|---:|\n";
    for (const auto* a : s.applications) {
      const domain::Stage* at = last_reached(*a, in.today);
      const auto* of = offer_of(in, a->id);
      o += fmt::format("| {} | {} | {} | {} | {} | {} |\n", a->applied.iso(), cell(a->company),
                       cell(a->role), at ? cell(at->name) : "–",
                       domain::label_ko(domain::derive_status(*a)),
                       of ? format_krw(domain::first_year_cash(*of)) : "");
    }
    o += "\n";
  }
}

void decisions_section(const RetrospectiveInput& in, std::string& o) {
  bool any = false;
  for (const auto& d : in.decisions) {
    if (!in_period(in, d.created_on) && !(d.closed_on && in_period(in, *d.closed_on))) continue;
    if (!any) o += "## 결정\n\n";
    any = true;
    o += fmt::format("### {} ({})\n\n", d.title, d.created_on.iso());
    const domain::DecisionOption* chosen = nullptr;
    for (const auto& opt : d.options)
      if (d.chosen_option_id && opt.id == *d.chosen_option_id) chosen = &opt;
    if (chosen)
      o += fmt::format("- **선택: {}**{}\n", chosen->name,
                       d.closed_on ? " (" + d.closed_on->iso() + ")" : "");
    else
      o += "- 아직 결정하지 않음\n";
    if (!d.note.empty()) o += "- 이유: " + d.note + "\n";
    o += "\n";
    if (!d.options.empty()) {
      std::string crit;
      for (const auto& c : d.criteria)
        crit += (crit.empty() ? "" : ", ") + fmt::format("{} {}", c.name, format_weight(c.weight));
      if (!crit.empty()) o += "기준 (가중치): " + crit + "\n\n";
      o += "| 순위 | 선택지 | 점수 | 수락 가능성 | 장점 | 단점 |\n|---:|---|---:|---:|---|---|\n";
      auto order = domain::rank_options(d);
      for (size_t r = 0; r < order.size(); ++r) {
        const auto& opt = d.options[order[r]];
        std::string pros, cons;
        for (const auto& p : opt.pros) pros += (pros.empty() ? "" : "; ") + p;
        for (const auto& c : opt.cons) cons += (cons.empty() ? "" : "; ") + c;
        o += fmt::format("| {} | {} | {} | {} | {} | {} |\n", r + 1, cell(opt.name),
                         format_score(domain::weighted_score(d.criteria, opt.scores)),
                         opt.likelihood ? fmt::format("{}%", std::lround(*opt.likelihood)) : "",
                         cell(pros), cell(cons));
      }
      o += "\n";
    }
    for (const auto& rv : d.reviews)
      o += fmt::format("- 돌아보기 ({}): {}\n", rv.on.iso(), rv.note);
    if (!d.reviews.empty()) o += "\n";
  }
}

void entries_section(const RetrospectiveInput& in, std::string& o) {
  if (in.entries.empty()) return;
  o += "## 회고\n\n";
  for (const auto& e : in.entries) {
    std::string heading = e.title.empty() ? domain::entry_heading(e) : e.title;
    o += fmt::format("### {} · {}\n\n", e.date.iso(), heading);
    std::string meta;
    for (const auto& t : e.tags) meta += (meta.empty() ? "#" : " #") + t;
    if (!e.company.empty()) meta += (meta.empty() ? "" : " · ") + e.company;
    if (!meta.empty()) o += "*" + meta + "*\n\n";
    o += demote_headings(body_without_title_heading(e)) + "\n";
  }
}

}  // namespace

std::string retrospective_markdown(const RetrospectiveInput& in) {
  std::string o = "# 이직 회고\n\n";
  std::string from = in.from ? in.from->iso() : "";
  if (!in.from) {
    if (!in.jobs.empty()) from = in.jobs.front().from.iso();
    for (const auto& a : in.applications)
      if (from.empty() || a.applied.iso() < from) from = a.applied.iso();
    for (const auto& e : in.entries)
      if (from.empty() || e.date.iso() < from) from = e.date.iso();
  }
  std::string to = in.to ? in.to->iso() : in.today.iso();
  o += fmt::format("> 기간: {} ~ {} · ijik으로 정리\n\n", from.empty() ? to : from, to);
  size_t header = o.size();
  timeline_section(in, o);
  searches_section(in, o);
  decisions_section(in, o);
  entries_section(in, o);
  if (o.size() == header) o += "이 기간에는 기록이 없습니다.\n";
  while (o.size() >= 2 && o[o.size() - 1] == '\n' && o[o.size() - 2] == '\n') o.pop_back();
  return o;
}

}  // namespace ijik::exchange
