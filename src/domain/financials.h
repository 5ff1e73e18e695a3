// A company's financial statements per fiscal year and its funding rounds:
// the shapes shared by the OpenDART importer, hand-entered statements and the
// vetting rules. Amounts are KRW.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/month.h"

namespace ijik::domain {

// Where a year's figures came from. DART figures prefer the consolidated
// statement (연결재무제표) and fall back to the separate one (재무제표).
enum class StatementBasis { kConsolidated, kSeparate, kUserEntered };

struct FinancialYear {
  int year = 0;  // fiscal year (사업연도)
  StatementBasis basis = StatementBasis::kSeparate;
  std::string source;  // e.g. "OpenDART 2024 사업보고서" or the user's --source text
  std::optional<int64_t> revenue;            // 매출액
  std::optional<int64_t> operating_income;   // 영업이익(손실)
  std::optional<int64_t> net_income;         // 당기순이익(손실)
  std::optional<int64_t> total_assets;       // 자산총계
  std::optional<int64_t> total_liabilities;  // 부채총계
  std::optional<int64_t> total_equity;       // 자본총계
  std::optional<int64_t> paid_in_capital;    // 자본금
  std::optional<int64_t> cash;               // 현금및현금성자산
};

struct FundingRound {
  YearMonth date;
  std::string round;  // "Seed", "Series A", "TIPS", ...
  std::optional<int64_t> amount;
  std::vector<std::string> investors;
  std::string note;
};

}  // namespace ijik::domain
