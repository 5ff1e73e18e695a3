// The OpenDART bulk financial-statement files (재무정보 일괄다운로드): one
// file's bytes parsed into per-company fiscal-year figures, with the rows
// set aside and why. Pure: no I/O, no workspace — the importer
// (ingest/dart_import) writes what this returns, and a fuzz target can call
// it on any buffer. Layout and variants: shared/docs/data-formats.md §2.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/financial_years.h"

namespace ijik::ingest {

// The statement a file (or row) holds, from 재무제표종류.
enum class DartStatement { kBalance, kIncome, kComprehensive, kCashFlow, kEquityChanges };
// "balance", "income", "comprehensive", "cash_flow", "equity_changes".
std::string_view statement_key(DartStatement s);
// 재무상태표, 손익계산서, 포괄손익계산서, 현금흐름표, 자본변동표.
std::string_view statement_label_ko(DartStatement s);

// "재무상태표, 유동/비유동법 - 연결재무제표" → balance sheet, consolidated.
// nullopt when it names no known statement or neither 연결 nor 별도.
struct StatementKind {
  DartStatement statement = DartStatement::kBalance;
  domain::StatementBasis basis = domain::StatementBasis::kSeparate;
};
std::optional<StatementKind> parse_statement_kind(std::string_view text);

// "1,669,024,533,027", "-3,200", "(3,200)" → KRW; "" → nullopt (no figure).
// A malformed amount is an InvalidInput error naming it.
Result<std::optional<int64_t>> parse_dart_amount(std::string_view text);

// The ijik item an account row gives, by its code (항목코드) first, then by its
// name (항목명, spaces and a leading enumeration like "Ⅰ." ignored), only
// within the statement that carries that item (income items from income
// statements, balance items from the balance sheet). `by_code` tells which.
struct AccountMatch {
  domain::FinanceItem item = domain::FinanceItem::kRevenue;
  bool by_code = true;
};
std::optional<AccountMatch> map_dart_account(std::string_view code, std::string_view name,
                                             DartStatement statement);

// A company as a file names it.
struct DartFileCompany {
  std::string stock_code;  // "095570" ("" when the file has none)
  std::string corp_code;   // 고유번호 when the file has that column, else ""
  std::string name, market, industry_code, industry_name;
  std::optional<int> fiscal_month;
  std::vector<domain::DartFigure> figures;
};

struct DartReject {
  size_t line = 0;
  std::string reason;
  std::string raw;  // the row as UTF-8 (bad bytes shown as U+FFFD)
};

struct DartParse {
  bool cp949 = false;
  // The file's statement and basis, report kind and fiscal year: those of most rows.
  StatementKind kind;
  std::string report_kind;  // 사업보고서, 반기보고서, 1분기보고서, 3분기보고서
  int period_year = 0;
  // Set when the file holds nothing ijik keeps (a quarterly report, a cash-flow
  // or equity-changes statement): why, for the summary. Nothing else is filled.
  std::string skipped;
  int64_t rows = 0;  // data rows read
  int64_t kept = 0;  // figures kept
  std::vector<DartFileCompany> companies;
  std::vector<DartReject> rejects;
};

struct DartParseOptions {
  // Called now and then with (bytes done, bytes total).
  std::function<void(size_t, size_t)> progress;
};

// Parses one statement file (CP949 or UTF-8, tab-separated, one header row).
// `label` names the file in messages. A file that is not an OpenDART
// statement file (other encoding, missing columns, no data row) is a BadFile
// error; bad rows go to `rejects` and the rest is kept. Only annual reports
// (사업보고서) and the balance sheet and income statements are kept: anything
// else comes back with `skipped` set.
Result<DartParse> parse_dart_file(std::string_view bytes, const std::string& label,
                                  const DartParseOptions& options = {});

}  // namespace ijik::ingest
