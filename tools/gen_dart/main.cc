// ijik-gen-dart: writes OpenDART bulk financial-statement files (재무정보
// 일괄다운로드) for one fiscal year in the published layout — tab-separated,
// CP949 by default, one header row, amounts with thousands separators — for
// scenario tests and benchmarks of `ijik data import dart`.
//
// The companies are fictional. A fixed cast covers what the importer must
// handle: consolidated and separate statements, a company with separate ones
// only, revenue under another name (영업수익, 수익(매출액)) and an entity code,
// losses, capital impairment (자본잠식), a company without a stock code; with
// --companies N, N generated companies follow for larger files.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/cp949.h"

namespace fs = std::filesystem;

namespace {

struct Company {
  std::string stock;  // "" for a filer without one
  std::string name, market, industry, industry_name;
  bool consolidated = true;  // files consolidated statements too (has subsidiaries)
  double revenue = 0;        // in the year generated, KRW
  double growth = 0.1;       // a year
  double op_margin = 0.1;
  double net_margin = 0.07;
  double assets = 0, debt_ratio = 0.5;  // liabilities / assets
  double capital = 0;
  double cash_share = 0.15;  // of assets
  std::string revenue_code = "ifrs-full_Revenue";
  std::string revenue_name = "매출액";
};

std::vector<Company> fixed_cast() {
  std::vector<Company> c;
  // A large, profitable software company with subsidiaries.
  c.push_back({"035999", "한빛소프트(주)", "유가증권시장상장법인", "582",
               "소프트웨어 개발 및 공급업", true, 1.2e12, 0.12, 0.15, 0.11, 2.5e12, 0.35, 8.2e10,
               0.2});
  // Revenue filed as 영업수익 under an entity extension code (a platform).
  Company p{"041999",
            "누리플랫폼",
            "코스닥시장상장법인",
            "631",
            "자료처리, 호스팅, 포털 및 기타 인터넷 정보매개 서비스업",
            true,
            3.1e11,
            0.05,
            0.06,
            0.04,
            4.0e11,
            0.45,
            2.1e10,
            0.1};
  p.revenue_code = "entity00412345_OperatingRevenue";
  p.revenue_name = "영업수익";
  c.push_back(p);
  // Separate statements only, revenue as 수익(매출액).
  Company s{"052999",
            "(주)새솔테크",
            "코스닥시장상장법인",
            "261",
            "반도체 제조업",
            false,
            8.5e10,
            -0.08,
            0.02,
            -0.01,
            1.1e11,
            0.6,
            1.5e10,
            0.08};
  s.revenue_name = "수익(매출액)";
  c.push_back(s);
  // An AI company living on investment: small revenue, losses three years, capital impaired.
  c.push_back({"299999", "딥마인드랩 주식회사", "코넥스시장상장법인", "582",
               "소프트웨어 개발 및 공급업", false, 1.8e9, -0.2, -2.5, -2.8, 9.0e9, 1.05, 6.0e9,
               0.3});
  // A filer without a stock code.
  c.push_back({"", "하늘물산", "기타법인", "467", "기타 전문 도매업", true, 5.0e10, 0.03, 0.05,
               0.03, 6.0e10, 0.5, 5.0e9, 0.1});
  return c;
}

// Deterministic filler companies.
std::vector<Company> generated(int n) {
  std::vector<Company> out;
  uint64_t s = 0x9E3779B97F4A7C15ULL;
  auto next = [&] {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return static_cast<double>(s % 1000000) / 1e6;
  };
  for (int i = 0; i < n; ++i) {
    Company c;
    char code[8];
    std::snprintf(code, sizeof code, "%06d", 100000 + i * 7);
    c.stock = code;
    c.name = "가상기업" + std::to_string(i + 1);
    c.market = i % 3 ? "코스닥시장상장법인" : "유가증권시장상장법인";
    c.industry = "582";
    c.industry_name = "소프트웨어 개발 및 공급업";
    c.consolidated = next() < 0.6;
    c.revenue = 1e9 * (1 + 500 * next());
    c.growth = next() * 0.4 - 0.15;
    c.op_margin = next() * 0.3 - 0.1;
    c.net_margin = c.op_margin * 0.7;
    c.assets = c.revenue * (0.5 + next());
    c.debt_ratio = 0.2 + next() * 0.6;
    c.capital = c.assets * 0.05;
    c.cash_share = 0.05 + next() * 0.2;
    out.push_back(c);
  }
  return out;
}

// "1,234,567" / "-3,200"
std::string amount(double v) {
  auto n = static_cast<int64_t>(std::llround(v));
  bool neg = n < 0;
  std::string d = std::to_string(neg ? -n : n), out;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i && (d.size() - i) % 3 == 0) out += ',';
    out += d[i];
  }
  return neg ? "-" + out : out;
}

struct Line {
  std::string code, name;
  double v[3];  // 당기, 전기, 전전기
};

// The company's year `back` years before the generated one (scale by growth).
double at(double base, double growth, int back) {
  return base / std::pow(1 + growth, back);
}

std::vector<Line> balance_lines(const Company& c, double scale) {
  std::vector<Line> l;
  auto three = [&](const std::string& code, const std::string& name, double base) {
    l.push_back({code,
                 name,
                 {scale * at(base, c.growth, 0), scale * at(base, c.growth, 1),
                  scale * at(base, c.growth, 2)}});
  };
  double liab = c.assets * c.debt_ratio;
  double equity = c.assets - liab;
  three("ifrs-full_CurrentAssets", "유동자산", c.assets * 0.4);
  three("ifrs-full_CashAndCashEquivalents", "현금및현금성자산", c.assets * c.cash_share);
  three("ifrs-full_NoncurrentAssets", "비유동자산", c.assets * 0.6);
  three("ifrs-full_Assets", "자산총계", c.assets);
  three("ifrs-full_CurrentLiabilities", "유동부채", liab * 0.7);
  three("ifrs-full_Liabilities", "부채총계", liab);
  l.push_back({"ifrs-full_IssuedCapital", "자본금", {c.capital, c.capital, c.capital}});
  three("ifrs-full_RetainedEarnings", "이익잉여금(결손금)", equity - c.capital);
  three("ifrs-full_Equity", "자본총계", equity);
  three("ifrs-full_EquityAndLiabilities", "자본과부채총계", c.assets);
  return l;
}

std::vector<Line> income_lines(const Company& c, double scale) {
  std::vector<Line> l;
  auto three = [&](const std::string& code, const std::string& name, double base) {
    l.push_back({code,
                 name,
                 {scale * at(base, c.growth, 0), scale * at(base, c.growth, 1),
                  scale * at(base, c.growth, 2)}});
  };
  three(c.revenue_code, c.revenue_name, c.revenue);
  three("ifrs-full_CostOfSales", "매출원가", c.revenue * 0.6);
  three("ifrs-full_GrossProfit", "매출총이익", c.revenue * 0.4);
  three("dart_OperatingIncomeLoss", "영업이익(손실)", c.revenue * c.op_margin);
  three("ifrs-full_ProfitLossBeforeTax", "법인세비용차감전순이익(손실)",
        c.revenue * c.net_margin * 1.2);
  three("ifrs-full_ProfitLoss", "당기순이익(손실)", c.revenue * c.net_margin);
  three("ifrs-full_BasicEarningsLossPerShare", "기본주당이익(손실)", 1234);
  return l;
}

bool write_file(const fs::path& path, const std::string& utf8, bool cp949) {
  std::string bytes;
  if (cp949) {
    ijik::ingest::ConvertError err;
    if (ijik::ingest::encode_cp949(utf8, bytes, &err) != utf8.size()) {
      std::fprintf(stderr, "ijik-gen-dart: %s\n", ijik::ingest::describe(err).c_str());
      return false;
    }
  } else {
    bytes = utf8;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return bool(out);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes OpenDART bulk financial-statement files (fictional companies) for tests"};
  int year = 2024;
  std::string out_dir = ".";
  int extra = 0;
  bool utf8 = false;
  app.add_option("--year", year, "Fiscal year (default 2024)");
  app.add_option("--out", out_dir, "Output folder (default .)");
  app.add_option("--companies", extra, "Generated companies after the fixed cast (default 0)");
  app.add_flag("--utf8", utf8, "Write UTF-8 instead of CP949");
  CLI11_PARSE(app, argc, argv);

  std::vector<Company> cast = fixed_cast();
  for (auto& c : generated(extra)) cast.push_back(c);
  fs::create_directories(out_dir);
  const std::string header =
      "재무제표종류\t종목코드\t회사명\t시장구분\t업종\t업종명\t결산월\t결산기준일\t보고서종류\t통화"
      "\t"
      "항목코드\t항목명\t당기\t전기\t전전기\t\r\n";
  const std::string filed = std::to_string(year + 1) + "0512";
  struct Kind {
    const char* file;  // 01_재무상태표, 02_손익계산서
    const char* statement;
    bool income;
  };
  const Kind kinds[] = {{"01_재무상태표", "재무상태표, 유동/비유동법", false},
                        {"02_손익계산서", "손익계산서, 기능별 분류", true}};
  for (const Kind& k : kinds) {
    for (bool consolidated : {true, false}) {
      std::string text = header;
      for (const Company& c : cast) {
        if (consolidated && !c.consolidated) continue;
        // A group's consolidated figures are larger than the parent's own.
        double scale = consolidated ? 1.0 : (c.consolidated ? 0.8 : 1.0);
        auto lines = k.income ? income_lines(c, scale) : balance_lines(c, scale);
        for (const Line& l : lines) {
          text +=
              std::string(k.statement) + " - " + (consolidated ? "연결재무제표" : "별도재무제표");
          text += "\t[" + c.stock + "]\t" + c.name + "\t" + c.market + "\t" + c.industry + "\t" +
                  c.industry_name + "\t12\t" + std::to_string(year) + "-12-31\t사업보고서\tKRW\t" +
                  l.code + "\t" + l.name;
          for (double v : l.v) text += "\t" + amount(v);
          text += "\t\r\n";
        }
      }
      std::string name = std::to_string(year) + "_사업보고서_" + k.file +
                         (consolidated ? "_연결_" : "_") + filed + ".txt";
      if (!write_file(fs::path(out_dir) / name, text, !utf8)) return 1;
      std::printf("%s\n", (fs::path(out_dir) / name).string().c_str());
    }
  }
  return 0;
}
