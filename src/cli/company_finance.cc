#include "cli/company_finance.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "cli/table.h"
#include "common/money.h"
#include "domain/financial_years.h"
#include "store/nps_repo.h"

namespace ijik::cli {

using nlohmann::ordered_json;

namespace {

ordered_json opt(const std::optional<int64_t>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}
ordered_json opt(const std::optional<std::string>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

std::string code_of(const store::DartCompany& d) {
  return d.stock_code ? *d.stock_code : d.corp_code ? *d.corp_code : d.name;
}

}  // namespace

std::string compact_krw(int64_t amount) {
  const bool neg = amount < 0;
  const double a = std::abs(static_cast<double>(amount));
  std::string s;
  if (a >= 1e12) {
    s = fmt::format("{:.1f}조", a / 1e12);
  } else if (a >= 1e9) {
    s = group_thousands(static_cast<int64_t>(a / 1e8 + 0.5)) + "억";
  } else if (a >= 1e8) {
    s = fmt::format("{:.1f}억", a / 1e8);
  } else if (a >= 1e4) {
    s = group_thousands(static_cast<int64_t>(a / 1e4 + 0.5)) + "만";
  } else {
    s = group_thousands(static_cast<int64_t>(a));
  }
  return neg ? "-" + s : s;
}

ordered_json financial_year_json(const domain::FinancialYear& y) {
  ordered_json j = {
      {"year", y.year}, {"basis", std::string(domain::basis_key(y.basis))}, {"source", y.source}};
  for (auto item : domain::kFinanceItems)
    j[std::string(domain::item_key(item))] = opt(domain::field(y, item));
  return j;
}

ordered_json funding_json(const domain::FundingRound& f) {
  return {{"date", f.date.iso()},
          {"round", f.round},
          {"amount", opt(f.amount)},
          {"investors", f.investors},
          {"note", f.note}};
}

ordered_json dart_company_json(const store::DartCompany& d) {
  return {{"stock_code", opt(d.stock_code)},
          {"corp_code", opt(d.corp_code)},
          {"name", d.name},
          {"market", d.market},
          {"industry", d.industry_name}};
}

Result<std::vector<store::DartCompany>> suggest_dart_companies(store::Database& db,
                                                               const domain::Company& c) {
  store::FinanceRepo repo(db);
  std::vector<std::string> names = {c.name};
  for (const auto& a : c.aliases) names.push_back(a);
  store::NpsRepo nps(db);
  IJIK_ASSIGN_OR_RETURN(auto linked, nps.linked_workplace(c.id));
  if (linked) {
    IJIK_ASSIGN_OR_RETURN(auto w, nps.workplace(*linked));
    if (w) names.push_back(w->name);
  }
  std::vector<store::DartCompany> out;
  std::set<int64_t> seen;
  for (const auto& n : names) {
    // An alias may be the stock code itself.
    if (n.size() == 6) {
      IJIK_ASSIGN_OR_RETURN(auto by_code, repo.dart_by_stock_code(n));
      if (by_code && seen.insert(by_code->id).second) out.push_back(*by_code);
    }
    IJIK_ASSIGN_OR_RETURN(auto hits, repo.dart_by_name(n));
    for (auto& h : hits)
      if (seen.insert(h.id).second) out.push_back(std::move(h));
  }
  return out;
}

Result<store::DartCompany> resolve_dart_company(store::FinanceRepo& repo, const std::string& key) {
  if (key.size() == 6) {
    IJIK_ASSIGN_OR_RETURN(auto d, repo.dart_by_stock_code(key));
    if (d) return *d;
  }
  if (key.size() == 8) {
    IJIK_ASSIGN_OR_RETURN(auto d, repo.dart_by_corp_code(key));
    if (d) return *d;
  }
  IJIK_ASSIGN_OR_RETURN(auto hits, repo.dart_by_name(key));
  if (hits.empty()) {
    IJIK_ASSIGN_OR_RETURN(auto count, repo.dart_company_count());
    if (count == 0)
      return not_found(fmt::format(
          "no DART company '{}': no OpenDART statements are imported yet (ijik data import dart "
          "FILE...)",
          key));
    return not_found(fmt::format(
        "no DART company with stock code, corp code or name '{}': expected e.g. 035720", key));
  }
  if (hits.size() > 1) {
    std::string list;
    for (const auto& h : hits)
      list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", code_of(h), h.market);
    return conflict(fmt::format("{} DART companies are named '{}': {}; give the stock code",
                                hits.size(), key, list));
  }
  return hits.front();
}

Status print_company_finances(std::ostream& out, store::Database& db, const domain::Company& c,
                              bool color) {
  store::FinanceRepo repo(db);
  IJIK_ASSIGN_OR_RETURN(auto link, repo.dart_link(c.id));
  IJIK_ASSIGN_OR_RETURN(auto linked, repo.linked_dart_company(c.id));
  IJIK_ASSIGN_OR_RETURN(auto years, repo.years_for_company(c.id));
  IJIK_ASSIGN_OR_RETURN(auto funding, repo.funding_for_company(c.id));
  if (link) {
    std::string code = link->stock_code ? *link->stock_code : link->corp_code.value_or("");
    out << "\n"
        << bold("재무", color) << "  OpenDART " << (code.empty() ? "" : code + " ")
        << link->dart_name;
    if (!linked) out << " (not in the workspace: import its statements with ijik data import dart)";
    out << "\n";
  } else if (!years.empty()) {
    out << "\n" << bold("재무", color) << "\n";
  } else {
    IJIK_ASSIGN_OR_RETURN(auto suggested, suggest_dart_companies(db, c));
    for (const auto& d : suggested)
      out << fmt::format(
          "\nDART company {} ({}, {}) may be this company: ijik company link '{}' --dart {}\n",
          code_of(d), d.name, d.market, c.name, code_of(d));
  }
  if (!years.empty()) {
    Table t(
        {"연도", "기준", "매출액", "영업이익", "순이익", "자산", "부채", "자본", "자본금", "현금"});
    for (size_t col = 2; col < 10; ++col) t.align(col, Table::Align::kRight);
    std::vector<std::string> sources;
    for (size_t i = 0; i < years.size() && i < 5; ++i) {
      const auto& y = years[i];
      std::vector<std::string> row = {std::to_string(y.year),
                                      std::string(domain::basis_label_ko(y.basis))};
      for (auto item : domain::kFinanceItems) {
        const auto& v = domain::field(y, item);
        row.push_back(v ? compact_krw(*v) : "-");
      }
      t.add(row);
      if (y.basis == domain::StatementBasis::kUserEntered)
        sources.push_back(fmt::format("{}: {}", y.year, y.source));
    }
    out << t.render(color);
    if (years.size() > 5) out << fmt::format("({} earlier years in --json)\n", years.size() - 5);
    for (const auto& s : sources) out << "출처 " << s << "\n";
  }
  if (!funding.empty()) {
    out << "\n" << bold("투자", color) << "\n";
    Table t({"월", "라운드", "금액", "투자자", "메모"});
    t.align(2, Table::Align::kRight);
    for (const auto& f : funding) {
      std::string investors;
      for (const auto& i : f.investors) investors += (investors.empty() ? "" : ", ") + i;
      t.add({f.date.iso(), f.round, f.amount ? compact_krw(*f.amount) : "-", investors, f.note});
    }
    out << t.render(color);
  }
  return {};
}

Status add_company_finances_json(ordered_json& j, store::Database& db, const domain::Company& c) {
  store::FinanceRepo repo(db);
  IJIK_ASSIGN_OR_RETURN(auto link, repo.dart_link(c.id));
  IJIK_ASSIGN_OR_RETURN(auto years, repo.years_for_company(c.id));
  IJIK_ASSIGN_OR_RETURN(auto funding, repo.funding_for_company(c.id));
  j["dart"] = link ? ordered_json{{"stock_code", opt(link->stock_code)},
                                  {"corp_code", opt(link->corp_code)},
                                  {"name", link->dart_name}}
                   : ordered_json(nullptr);
  j["financials"] = ordered_json::array();
  for (const auto& y : years) j["financials"].push_back(financial_year_json(y));
  j["funding"] = ordered_json::array();
  for (const auto& f : funding) j["funding"].push_back(funding_json(f));
  return {};
}

}  // namespace ijik::cli
