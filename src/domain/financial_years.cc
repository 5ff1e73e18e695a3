#include "domain/financial_years.h"

#include <algorithm>
#include <map>

namespace ijik::domain {

std::string_view item_key(FinanceItem item) {
  switch (item) {
    case FinanceItem::kRevenue:
      return "revenue";
    case FinanceItem::kOperatingIncome:
      return "operating_income";
    case FinanceItem::kNetIncome:
      return "net_income";
    case FinanceItem::kTotalAssets:
      return "total_assets";
    case FinanceItem::kTotalLiabilities:
      return "total_liabilities";
    case FinanceItem::kTotalEquity:
      return "total_equity";
    case FinanceItem::kPaidInCapital:
      return "paid_in_capital";
    case FinanceItem::kCash:
      return "cash";
  }
  return "";
}

std::optional<FinanceItem> parse_item_key(std::string_view key) {
  for (FinanceItem i : kFinanceItems)
    if (item_key(i) == key) return i;
  return std::nullopt;
}

std::string_view item_label_ko(FinanceItem item) {
  switch (item) {
    case FinanceItem::kRevenue:
      return "매출액";
    case FinanceItem::kOperatingIncome:
      return "영업이익";
    case FinanceItem::kNetIncome:
      return "당기순이익";
    case FinanceItem::kTotalAssets:
      return "자산총계";
    case FinanceItem::kTotalLiabilities:
      return "부채총계";
    case FinanceItem::kTotalEquity:
      return "자본총계";
    case FinanceItem::kPaidInCapital:
      return "자본금";
    case FinanceItem::kCash:
      return "현금";
  }
  return "";
}

std::optional<int64_t>& field(FinancialYear& y, FinanceItem item) {
  switch (item) {
    case FinanceItem::kRevenue:
      return y.revenue;
    case FinanceItem::kOperatingIncome:
      return y.operating_income;
    case FinanceItem::kNetIncome:
      return y.net_income;
    case FinanceItem::kTotalAssets:
      return y.total_assets;
    case FinanceItem::kTotalLiabilities:
      return y.total_liabilities;
    case FinanceItem::kTotalEquity:
      return y.total_equity;
    case FinanceItem::kPaidInCapital:
      return y.paid_in_capital;
    case FinanceItem::kCash:
      return y.cash;
  }
  return y.revenue;
}

const std::optional<int64_t>& field(const FinancialYear& y, FinanceItem item) {
  return field(const_cast<FinancialYear&>(y), item);  // NOLINT: same storage, read only
}

std::string_view basis_key(StatementBasis b) {
  switch (b) {
    case StatementBasis::kConsolidated:
      return "consolidated";
    case StatementBasis::kSeparate:
      return "separate";
    case StatementBasis::kUserEntered:
      return "user";
  }
  return "";
}

std::string_view basis_label_ko(StatementBasis b) {
  switch (b) {
    case StatementBasis::kConsolidated:
      return "연결";
    case StatementBasis::kSeparate:
      return "별도";
    case StatementBasis::kUserEntered:
      return "직접 입력";
  }
  return "";
}

std::vector<FinancialYear> years_from_dart(const std::vector<DartFigure>& figures) {
  struct Year {
    bool consolidated = false;
    FinancialYear fy;
    std::array<int, 8> lag{};  // the lag of each item's figure so far
  };
  std::map<int, Year> years;
  for (const auto& f : figures)
    if (f.basis == StatementBasis::kConsolidated) years[f.year].consolidated = true;
  for (const auto& f : figures) {
    Year& y = years[f.year];
    StatementBasis want =
        y.consolidated ? StatementBasis::kConsolidated : StatementBasis::kSeparate;
    if (f.basis != want) continue;
    auto& slot = field(y.fy, f.item);
    int& lag = y.lag[static_cast<size_t>(f.item)];
    if (!slot || f.lag < lag) {
      slot = f.amount;
      lag = f.lag;
    }
  }
  std::vector<FinancialYear> out;
  for (auto it = years.rbegin(); it != years.rend(); ++it) {
    FinancialYear fy = it->second.fy;
    fy.year = it->first;
    fy.basis = it->second.consolidated ? StatementBasis::kConsolidated : StatementBasis::kSeparate;
    fy.source = std::string("OpenDART ") + std::string(basis_label_ko(fy.basis));
    out.push_back(std::move(fy));
  }
  return out;
}

std::vector<FinancialYear> merge_years(const std::vector<FinancialYear>& dart,
                                       const std::vector<FinancialYear>& user) {
  std::map<int, FinancialYear> by_year;
  for (const auto& y : dart) by_year[y.year] = y;
  for (const auto& u : user) {
    auto it = by_year.find(u.year);
    if (it == by_year.end()) {
      by_year[u.year] = u;
      by_year[u.year].basis = StatementBasis::kUserEntered;
      continue;
    }
    const FinancialYear& d = it->second;
    FinancialYear m = u;
    m.basis = StatementBasis::kUserEntered;
    bool filled = false;
    for (FinanceItem item : kFinanceItems) {
      if (!field(m, item) && field(d, item)) {
        field(m, item) = field(d, item);
        filled = true;
      }
    }
    if (filled) m.source = u.source + " + " + d.source;
    it->second = std::move(m);
  }
  std::vector<FinancialYear> out;
  for (auto it = by_year.rbegin(); it != by_year.rend(); ++it) out.push_back(it->second);
  return out;
}

}  // namespace ijik::domain
