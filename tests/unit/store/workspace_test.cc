// The workspace store: opening, migrations from the first schema version,
// refusal of foreign and newer files, and the repositories' round trips.
#include "store/workspace.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/application_repo.h"
#include "store/company_repo.h"
#include "store/contact_repo.h"
#include "store/migrations.h"
#include "store/process_repo.h"

namespace ijik::store {
namespace {

namespace fs = std::filesystem;

class WorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ijik-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const char* name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(WorkspaceTest, CreatesFolderAndSchema) {
  auto db = open_workspace(path("nested/deeper/ijik.db"));
  ASSERT_TRUE(db.ok()) << db.error().message;
  EXPECT_EQ(*schema_version(*db), latest_schema_version());
  ProcessRepo processes(*db);
  auto all = processes.list();
  ASSERT_TRUE(all.ok());
  ASSERT_GE(all->size(), 3u);
  EXPECT_EQ((*all)[0].name, "대기업-공채");
  EXPECT_EQ((*all)[0].stages.size(), 6u);
}

TEST_F(WorkspaceTest, ReopeningIsIdempotent) {
  { ASSERT_TRUE(open_workspace(path("w.db")).ok()); }
  auto db = open_workspace(path("w.db"));
  ASSERT_TRUE(db.ok());
  ProcessRepo processes(*db);
  EXPECT_EQ(processes.list()->size(), 3u);  // built-ins not seeded twice
}

// The fixture was written by the first schema version with a small job hunt;
// opening it with this build must upgrade it in place and keep every record.
TEST_F(WorkspaceTest, UpgradesTheFirstSchemaVersionKeepingData) {
  fs::copy_file(fs::path(IJIK_TEST_DATA) / "fixtures/workspace-v1.db", path("old.db"));
  auto db = open_workspace(path("old.db"));
  ASSERT_TRUE(db.ok()) << db.error().message;
  EXPECT_EQ(*schema_version(*db), latest_schema_version());

  CompanyRepo companies(*db);
  auto naver = companies.resolve("NAVER");
  ASSERT_TRUE(naver.ok());
  EXPECT_EQ(naver->name, "네이버");
  EXPECT_EQ(naver->brn.value_or(""), "2208162517");

  ApplicationRepo apps(*db);
  auto all = apps.list();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  const auto& a = (*all)[0];
  EXPECT_EQ(a.role, "백엔드 엔지니어");
  EXPECT_EQ(a.source, domain::Source::kReferral);
  EXPECT_EQ(a.salary_min.value_or(0), 80'000'000);
  ASSERT_EQ(a.stages.size(), 4u);
  EXPECT_EQ(a.stages[0].result, domain::StageResult::kPassed);
  EXPECT_EQ(a.stages[1].time->iso(), "14:00");
  EXPECT_EQ(a.stages[1].questions, std::vector<std::string>{"왜 이직?"});
  EXPECT_EQ(domain::derive_status((*all)[1]), domain::AppStatus::kRejected);

  ContactRepo contacts(*db);
  ASSERT_EQ(contacts.list()->size(), 1u);
  EXPECT_EQ(contacts.list()->front().application_ids, std::vector<int64_t>{1});
  ProcessRepo processes(*db);
  EXPECT_TRUE(processes.resolve("외국계").ok());
}

TEST_F(WorkspaceTest, RefusesNewerAndForeignFiles) {
  {
    auto db = Database::open(path("newer.db"), true);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->exec("PRAGMA user_version = 999").ok());
  }
  auto newer = open_workspace(path("newer.db"));
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.error().code, ErrorCode::kWorkspace);
  EXPECT_NE(newer.error().message.find("newer ijik"), std::string::npos);

  {
    auto db = Database::open(path("foreign.db"), true);
    ASSERT_TRUE(db->exec("CREATE TABLE notes(x)").ok());
  }
  auto foreign = open_workspace(path("foreign.db"));
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::kWorkspace);
}

TEST_F(WorkspaceTest, TransactionRollsBackUnlessCommitted) {
  auto db = open_workspace(path("tx.db"));
  ASSERT_TRUE(db.ok());
  {
    auto tx = Transaction::begin(*db, true);
    ASSERT_TRUE(tx.ok());
    domain::Company c;
    c.name = "토스";
    ASSERT_TRUE(CompanyRepo(*db).add(c).ok());
  }  // no commit
  EXPECT_TRUE(CompanyRepo(*db).list()->empty());
}

TEST_F(WorkspaceTest, KeepsRequestedIdsOnlyWhenFree) {
  auto db = open_workspace(path("ids.db"));
  ASSERT_TRUE(db.ok());
  CompanyRepo companies(*db);
  domain::Company a;
  a.id = 7;
  a.name = "A";
  ASSERT_TRUE(companies.add(a).ok());
  EXPECT_EQ(a.id, 7);
  domain::Company b;
  b.id = 7;
  b.name = "B";
  ASSERT_TRUE(companies.add(b).ok());
  EXPECT_NE(b.id, 7);
}

TEST_F(WorkspaceTest, CompanyLookupIgnoresLegalFormsAndSuggests) {
  auto db = open_workspace(path("lookup.db"));
  ASSERT_TRUE(db.ok());
  CompanyRepo companies(*db);
  domain::Company c;
  c.name = "주식회사 카카오";
  ASSERT_TRUE(companies.add(c).ok());
  EXPECT_EQ(companies.resolve("㈜카카오")->id, c.id);
  EXPECT_EQ(companies.resolve("카카오")->id, c.id);
  auto miss = companies.resolve("카카우");
  ASSERT_FALSE(miss.ok());
  EXPECT_EQ(miss.error().code, ErrorCode::kNotFound);
  EXPECT_NE(miss.error().message.find("did you mean: 주식회사 카카오"), std::string::npos)
      << miss.error().message;
  domain::Company dup;
  dup.name = "(주)카카오";
  EXPECT_EQ(companies.add(dup).error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace ijik::store
