#include "cli/vet_view.h"

#include <fmt/format.h>

#include <cmath>
#include <sstream>

#include "cli/table.h"
#include "cli/workplace_view.h"
#include "common/money.h"

namespace ijik::cli {

using nlohmann::ordered_json;

namespace {

template <class T>
ordered_json opt(const std::optional<T>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}
ordered_json ratio(const std::optional<double>& v) {
  return v ? ordered_json(std::round(*v * 10000.0) / 10000.0) : ordered_json(nullptr);
}

std::optional<double> div(const std::optional<int64_t>& a, const std::optional<int64_t>& b) {
  if (!a || !b || *b == 0) return std::nullopt;
  return static_cast<double>(*a) / static_cast<double>(*b);
}

const char* basis_name(domain::StatementBasis b) {
  switch (b) {
    case domain::StatementBasis::kConsolidated:
      return "consolidated";
    case domain::StatementBasis::kSeparate:
      return "separate";
    case domain::StatementBasis::kUserEntered:
      return "user";
  }
  return "user";
}

// The derived columns of one fiscal year.
struct YearView {
  const domain::FinancialYear* y = nullptr;
  std::optional<double> growth, op_margin, net_margin, debt_ratio, payroll_cover;
  std::optional<int64_t> payroll;
  std::optional<std::string> impairment;  // "none", "partial", "full"
};

std::vector<YearView> year_views(const vetting::Report& r) {
  std::vector<YearView> out;
  for (size_t i = 0; i < r.years.size(); ++i) {
    const auto& y = r.years[i];
    YearView v;
    v.y = &y;
    if (i > 0 && r.years[i - 1].year + 1 == y.year && y.revenue && r.years[i - 1].revenue &&
        *r.years[i - 1].revenue > 0)
      v.growth = static_cast<double>(*y.revenue) / static_cast<double>(*r.years[i - 1].revenue) - 1;
    v.op_margin = div(y.operating_income, y.revenue);
    v.net_margin = div(y.net_income, y.revenue);
    if (y.total_equity && *y.total_equity > 0)
      v.debt_ratio = div(y.total_liabilities, y.total_equity);
    if (y.total_equity)
      v.impairment = *y.total_equity < 0                                           ? "full"
                     : (y.paid_in_capital && *y.total_equity < *y.paid_in_capital) ? "partial"
                                                                                   : "none";
    if (!r.series.empty()) v.payroll = vetting::estimated_payroll(r.series, y.year);
    v.payroll_cover = div(y.revenue, v.payroll);
    out.push_back(v);
  }
  return out;
}

std::string percent(const std::optional<double>& v) {
  return v ? fmt::format("{:.0f}%", *v * 100) : "—";
}

std::string signed_count(const std::optional<int64_t>& abs, const std::optional<double>& pct) {
  if (!abs) return "—";
  return pct ? fmt::format("{:+} ({:+.1f}%)", *abs, *pct * 100.0) : fmt::format("{:+}", *abs);
}

std::string flag_mark(const vetting::Flag& f) {
  if (f.kind == vetting::FlagKind::kGreen) return "✓ green";
  return fmt::format("✗ {}", vetting::to_string(f.severity));
}

std::vector<int64_t> heads(const vetting::Report& r) {
  std::vector<int64_t> h;
  for (const auto& p : r.series) h.push_back(p.headcount);
  return h;
}

}  // namespace

std::string short_krw(int64_t v) {
  const int64_t a = v < 0 ? -v : v;
  if (a >= 100'000'000) return fmt::format("{:.1f}억", static_cast<double>(v) / 1e8);
  if (a >= 10'000) return group_thousands(v / 10'000) + "만";
  return group_thousands(v) + "원";
}

ordered_json vet_json(const vetting::Report& r) {
  ordered_json j;
  j["company"] = r.subject.name;
  j["kind"] = r.subject.target.company_id ? "company" : "workplace";
  j["id"] =
      r.subject.target.company_id ? *r.subject.target.company_id : *r.subject.target.workplace_id;
  j["grade"] = std::string(1, r.grade.letter);
  j["grade_reason"] = r.grade.reason;
  ordered_json flags = ordered_json::array();
  for (const auto& f : r.flags)
    flags.push_back({{"rule", f.rule},
                     {"kind", vetting::to_string(f.kind)},
                     {"severity", vetting::to_string(f.severity)},
                     {"month", f.month ? ordered_json(f.month->iso()) : ordered_json(nullptr)},
                     {"evidence", f.evidence},
                     {"message_ko", f.message_ko},
                     {"message_en", f.message_en}});
  j["flags"] = flags;
  j["coverage"] = r.coverage;
  if (r.subject.workplace && r.metrics) {
    const auto& w = *r.subject.workplace;
    const auto& m = *r.metrics;
    ordered_json series = ordered_json::array();
    for (const auto& p : r.series)
      series.push_back({{"month", p.month.iso()},
                        {"headcount", p.headcount},
                        {"hires", p.hires},
                        {"leavers", p.leavers},
                        {"billed", p.billed},
                        {"status", p.status == 2 ? "withdrawn" : "active"}});
    j["workforce"] = {{"workplace_id", w.id},
                      {"name", w.name},
                      {"region", w.region},
                      {"industry_code", w.industry_code},
                      {"industry", w.industry_name},
                      {"status", r.series.back().status == 2 ? "withdrawn" : "active"},
                      {"first_month", r.series.front().month.iso()},
                      {"latest_month", m.latest_month.iso()},
                      {"months_observed", m.months_observed},
                      {"headcount", m.headcount},
                      {"sparkline", sparkline(heads(r))},
                      {"change_3m", opt(m.change_3m)},
                      {"change_6m", opt(m.change_6m)},
                      {"change_12m", opt(m.change_12m)},
                      {"change_3m_pct", ratio(m.change_3m_pct)},
                      {"change_6m_pct", ratio(m.change_6m_pct)},
                      {"change_12m_pct", ratio(m.change_12m_pct)},
                      {"hires_12m", m.hires_12m},
                      {"leavers_12m", m.leavers_12m},
                      {"attrition_12m", ratio(m.attrition_12m)},
                      {"series", series}};
    j["pay"] = {{"month_estimate", opt(m.pay_month_est)},
                {"year_estimate", opt(m.pay_year_est)},
                {"lower_bound", m.pay_is_lower_bound},
                {"percentile", r.pay ? ratio(r.pay->percentile) : ordered_json(nullptr)},
                {"peers", r.pay ? ordered_json(r.pay->peers) : ordered_json(nullptr)},
                {"industry", r.pay ? ordered_json(r.pay->industry) : ordered_json(nullptr)},
                {"size_band", r.pay ? ordered_json(r.pay->band) : ordered_json(nullptr)},
                {"p25", r.pay ? ordered_json(r.pay->p25) : ordered_json(nullptr)},
                {"median", r.pay ? ordered_json(r.pay->p50) : ordered_json(nullptr)},
                {"p75", r.pay ? ordered_json(r.pay->p75) : ordered_json(nullptr)}};
  } else {
    j["workforce"] = nullptr;
    j["pay"] = nullptr;
  }
  ordered_json fin = ordered_json::array();
  for (const auto& v : year_views(r)) {
    const auto& y = *v.y;
    fin.push_back({{"year", y.year},
                   {"basis", basis_name(y.basis)},
                   {"source", y.source},
                   {"revenue", opt(y.revenue)},
                   {"operating_income", opt(y.operating_income)},
                   {"net_income", opt(y.net_income)},
                   {"total_assets", opt(y.total_assets)},
                   {"total_liabilities", opt(y.total_liabilities)},
                   {"total_equity", opt(y.total_equity)},
                   {"paid_in_capital", opt(y.paid_in_capital)},
                   {"cash", opt(y.cash)},
                   {"revenue_growth", ratio(v.growth)},
                   {"operating_margin", ratio(v.op_margin)},
                   {"net_margin", ratio(v.net_margin)},
                   {"debt_ratio", ratio(v.debt_ratio)},
                   {"capital_impairment", opt(v.impairment)},
                   {"payroll_estimate", opt(v.payroll)},
                   {"revenue_to_payroll", ratio(v.payroll_cover)}});
  }
  j["finances"] = fin;
  ordered_json funding = ordered_json::array();
  for (const auto& f : r.funding)
    funding.push_back({{"date", f.date.iso()},
                       {"round", f.round},
                       {"amount", opt(f.amount)},
                       {"investors", f.investors},
                       {"note", f.note}});
  j["funding"] = funding;
  return j;
}

void print_vet(std::ostream& o, const vetting::Report& r, bool color) {
  const auto& s = r.subject;
  o << bold(fmt::format("{} — 회사 점검 (vet)  등급 {}", s.name, r.grade.letter), color) << "\n";
  o << fmt::format("Grade {}: {}\n", r.grade.letter, r.grade.reason);

  o << "\n" << bold("Flags", color) << "\n";
  if (r.flags.empty()) o << "  none\n";
  for (const auto& f : r.flags) {
    o << fmt::format("  {:<9} {}{}\n", flag_mark(f), f.rule, f.month ? "  " + f.month->iso() : "");
    o << "            " << f.evidence << "\n";
    o << "            " << f.message_ko << "\n";
    o << "            " << f.message_en << "\n";
  }

  o << "\n" << bold("Workforce (국민연금)", color) << "\n";
  if (!s.workplace || !r.metrics) {
    o << "  no data\n";
  } else {
    const auto& w = *s.workplace;
    const auto& m = *r.metrics;
    o << fmt::format("  public workplace {} · {} · {} ({})\n", w.id,
                     w.region.empty() ? "—" : w.region, w.industry_name, w.industry_code);
    o << fmt::format("  인원 {} ({})  {}\n", group_thousands(m.headcount), m.latest_month.iso(),
                     sparkline(heads(r)));
    o << fmt::format(
        "  변화 3개월 {} · 6개월 {} · 12개월 {}\n", signed_count(m.change_3m, m.change_3m_pct),
        signed_count(m.change_6m, m.change_6m_pct), signed_count(m.change_12m, m.change_12m_pct));
    o << fmt::format("  12개월 입사 {} · 퇴사 {} · 퇴사율 {}\n", m.hires_12m, m.leavers_12m,
                     percent(m.attrition_12m));
    o << fmt::format("  관측 {}개월 ({} – {}) · 상태 {}\n", m.months_observed,
                     r.series.front().month.iso(), m.latest_month.iso(),
                     r.series.back().status == 2 ? "탈퇴 (withdrawn)" : "등록 (active)");
  }

  o << "\n" << bold("Pay (추정 급여)", color) << "\n";
  if (!r.metrics || !r.metrics->pay_month_est) {
    o << "  no estimate\n";
  } else {
    const auto& m = *r.metrics;
    o << fmt::format("  추정 평균 기준소득월액 {} (연 {}){}\n",
                     format_krw(*m.pay_month_est / 10000 * 10000),
                     format_krw(*m.pay_year_est / 10000 * 10000),
                     m.pay_is_lower_bound ? " — a lower bound: near the contribution ceiling, real "
                                            "pay may be much higher"
                                          : "");
    if (r.pay)
      o << fmt::format(
          "  percentile {:.0f} among {} workplaces in {}, {} (25th {}, median {}, 75th {})\n",
          r.pay->percentile * 100, r.pay->peers, r.pay->industry, r.pay->band,
          short_krw(r.pay->p25), short_krw(r.pay->p50), short_krw(r.pay->p75));
  }

  o << "\n" << bold("Finances (재무)", color) << "\n";
  if (r.years.empty()) {
    o << "  no statements\n";
  } else {
    Table t({"연도", "매출액", "성장", "영업이익", "영업이익률", "당기순이익", "부채비율",
             "자본잠식", "매출/인건비", "출처"});
    for (size_t c = 1; c <= 8; ++c) t.align(c, Table::Align::kRight);
    for (const auto& v : year_views(r)) {
      const auto& y = *v.y;
      auto amount = [](const std::optional<int64_t>& a) { return a ? short_krw(*a) : "—"; };
      t.add({std::to_string(y.year), amount(y.revenue), percent(v.growth),
             amount(y.operating_income), percent(v.op_margin), amount(y.net_income),
             percent(v.debt_ratio),
             !v.impairment                ? "—"
             : *v.impairment == "none"    ? "없음"
             : *v.impairment == "partial" ? "부분"
                                          : "완전",
             v.payroll_cover ? fmt::format("{:.1f}×", *v.payroll_cover) : "—",
             y.source.empty() ? basis_name(y.basis) : y.source});
    }
    std::string table = t.render(color);
    std::istringstream lines(table);
    for (std::string line; std::getline(lines, line);) o << "  " << line << "\n";
  }

  o << "\n" << bold("Funding (투자)", color) << "\n";
  if (r.funding.empty()) o << "  none recorded\n";
  for (const auto& f : r.funding) {
    std::string investors;
    for (const auto& i : f.investors) investors += (investors.empty() ? "" : ", ") + i;
    o << fmt::format(
        "  {}  {}{}{}{}\n", f.date.iso(), f.round, f.amount ? "  " + format_krw(*f.amount) : "",
        investors.empty() ? "" : "  " + investors, f.note.empty() ? "" : "  " + f.note);
  }

  o << "\n" << bold("Coverage", color) << "\n";
  for (const auto& c : r.coverage) o << "  - " << c << "\n";
}

namespace {

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string vet_html(const vetting::Report& r) {
  // The terminal report's text is the body: one source of truth for the
  // wording, with the flags repeated as a coloured list on top.
  std::ostringstream text;
  print_vet(text, r, false);
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<title>" + esc(r.subject.name) + " — ijik vet</title>\n";
  h += "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 "
       "1rem}pre{font-family:ui-monospace,monospace;white-space:pre-wrap}.grade{font-size:2rem;"
       "font-weight:bold}.red{color:#b00020}.green{color:#1b7f3b}li{margin:.4rem 0}</style>\n";
  h += "</head>\n<body>\n";
  h += "<h1>" + esc(r.subject.name) + "</h1>\n";
  h += fmt::format("<p class=\"grade\">{}</p>\n<p>{}</p>\n", r.grade.letter, esc(r.grade.reason));
  h += "<ul>\n";
  for (const auto& f : r.flags)
    h += fmt::format("<li class=\"{}\"><b>{} {}</b>{}<br>{}<br>{}<br><small>{}</small></li>\n",
                     vetting::to_string(f.kind), esc(flag_mark(f)), esc(f.rule),
                     f.month ? " " + f.month->iso() : "", esc(f.message_ko), esc(f.message_en),
                     esc(f.evidence));
  h += "</ul>\n<pre>" + esc(text.str()) + "</pre>\n</body>\n</html>\n";
  return h;
}

}  // namespace ijik::cli
