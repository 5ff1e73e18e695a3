#include "cli/workplace_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/table.h"
#include "common/money.h"
#include "domain/pension.h"
#include "exchange/json_view.h"
#include "search/index_cache.h"
#include "text/utf8.h"

namespace ijik::cli {

using nlohmann::ordered_json;

std::string sparkline(const std::vector<int64_t>& values) {
  static constexpr char32_t kBars[] = {U'▁', U'▂', U'▃', U'▄', U'▅', U'▆', U'▇', U'█'};
  if (values.empty()) return "";
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  std::string out;
  for (int64_t v : values) {
    size_t level = *hi == *lo ? 3 : static_cast<size_t>((v - *lo) * 7 / (*hi - *lo));
    text::append_utf8(out, kBars[level]);
  }
  return out;
}

namespace {

ordered_json opt(const std::optional<int64_t>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}
ordered_json opt(const std::optional<double>& v) {
  return v ? ordered_json(std::round(*v * 10000.0) / 10000.0) : ordered_json(nullptr);
}

std::string signed_count(const std::optional<int64_t>& abs, const std::optional<double>& pct) {
  if (!abs) return "—";
  return pct ? fmt::format("{:+} ({:+.1f}%)", *abs, *pct * 100.0) : fmt::format("{:+}", *abs);
}

}  // namespace

ordered_json workplace_json(const store::WorkplaceRecord& w,
                            const std::vector<domain::MonthlyPoint>& series) {
  // exchange::object: the server answers this report many times a second.
  ordered_json s = ordered_json::array();
  s.get_ref<ordered_json::array_t&>().reserve(series.size());
  for (const auto& p : series)
    s.push_back(exchange::object({{"month", p.month.iso()},
                                  {"headcount", p.headcount},
                                  {"billed", p.billed},
                                  {"new", p.hires},
                                  {"lost", p.leavers},
                                  {"status", p.status}}));
  ordered_json metrics = nullptr;
  if (!series.empty()) {
    auto m = domain::compute_metrics(series);
    metrics = exchange::object(
        {{"latest_month", m.latest_month.iso()},
         {"headcount", m.headcount},
         {"months_observed", m.months_observed},
         {"change_3m", opt(m.change_3m)},
         {"change_6m", opt(m.change_6m)},
         {"change_12m", opt(m.change_12m)},
         {"change_3m_pct", opt(m.change_3m_pct)},
         {"change_6m_pct", opt(m.change_6m_pct)},
         {"change_12m_pct", opt(m.change_12m_pct)},
         {"hires_12m", m.hires_12m},
         {"leavers_12m", m.leavers_12m},
         {"attrition_12m", opt(m.attrition_12m)},
         {"pay_month_est", opt(m.pay_month_est)},
         {"pay_year_est", opt(m.pay_year_est)},
         {"pay_is_lower_bound", m.pay_is_lower_bound},
         {"withdrawn_on", w.withdrawn_on ? ordered_json(*w.withdrawn_on) : ordered_json(nullptr)}});
  }
  ordered_json o = exchange::object(
      {{"kind", "workplace"},
       {"id", w.id},
       {"name", w.name},
       {"brn_prefix", w.brn6},
       {"region", w.region},
       {"address", w.address},
       {"industry_code", w.industry_code},
       {"industry", w.industry_name},
       {"legal_form", w.legal_form == 2 ? "individual" : "corporation"},
       {"status", w.status == 2 ? "withdrawn" : "active"},
       {"adopted", w.adopted.empty() ? ordered_json(nullptr) : ordered_json(w.adopted)}});
  // Moved in, not copied through the initializer list.
  auto& members = o.get_ref<ordered_json::object_t&>();
  members.emplace_back("series", std::move(s));
  members.emplace_back("metrics", std::move(metrics));
  return o;
}

void print_workplace(std::ostream& o, const store::WorkplaceRecord& w,
                     const std::vector<domain::MonthlyPoint>& series, bool color) {
  o << bold(fmt::format("{}  (public workplace {})", w.name, w.id), color) << "\n";
  o << fmt::format("지역 {} · 업종 {} ({}) · 사업자번호 앞자리 {} · {}\n",
                   w.region.empty() ? "—" : w.region, w.industry_name, w.industry_code, w.brn6,
                   w.legal_form == 2 ? "개인" : "법인");
  if (w.status == 2)
    o << fmt::format("상태: 탈퇴 (withdrawn from the pension scheme){}\n",
                     w.withdrawn_on ? " on " + *w.withdrawn_on : "");
  if (series.empty()) {
    o << "No monthly data.\n";
    return;
  }
  auto m = domain::compute_metrics(series);
  std::vector<int64_t> heads;
  for (const auto& p : series) heads.push_back(p.headcount);
  o << fmt::format("\n인원 {} ({})  {}\n", group_thousands(m.headcount), m.latest_month.iso(),
                   sparkline(heads));
  o << fmt::format(
      "변화  3개월 {} · 6개월 {} · 12개월 {}\n", signed_count(m.change_3m, m.change_3m_pct),
      signed_count(m.change_6m, m.change_6m_pct), signed_count(m.change_12m, m.change_12m_pct));
  // Rates on fewer than ten people swing with one person: counts only there.
  std::string attrition = m.attrition_12m && m.headcount >= 10
                              ? fmt::format(" · 퇴사율 {:.0f}%", *m.attrition_12m * 100)
                              : "";
  o << fmt::format("12개월 입사 {} · 퇴사 {}{}\n", m.hires_12m, m.leavers_12m, attrition);
  if (m.pay_month_est) {
    o << fmt::format(
        "추정 평균 기준소득월액 {} (연 {}){}\n", format_krw(*m.pay_month_est / 10000 * 10000),
        format_krw(*m.pay_year_est / 10000 * 10000),
        m.pay_is_lower_bound
            ? " — near the contribution ceiling: a lower bound, real pay may be much higher"
            : "");
  }
  o << fmt::format("관측 {}개월{}\n\n", m.months_observed,
                   m.headcount > 0 && m.headcount < 10
                       ? " · fewer than 10 members: one person moves every rate"
                       : "");
  Table t({"월", "인원", "입사", "퇴사", "고지금액", "1인당 추정", "상태"});
  for (size_t c = 1; c <= 5; ++c) t.align(c, Table::Align::kRight);
  for (const auto& p : series) {
    std::string per_head =
        p.headcount > 0 && p.billed > 0
            ? group_thousands(static_cast<int64_t>(static_cast<double>(p.billed) /
                                                   static_cast<double>(p.headcount) /
                                                   domain::contribution_rate(p.month)) /
                              10000 * 10000)
            : "—";
    t.add({p.month.iso(), group_thousands(p.headcount), std::to_string(p.hires),
           std::to_string(p.leavers), group_thousands(p.billed), per_head,
           p.status == 2 ? "탈퇴" : "등록"});
  }
  o << t.render(color);
}

std::string describe_candidates(const std::vector<store::WorkplaceRecord>& ws) {
  std::string out;
  for (size_t i = 0; i < ws.size() && i < 5; ++i)
    out += fmt::format("{}{} ({})", i ? ", " : "", ws[i].id,
                       ws[i].region.empty() ? ws[i].address : ws[i].region);
  if (ws.size() > 5) out += fmt::format(" and {} more", ws.size() - 5);
  return out;
}

Result<store::WorkplaceRecord> resolve_workplace(store::NpsRepo& nps, const std::string& key) {
  if (!key.empty() && key.find_first_not_of("0123456789") == std::string::npos && key.size() < 12) {
    IJIK_ASSIGN_OR_RETURN(auto w, nps.workplace(std::stoll(key)));
    if (w) return *w;
  }
  IJIK_ASSIGN_OR_RETURN(auto hits, nps.find_by_name(key));
  if (hits.empty())
    return not_found(fmt::format(
        "no company or public workplace named '{}' (try 'ijik company search {}')", key, key));
  if (hits.size() > 1)
    return conflict(fmt::format("{} public workplaces are named '{}': {}; give the id", hits.size(),
                                key, describe_candidates(hits)));
  return hits.front();
}

Result<store::WorkplaceRecord> find_workplace(store::Database& db, const std::string& key) {
  store::NpsRepo nps(db);
  auto exact = resolve_workplace(nps, key);
  if (exact.ok() || exact.error().code != ErrorCode::kNotFound) return exact;
  const search::Query q = search::make_query(key);
  if (q.empty()) return exact;
  IJIK_ASSIGN_OR_RETURN(auto hits, search::find_workplaces(db, q, 6));
  std::vector<store::WorkplaceRecord> best;
  search::Tier tier = search::Tier::kSubstring;
  for (const auto& h : hits) {
    if (!best.empty() && h.tier != tier) break;  // only the best tier counts
    IJIK_ASSIGN_OR_RETURN(auto w, nps.workplace(h.id));
    if (!w) continue;
    tier = h.tier;
    best.push_back(std::move(*w));
  }
  if (best.empty()) return exact;
  if (best.size() > 1) {
    std::string list;
    for (const auto& w : best)
      list += fmt::format("{}{} {} ({})", list.empty() ? "" : ", ", w.id, w.name, w.region);
    return conflict(
        fmt::format("{}{} public workplaces match '{}': {}; give the id (see 'ijik "
                    "company search {}')",
                    best.size() >= 6 ? "at least " : "", best.size(), key, list, key));
  }
  return best.front();
}

}  // namespace ijik::cli
