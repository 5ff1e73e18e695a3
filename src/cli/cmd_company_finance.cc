// ijik company financials NAME --year YYYY [--revenue N] … --source TEXT
// ijik company funding NAME --date YYYY-MM --round TEXT [--amount N] [--investor TEXT]... [--note
// TEXT]
#include <fmt/format.h>

#include <map>

#include "cli/commands.h"
#include "cli/company_finance.h"
#include "common/clock.h"
#include "common/money.h"
#include "domain/financial_years.h"
#include "exchange/json_view.h"
#include "store/company_repo.h"
#include "store/finance_repo.h"

namespace ijik::cli {
namespace {

using domain::FinanceItem;

struct FinancialsArgs {
  std::string name, year, source;
  std::map<FinanceItem, std::string> amounts;  // as typed
};

// The flag of each item.
constexpr std::pair<FinanceItem, const char*> kFlags[] = {
    {FinanceItem::kRevenue, "--revenue"},
    {FinanceItem::kOperatingIncome, "--operating-income"},
    {FinanceItem::kNetIncome, "--net-income"},
    {FinanceItem::kTotalAssets, "--assets"},
    {FinanceItem::kTotalLiabilities, "--liabilities"},
    {FinanceItem::kTotalEquity, "--equity"},
    {FinanceItem::kPaidInCapital, "--capital"},
    {FinanceItem::kCash, "--cash"},
};

// Incomes and equity can be negative (losses, capital impairment); the rest cannot.
bool may_be_negative(FinanceItem i) {
  return i == FinanceItem::kOperatingIncome || i == FinanceItem::kNetIncome ||
         i == FinanceItem::kTotalEquity;
}

Result<int64_t> parse_figure(FinanceItem item, const char* flag, const std::string& text) {
  std::string_view s = text;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  } else if (s.substr(0, 3) == "\xE2\x88\x92" || s.substr(0, 3) == "\xE2\x96\xB3") {
    // − (U+2212), △ (U+25B3: how Korean statements mark a loss)
    negative = true;
    s.remove_prefix(3);
  }
  if (negative && !may_be_negative(item))
    return invalid_input(fmt::format(
        "{} '{}' cannot be negative (only --operating-income, --net-income and --equity can)", flag,
        text));
  auto v = parse_krw(s);
  if (!v.ok()) return invalid_input(fmt::format("{}: {}", flag, v.error().message));
  return negative ? -*v : *v;
}

Result<int> parse_fiscal_year(const std::string& text) {
  const int latest = today().year;
  bool digits = text.size() == 4;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  int y = digits ? std::stoi(text) : 0;
  if (!digits || y < 1950 || y > latest)
    return invalid_input(
        fmt::format("invalid year '{}': expected a fiscal year such as {} (1950 to {})", text,
                    latest - 1, latest));
  return y;
}

Status company_financials(Context& ctx, const FinancialsArgs& a) {
  IJIK_ASSIGN_OR_RETURN(int year, parse_fiscal_year(a.year));
  domain::FinancialYear given;
  given.year = year;
  given.basis = domain::StatementBasis::kUserEntered;
  for (const auto& [item, flag] : kFlags) {
    auto it = a.amounts.find(item);
    if (it == a.amounts.end()) continue;
    IJIK_ASSIGN_OR_RETURN(int64_t v, parse_figure(item, flag, it->second));
    domain::field(given, item) = v;
  }
  if (a.amounts.empty())
    return invalid_input(
        "no figure given: expected at least one of --revenue, --operating-income, --net-income, "
        "--assets, --liabilities, --equity, --capital, --cash");
  given.source = a.source;
  if (given.source.find_first_not_of(" \t") == std::string::npos)
    return invalid_input(
        "--source is empty: expected where the figures come from, e.g. '2024 감사보고서 (DART)'");
  store::CompanyRepo companies(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto c, companies.resolve(a.name));
  store::FinanceRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto stored, repo.user_years(c.id));
  // A year entered again keeps the figures not given this time.
  domain::FinancialYear y = given;
  for (const auto& s : stored)
    if (s.year == year)
      for (auto item : domain::kFinanceItems)
        if (!domain::field(y, item)) domain::field(y, item) = domain::field(s, item);
  IJIK_RETURN_IF_ERROR(repo.put_user_year(c.id, y));
  if (ctx.options.json) {
    ctx.out << exchange::dump(financial_year_json(y));
    return {};
  }
  std::string figures;
  for (auto item : domain::kFinanceItems)
    if (const auto& v = domain::field(y, item))
      figures += fmt::format("{}{} {}", figures.empty() ? "" : ", ", domain::item_label_ko(item),
                             compact_krw(*v));
  ctx.out << fmt::format("Recorded {} financials of {}: {} (source: {})\n", year, c.name, figures,
                         y.source);
  return {};
}

struct FundingArgs {
  std::string name, date, round, amount, note;
  std::vector<std::string> investors;
};

Status company_funding(Context& ctx, const FundingArgs& a) {
  auto month = parse_year_month(a.date);
  if (!month.ok())
    return invalid_input(
        fmt::format("invalid --date '{}': expected the month of the round as YYYY-MM", a.date));
  const Date t = today();
  if (*month > YearMonth{t.year, t.month})
    return invalid_input(fmt::format("--date {} is in the future: expected a month up to {}",
                                     month->iso(), YearMonth{t.year, t.month}.iso()));
  domain::FundingRound f;
  f.date = *month;
  f.round = a.round;
  if (f.round.find_first_not_of(" \t") == std::string::npos)
    return invalid_input("--round is empty: expected e.g. Seed, Series A, TIPS");
  if (!a.amount.empty()) {
    auto v = parse_krw(a.amount);
    if (!v.ok()) return invalid_input(fmt::format("--amount: {}", v.error().message));
    f.amount = *v;
  }
  for (const auto& i : a.investors)
    if (i.find_first_not_of(" \t") != std::string::npos) f.investors.push_back(i);
  f.note = a.note;
  store::CompanyRepo companies(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto c, companies.resolve(a.name));
  store::FinanceRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(bool added, repo.add_funding(c.id, f));
  if (!added)
    return conflict(fmt::format("{} already has a {} round in {}", c.name, f.round, f.date.iso()));
  if (ctx.options.json) {
    ctx.out << exchange::dump(funding_json(f));
    return {};
  }
  ctx.out << fmt::format(
      "Recorded {} {} ({}{}) for {}\n", f.date.iso(), f.round,
      f.amount ? compact_krw(*f.amount) : "amount not disclosed",
      f.investors.empty() ? "" : fmt::format(", {} investor(s)", f.investors.size()), c.name);
  return {};
}

}  // namespace

void register_company_finance_commands(Registry& r) {
  auto* company = r.app().get_subcommand("company");

  auto fa = std::make_shared<FinancialsArgs>();
  auto* fin = company->add_subcommand(
      "financials",
      "Record a fiscal year's statements read elsewhere (an audit report, a paid report)");
  fin->add_option("name", fa->name, "Your company: name, alias or id")->required();
  fin->add_option("--year", fa->year, "Fiscal year (사업연도), e.g. 2024")->required();
  for (const auto& [item, flag] : kFlags) {
    FinanceItem it = item;
    fin->add_option_function<std::string>(
        flag, [fa, it](const std::string& v) { fa->amounts[it] = v; },
        fmt::format("{} in KRW (억, 만, 조; negative with -{})", domain::item_label_ko(item),
                    may_be_negative(item) ? " for a loss" : ": not allowed"));
  }
  fin->add_option("--source", fa->source, "Where the figures come from")->required();
  examples(fin, {"ijik company financials 딥마인드랩 --year 2024 --revenue 18억 --operating-income "
                 "-45억 --net-income -3.2억 --source '2024 감사보고서'"});
  r.on(fin, Access::kWrite, [fa](Context& ctx) { return company_financials(ctx, *fa); });

  auto ga = std::make_shared<FundingArgs>();
  auto* fund = company->add_subcommand(
      "funding", "Record an investment round or programme (Seed, Series A, TIPS …)");
  fund->add_option("name", ga->name, "Your company: name, alias or id")->required();
  fund->add_option("--date", ga->date, "Month of the round, YYYY-MM")->required();
  fund->add_option("--round", ga->round, "Seed, Series A, TIPS, …")->required();
  fund->add_option("--amount", ga->amount, "Amount in KRW (억, 만)");
  fund->add_option("--investor", ga->investors, "An investor (repeatable)");
  fund->add_option("--note", ga->note, "Free-form note (source, terms)");
  examples(fund, {"ijik company funding 딥마인드랩 --date 2023-05 --round 'Series A' --amount 50억 "
                  "--investor 'A벤처스' --investor 'B파트너스'"});
  r.on(fund, Access::kWrite, [ga](Context& ctx) { return company_funding(ctx, *ga); });
}

}  // namespace ijik::cli
