// The OpenDART statement parser on small buffers written by hand: header
// mapping, account mapping by code then name, amounts, consolidated and
// separate rows, prior-year columns, rejected rows, skipped files.
#include "ingest/dart_parse.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "ingest/cp949.h"

namespace ijik::ingest {
namespace {

using domain::FinanceItem;
using domain::StatementBasis;

const std::string kHeader =
    "재무제표종류\t종목코드\t회사명\t시장구분\t업종\t업종명\t결산월\t결산기준일\t보고서종류\t통화\t"
    "항목코드\t항목명\t당기\t전기\t전전기\t\n";

std::string row(const std::string& kind, const std::string& stock, const std::string& name,
                const std::string& code, const std::string& account, const std::string& cur,
                const std::string& prior = "", const std::string& prior2 = "",
                const std::string& report = "사업보고서", const std::string& closing = "2024-12-31",
                const std::string& currency = "KRW") {
  return kind + "\t[" + stock + "]\t" + name +
         "\t코스닥시장상장법인\t582\t소프트웨어 개발 및 공급업\t12\t" + closing + "\t" + report +
         "\t" + currency + "\t" + code + "\t" + account + "\t" + cur + "\t" + prior + "\t" +
         prior2 + "\t\n";
}

const std::string kIncomeC = "손익계산서, 기능별 분류 - 연결재무제표";
const std::string kIncomeS = "손익계산서, 기능별 분류 - 별도재무제표";
const std::string kBalanceC = "재무상태표, 유동/비유동법 - 연결재무제표";

const domain::DartFigure* find(const DartFileCompany& c, FinanceItem item, int year) {
  for (const auto& f : c.figures)
    if (f.item == item && f.year == year) return &f;
  return nullptr;
}

TEST(DartParseTest, StatementKinds) {
  auto k = parse_statement_kind("재무상태표, 유동/비유동법 - 연결재무제표");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->statement, DartStatement::kBalance);
  EXPECT_EQ(k->basis, StatementBasis::kConsolidated);
  k = parse_statement_kind("포괄손익계산서, 세후 - 별도");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->statement, DartStatement::kComprehensive);
  EXPECT_EQ(k->basis, StatementBasis::kSeparate);
  EXPECT_EQ(parse_statement_kind("손익계산서, 기능별 분류 - 연결")->statement,
            DartStatement::kIncome);
  EXPECT_FALSE(parse_statement_kind("손익계산서"));           // neither 연결 nor 별도
  EXPECT_FALSE(parse_statement_kind("주석 - 연결재무제표"));  // no known statement
}

TEST(DartParseTest, Amounts) {
  EXPECT_EQ(*parse_dart_amount("1,669,024,533,027"), 1669024533027);
  EXPECT_EQ(*parse_dart_amount("-3,200"), -3200);
  EXPECT_EQ(*parse_dart_amount("(3,200)"), -3200);
  EXPECT_EQ(*parse_dart_amount(" 0 "), 0);
  EXPECT_FALSE(parse_dart_amount("").value().has_value());
  EXPECT_FALSE(parse_dart_amount("1.5").ok());
  EXPECT_FALSE(parse_dart_amount("12a").ok());
  EXPECT_FALSE(parse_dart_amount("-").ok());
  EXPECT_FALSE(parse_dart_amount("99999999999999999999").ok());
}

TEST(DartParseTest, AccountsByCodeThenName) {
  auto m = map_dart_account("ifrs-full_Revenue", "수익", DartStatement::kIncome);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->item, FinanceItem::kRevenue);
  EXPECT_TRUE(m->by_code);
  m = map_dart_account("entity0041_OperatingRevenue", " 영업수익", DartStatement::kComprehensive);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->item, FinanceItem::kRevenue);
  EXPECT_FALSE(m->by_code);
  m = map_dart_account("-표준계정코드 미사용-", "Ⅲ. 영업이익(손실)", DartStatement::kIncome);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->item, FinanceItem::kOperatingIncome);
  EXPECT_EQ(map_dart_account("x", "당기순이익(손실)", DartStatement::kIncome)->item,
            FinanceItem::kNetIncome);
  EXPECT_EQ(map_dart_account("x", "자 본 금", DartStatement::kBalance)->item,
            FinanceItem::kPaidInCapital);
  // An item read only from its own statement: ProfitLoss in a cash-flow statement is not kept.
  EXPECT_FALSE(map_dart_account("ifrs-full_ProfitLoss", "당기순이익", DartStatement::kCashFlow));
  EXPECT_FALSE(map_dart_account("ifrs-full_IssuedCapital", "자본금", DartStatement::kIncome));
  EXPECT_FALSE(map_dart_account("ifrs-full_CostOfSales", "매출원가", DartStatement::kIncome));
}

TEST(DartParseTest, IncomeFileWithPriorYears) {
  std::string text =
      kHeader +
      row(kIncomeC, "035999", "한빛소프트(주)", "ifrs-full_Revenue", "매출액", "1,200,000",
          "1,000,000", "900,000") +
      row(kIncomeC, "035999", "한빛소프트(주)", "ifrs-full_CostOfSales", "매출원가", "700,000",
          "600,000", "500,000") +
      row(kIncomeC, "035999", "한빛소프트(주)", "dart_OperatingIncomeLoss", "영업이익(손실)",
          "-50,000", "20,000", "") +
      row(kIncomeC, "299999", "딥마인드랩", "entity01_Sales", "수익(매출액)", "1,800", "", "");
  auto p = parse_dart_file(text, "t.txt");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_FALSE(p->cp949);
  EXPECT_EQ(p->kind.statement, DartStatement::kIncome);
  EXPECT_EQ(p->kind.basis, StatementBasis::kConsolidated);
  EXPECT_EQ(p->report_kind, "사업보고서");
  EXPECT_EQ(p->period_year, 2024);
  EXPECT_TRUE(p->skipped.empty());
  EXPECT_EQ(p->rows, 4);
  ASSERT_EQ(p->companies.size(), 2u);
  const auto& c = p->companies[0];
  EXPECT_EQ(c.stock_code, "035999");
  EXPECT_EQ(c.name, "한빛소프트(주)");
  EXPECT_EQ(c.market, "코스닥시장상장법인");
  EXPECT_EQ(c.fiscal_month, 12);
  ASSERT_TRUE(find(c, FinanceItem::kRevenue, 2024));
  EXPECT_EQ(find(c, FinanceItem::kRevenue, 2024)->amount, 1200000);
  EXPECT_EQ(find(c, FinanceItem::kRevenue, 2024)->lag, 0);
  EXPECT_EQ(find(c, FinanceItem::kRevenue, 2023)->amount, 1000000);
  EXPECT_EQ(find(c, FinanceItem::kRevenue, 2023)->lag, 1);
  EXPECT_EQ(find(c, FinanceItem::kRevenue, 2022)->lag, 2);
  EXPECT_EQ(find(c, FinanceItem::kOperatingIncome, 2024)->amount, -50000);
  EXPECT_FALSE(find(c, FinanceItem::kOperatingIncome, 2022));  // empty cell: no figure
  EXPECT_EQ(find(p->companies[1], FinanceItem::kRevenue, 2024)->amount, 1800);
  EXPECT_EQ(p->kept, 6);
  EXPECT_TRUE(p->rejects.empty());
}

TEST(DartParseTest, CodeBeatsName) {
  // A name match first, then the coded row for the same item: the code wins.
  std::string text = kHeader + row(kIncomeS, "035999", "A", "entity_Rev", "매출액", "1,000") +
                     row(kIncomeS, "035999", "A", "ifrs-full_Revenue", "수익", "1,100") +
                     row(kIncomeS, "035999", "A", "entity_Rev2", "영업수익", "9,999");
  auto p = parse_dart_file(text, "t.txt");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(find(p->companies[0], FinanceItem::kRevenue, 2024)->amount, 1100);
  EXPECT_EQ(p->kind.basis, StatementBasis::kSeparate);
}

TEST(DartParseTest, Cp949AndRejects) {
  std::string utf8 = kHeader +
                     row(kBalanceC, "035999", "한빛", "ifrs-full_Assets", "자산총계", "5,000") +
                     row(kBalanceC, "035999", "한빛", "ifrs-full_Equity", "자본총계", "12x") +
                     row(kBalanceC, "035999", "한빛", "ifrs-full_Cash", "현금", "1", "", "",
                         "사업보고서", "2024-13-31") +
                     row(kBalanceC, "035999", "한빛", "ifrs-full_Liabilities", "부채총계", "3,000",
                         "", "", "사업보고서", "2024-12-31", "USD") +
                     "재무상태표 - 연결\t[1]\n";
  std::string bytes;
  ASSERT_EQ(encode_cp949(utf8, bytes, nullptr), utf8.size());
  bytes += row(kBalanceC, "035999", "x", "a", "b", "1").substr(0, 10) + "\xFF\xFF\tz\n";
  auto p = parse_dart_file(bytes, "t.txt");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_TRUE(p->cp949);
  EXPECT_EQ(p->rows, 6);
  ASSERT_EQ(p->rejects.size(), 5u);
  EXPECT_EQ(p->rejects[0].line, 3u);
  EXPECT_NE(p->rejects[0].reason.find("column '당기'"), std::string::npos) << p->rejects[0].reason;
  EXPECT_NE(p->rejects[1].reason.find("결산기준일 '2024-13-31'"), std::string::npos);
  EXPECT_NE(p->rejects[2].reason.find("통화 'USD'"), std::string::npos);
  EXPECT_NE(p->rejects[3].reason.find("fields, expected"), std::string::npos);
  EXPECT_EQ(p->rejects[3].raw, "재무상태표 - 연결\t[1]");
  EXPECT_EQ(p->rejects[4].line, 7u);
  EXPECT_EQ(find(p->companies[0], FinanceItem::kTotalAssets, 2024)->amount, 5000);
  EXPECT_EQ(p->kept, 1);
}

TEST(DartParseTest, QuarterlyAndCashFlowFilesAreSkipped) {
  auto p = parse_dart_file(kHeader + row(kIncomeC, "1", "A", "ifrs-full_Revenue", "매출액", "1", "",
                                         "", "1분기보고서", "2025-03-31"),
                           "q.txt");
  ASSERT_TRUE(p.ok());
  EXPECT_NE(p->skipped.find("1분기보고서"), std::string::npos);
  EXPECT_TRUE(p->companies.empty());
  p = parse_dart_file(kHeader + row("현금흐름표, 간접법 - 연결재무제표", "1", "A",
                                    "ifrs-full_ProfitLoss", "당기순이익", "1"),
                      "cf.txt");
  ASSERT_TRUE(p.ok());
  EXPECT_NE(p->skipped.find("현금흐름표"), std::string::npos);
}

TEST(DartParseTest, NotADartFile) {
  auto p = parse_dart_file("자료생성년월,사업장명\n2025-01,x\n", "nps.csv");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::kBadFile);
  EXPECT_NE(p.error().message.find("not an OpenDART financial-statement file"), std::string::npos);
  p = parse_dart_file(std::string("\xFF\xFE\x00\x41\x00\x42", 6), "utf16.txt");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("not a text file in CP949 or UTF-8"), std::string::npos);
  p = parse_dart_file(kHeader, "empty.txt");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("no data row"), std::string::npos);
  p = parse_dart_file("", "zero.txt");
  ASSERT_FALSE(p.ok());
}

// Whatever the bytes, the parser returns (a fuzz target does the same at scale).
TEST(DartParseTest, ArbitraryBytesDoNotCrash) {
  std::string base = kHeader + row(kIncomeC, "035999", "A", "ifrs-full_Revenue", "매출액", "1,000");
  for (size_t cut = 0; cut < base.size(); cut += 7) {
    std::string s = base.substr(0, cut);
    (void)parse_dart_file(s, "cut.txt");
    s += "\"\t\r\n\xEA";
    (void)parse_dart_file(s, "cut.txt");
  }
}

// Found by fuzz_dart: a 결산월 longer than two characters was still read
// digit by digit, and a long one overflowed an int (UBSan: signed integer
// overflow). It is now no month, whatever its length.
TEST(DartParseTest, ALongFiscalMonthIsNoMonth) {
  std::string r = row(kIncomeC, "035999", "A", "ifrs-full_Revenue", "매출액", "1,000");
  for (const std::string month : {"513628467513628467513628467", "1234567890", "120", "1a", "0"}) {
    std::string text = r;
    text.replace(text.find("\t12\t"), 4, "\t" + month + "\t");
    auto p = parse_dart_file(kHeader + text, "t.txt");
    ASSERT_TRUE(p.ok()) << p.error().message;
    ASSERT_EQ(p->companies.size(), 1u);
    EXPECT_FALSE(p->companies[0].fiscal_month) << month;
  }
  // The fuzzer's own input (CP949, bytes changed at random) parses.
  std::ifstream in(IJIK_TEST_DATA "/fixtures/fuzz/dart-fiscal-month-overflow.txt",
                   std::ios::binary);
  ASSERT_TRUE(in);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto p = parse_dart_file(bytes.str(), "fuzz.txt");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_TRUE(p->cp949);
}

}  // namespace
}  // namespace ijik::ingest
