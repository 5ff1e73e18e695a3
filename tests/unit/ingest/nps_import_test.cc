// NpsImporter end to end on a temporary workspace: small planted CSV files
// whose linking and metrics are worked out by hand.
#include "ingest/nps_import.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/cp949.h"
#include "store/nps_repo.h"
#include "store/workspace.h"

namespace ijik::ingest {
namespace {

namespace fs = std::filesystem;

const char* const kHeader =
    "자료생성년월,사업장명,사업자등록번호,사업장가입상태코드 1 등록 2 탈퇴,우편번호,"
    "사업장지번상세주소,사업장도로명상세주소,고객법정동주소코드,고객행정동주소코드,"
    "법정동주소광역시도코드,법정동주소광역시시군구코드,법정동주소광역시시군구읍면동코드,"
    "사업장형태구분코드 1 법인 2 개인,사업장업종코드,사업장업종코드명,적용일자,재등록일자,탈퇴일자,"
    "가입자수,당월고지금액,신규취득자수,상실가입자수";

const char* const kGangnam = "1168010100";  // 서울 강남구 역삼동
const char* const kJongno = "1111010100";   // 서울 종로구 청운동
const char* const kSuwon = "4111110100";    // 경기 수원시 장안구 파장동

struct Row {
  std::string month, name, brn;
  int status = 1;
  std::string ldong, adopted, reregistered, withdrawn;
  int64_t headcount = 0, billed = 0, hires = 0, leavers = 0;
};

std::string csv_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string address_of(const std::string& ldong) {
  if (ldong == kSuwon) return "경기도 수원시 장안구 정자로 10, 3층";
  if (ldong == kJongno) return "서울특별시 종로구 자하문로 1";
  return "서울특별시 강남구 테헤란로 1, 5층 \"본관\"";
}

std::string csv_line(const Row& r) {
  std::vector<std::string> f = {r.month,
                                r.name,
                                r.brn,
                                std::to_string(r.status),
                                "06236",
                                "",
                                address_of(r.ldong),
                                r.ldong,
                                r.ldong,
                                r.ldong.substr(0, 2),
                                r.ldong.substr(2, 3),
                                r.ldong.substr(5, 3),
                                "1",
                                "722000",
                                "소프트웨어 개발 및 공급업",
                                r.adopted,
                                r.reregistered,
                                r.withdrawn,
                                std::to_string(r.headcount),
                                std::to_string(r.billed),
                                std::to_string(r.hires),
                                std::to_string(r.leavers)};
  std::string line;
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) line += ',';
    line += csv_quote(f[i]);
  }
  return line;
}

std::string csv_text(const std::vector<Row>& rows, const std::string& header = kHeader) {
  std::string text = header + "\r\n";
  for (const Row& r : rows) text += csv_line(r) + "\r\n";
  return text;
}

// The planted history. Amounts are members × pay × 9% (2025):
//   알파: renamed 주식회사 알파 → 주식회사 알파랩스 in 2025-02; pay 3,000,000.
//   베타상사: withdrawn (탈퇴) in 2025-02, re-registered with a new 적용일자 in 2025-04.
//   감마전자 and 델타물산 share the prefix 333333, the 법정동 and the 적용일자;
//   a second 감마전자 (same prefix) is in 수원.
// 2025-03 is missing.
std::vector<Row> jan() {
  return {
      {"2025-01", "주식회사 알파", "111111", 1, kGangnam, "2015-03-01", "", "", 100, 27'000'000, 5,
       2},
      {"2025-01", "베타상사", "222222", 1, kJongno, "2010-01-01", "", "", 5, 1'125'000, 0, 1},
      {"2025-01", "감마전자", "333333", 1, kGangnam, "2012-05-01", "", "", 40, 14'400'000, 2, 1},
      {"2025-01", "델타물산", "333333", 1, kGangnam, "2012-05-01", "", "", 12, 2'160'000, 1, 0},
      {"2025-01", "감마전자", "333333", 1, kSuwon, "2012-05-01", "", "", 8, 2'520'000, 0, 0},
  };
}
std::vector<Row> feb() {
  return {
      {"2025-02", "감마전자", "333333", 1, kSuwon, "2012-05-01", "", "", 9, 2'835'000, 1, 0},
      {"2025-02", "델타물산", "333333", 1, kGangnam, "2012-05-01", "", "", 12, 2'160'000, 0, 0},
      {"2025-02", "베타상사", "222222", 2, kJongno, "2010-01-01", "", "2025-02-10", 0, 0, 0, 5},
      {"2025-02", "주식회사 알파랩스", "111111", 1, kGangnam, "2015-03-01", "", "", 103, 27'810'000,
       4, 1},
      {"2025-02", "감마전자", "333333", 1, kGangnam, "2012-05-01", "", "", 41, 14'760'000, 2, 1},
  };
}
std::vector<Row> apr() {
  return {
      {"2025-04", "델타물산", "333333", 1, kGangnam, "2012-05-01", "", "", 12, 2'160'000, 0, 0},
      {"2025-04", "감마전자", "333333", 1, kGangnam, "2012-05-01", "", "", 38, 13'680'000, 0, 3},
      {"2025-04", "주식회사 알파랩스", "111111", 1, kGangnam, "2015-03-01", "", "", 110, 29'700'000,
       8, 1},
      {"2025-04", "베타상사", "222222", 1, kJongno, "2025-04-01", "2025-04-01", "", 3, 540'000, 3,
       0},
      {"2025-04", "감마전자", "333333", 1, kSuwon, "2012-05-01", "", "", 9, 2'835'000, 0, 0},
  };
}

// Rows without 베타상사 (see OutOfOrder).
std::vector<Row> without_beta(std::vector<Row> rows) {
  std::erase_if(rows, [](const Row& r) { return r.name == "베타상사"; });
  return rows;
}

class NpsImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ijik-nps-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto db = store::open_workspace((dir_ / "ijik.db").string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string write(const std::string& name, const std::vector<Row>& rows) {
    return write(name, csv_text(rows));
  }

  // One session: load, import each file, finish.
  Result<std::vector<NpsFileSummary>> import(const std::vector<std::string>& paths) {
    NpsImporter importer(db_);
    IJIK_RETURN_IF_ERROR(importer.load());
    std::vector<NpsFileSummary> out;
    NpsImportOptions options;
    options.rejects_dir = (dir_ / "rejects").string();
    for (const auto& p : paths) {
      auto s = importer.import_file(p, options);
      if (!s.ok()) {
        IJIK_RETURN_IF_ERROR(importer.finish());
        return s.error();
      }
      out.push_back(*s);
    }
    IJIK_RETURN_IF_ERROR(importer.finish());
    return out;
  }
  std::vector<NpsFileSummary> import_ok(const std::vector<std::string>& paths) {
    auto r = import(paths);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : std::vector<NpsFileSummary>{};
  }

  // Rows of a query with `columns` columns, joined by '|', NULL as "NULL".
  std::vector<std::string> rows(const std::string& sql, int columns) {
    std::vector<std::string> out;
    auto st = db_.prepare(sql);
    EXPECT_TRUE(st.ok()) << sql;
    if (!st.ok()) return out;
    while (true) {
      auto row = st->step();
      EXPECT_TRUE(row.ok()) << sql;
      if (!row.ok() || !*row) break;
      std::string line;
      for (int i = 0; i < columns; ++i) {
        if (i) line += '|';
        line += st->is_null(i) ? std::string("NULL") : st->text(i);
      }
      out.push_back(line);
    }
    return out;
  }
  std::string one(const std::string& sql) {
    auto r = rows(sql, 1);
    return r.size() == 1 ? r[0] : std::to_string(r.size()) + " rows";
  }
  // A workplace's series as "YYYYMM headcount billed hires leavers status" items.
  std::vector<std::string> series(int64_t id) {
    store::NpsRepo repo(db_);
    auto s = repo.series(id);
    EXPECT_TRUE(s.ok());
    std::vector<std::string> out;
    if (!s.ok()) return out;
    for (const auto& p : *s)
      out.push_back(std::to_string(p.month.yyyymm()) + " " + std::to_string(p.headcount) + " " +
                    std::to_string(p.billed) + " " + std::to_string(p.hires) + " " +
                    std::to_string(p.leavers) + " " + std::to_string(p.status));
    return out;
  }
  // The integer columns of a workplace's metrics.
  std::string metrics(int64_t id) {
    std::string sql =
        "SELECT latest_month, headcount, months_observed, change_3m, change_6m, change_12m, "
        "hires_12m, leavers_12m, pay_month_est, pay_is_lower_bound FROM nps_metrics "
        "WHERE workplace_id = ";
    sql += std::to_string(id);
    auto r = rows(sql, 10);
    return r.size() == 1 ? r[0] : std::to_string(r.size()) + " rows";
  }
  // A REAL column of a workplace's metrics (NaN when NULL or missing).
  double metric(int64_t id, const std::string& column) {
    auto st = db_.prepare("SELECT " + column + " FROM nps_metrics WHERE workplace_id = ?");
    EXPECT_TRUE(st.ok());
    st->bind(1, id);
    auto row = st->step();
    if (!row.ok() || !*row || st->is_null(0)) return std::nan("");
    return st->real(0);
  }
  // Row counts of the four tables.
  std::string counts() {
    return std::to_string(count("nps_months")) + " " + std::to_string(count("nps_workplaces")) +
           " " + std::to_string(count("nps_monthly")) + " " + std::to_string(count("nps_metrics"));
  }
  int64_t count(const std::string& table) {
    auto st = db_.prepare("SELECT count(*) FROM " + table);
    EXPECT_TRUE(st.ok());
    EXPECT_TRUE(*st->step());
    return st->int64(0);
  }
  int64_t id_of(const std::string& name, const std::string& ldong = kGangnam) {
    auto st = db_.prepare("SELECT id FROM nps_workplaces WHERE name = ? AND ldong = ?");
    EXPECT_TRUE(st.ok());
    st->bind(1, name).bind(2, ldong);
    auto row = st->step();
    EXPECT_TRUE(row.ok() && *row) << "no workplace " << name << " in " << ldong;
    return row.ok() && *row ? st->int64(0) : 0;
  }

  // The planted history's end state, whichever way it was imported. Without
  // 베타상사 when `beta` is false.
  void expect_planted(bool beta) {
    store::NpsRepo repo(db_);
    EXPECT_EQ(count("nps_workplaces"), beta ? 5 : 4);
    EXPECT_EQ(count("nps_monthly"), beta ? 15 : 12);
    EXPECT_EQ(count("nps_metrics"), beta ? 5 : 4);
    EXPECT_EQ(rows("SELECT month, rows, rejected, source_file FROM nps_months ORDER BY month", 4),
              (std::vector<std::string>{
                  "202501|" + std::string(beta ? "5" : "4") + "|0|nps-202501.csv",
                  "202502|" + std::string(beta ? "5" : "4") + "|0|nps-202502.csv",
                  "202504|" + std::string(beta ? "5" : "4") + "|0|nps-202504.csv"}));

    // 알파: one workplace under its latest name; the 2025-03 gap leaves 3 points.
    int64_t alpha = id_of("주식회사 알파랩스");
    EXPECT_EQ(one("SELECT count(*) FROM nps_workplaces WHERE name = '주식회사 알파'"), "0");
    auto w = repo.workplace(alpha);
    ASSERT_TRUE(w.ok() && w->has_value());
    const store::WorkplaceRecord& a = **w;
    EXPECT_EQ(a.brn6, "111111");
    EXPECT_EQ(a.ldong, kGangnam);
    EXPECT_EQ(a.adopted, "2015-03-01");
    EXPECT_EQ(a.sido_code, "11");
    EXPECT_EQ(a.region, "서울 강남구");
    EXPECT_EQ(a.address, "서울특별시 강남구 테헤란로 1, 5층 \"본관\"");
    EXPECT_EQ(a.industry_code, "722000");
    EXPECT_EQ(a.status, 1);
    EXPECT_EQ(a.first_month, 202501);
    EXPECT_EQ(series(alpha),
              (std::vector<std::string>{"202501 100 27000000 5 2 1", "202502 103 27810000 4 1 1",
                                        "202504 110 29700000 8 1 1"}));
    // Change from 2025-01 (+10, +10%); 6 and 12 months back are missing.
    // 17 hires, 4 leavers; mean headcount 313/3; 29,700,000 / 110 / 9% = 3,000,000.
    EXPECT_EQ(metrics(alpha), "202504|110|3|10|NULL|NULL|17|4|3000000|0");
    EXPECT_DOUBLE_EQ(metric(alpha, "change_3m_pct"), 0.1);
    EXPECT_TRUE(std::isnan(metric(alpha, "change_6m_pct")));
    EXPECT_DOUBLE_EQ(metric(alpha, "attrition_12m"), 12.0 / 313.0);

    // 감마전자 and 델타물산 share prefix, 법정동 and 적용일자; another 감마전자 is in 수원.
    int64_t gamma = id_of("감마전자");
    int64_t delta = id_of("델타물산");
    int64_t gamma_suwon = id_of("감마전자", kSuwon);
    EXPECT_NE(gamma, delta);
    EXPECT_NE(gamma, gamma_suwon);
    EXPECT_NE(alpha, gamma);
    EXPECT_EQ(series(gamma),
              (std::vector<std::string>{"202501 40 14400000 2 1 1", "202502 41 14760000 2 1 1",
                                        "202504 38 13680000 0 3 1"}));
    EXPECT_EQ(metrics(gamma), "202504|38|3|-2|NULL|NULL|4|5|4000000|0");
    EXPECT_DOUBLE_EQ(metric(gamma, "change_3m_pct"), -0.05);
    EXPECT_DOUBLE_EQ(metric(gamma, "attrition_12m"), 5.0 / (119.0 / 3.0));
    EXPECT_EQ(series(delta),
              (std::vector<std::string>{"202501 12 2160000 1 0 1", "202502 12 2160000 0 0 1",
                                        "202504 12 2160000 0 0 1"}));
    EXPECT_EQ(metrics(delta), "202504|12|3|0|NULL|NULL|1|0|2000000|0");
    EXPECT_DOUBLE_EQ(metric(delta, "change_3m_pct"), 0.0);
    EXPECT_DOUBLE_EQ(metric(delta, "attrition_12m"), 0.0);
    EXPECT_EQ(series(gamma_suwon),
              (std::vector<std::string>{"202501 8 2520000 0 0 1", "202502 9 2835000 1 0 1",
                                        "202504 9 2835000 0 0 1"}));
    EXPECT_EQ(metrics(gamma_suwon), "202504|9|3|1|NULL|NULL|1|0|3500000|0");
    EXPECT_DOUBLE_EQ(metric(gamma_suwon, "change_3m_pct"), 0.125);
    EXPECT_EQ((*repo.workplace(gamma_suwon))->region, "경기 수원시 장안구");

    if (!beta) return;
    // 베타상사: withdrawn in 2025-02, re-registered in 2025-04 under a new 적용일자.
    int64_t b = id_of("베타상사", kJongno);
    EXPECT_EQ(one("SELECT count(*) FROM nps_workplaces WHERE brn6 = '222222'"), "1");
    auto bw = repo.workplace(b);
    ASSERT_TRUE(bw.ok() && bw->has_value());
    EXPECT_EQ((*bw)->status, 1);
    EXPECT_EQ((*bw)->adopted, "2025-04-01");
    EXPECT_EQ((*bw)->reregistered_on.value_or(""), "2025-04-01");
    EXPECT_FALSE((*bw)->withdrawn_on.has_value());
    EXPECT_EQ((*bw)->region, "서울 종로구");
    EXPECT_EQ((*bw)->first_month, 202501);
    EXPECT_EQ(series(b), (std::vector<std::string>{"202501 5 1125000 0 1 1", "202502 0 0 0 5 2",
                                                   "202504 3 540000 3 0 1"}));
    // 3 - 5 = -2 (-40%); leavers 6 over a mean of 8/3 members; 540,000 / 3 / 9% = 2,000,000.
    EXPECT_EQ(metrics(b), "202504|3|3|-2|NULL|NULL|3|6|2000000|0");
    EXPECT_DOUBLE_EQ(metric(b, "change_3m_pct"), -0.4);
    EXPECT_DOUBLE_EQ(metric(b, "attrition_12m"), 6.0 / (8.0 / 3.0));
  }

  std::vector<std::string> planted_files(bool beta = true) {
    return {write("nps-202501.csv", beta ? jan() : without_beta(jan())),
            write("nps-202502.csv", beta ? feb() : without_beta(feb())),
            write("nps-202504.csv", beta ? apr() : without_beta(apr()))};
  }

  fs::path dir_;
  store::Database db_;
};

TEST_F(NpsImportTest, PlantedHistoryInOneSession) {
  auto files = planted_files();
  auto s = import_ok(files);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].month, (YearMonth{2025, 1}));
  EXPECT_EQ(s[0].rows, 5);
  EXPECT_EQ(s[0].imported, 5);
  EXPECT_EQ(s[0].rejected, 0);
  EXPECT_EQ(s[0].created, 5);
  EXPECT_EQ(s[0].continued, 0);
  EXPECT_FALSE(s[0].replaced);
  EXPECT_EQ(s[0].rejects_file, "");
  EXPECT_EQ(s[1].created, 0);
  EXPECT_EQ(s[1].continued, 5);
  EXPECT_EQ(s[1].renamed, 1);
  EXPECT_EQ(s[1].moved, 0);
  EXPECT_EQ(s[1].withdrawn, 1);
  EXPECT_EQ(s[2].created, 0);
  EXPECT_EQ(s[2].continued, 5);  // the re-registration included
  EXPECT_EQ(s[2].renamed, 0);
  EXPECT_EQ(s[2].withdrawn, 0);
  expect_planted(true);
  // The columns last changed with the rename.
  EXPECT_EQ(one("SELECT attrs_month FROM nps_workplaces WHERE id = 1"), "202502");
  // Workplaces are numbered in the order they were first seen.
  EXPECT_EQ(id_of("주식회사 알파랩스"), 1);
  EXPECT_EQ(id_of("감마전자", kSuwon), 5);
}

TEST_F(NpsImportTest, PlantedHistoryOneSessionPerFile) {
  for (const auto& f : planted_files()) import_ok({f});
  expect_planted(true);
}

TEST_F(NpsImportTest, WithdrawnMonthShowsTheWithdrawal) {
  import_ok({write("nps-202501.csv", jan()), write("nps-202502.csv", feb())});
  store::NpsRepo repo(db_);
  auto b = repo.workplace(id_of("베타상사", kJongno));
  ASSERT_TRUE(b.ok() && b->has_value());
  EXPECT_EQ((*b)->status, 2);
  EXPECT_EQ((*b)->withdrawn_on.value_or(""), "2025-02-10");
  EXPECT_FALSE((*b)->reregistered_on.has_value());
  EXPECT_EQ((*b)->adopted, "2010-01-01");
  // No members, nothing billed: no pay estimate; 1 leaver + 5 over a mean of 2.5 members.
  EXPECT_EQ(metrics(id_of("베타상사", kJongno)), "202502|0|2|NULL|NULL|NULL|0|6|NULL|0");
  EXPECT_DOUBLE_EQ(metric(id_of("베타상사", kJongno), "attrition_12m"), 6.0 / 2.5);
}

TEST_F(NpsImportTest, ImportingAMonthAgainKeepsIds) {
  auto files = planted_files();
  // 2025-02 twice in one session.
  auto s = import_ok({files[0], files[1], files[2], files[1]});
  ASSERT_EQ(s.size(), 4u);
  EXPECT_TRUE(s[3].replaced);
  EXPECT_EQ(s[3].created, 0);
  EXPECT_EQ(s[3].continued, 5);
  const std::string before = counts();
  EXPECT_EQ(before, "3 5 15 5");
  expect_planted(true);
  auto ids = rows("SELECT id, name, ldong FROM nps_workplaces ORDER BY id", 3);

  // The latest month again in a new session (as the CLI runs).
  auto again = import_ok({files[2]});
  ASSERT_EQ(again.size(), 1u);
  EXPECT_TRUE(again[0].replaced);
  EXPECT_EQ(again[0].created, 0);
  EXPECT_EQ(again[0].continued, 5);
  EXPECT_EQ(counts(), before);
  EXPECT_EQ(rows("SELECT id, name, ldong FROM nps_workplaces ORDER BY id", 3), ids);
  expect_planted(true);
}

TEST_F(NpsImportTest, ImportingOlderMonthsAgainInANewSession) {
  auto files = planted_files(false);
  import_ok(files);
  auto ids = rows("SELECT id, name, ldong FROM nps_workplaces ORDER BY id", 3);
  // 주식회사 알파 is stored under its later name only: found again as renamed.
  auto s = import_ok({files[0], files[1]});
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].created, 0);
  EXPECT_EQ(s[0].renamed, 1);
  EXPECT_EQ(s[1].created, 0);
  EXPECT_EQ(counts(), "3 4 12 4");
  EXPECT_EQ(rows("SELECT id, name, ldong FROM nps_workplaces ORDER BY id", 3), ids);
  expect_planted(false);
}

// KNOWN BUG (reported, not fixed: it needs a change to the linker's tier-4
// contract or stored keys): in a new session a workplace is known only under
// its latest key, so after a re-registration with a new 적용일자 a re-imported
// older month (old 적용일자, no 재등록일자) makes the workplace a second time.
TEST_F(NpsImportTest, ReregisteredWorkplaceOlderMonthInANewSession) {
  auto files = planted_files();
  import_ok(files);
  import_ok({files[1]});
  expect_planted(true);
}

TEST_F(NpsImportTest, ReplacedMonthDropsWorkplacesOnlyItHad) {
  import_ok(planted_files(false));
  // 2025-02 again with an extra workplace, then once more without it.
  std::vector<Row> extra = without_beta(feb());
  extra.push_back(
      {"2025-02", "오메가", "999999", 1, kGangnam, "2020-01-01", "", "", 2, 360'000, 2, 0});
  std::string path = write("nps-202502.csv", extra);
  auto s = import_ok({path});
  EXPECT_EQ(s[0].created, 1);
  EXPECT_EQ(counts(), "3 5 13 5");
  int64_t omega = id_of("오메가");
  EXPECT_EQ(metrics(omega), "202502|2|1|NULL|NULL|NULL|2|0|2000000|0");
  import_ok({write("nps-202502.csv", without_beta(feb()))});
  EXPECT_EQ(counts(), "3 4 12 4");
  EXPECT_EQ(one("SELECT count(*) FROM nps_workplaces WHERE name = '오메가'"), "0");
  expect_planted(false);
}

// 베타상사 is left out: its 2025-01 row, read after the re-registered 2025-04
// row, carries the old 적용일자 and no 재등록일자 (see the linker's tier 4).
TEST_F(NpsImportTest, MonthsOutOfOrder) {
  auto files = planted_files(false);
  auto s = import_ok({files[2], files[0], files[1]});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].created, 4);
  EXPECT_EQ(s[1].created, 0);
  EXPECT_EQ(s[1].renamed, 1);  // 주식회사 알파, found under its later name
  EXPECT_EQ(s[2].created, 0);
  expect_planted(false);
}

TEST_F(NpsImportTest, MonthsOutOfOrderOneSessionPerFile) {
  auto files = planted_files(false);
  for (int i : {2, 0, 1}) import_ok({files[static_cast<size_t>(i)]});
  expect_planted(false);
}

TEST_F(NpsImportTest, LatestMonthsColumnsWinOutOfOrder) {
  Row a{"2025-01", "제타", "777777", 1, kGangnam, "2018-01-01", "", "", 10, 1'800'000, 0, 0};
  Row b = a, d = a;
  b.month = "2025-02";
  b.status = 2;  // 2025-02 differs: withdrawn, then back
  b.withdrawn = "2025-02-20";
  d.month = "2025-04";
  std::vector<std::string> files = {write("1.csv", std::vector<Row>{a}),
                                    write("2.csv", std::vector<Row>{b}),
                                    write("4.csv", std::vector<Row>{d})};
  // 2025-01 and 2025-04 (the same columns), then 2025-02.
  import_ok({files[0], files[2], files[1]});
  EXPECT_EQ(rows("SELECT status, withdrawn_on FROM nps_workplaces", 2),
            std::vector<std::string>{"1|NULL"});
  // The same in one session per file.
  auto db = store::open_workspace((dir_ / "other.db").string());
  ASSERT_TRUE(db.ok());
  db_ = std::move(*db);
  for (size_t i : {0, 2, 1}) import_ok({files[i]});
  EXPECT_EQ(rows("SELECT status, withdrawn_on FROM nps_workplaces", 2),
            std::vector<std::string>{"1|NULL"});
  EXPECT_EQ(one("SELECT latest_month || ' ' || months_observed FROM nps_metrics"), "202504 3");
  // In order, the latest row's columns too.
  import_ok({files[1]});
  EXPECT_EQ(rows("SELECT status, withdrawn_on FROM nps_workplaces", 2),
            std::vector<std::string>{"1|NULL"});
}

TEST_F(NpsImportTest, IdenticalRowsInOneMonthAreTwoWorkplaces) {
  // Two offices of one firm in one building: every key agrees.
  Row big{"2025-01", "엡실론", "555555", 1, kGangnam, "2019-01-01", "", "", 100, 27'000'000, 0, 0};
  Row small = big;
  small.headcount = 3;
  small.billed = 540'000;
  std::vector<Row> m1 = {big, small};
  big.month = small.month = "2025-02";
  big.headcount = 98;
  big.billed = 26'460'000;
  small.headcount = 4;
  small.billed = 720'000;
  std::vector<Row> m2 = {small, big};  // the other order
  auto s = import_ok({write("a.csv", m1), write("b.csv", m2)});
  EXPECT_EQ(s[0].created, 2);
  EXPECT_EQ(s[1].created, 0);
  EXPECT_EQ(s[1].continued, 2);
  EXPECT_EQ(rows("SELECT workplace_id, month, headcount FROM nps_monthly ORDER BY workplace_id, "
                 "month",
                 3),
            (std::vector<std::string>{"1|202501|100", "1|202502|98", "2|202501|3", "2|202502|4"}));
}

TEST_F(NpsImportTest, Cp949File) {
  std::string cp949;
  ConvertError e;
  std::string text = csv_text(jan());
  ASSERT_EQ(encode_cp949(text, cp949, &e), text.size()) << describe(e);
  auto s = import_ok({write("nps-202501.csv", cp949)});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].imported, 5);
  EXPECT_EQ(s[0].rejected, 0);
  EXPECT_EQ(rows("SELECT name, region FROM nps_workplaces ORDER BY id", 2),
            (std::vector<std::string>{"주식회사 알파|서울 강남구", "베타상사|서울 종로구",
                                      "감마전자|서울 강남구", "델타물산|서울 강남구",
                                      "감마전자|경기 수원시 장안구"}));
  EXPECT_EQ(one("SELECT industry_name FROM nps_workplaces WHERE id = 1"),
            "소프트웨어 개발 및 공급업");
  EXPECT_EQ(metrics(id_of("주식회사 알파")), "202501|100|1|NULL|NULL|NULL|5|2|3000000|0");
}

TEST_F(NpsImportTest, PeekMonthReadsTheData) {
  auto m = peek_nps_month(write("misnamed-202412.csv", apr()));
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(*m, (YearMonth{2025, 4}));
}

TEST_F(NpsImportTest, RefusedFilesLeaveTheWorkspaceUntouched) {
  import_ok({write("nps-202501.csv", jan())});
  const std::string before = counts();
  EXPECT_EQ(before, "1 5 5 5");

  NpsImporter importer(db_);
  ASSERT_TRUE(importer.load().ok());
  NpsImportOptions options;
  options.rejects_dir = (dir_ / "rejects").string();
  auto refused = [&](const std::string& path, const std::string& why) {
    auto r = importer.import_file(path, options);
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_EQ(r.error().code, ErrorCode::kBadFile);
    EXPECT_NE(r.error().message.find(why), std::string::npos) << r.error().message;
    EXPECT_EQ(counts(), before) << path;
  };
  // Not an NPS file at all.
  refused(write("sheet.csv", std::string("회사,직무\r\n네이버,백엔드\r\n")),
          "not a National Pension workplace file");
  // A real header lacking one required column, over otherwise good rows.
  std::string header = kHeader;
  header.replace(header.find("당월고지금액"), std::string("당월고지금액").size(), "고지금액");
  refused(write("nps-202502.csv", csv_text(feb(), header)), "lacks 당월고지금액;");
  // Every row bad; no row at all.
  std::vector<Row> bad = feb();
  for (Row& r : bad) r.month = "2025-13";
  refused(write("nps-bad.csv", bad), "no valid data row");
  refused(write("empty.csv", std::string(kHeader) + "\r\n"), "no valid data row");
  EXPECT_EQ(one("SELECT group_concat(month) FROM nps_months"), "202501");
  EXPECT_FALSE(fs::exists(dir_ / "rejects"));

  // The session goes on with a good file.
  auto s = importer.import_file(write("nps-202502.csv", feb()), options);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->created, 0);
  EXPECT_EQ(s->continued, 5);
  ASSERT_TRUE(importer.finish().ok());
  EXPECT_EQ(counts(), "2 5 10 5");
}

TEST_F(NpsImportTest, RejectsFileHasLineNumbers) {
  std::vector<Row> rows_in = without_beta(jan());  // lines 2-5
  std::string text = csv_text(rows_in);
  Row wrong_count = jan()[1];
  std::string bad_count = csv_line(wrong_count);
  bad_count.replace(bad_count.find("\"5\",\"1125000\""), 13, "\"열두명\",\"1125000\"");
  Row other_month = jan()[1];
  other_month.month = "2025-02";
  std::string short_line = csv_line(jan()[1]);
  short_line.erase(short_line.rfind(','));
  text += bad_count + "\r\n";               // line 6
  text += short_line + "\r\n";              // line 7
  text += csv_line(other_month) + "\r\n";   // line 8
  text += "\"2025-01\"x,\"베타상사\"\r\n";  // line 9
  std::string path = write("nps-202501.csv", text);
  auto s = import_ok({path});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].rows, 8);
  EXPECT_EQ(s[0].imported, 4);
  EXPECT_EQ(s[0].rejected, 4);
  const std::string rejects = (dir_ / "rejects" / "nps-202501.csv.2025-01.rejects.csv").string();
  EXPECT_EQ(s[0].rejects_file, rejects);
  EXPECT_EQ(one("SELECT rows || ' ' || rejected FROM nps_months"), "4 4");

  std::ifstream in(rejects, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  std::vector<std::string> lines;
  std::string content = buf.str();
  for (size_t at = 0; at < content.size();) {
    size_t end = content.find("\r\n", at);
    lines.push_back(content.substr(at, end - at));
    at = end == std::string::npos ? content.size() : end + 2;
  }
  ASSERT_EQ(lines.size(), 5u) << content;
  EXPECT_EQ(lines[0],
            "\xEF\xBB\xBF"
            "file,line,reason,row");
  const std::string prefix = path + ",";
  EXPECT_TRUE(lines[1].starts_with(prefix + "6,가입자수: not a whole number: '열두명',"))
      << lines[1];
  EXPECT_TRUE(lines[2].starts_with(prefix + "7,\"21 fields, expected 22\",")) << lines[2];
  EXPECT_NE(lines[3].find(",8,자료생성년월 2025-02 differs from the file's month 2025-01,"),
            std::string::npos)
      << lines[3];
  EXPECT_NE(lines[4].find(",9,text after a closing quote,"), std::string::npos) << lines[4];
  // The raw row is kept, quoted as CSV.
  EXPECT_NE(lines[1].find("\"\"열두명\"\""), std::string::npos) << lines[1];
}

// A new branch (same prefix, name and 적용일자, another 법정동) listed before the
// existing workplace's own row must not take over its history: exact matches
// are placed for the whole file before the looser tiers run.
TEST_F(NpsImportTest, LookAlikeEarlierInTheFileDoesNotStealAHistory) {
  const char* kSeocho = "1165010100";
  import_ok(
      {write("nps-202501.csv", std::vector<Row>{{"2025-01", "오메가", "999999", 1, kGangnam,
                                                 "2020-01-01", "", "", 30, 9'000'000, 1, 0}})});
  int64_t original = id_of("오메가");
  import_ok(
      {write("nps-202502.csv", std::vector<Row>{{"2025-02", "오메가", "999999", 1, kSeocho,
                                                 "2020-01-01", "", "", 3, 900'000, 3, 0},
                                                {"2025-02", "오메가", "999999", 1, kGangnam,
                                                 "2020-01-01", "", "", 31, 9'300'000, 1, 0}})});
  EXPECT_EQ(one("SELECT count(*) FROM nps_workplaces WHERE name = '오메가'"), "2");
  EXPECT_EQ(one("SELECT ldong FROM nps_workplaces WHERE id = " + std::to_string(original)),
            kGangnam);
  EXPECT_EQ(
      one("SELECT count(*) FROM nps_monthly WHERE workplace_id = " + std::to_string(original)),
      "2");
}

// A file that fails partway (here: its rejects file cannot be written) rolls
// back, and leaves no trace in the metrics finish() writes for the files
// before it; later files of the same run are refused.
TEST_F(NpsImportTest, AFailedFileLeavesNoMetricsBehind) {
  std::vector<Row> bad_feb = without_beta(feb());
  bad_feb.push_back(
      {"2025-02", "", "12345X", 1, kGangnam, "2020-01-01", "", "", 1, 1, 0, 0});  // rejected row
  const std::string jan_path = write("nps-202501.csv", without_beta(jan()));
  const std::string feb_path = write("nps-202502.csv", bad_feb);
  const std::string blocker = write("not-a-folder", std::string("x"));
  NpsImporter importer(db_);
  ASSERT_TRUE(importer.load().ok());
  NpsImportOptions ok_options;
  ok_options.rejects_dir = (dir_ / "rejects").string();
  ASSERT_TRUE(importer.import_file(jan_path, ok_options).ok());
  NpsImportOptions broken = ok_options;
  broken.rejects_dir = blocker + "/rejects";  // a folder inside a file: cannot be created
  EXPECT_FALSE(importer.import_file(feb_path, broken).ok());
  EXPECT_FALSE(importer.import_file(feb_path, ok_options).ok());  // the run is over
  ASSERT_TRUE(importer.finish().ok());
  EXPECT_EQ(one("SELECT group_concat(month) FROM nps_months"), "202501");
  EXPECT_EQ(one("SELECT count(*) FROM nps_metrics WHERE latest_month <> 202501"), "0");
  EXPECT_EQ(one("SELECT max(months_observed) FROM nps_metrics"), "1");
  EXPECT_EQ(
      one("SELECT count(*) FROM nps_metrics m LEFT JOIN nps_workplaces w ON w.id = m.workplace_id "
          "WHERE w.id IS NULL"),
      "0");
}

// A workplace dropped by a corrected month and seen again in the next month of
// the same run comes back as a new workplace: never under its deleted id.
TEST_F(NpsImportTest, AnOrphanSeenAgainInTheSameRunGetsANewId) {
  std::vector<Row> with_omega = without_beta(feb());
  with_omega.push_back(
      {"2025-02", "오메가", "999999", 1, kGangnam, "2020-01-01", "", "", 2, 720'000, 2, 0});
  import_ok({write("nps-202501.csv", without_beta(jan())), write("nps-202502.csv", with_omega)});
  const int64_t old_id = id_of("오메가");
  std::vector<Row> mar;
  for (Row r : with_omega) {
    r.month = "2025-03";
    mar.push_back(r);
  }
  import_ok({write("nps-202502b.csv", without_beta(feb())), write("nps-202503.csv", mar)});
  const int64_t new_id = id_of("오메가");
  EXPECT_NE(new_id, old_id);
  EXPECT_EQ(one("SELECT count(*) FROM nps_workplaces WHERE id = " + std::to_string(old_id)), "0");
  EXPECT_EQ(one("SELECT group_concat(month) FROM nps_monthly WHERE workplace_id = " +
                std::to_string(new_id)),
            "202503");
  EXPECT_EQ(
      one("SELECT count(*) FROM nps_monthly m LEFT JOIN nps_workplaces w ON w.id = m.workplace_id "
          "WHERE w.id IS NULL"),
      "0");
}

// A workplace linked to one of the user's companies is kept even when the
// replaced month that held it no longer does.
TEST_F(NpsImportTest, ALinkedWorkplaceIsNeverRemoved) {
  std::vector<Row> with_omega = without_beta(feb());
  with_omega.push_back(
      {"2025-02", "오메가", "999999", 1, kGangnam, "2020-01-01", "", "", 2, 720'000, 2, 0});
  import_ok({write("nps-202502.csv", with_omega)});
  const int64_t omega = id_of("오메가");
  ASSERT_TRUE(
      db_.exec("INSERT INTO companies(id, name, created_at) VALUES (1, '오메가', 'x')").ok());
  store::NpsRepo repo(db_);
  ASSERT_TRUE(repo.link_company(1, omega).ok());
  import_ok({write("nps-202502b.csv", without_beta(feb()))});
  EXPECT_EQ(one("SELECT name FROM nps_workplaces WHERE id = " + std::to_string(omega)), "오메가");
}

// The file's month is the most common one among its rows: a stray first row
// of another month must not make the file replace that month.
TEST_F(NpsImportTest, TheFilesMonthIsTheMajority) {
  std::vector<Row> rows = without_beta(feb());
  Row stray = rows.front();
  stray.month = "2024-12";
  stray.name = "엉뚱한달";
  rows.insert(rows.begin(), stray);
  auto s = import_ok({write("nps-202502.csv", rows)});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].month.iso(), "2025-02");
  EXPECT_EQ(s[0].rejected, 1);
}

// Each import stores the workplaces' latest points beside their metrics, and
// the next one computes the metrics from them rather than from the months.
TEST_F(NpsImportTest, LatestPointsAreStoredBesideTheMetrics) {
  auto files = planted_files(false);
  import_ok({files[0]});
  EXPECT_EQ(one("SELECT count(*) FROM nps_metrics WHERE recent IS NULL"), "0");
  // Were the months read again, this change would show: the stored points win.
  ASSERT_TRUE(db_.exec("UPDATE nps_monthly SET headcount = 1 WHERE month = 202501").ok());
  import_ok({files[1]});
  // 감마전자: 2 leavers over a mean of (40 + 41) / 2 members.
  EXPECT_DOUBLE_EQ(metric(id_of("감마전자"), "attrition_12m"), 2.0 / 40.5);
}

// An import killed after a file committed but before its metrics were written
// leaves stored points that miss that month; the repair the next command runs
// (repair_interrupted_metrics) rewrites them, so the next import builds on
// the right points.
TEST_F(NpsImportTest, StoredPointsAfterAKilledImportAreRepaired) {
  auto files = planted_files(false);
  import_ok({files[0], files[1]});
  {
    NpsImporter killed(db_);
    ASSERT_TRUE(killed.load().ok());
    NpsImportOptions options;
    options.rejects_dir = (dir_ / "rejects").string();
    ASSERT_TRUE(killed.import_file(files[2], options).ok());  // no finish()
  }
  auto repaired = repair_interrupted_metrics(db_);
  ASSERT_TRUE(repaired.ok() && *repaired);
  EXPECT_EQ(one("SELECT count(*) FROM nps_metrics WHERE recent IS NULL"), "0");
  import_ok({files[1]});
  expect_planted(false);
}

// A workspace from before schema 11 has no stored points: its first import
// reads the months, and stores the points for the next.
TEST_F(NpsImportTest, MetricsWithoutStoredPointsAreReadFromTheMonths) {
  auto files = planted_files(false);
  import_ok({files[0], files[1]});
  ASSERT_TRUE(db_.exec("UPDATE nps_metrics SET recent = NULL").ok());
  import_ok({files[2]});
  expect_planted(false);
  EXPECT_EQ(one("SELECT count(*) FROM nps_metrics WHERE recent IS NULL"), "0");
}

// Damaged stored points, or a replaced month that no longer has a workplace's
// row, are read from the months instead.
TEST_F(NpsImportTest, DamagedOrIncompleteStoredPointsAreReadFromTheMonths) {
  auto files = planted_files(false);
  import_ok(files);
  ASSERT_TRUE(db_.exec("UPDATE nps_metrics SET recent = x'01ff'").ok());
  import_ok({files[2]});
  expect_planted(false);
  // 2025-04 again without 델타물산: its latest month is 2025-02 once more.
  std::vector<Row> apr_without_delta;
  for (const Row& r : without_beta(apr()))
    if (r.name != "델타물산") apr_without_delta.push_back(r);
  import_ok({write("nps-202504b.csv", apr_without_delta)});
  EXPECT_EQ(metrics(id_of("델타물산")), "202502|12|2|NULL|NULL|NULL|1|0|2000000|0");
}

}  // namespace
}  // namespace ijik::ingest

namespace ijik::ingest {
namespace {

// An import killed after a file committed and before its metrics pass: the
// months are in, the metrics are stale and the pending mark says so; the
// repair brings them to what a whole import gives, then clears the mark.
TEST_F(NpsImportTest, InterruptedMetricsAreRepaired) {
  const auto a = write("jan.csv", jan()), b = write("feb.csv", feb()), c = write("apr.csv", apr());
  import_ok({a, b, c});
  const std::string sql =
      "SELECT workplace_id, latest_month, headcount, months_observed, change_3m, hires_12m, "
      "leavers_12m FROM nps_metrics ORDER BY workplace_id";
  const auto whole = rows(sql, 7);
  ASSERT_FALSE(whole.empty());
  auto repaired = repair_interrupted_metrics(db_);
  ASSERT_TRUE(repaired.ok());
  EXPECT_FALSE(*repaired);  // nothing pending after a whole import

  // Replace April without a metrics pass, as if killed right after its commit.
  {
    NpsImporter importer(db_);
    ASSERT_TRUE(importer.load().ok());
    NpsImportOptions options;
    options.rejects_dir = (dir_ / "rejects").string();
    ASSERT_TRUE(db_.exec("DELETE FROM nps_metrics").ok());  // stale, or worse: gone
    ASSERT_TRUE(importer.import_file(c, options).ok());
  }
  EXPECT_EQ(one("SELECT count(*) FROM meta WHERE key = 'nps_metrics_pending'"), "1");
  EXPECT_EQ(one("SELECT count(*) FROM nps_metrics"), "0");
  repaired = repair_interrupted_metrics(db_);
  ASSERT_TRUE(repaired.ok()) << repaired.error().message;
  EXPECT_TRUE(*repaired);
  EXPECT_EQ(rows(sql, 7), whole);
  EXPECT_EQ(one("SELECT count(*) FROM meta WHERE key = 'nps_metrics_pending'"), "0");
}

// A mark left by a process that is still running (an import in progress) is
// not touched: that import finishes its metrics itself.
TEST_F(NpsImportTest, MetricsOfALiveImportAreLeftToIt) {
  import_ok({write("jan.csv", jan())});
  store::NpsRepo repo(db_);
  ASSERT_TRUE(repo.mark_metrics_pending(getppid()).ok());
  auto repaired = repair_interrupted_metrics(db_);
  ASSERT_TRUE(repaired.ok());
  EXPECT_FALSE(*repaired);
  EXPECT_EQ(one("SELECT count(*) FROM meta WHERE key = 'nps_metrics_pending'"), "1");
}

}  // namespace
}  // namespace ijik::ingest
