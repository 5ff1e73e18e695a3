// Financial figures by item, and how a company's years are put together from
// OpenDART figures and the statements a user entered. Pure logic: the SQL is
// in store/finance_repo.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/financials.h"

namespace ijik::domain {

// The figures ijik keeps per fiscal year (the fields of FinancialYear).
enum class FinanceItem {
  kRevenue,
  kOperatingIncome,
  kNetIncome,
  kTotalAssets,
  kTotalLiabilities,
  kTotalEquity,
  kPaidInCapital,
  kCash,
};
constexpr std::array<FinanceItem, 8> kFinanceItems = {
    FinanceItem::kRevenue,          FinanceItem::kOperatingIncome,
    FinanceItem::kNetIncome,        FinanceItem::kTotalAssets,
    FinanceItem::kTotalLiabilities, FinanceItem::kTotalEquity,
    FinanceItem::kPaidInCapital,    FinanceItem::kCash};

// "revenue", "operating_income", … (column names and JSON keys).
std::string_view item_key(FinanceItem item);
std::optional<FinanceItem> parse_item_key(std::string_view key);
// 매출액, 영업이익, 당기순이익, 자산총계, 부채총계, 자본총계, 자본금, 현금.
std::string_view item_label_ko(FinanceItem item);
std::optional<int64_t>& field(FinancialYear& y, FinanceItem item);
const std::optional<int64_t>& field(const FinancialYear& y, FinanceItem item);

// "consolidated", "separate", "user" (stored and JSON form).
std::string_view basis_key(StatementBasis b);
// 연결, 별도, 직접 입력.
std::string_view basis_label_ko(StatementBasis b);

// One figure from an OpenDART file. `lag` is the value column it came from:
// 0 the report's own year (당기), 1 the year before (전기), 2 (전전기).
struct DartFigure {
  int year = 0;
  StatementBasis basis = StatementBasis::kSeparate;
  FinanceItem item = FinanceItem::kRevenue;
  int lag = 0;
  int64_t amount = 0;
};

// One FinancialYear per fiscal year, newest first. A year uses the
// consolidated figures when it has any, else the separate ones — never a mix
// of the two; within a basis each item comes from the latest-lagged column
// that gave it (the year's own report before a later report's 전기 column).
std::vector<FinancialYear> years_from_dart(const std::vector<DartFigure>& figures);

// DART years combined with the years a user entered, newest first. A year the
// user entered is theirs (basis kUserEntered, their source): the items they
// gave win, the items they left out are filled from the DART year, and the
// source then names both ("감사보고서 + OpenDART 연결").
std::vector<FinancialYear> merge_years(const std::vector<FinancialYear>& dart,
                                       const std::vector<FinancialYear>& user);

}  // namespace ijik::domain
