#include "vetting/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "store/company_repo.h"
#include "store/finance_repo.h"

namespace ijik::vetting {
namespace {

// Statements (oldest year first, as the rules read them) and funding of one
// of the user's companies: its DART company's figures merged with the years
// the user entered (store::FinanceRepo).
Status load_finances(store::Database& db, int64_t company_id,
                     std::vector<domain::FinancialYear>& years,
                     std::vector<domain::FundingRound>& funding) {
  store::FinanceRepo repo(db);
  IJIK_ASSIGN_OR_RETURN(years, repo.years_for_company(company_id));
  std::sort(years.begin(), years.end(),
            [](const auto& a, const auto& b) { return a.year < b.year; });
  IJIK_ASSIGN_OR_RETURN(funding, repo.funding_for_company(company_id));
  return {};
}

std::optional<PayPosition> pay_position(store::NpsRepo& nps, const store::WorkplaceRecord& w,
                                        const domain::WorkforceMetrics& m,
                                        std::vector<std::string>& coverage, Status& st) {
  if (!m.pay_month_est || m.headcount <= 0) {
    coverage.push_back("No pay estimate: the latest month has no members or no billing.");
    return std::nullopt;
  }
  const SizeBand band = size_band(m.headcount);
  auto peers = nps.peer_pay(w.industry_code, band.lo, band.hi, w.id);
  if (!peers.ok()) {
    st = peers.error();
    return std::nullopt;
  }
  std::vector<int64_t> v = std::move(*peers);
  std::sort(v.begin(), v.end());
  PayPosition p;
  p.month = m.latest_month;
  p.pay_month = *m.pay_month_est;
  p.lower_bound = m.pay_is_lower_bound;
  p.headcount = m.headcount;
  p.peers = static_cast<int64_t>(v.size());
  p.industry = fmt::format("{} ({})", w.industry_name, w.industry_code);
  p.band = band.label;
  if (v.empty()) {
    coverage.push_back(
        fmt::format("No pay percentile: no other active workplace in {}, {} has a pay estimate.",
                    p.industry, p.band));
    return std::nullopt;
  }
  auto quantile = [&](double q) {
    return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
  };
  p.p25 = quantile(0.25);
  p.p50 = quantile(0.50);
  p.p75 = quantile(0.75);
  // Mid-rank: ties count half, so a workplace equal to every peer sits at 0.5.
  auto lo = std::lower_bound(v.begin(), v.end(), p.pay_month);
  auto hi = std::upper_bound(v.begin(), v.end(), p.pay_month);
  p.percentile = (static_cast<double>(lo - v.begin()) + static_cast<double>(hi - lo) / 2) /
                 static_cast<double>(v.size());
  return p;
}

}  // namespace

SizeBand size_band(int64_t h) {
  static const SizeBand kBands[] = {{0, 9, "1–9명"},         {10, 29, "10–29명"},
                                    {30, 99, "30–99명"},     {100, 299, "100–299명"},
                                    {300, 999, "300–999명"}, {1000, INT64_MAX, "1,000명 이상"}};
  for (const auto& b : kBands)
    if (h <= b.hi) return b;
  return kBands[5];
}

std::string workspace_rules_path(const std::string& db_path) {
  return (std::filesystem::path(db_path).parent_path() / "rules.toml").string();
}

Result<Subject> company_subject(store::Database& db, int64_t company_id) {
  store::CompanyRepo companies(db);
  IJIK_ASSIGN_OR_RETURN(auto c, companies.get(company_id));
  Subject s;
  s.target.company_id = c.id;
  s.name = c.name;
  store::NpsRepo nps(db);
  IJIK_ASSIGN_OR_RETURN(auto linked, nps.linked_workplace(c.id));
  if (linked) {
    IJIK_ASSIGN_OR_RETURN(s.workplace, nps.workplace(*linked));
  }
  return s;
}

Result<Subject> workplace_subject(store::Database& db, int64_t workplace_id) {
  store::NpsRepo nps(db);
  IJIK_ASSIGN_OR_RETURN(auto w, nps.workplace(workplace_id));
  if (!w) return not_found(fmt::format("no public workplace with id {}", workplace_id));
  Subject s;
  s.target.workplace_id = w->id;
  s.name = w->name;
  s.workplace = std::move(w);
  return s;
}

Result<Report> build_report(store::Database& db, const Subject& s, const RuleConfig& rules) {
  Report r;
  r.subject = s;
  store::NpsRepo nps(db);
  IJIK_ASSIGN_OR_RETURN(auto months, nps.months());
  VetInput in;
  if (!s.workplace) {
    r.coverage.push_back(fmt::format(
        "No workforce data: '{}' is not linked to a public workplace (National Pension data); "
        "link it with: ijik company link '{}' WORKPLACE",
        s.name, s.name));
  } else {
    IJIK_ASSIGN_OR_RETURN(r.series, nps.series(s.workplace->id));
    if (r.series.empty()) {
      r.coverage.push_back("No monthly workforce data for the linked workplace.");
    } else {
      r.metrics = domain::compute_metrics(r.series);
      const auto& m = *r.metrics;
      std::string span = fmt::format("Workforce data: {} month{}, {} to {}", m.months_observed,
                                     m.months_observed == 1 ? "" : "s",
                                     r.series.front().month.iso(), m.latest_month.iso());
      if (!months.empty() && m.latest_month < months.back().month)
        span += fmt::format(
            "; the workspace has data up to {}, so the workplace no longer appears in the files",
            months.back().month.iso());
      r.coverage.push_back(span + ".");
      if (m.months_observed < 12)
        r.coverage.push_back(
            "Fewer than 12 months of data: the 12-month change, attrition and steady growth "
            "cannot be judged fully.");
      if (m.headcount > 0 && m.headcount < 10)
        r.coverage.push_back(
            "Fewer than 10 members: one person moves every rate, so the headcount rules stay "
            "silent.");
      Status st;
      r.pay = pay_position(nps, *s.workplace, m, r.coverage, st);
      IJIK_RETURN_IF_ERROR(st);
      if (r.pay && r.pay->peers < rules.low_pay.min_peers)
        r.coverage.push_back(
            fmt::format("Pay percentile from only {} workplaces in {}, {} (the pay rules need {}).",
                        r.pay->peers, r.pay->industry, r.pay->band, rules.low_pay.min_peers));
      if (m.pay_is_lower_bound)
        r.coverage.push_back(
            "The pay estimate sits near the contribution ceiling: it is a lower bound, real pay "
            "may be much higher.");
    }
  }
  if (s.target.company_id) {
    IJIK_RETURN_IF_ERROR(load_finances(db, *s.target.company_id, r.years, r.funding));
    store::FinanceRepo finance(db);
    IJIK_ASSIGN_OR_RETURN(auto dart, finance.dart_link(*s.target.company_id));
    if (r.years.empty() && !dart)
      r.coverage.push_back(fmt::format(
          "No financial statements: '{}' is not linked to a DART company (ijik company link '{}' "
          "--dart CODE) and none were entered (ijik company financials); unlisted companies under "
          "the external-audit thresholds publish none at all.",
          s.name, s.name));
    else if (r.years.empty())
      r.coverage.push_back(fmt::format(
          "No financial statements: linked to DART company {}, but none of its statements are "
          "imported (ijik data import dart FILE).",
          dart->dart_name));
    else {
      std::string bases;
      for (const auto& y : r.years)
        bases +=
            fmt::format("{}{} {}", bases.empty() ? "" : ", ", y.year,
                        y.basis == domain::StatementBasis::kConsolidated ? "consolidated (연결)"
                        : y.basis == domain::StatementBasis::kSeparate   ? "separate (별도)"
                                                                         : "entered by you");
      r.coverage.push_back("Statements used: " + bases + ".");
    }
    if (r.funding.empty()) r.coverage.push_back("No funding rounds recorded.");
  } else {
    r.coverage.push_back(
        fmt::format("A bare public workplace: no statements or funding. Add it as a company "
                    "(ijik company add NAME) and link it to see them."));
  }
  in.series = r.series;
  in.years = r.years;
  in.pay = r.pay;
  r.flags = evaluate(in, rules);
  r.grade = grade(r.flags, rules);
  if (r.years.size() > 5) r.years.erase(r.years.begin(), r.years.end() - 5);
  return r;
}

}  // namespace ijik::vetting
