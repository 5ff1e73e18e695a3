#include "ingest/dart_parse.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "ingest/cp949.h"
#include "ingest/csv_reader.h"
#include "text/utf8.h"

namespace ijik::ingest {
namespace {

using domain::FinanceItem;
using domain::StatementBasis;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  // Full-width spaces (U+3000) pad some names.
  while (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
  return s;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

enum Col {
  kKind,
  kStock,
  kName,
  kMarket,
  kIndustry,
  kIndustryName,
  kFiscalMonth,
  kClosing,
  kReport,
  kCurrency,
  kCode,
  kAccount,
  kCorpCode,
  kCurrent,  // 당기…
  kPrior,    // 전기…
  kPrior2,   // 전전기…
  kColCount,
};

struct Header {
  std::array<int, kColCount> at{};
  size_t fields = 0;
};

// Column names as published; the value columns are found by their start.
Result<Header> map_header(const std::vector<std::string>& names, const std::string& label) {
  Header h;
  h.at.fill(-1);
  h.fields = names.size();
  static const std::pair<const char*, Col> kExact[] = {
      {"재무제표종류", kKind},  {"종목코드", kStock},     {"회사명", kName},
      {"시장구분", kMarket},    {"업종", kIndustry},      {"업종명", kIndustryName},
      {"결산월", kFiscalMonth}, {"결산기준일", kClosing}, {"보고서종류", kReport},
      {"통화", kCurrency},      {"항목코드", kCode},      {"항목명", kAccount},
      {"고유번호", kCorpCode},  {"corp_code", kCorpCode}};
  for (size_t i = 0; i < names.size(); ++i) {
    std::string_view n = trim(names[i]);
    if (i == 0 && starts_with(n, "\xEF\xBB\xBF")) n.remove_prefix(3);
    int idx = static_cast<int>(i);
    bool matched = false;
    for (const auto& [name, col] : kExact)
      if (n == name && h.at[col] < 0) {
        h.at[col] = idx;
        matched = true;
      }
    if (matched) continue;
    if (starts_with(n, "전전기")) {
      if (h.at[kPrior2] < 0) h.at[kPrior2] = idx;
    } else if (starts_with(n, "전기")) {
      if (h.at[kPrior] < 0) h.at[kPrior] = idx;
    } else if (starts_with(n, "당기")) {
      if (h.at[kCurrent] < 0) h.at[kCurrent] = idx;
    }
  }
  static const std::pair<Col, const char*> kRequired[] = {
      {kKind, "재무제표종류"}, {kStock, "종목코드"}, {kName, "회사명"},    {kClosing, "결산기준일"},
      {kReport, "보고서종류"}, {kCode, "항목코드"},  {kAccount, "항목명"}, {kCurrent, "당기…"}};
  std::string missing;
  for (const auto& [col, name] : kRequired)
    if (h.at[col] < 0) missing += (missing.empty() ? "" : ", ") + std::string(name);
  if (!missing.empty())
    return bad_file(fmt::format(
        "{}: not an OpenDART financial-statement file: no column {} (expected a tab-separated "
        "header with 재무제표종류, 종목코드, 회사명, 결산기준일, 보고서종류, 항목코드, 항목명, "
        "당기…)",
        label, missing));
  return h;
}

// A record's fields as UTF-8, or the reason they are not text.
std::optional<std::string> decode_fields(const std::vector<std::string_view>& raw, bool cp949,
                                         std::vector<std::string>& out) {
  out.resize(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    out[i].clear();
    if (cp949) {
      ConvertError err;
      if (decode_cp949(raw[i], out[i], &err) != raw[i].size())
        return fmt::format("field {} is not CP949 text: {}", i + 1, describe(err));
    } else {
      if (!text::is_valid_utf8(raw[i])) return fmt::format("field {} is not UTF-8 text", i + 1);
      out[i].assign(raw[i]);
    }
  }
  return std::nullopt;
}

// "[095570]" → "095570"; "" for "[]", "" or spaces.
std::string stock_code_of(std::string_view s) {
  s = trim(s);
  if (starts_with(s, "[")) s.remove_prefix(1);
  if (!s.empty() && s.back() == ']') s.remove_suffix(1);
  return std::string(trim(s));
}

// The account name without spaces and a leading enumeration ("Ⅰ.", "1.", "IV.").
std::string account_key(std::string_view name) {
  std::string out;
  for (char c : name)
    if (c != ' ' && c != '\t') out += c;
  std::string_view v = out;
  while (!v.empty()) {
    unsigned char c = static_cast<unsigned char>(v[0]);
    if ((c >= '0' && c <= '9') || c == '.' || c == 'I' || c == 'V' || c == 'X') {
      v.remove_prefix(1);
    } else if (v.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(v[1]) == 0x85 &&
               static_cast<unsigned char>(v[2]) >= 0xA0 &&
               static_cast<unsigned char>(v[2]) <= 0xAB) {  // Ⅰ..Ⅻ (U+2160-216B)
      v.remove_prefix(3);
    } else {
      break;
    }
  }
  return std::string(v);
}

bool is_income(DartStatement s) {
  return s == DartStatement::kIncome || s == DartStatement::kComprehensive;
}
bool is_income_item(FinanceItem i) {
  return i == FinanceItem::kRevenue || i == FinanceItem::kOperatingIncome ||
         i == FinanceItem::kNetIncome;
}

}  // namespace

std::string_view statement_key(DartStatement s) {
  switch (s) {
    case DartStatement::kBalance:
      return "balance";
    case DartStatement::kIncome:
      return "income";
    case DartStatement::kComprehensive:
      return "comprehensive";
    case DartStatement::kCashFlow:
      return "cash_flow";
    case DartStatement::kEquityChanges:
      return "equity_changes";
  }
  return "";
}

std::string_view statement_label_ko(DartStatement s) {
  switch (s) {
    case DartStatement::kBalance:
      return "재무상태표";
    case DartStatement::kIncome:
      return "손익계산서";
    case DartStatement::kComprehensive:
      return "포괄손익계산서";
    case DartStatement::kCashFlow:
      return "현금흐름표";
    case DartStatement::kEquityChanges:
      return "자본변동표";
  }
  return "";
}

std::optional<StatementKind> parse_statement_kind(std::string_view text) {
  StatementKind k;
  // 포괄손익계산서 contains 손익계산서: test it first.
  if (text.find("포괄손익계산서") != std::string_view::npos)
    k.statement = DartStatement::kComprehensive;
  else if (text.find("손익계산서") != std::string_view::npos)
    k.statement = DartStatement::kIncome;
  else if (text.find("재무상태표") != std::string_view::npos ||
           text.find("대차대조표") != std::string_view::npos)
    k.statement = DartStatement::kBalance;
  else if (text.find("현금흐름표") != std::string_view::npos)
    k.statement = DartStatement::kCashFlow;
  else if (text.find("자본변동표") != std::string_view::npos)
    k.statement = DartStatement::kEquityChanges;
  else
    return std::nullopt;
  // The basis follows the last " - ": "… - 연결재무제표" / "… - 별도재무제표".
  size_t dash = text.rfind(" - ");
  std::string_view tail = dash == std::string_view::npos ? text : text.substr(dash + 3);
  if (tail.find("연결") != std::string_view::npos)
    k.basis = StatementBasis::kConsolidated;
  else if (tail.find("별도") != std::string_view::npos)
    k.basis = StatementBasis::kSeparate;
  else
    return std::nullopt;
  return k;
}

Result<std::optional<int64_t>> parse_dart_amount(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return std::optional<int64_t>();
  bool negative = false;
  if (s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  } else if (s.front() == '(' && s.back() == ')' && s.size() > 2) {
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  if (s.empty() || s.front() == ',' || s.back() == ',')
    return invalid_input(fmt::format("amount '{}': expected digits with , separators", text));
  uint64_t v = 0;
  int digits = 0;
  for (char c : s) {
    if (c == ',') continue;
    if (c < '0' || c > '9')
      return invalid_input(fmt::format("amount '{}': expected digits with , separators", text));
    if (++digits > 18) return invalid_input(fmt::format("amount '{}': too large for KRW", text));
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  int64_t out = static_cast<int64_t>(v);
  return std::optional<int64_t>(negative ? -out : out);
}

std::optional<AccountMatch> map_dart_account(std::string_view code, std::string_view name,
                                             DartStatement statement) {
  static const std::pair<const char*, FinanceItem> kCodes[] = {
      {"ifrs-full_Revenue", FinanceItem::kRevenue},
      {"ifrs_Revenue", FinanceItem::kRevenue},
      {"dart_OperatingIncomeLoss", FinanceItem::kOperatingIncome},
      {"ifrs-full_ProfitLoss", FinanceItem::kNetIncome},
      {"ifrs_ProfitLoss", FinanceItem::kNetIncome},
      {"ifrs-full_Assets", FinanceItem::kTotalAssets},
      {"ifrs_Assets", FinanceItem::kTotalAssets},
      {"ifrs-full_Liabilities", FinanceItem::kTotalLiabilities},
      {"ifrs_Liabilities", FinanceItem::kTotalLiabilities},
      {"ifrs-full_Equity", FinanceItem::kTotalEquity},
      {"ifrs_Equity", FinanceItem::kTotalEquity},
      {"ifrs-full_IssuedCapital", FinanceItem::kPaidInCapital},
      {"ifrs_IssuedCapital", FinanceItem::kPaidInCapital},
      {"ifrs-full_CashAndCashEquivalents", FinanceItem::kCash},
      {"ifrs_CashAndCashEquivalents", FinanceItem::kCash},
  };
  static const std::pair<const char*, FinanceItem> kNames[] = {
      {"매출액", FinanceItem::kRevenue},
      {"수익(매출액)", FinanceItem::kRevenue},
      {"영업수익", FinanceItem::kRevenue},
      {"매출", FinanceItem::kRevenue},
      {"영업이익(손실)", FinanceItem::kOperatingIncome},
      {"영업이익", FinanceItem::kOperatingIncome},
      {"영업손실", FinanceItem::kOperatingIncome},
      {"영업손익", FinanceItem::kOperatingIncome},
      {"당기순이익(손실)", FinanceItem::kNetIncome},
      {"당기순이익", FinanceItem::kNetIncome},
      {"당기순손실", FinanceItem::kNetIncome},
      {"당기순손익", FinanceItem::kNetIncome},
      {"연결당기순이익", FinanceItem::kNetIncome},
      {"연결당기순이익(손실)", FinanceItem::kNetIncome},
      {"자산총계", FinanceItem::kTotalAssets},
      {"부채총계", FinanceItem::kTotalLiabilities},
      {"자본총계", FinanceItem::kTotalEquity},
      {"자본금", FinanceItem::kPaidInCapital},
      {"현금및현금성자산", FinanceItem::kCash},
  };
  auto fits = [&](FinanceItem item) {
    if (is_income_item(item)) return is_income(statement);
    return statement == DartStatement::kBalance;
  };
  std::string_view c = trim(code);
  for (const auto& [k, item] : kCodes)
    if (c == k) return fits(item) ? std::optional<AccountMatch>({item, true}) : std::nullopt;
  const std::string key = account_key(trim(name));
  for (const auto& [k, item] : kNames)
    if (key == k) return fits(item) ? std::optional<AccountMatch>({item, false}) : std::nullopt;
  return std::nullopt;
}

Result<DartParse> parse_dart_file(std::string_view bytes, const std::string& label,
                                  const DartParseOptions& options) {
  DartParse out;
  Encoding enc = detect_encoding(bytes.substr(0, 256 * 1024));
  if (enc == Encoding::kUnknown)
    return bad_file(fmt::format(
        "{}: not a text file in CP949 or UTF-8: expected an OpenDART financial-statement .txt",
        label));
  out.cp949 = enc == Encoding::kCp949;
  CsvOptions csv;
  csv.separator = '\t';
  csv.allow_bare_quotes = true;
  CsvReader reader(bytes, csv);
  CsvRecord rec;
  CsvError err;
  CsvRead first = reader.next(rec, err);
  if (first == CsvRead::kEnd)
    return bad_file(fmt::format(
        "{}: no header row: expected an OpenDART financial-statement file (tab-separated)", label));
  if (first == CsvRead::kMalformed)
    return bad_file(fmt::format(
        "{}: not an OpenDART financial-statement file: the first line is not a tab-separated "
        "header ({})",
        label, reason(err.kind)));
  std::vector<std::string> names;
  for (auto f : rec.fields) {
    std::string n;
    if (out.cp949)
      decode_cp949_lossy(f, n);
    else
      n.assign(f);
    names.push_back(std::move(n));
  }
  IJIK_ASSIGN_OR_RETURN(Header h, map_header(names, label));
  int needed = 0;
  for (int i : h.at) needed = std::max(needed, i + 1);

  auto reject = [&](size_t line, std::string reason, std::string_view raw) {
    DartReject r{line, std::move(reason), {}};
    if (out.cp949)
      decode_cp949_lossy(raw, r.raw);
    else
      r.raw = text::is_valid_utf8(raw) ? std::string(raw) : std::string("(invalid UTF-8)");
    out.rejects.push_back(std::move(r));
  };

  // Rows that parsed, before the file's kind is known.
  struct Row {
    size_t company = 0;
    StatementKind kind;
    int year = 0;
    AccountMatch match;
    std::array<std::optional<int64_t>, 3> amounts;  // by lag
  };
  std::vector<Row> rows;
  std::map<std::string, size_t> company_index;          // stock code, else "name:" + name
  std::map<std::tuple<int, int, int>, int> kind_votes;  // (statement, basis, report) → rows
  std::map<std::string, int> report_ids;
  std::vector<std::string> report_names;
  std::map<int, int> year_votes;
  std::vector<std::string> f;
  const int value_cols[3] = {h.at[kCurrent], h.at[kPrior], h.at[kPrior2]};
  while (true) {
    CsvRead r = reader.next(rec, err);
    if (r == CsvRead::kEnd) break;
    ++out.rows;
    if (options.progress && (out.rows & 0xFFF) == 0)
      options.progress(reader.offset(), bytes.size());
    if (r == CsvRead::kMalformed) {
      reject(err.line, std::string(reason(err.kind)), err.raw);
      continue;
    }
    if (static_cast<int>(rec.fields.size()) < needed) {
      reject(rec.line,
             fmt::format("{} fields, expected {} as in the header", rec.fields.size(), h.fields),
             rec.raw);
      continue;
    }
    if (auto why = decode_fields(rec.fields, out.cp949, f)) {
      reject(rec.line, *why, rec.raw);
      continue;
    }
    auto kind = parse_statement_kind(f[h.at[kKind]]);
    if (!kind) {
      reject(
          rec.line,
          fmt::format("재무제표종류 '{}': expected a statement such as '재무상태표, 유동/비유동법 "
                      "- 연결재무제표' (연결 or 별도)",
                      f[h.at[kKind]]),
          rec.raw);
      continue;
    }
    std::string stock = stock_code_of(f[h.at[kStock]]);
    std::string name(trim(f[h.at[kName]]));
    if (name.empty()) {
      reject(rec.line, "회사명 is empty", rec.raw);
      continue;
    }
    auto closing = parse_date(trim(f[h.at[kClosing]]));
    if (!closing.ok()) {
      reject(rec.line, fmt::format("결산기준일 '{}': expected YYYY-MM-DD", trim(f[h.at[kClosing]])),
             rec.raw);
      continue;
    }
    if (h.at[kCurrency] >= 0) {
      std::string_view cur = trim(f[h.at[kCurrency]]);
      if (!cur.empty() && cur != "KRW") {
        reject(rec.line, fmt::format("통화 '{}': ijik keeps KRW figures only", cur), rec.raw);
        continue;
      }
    }
    Row row;
    bool bad = false;
    for (int lag = 0; lag < 3 && !bad; ++lag) {
      if (value_cols[lag] < 0) continue;
      auto a = parse_dart_amount(f[value_cols[lag]]);
      if (!a.ok()) {
        reject(rec.line,
               fmt::format("column '{}': {}", trim(names[value_cols[lag]]), a.error().message),
               rec.raw);
        bad = true;
      } else {
        row.amounts[lag] = *a;
      }
    }
    if (bad) continue;
    std::string report(trim(f[h.at[kReport]]));
    auto [rit, rnew] = report_ids.emplace(report, static_cast<int>(report_names.size()));
    if (rnew) report_names.push_back(report);
    ++kind_votes[{static_cast<int>(kind->statement), static_cast<int>(kind->basis), rit->second}];
    ++year_votes[closing->year];

    auto match = map_dart_account(f[h.at[kCode]], f[h.at[kAccount]], kind->statement);
    std::string key = !stock.empty() ? stock : "name:" + name;
    auto [cit, cnew] = company_index.emplace(key, out.companies.size());
    if (cnew) {
      DartFileCompany c;
      c.stock_code = stock;
      if (h.at[kCorpCode] >= 0) c.corp_code = std::string(trim(f[h.at[kCorpCode]]));
      c.name = name;
      if (h.at[kMarket] >= 0) c.market = std::string(trim(f[h.at[kMarket]]));
      if (h.at[kIndustry] >= 0) c.industry_code = std::string(trim(f[h.at[kIndustry]]));
      if (h.at[kIndustryName] >= 0) c.industry_name = std::string(trim(f[h.at[kIndustryName]]));
      if (h.at[kFiscalMonth] >= 0) {
        std::string_view m = trim(f[h.at[kFiscalMonth]]);
        // One or two digits; anything longer is no month (and never read
        // further: a long run of digits would overflow).
        int v = 0;
        bool digits = !m.empty() && m.size() <= 2;
        for (size_t k = 0; digits && k < m.size(); ++k) {
          digits = m[k] >= '0' && m[k] <= '9';
          v = v * 10 + (m[k] - '0');
        }
        if (digits && v >= 1 && v <= 12) c.fiscal_month = v;
      }
      out.companies.push_back(std::move(c));
    }
    if (!match) continue;
    row.company = cit->second;
    row.kind = *kind;
    row.year = closing->year;
    row.match = *match;
    rows.push_back(row);
  }
  if (options.progress) options.progress(bytes.size(), bytes.size());
  if (kind_votes.empty()) {
    if (!out.rejects.empty())
      return bad_file(fmt::format(
          "{}: no row could be read ({} rejected, line {}: {}): expected OpenDART statement rows",
          label, out.rejects.size(), out.rejects.front().line, out.rejects.front().reason));
    return bad_file(
        fmt::format("{}: no data row: expected OpenDART statement rows under the header", label));
  }
  auto best = std::max_element(kind_votes.begin(), kind_votes.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  out.kind.statement = static_cast<DartStatement>(std::get<0>(best->first));
  out.kind.basis = static_cast<StatementBasis>(std::get<1>(best->first));
  out.report_kind = report_names[static_cast<size_t>(std::get<2>(best->first))];
  out.period_year =
      std::max_element(year_votes.begin(), year_votes.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
      })->first;
  if (out.report_kind != "사업보고서") {
    out.skipped = fmt::format("a {}, not an annual report (사업보고서): ijik keeps fiscal years",
                              out.report_kind);
  } else if (out.kind.statement == DartStatement::kCashFlow ||
             out.kind.statement == DartStatement::kEquityChanges) {
    out.skipped = fmt::format("a {}: ijik keeps the balance sheet and income statements",
                              statement_label_ko(out.kind.statement));
  }
  if (!out.skipped.empty()) {
    out.companies.clear();
    return out;
  }
  // One figure per company, year, basis, item and lag: a row matched by its
  // code wins over one matched by its name; otherwise the first row wins.
  std::map<std::tuple<size_t, int, int, int, int>, std::pair<bool, int64_t>> chosen;
  for (const auto& r : rows) {
    for (int lag = 0; lag < 3; ++lag) {
      if (!r.amounts[lag]) continue;
      auto key = std::make_tuple(r.company, r.year - lag, static_cast<int>(r.kind.basis),
                                 static_cast<int>(r.match.item), lag);
      auto it = chosen.find(key);
      if (it == chosen.end())
        chosen.emplace(key, std::make_pair(r.match.by_code, *r.amounts[lag]));
      else if (r.match.by_code && !it->second.first)
        it->second = {true, *r.amounts[lag]};
    }
  }
  for (const auto& [key, value] : chosen) {
    auto [company, year, basis, item, lag] = key;
    out.companies[company].figures.push_back({year, static_cast<StatementBasis>(basis),
                                              static_cast<FinanceItem>(item), lag, value.second});
    ++out.kept;
  }
  return out;
}

}  // namespace ijik::ingest
