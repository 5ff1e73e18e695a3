// FinanceRepo on a temporary workspace, and the DART importer writing to it:
// years for a linked company, user figures over DART, funding round trip,
// a re-import that changes nothing, a link that survives new DART rows.
#include "store/finance_repo.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ingest/cp949.h"
#include "ingest/dart_import.h"
#include "store/company_repo.h"
#include "store/workspace.h"
#include "unit/support/workspace_test.h"

namespace ijik::store {
namespace {

namespace fs = std::filesystem;
using domain::FinanceItem;
using domain::StatementBasis;

class FinanceRepoTest : public ijik::testing::WorkspaceTest {
 protected:
  int64_t company(const char* name) {
    CompanyRepo c(*db_);
    return c.find_or_add(name)->company.id;
  }
  // Writes a CP949 statement file with the given UTF-8 rows.
  std::string file(const std::string& name, const std::string& rows) {
    std::string text =
        "재무제표종류\t종목코드\t회사명\t시장구분\t업종\t업종명\t결산월\t결산기준일\t보고서종류\t"
        "통화\t항목코드\t항목명\t당기\t전기\t전전기\n" +
        rows;
    std::string bytes;
    ingest::encode_cp949(text, bytes, nullptr);
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  static std::string row(const std::string& kind, const std::string& stock, const std::string& name,
                         const std::string& code, const std::string& account,
                         const std::string& cur, const std::string& prior = "") {
    return kind + "\t[" + stock + "]\t" + name +
           "\t코스닥시장상장법인\t582\t소프트웨어\t12\t2024-"
           "12-31\t사업보고서\tKRW\t" +
           code + "\t" + account + "\t" + cur + "\t" + prior + "\t\n";
  }
  int64_t count(const char* sql) {
    auto st = db_->prepare(sql);
    EXPECT_TRUE(st.ok());
    EXPECT_TRUE(*st->step());
    return st->int64(0);
  }
};

const std::string kIncC = "손익계산서, 기능별 분류 - 연결재무제표";
const std::string kIncS = "손익계산서, 기능별 분류 - 별도재무제표";
const std::string kBalS = "재무상태표, 유동/비유동법 - 별도재무제표";

TEST_F(FinanceRepoTest, ImportLinkAndYears) {
  ingest::DartImporter importer(*db_);
  ingest::DartImportOptions opt;
  opt.rejects_dir = (dir_ / "rejects").string();
  auto inc_c = file("inc_c.txt", row(kIncC, "035999", "한빛소프트(주)", "ifrs-full_Revenue",
                                     "매출액", "1,000", "900"));
  auto inc_s = file("inc_s.txt",
                    row(kIncS, "035999", "한빛소프트(주)", "ifrs-full_Revenue", "매출액", "800") +
                        row(kIncS, "299999", "딥마인드랩", "x", "영업이익(손실)", "-4,500"));
  auto bal_s = file("bal_s.txt",
                    row(kBalS, "299999", "딥마인드랩", "ifrs-full_IssuedCapital", "자본금", "600") +
                        row(kBalS, "299999", "딥마인드랩", "ifrs-full_Equity", "자본총계", "-50"));
  for (const auto& f : {inc_c, inc_s, bal_s}) {
    auto sum = importer.import_file(f, opt);
    ASSERT_TRUE(sum.ok()) << sum.error().message;
    EXPECT_FALSE(sum->replaced);
  }
  FinanceRepo repo(*db_);
  EXPECT_EQ(*repo.dart_company_count(), 2);
  auto hanbit = *repo.dart_by_stock_code("035999");
  ASSERT_TRUE(hanbit);
  EXPECT_EQ(hanbit->name, "한빛소프트(주)");
  EXPECT_EQ(hanbit->name_key, "한빛소프트");

  // Not linked: no years.
  const int64_t id = company("한빛소프트");
  EXPECT_TRUE(repo.years_for_company(id)->empty());
  ASSERT_TRUE(repo.link_dart(id, *hanbit).ok());
  auto years = *repo.years_for_company(id);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2024);
  EXPECT_EQ(years[0].basis, StatementBasis::kConsolidated);
  EXPECT_EQ(years[0].revenue, 1000);  // consolidated, not the separate 800
  EXPECT_EQ(years[1].year, 2023);
  EXPECT_EQ(years[1].revenue, 900);  // from the 전기 column

  // Separate only: 딥마인드랩's year is separate, with income and balance items together.
  const int64_t deep = company("딥마인드랩");
  ASSERT_TRUE(repo.link_dart(deep, **repo.dart_by_stock_code("299999")).ok());
  years = *repo.years_for_company(deep);
  ASSERT_EQ(years.size(), 1u);
  EXPECT_EQ(years[0].basis, StatementBasis::kSeparate);
  EXPECT_EQ(years[0].operating_income, -4500);
  EXPECT_EQ(years[0].paid_in_capital, 600);
  EXPECT_EQ(years[0].total_equity, -50);

  // Importing a file again replaces it: nothing changes.
  const int64_t values = count("SELECT count(*) FROM dart_values");
  auto again = importer.import_file(inc_c, opt);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replaced);
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(count("SELECT count(*) FROM dart_values"), values);
  EXPECT_EQ(count("SELECT count(*) FROM dart_files"), 3);
  EXPECT_EQ(repo.years_for_company(id)->front().revenue, 1000);

  // A later download of the same statement with a corrected figure replaces the old one.
  auto fixed = file("inc_c2.txt", row(kIncC, "035999", "한빛소프트", "ifrs-full_Revenue", "매출액",
                                      "1,050", "900"));
  ASSERT_TRUE(importer.import_file(fixed, opt).ok());
  EXPECT_EQ(repo.years_for_company(id)->front().revenue, 1050);
  EXPECT_EQ((*repo.dart_by_stock_code("035999"))->name, "한빛소프트");  // renamed
  EXPECT_EQ(repo.dart_link(id)->value().stock_code, "035999");          // link by code holds

  // A file cut down to one company replaces that company's figures only.
  auto cut =
      file("inc_s_cut.txt", row(kIncS, "299999", "딥마인드랩", "x", "영업이익(손실)", "-4,600"));
  auto cut_sum = importer.import_file(cut, opt);
  ASSERT_TRUE(cut_sum.ok());
  EXPECT_TRUE(cut_sum->replaced);
  EXPECT_EQ(repo.years_for_company(deep)->front().operating_income, -4600);
  EXPECT_EQ(count("SELECT count(*) FROM dart_values v JOIN dart_companies c ON "
                  "c.id = v.dart_company_id WHERE c.stock_code = '035999' AND basis = 'separate'"),
            1);

  // The user's figures win item by item and fill the rest from DART.
  domain::FinancialYear u;
  u.year = 2024;
  u.source = "감사보고서";
  u.cash = 77;
  u.revenue = 1100;
  ASSERT_TRUE(repo.put_user_year(id, u).ok());
  years = *repo.years_for_company(id);
  EXPECT_EQ(years[0].basis, StatementBasis::kUserEntered);
  EXPECT_EQ(years[0].revenue, 1100);
  EXPECT_EQ(years[0].cash, 77);
  EXPECT_EQ(years[0].source, "감사보고서");  // DART filled nothing in: its only item was given
  EXPECT_EQ(repo.user_years(id)->size(), 1u);
  // A DART year the user did not touch stays DART's.
  EXPECT_EQ(years[1].basis, StatementBasis::kConsolidated);
  // The user gives only cash for 2023: DART's revenue fills the rest, and the source says so.
  domain::FinancialYear cash_only;
  cash_only.year = 2023;
  cash_only.source = "IR";
  cash_only.cash = 5;
  ASSERT_TRUE(repo.put_user_year(id, cash_only).ok());
  years = *repo.years_for_company(id);
  EXPECT_EQ(years[1].revenue, 900);
  EXPECT_EQ(years[1].cash, 5);
  EXPECT_EQ(years[1].source, "IR + OpenDART 연결");
}

TEST_F(FinanceRepoTest, FundingRoundTrip) {
  FinanceRepo repo(*db_);
  const int64_t id = company("딥마인드랩");
  domain::FundingRound a{
      {2023, 5}, "Series A", 5'000'000'000, {"A벤처스", "B파트너스"}, "보도자료"};
  domain::FundingRound seed{{2021, 3}, "Seed", std::nullopt, {}, ""};
  ASSERT_TRUE(*repo.add_funding(id, a));
  ASSERT_TRUE(*repo.add_funding(id, seed));
  EXPECT_FALSE(*repo.add_funding(id, a));  // the same round twice
  auto rounds = *repo.funding_for_company(id);
  ASSERT_EQ(rounds.size(), 2u);
  EXPECT_EQ(rounds[0].round, "Seed");  // oldest first
  EXPECT_FALSE(rounds[0].amount);
  EXPECT_EQ(rounds[1].date, (YearMonth{2023, 5}));
  EXPECT_EQ(rounds[1].amount, 5'000'000'000);
  EXPECT_EQ(rounds[1].investors, (std::vector<std::string>{"A벤처스", "B파트너스"}));
  EXPECT_EQ(rounds[1].note, "보도자료");
  // Removing the company removes its records.
  CompanyRepo companies(*db_);
  ASSERT_TRUE(companies.remove(id).ok());
  EXPECT_EQ(count("SELECT count(*) FROM funding_investors"), 0);
}

TEST_F(FinanceRepoTest, FailedFileWritesNothing) {
  ingest::DartImporter importer(*db_);
  ingest::DartImportOptions opt;
  opt.rejects_dir = (dir_ / "rejects").string();
  auto bad = file("bad.txt", "손익계산서 - 연결\t[1]\n");
  auto sum = importer.import_file(bad, opt);
  ASSERT_FALSE(sum.ok());
  EXPECT_EQ(sum.error().code, ErrorCode::kBadFile);
  EXPECT_EQ(count("SELECT count(*) FROM dart_files"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM dart_companies"), 0);
}

}  // namespace
}  // namespace ijik::store
