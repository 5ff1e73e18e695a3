// The SQLite wrapper: statements kept for reuse on a long-lived connection,
// memos that last until the workspace file changes, and the rollback journal
// a bulk import switches to when it is alone.
#include "store/database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "unit/support/workspace_test.h"

namespace ijik::store {
namespace {

// The fixture's folder, with plain connections to a file of its own.
class DatabaseTest : public ijik::testing::WorkspaceTest {
 protected:
  Database open() {
    auto db = Database::open((dir_ / "t.db").string(), true);
    EXPECT_TRUE(db.ok()) << db.error().message;
    return std::move(*db);
  }
};

TEST_F(DatabaseTest, KeptStatementIsHandedOutAgainReset) {
  Database db = open();
  db.keep_statements();
  sqlite3_stmt* first = nullptr;
  {
    auto st = db.prepare("SELECT ?1");
    ASSERT_TRUE(st.ok());
    first = st->handle();
    st->bind(1, int64_t{42});
    ASSERT_TRUE(*st->step());
    EXPECT_EQ(st->int64(0), 42);
  }  // mid-result: given back, reset
  auto again = db.prepare("SELECT ?1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->handle(), first);
  ASSERT_TRUE(*again->step());
  EXPECT_TRUE(again->is_null(0)) << "the old binding was cleared";
  // Two at once of the same SQL are two statements.
  auto other = db.prepare("SELECT ?1");
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->handle(), first);
}

TEST_F(DatabaseTest, WithoutKeepingTheMemoIsComputedEachTime) {
  Database db = open();
  ASSERT_TRUE(db.exec("CREATE TABLE t(x)").ok());
  int computed = 0;
  auto compute = [&]() -> Result<std::string> { return std::to_string(++computed); };
  EXPECT_EQ(*db.memo("k", compute), "1");
  EXPECT_EQ(*db.memo("k", compute), "2");
}

TEST_F(DatabaseTest, StatementMayOutliveItsConnection) {
  Statement st;
  {
    Database db = open();
    db.keep_statements();
    auto p = db.prepare("SELECT 1");
    ASSERT_TRUE(p.ok());
    st = std::move(*p);
  }
  EXPECT_TRUE(st.bound());  // finalized on destruction, not given to a closed cache
}

TEST_F(DatabaseTest, MemoLastsUntilAnyConnectionChangesTheFile) {
  Database a = open();
  Database b = open();
  ASSERT_TRUE(a.exec("CREATE TABLE t(x)").ok());
  a.keep_statements();
  int computed = 0;
  auto compute = [&]() -> Result<std::string> { return std::to_string(++computed); };
  auto in_tx = [&](Database& db) {
    auto tx = Transaction::begin(db, false);
    EXPECT_TRUE(tx.ok());
    auto v = db.memo("k", compute);
    EXPECT_TRUE(v.ok());
    EXPECT_TRUE(tx->commit().ok());
    return *v;
  };
  EXPECT_EQ(in_tx(a), "1");
  EXPECT_EQ(in_tx(a), "1") << "nothing changed";
  ASSERT_TRUE(b.exec("INSERT INTO t VALUES (1)").ok());
  EXPECT_EQ(in_tx(a), "2") << "another connection committed";
  EXPECT_EQ(in_tx(a), "2");
  ASSERT_TRUE(a.exec("INSERT INTO t VALUES (2)").ok());
  EXPECT_EQ(in_tx(a), "3") << "this connection committed";
}

TEST_F(DatabaseTest, KeptConnectionRunsTransactionsAndReportsErrors) {
  Database db = open();
  db.keep_statements();
  ASSERT_TRUE(db.exec("CREATE TABLE t(x UNIQUE)").ok());
  for (int i = 0; i < 3; ++i) {
    auto tx = Transaction::begin(db, true);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db.exec("INSERT INTO t VALUES (" + std::to_string(i) + ")").ok());
    ASSERT_TRUE(tx->commit().ok());
  }
  Status dup = db.exec("INSERT INTO t VALUES (1)");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  {
    auto tx = Transaction::begin(db, true);
    ASSERT_TRUE(db.exec("INSERT INTO t VALUES (9)").ok());
  }  // rolled back
  auto st = db.prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->int64(0), 3);
}

std::string journal_mode(Database& db) {
  auto st = db.prepare("PRAGMA journal_mode");
  EXPECT_TRUE(st.ok());
  auto row = st->step();
  EXPECT_TRUE(row.ok() && *row);
  return st->text(0);
}

TEST_F(DatabaseTest, RollbackJournalWhileAloneThenWalAgain) {
  Database db = open();
  ASSERT_TRUE(db.exec("CREATE TABLE t(x)").ok());
  {
    RollbackJournalScope scope(db);
    EXPECT_TRUE(scope.active());
    EXPECT_EQ(journal_mode(db), "delete");
    ASSERT_TRUE(db.exec("INSERT INTO t VALUES (1)").ok());
    EXPECT_FALSE(std::filesystem::exists(dir_ / "t.db-wal"));
  }
  EXPECT_EQ(journal_mode(db), "wal");
  Database other = open();
  auto st = other.prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(st.ok() && *st->step());
  EXPECT_EQ(st->int64(0), 1);
}

// Another process opening the workspace during an import: SQLite refuses its
// switch to WAL at once (busy); it opens all the same, reads what was
// committed, and follows the file back to WAL once the import is done.
TEST_F(DatabaseTest, OpensWhileAnImportWritesInRollbackMode) {
  Database db = open();
  ASSERT_TRUE(db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)").ok());
  {
    RollbackJournalScope scope(db);
    ASSERT_TRUE(scope.active());
    auto tx = Transaction::begin(db, true);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db.exec("INSERT INTO t VALUES (2)").ok());
    auto other = Database::open((dir_ / "t.db").string(), false);
    ASSERT_TRUE(other.ok()) << other.error().message;
    {
      auto st = other->prepare("SELECT count(*) FROM t");
      ASSERT_TRUE(st.ok() && *st->step());
      EXPECT_EQ(st->int64(0), 1);  // the import's rows are not committed yet
    }                              // the read ends: in rollback mode a reader holds the commit back
    ASSERT_TRUE(tx->commit().ok());
  }
  EXPECT_EQ(journal_mode(db), "wal");
  auto later = Database::open((dir_ / "t.db").string(), false);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(journal_mode(*later), "wal");
}

TEST_F(DatabaseTest, RollbackJournalNotTakenWhileAnotherConnectionIsOpen) {
  Database db = open();
  Database reader = open();
  ASSERT_TRUE(db.exec("CREATE TABLE t(x)").ok());
  auto look = reader.prepare("SELECT count(*) FROM t");  // the reader has used the file
  ASSERT_TRUE(look.ok() && *look->step());
  {
    RollbackJournalScope scope(db);
    EXPECT_FALSE(scope.active());
    EXPECT_EQ(journal_mode(db), "wal");
    ASSERT_TRUE(db.exec("INSERT INTO t VALUES (1)").ok());
  }
  EXPECT_EQ(journal_mode(db), "wal");
}

}  // namespace
}  // namespace ijik::store
