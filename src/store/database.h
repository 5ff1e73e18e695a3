// A thin RAII wrapper over the SQLite C API: connections, prepared
// statements with bound parameters, transactions. Errors come back as values.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace ijik::store {

class ConnectionCache;

// A prepared statement. Bind errors are remembered and reported by step().
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::shared_ptr<ConnectionCache> home = nullptr)
      : db_(db), stmt_(stmt), home_(std::move(home)) {}
  Statement(Statement&& o) noexcept { *this = std::move(o); }
  Statement& operator=(Statement&& o) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  Statement& bind(int i, int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bind_null(int i);
  Statement& bind_blob(int i, std::string_view bytes);
  // As bind(), without SQLite's copy of the bytes: they must stay valid and
  // unchanged until the statement has run and is reset or bound again (the
  // importer's hot statements, run once per row).
  Statement& bind_static(int i, std::string_view v);
  Statement& bind_static(int i, const std::string& v) {
    return bind_static(i, std::string_view(v));
  }
  Statement& bind_static(int i, const std::optional<std::string>& v) {
    return v ? bind_static(i, std::string_view(*v)) : bind_null(i);
  }
  Statement& bind_blob_static(int i, std::string_view bytes);
  template <class T>
  Statement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // Advances: true when a row is available, false when done.
  Result<bool> step();
  // Runs a statement that returns no rows.
  Status run();
  // Resets for re-execution with new bindings.
  void reset();
  // Resets keeping the bindings, for a caller that binds every parameter
  // again before each run (the importer's statements, run once per row).
  void rewind();
  // True once prepared (a default-constructed Statement is not).
  bool bound() const { return stmt_ != nullptr; }
  sqlite3_stmt* handle() const { return stmt_; }

  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string text(int col) const;
  // A BLOB column's bytes; valid until the next step() or reset().
  std::string_view blob(int col) const;
  std::optional<std::string> optional_text(int col) const;
  std::optional<int64_t> optional_int64(int col) const;

 private:
  // Finalizes the statement, or gives it back to its connection's cache.
  void release();

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = SQLITE_OK;
  std::shared_ptr<ConnectionCache> home_;  // set when prepared through a cache
};

// An open connection to a workspace file.
class Database {
 public:
  Database() = default;
  Database(Database&& o) noexcept : db_(o.db_), cache_(std::move(o.cache_)) { o.db_ = nullptr; }
  Database& operator=(Database&& o) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Opens (creating when `create`) with foreign keys on, WAL mode and a busy timeout.
  static Result<Database> open(const std::string& path, bool create);
  // Takes ownership of a connection opened elsewhere (e.g. read-only) and
  // registers ijik's search tokenizer on it.
  static Database adopt(sqlite3* handle);

  Status exec(std::string_view sql);
  Result<Statement> prepare(std::string_view sql);
  int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* handle() const { return db_; }

  // A workspace error carrying SQLite's message, for failures of the file itself.
  Error error(std::string_view what) const;

  // For a connection kept open from request to request (the server's):
  // statements are kept when finished and handed out again by a later
  // prepare() of the same SQL, and memo() keeps values. Off by default.
  void keep_statements();
  // `compute()`'s value, kept (with keep_statements) under `key` until the
  // workspace file changes — by this connection or any other, SQLite's data
  // version of the main database says so. Call it inside a transaction:
  // the value then matches what the transaction reads.
  Result<std::string> memo(std::string_view key,
                           const std::function<Result<std::string>()>& compute);

 private:
  void close();

  sqlite3* db_ = nullptr;
  std::shared_ptr<ConnectionCache> cache_;
};

// Begins a transaction; rolls it back on destruction unless commit() succeeded.
class Transaction {
 public:
  // `immediate` takes the write lock at once (for commands that write).
  static Result<Transaction> begin(Database& db, bool immediate);
  Transaction(Transaction&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;
};

// While it lives, the connection writes through a rollback journal instead
// of the write-ahead log, when no other connection has the workspace open
// (in WAL mode every open connection holds a lock that forbids the switch;
// then it stays in WAL and nothing changes). For bulk imports: pages added
// to the file are written once, where the WAL writes every page twice (the
// log, then the checkpoint) — a first month imports in ~0.8 of the time
// (docs/performance.md). Commits sync fully meanwhile. Other processes that
// open the workspace meanwhile work in rollback mode too, each statement
// waiting for the import's transaction (the busy timeout), as they would
// for any writer in rollback mode; the destructor, or the next opener,
// switches the file back to WAL, and open connections follow.
class RollbackJournalScope {
 public:
  explicit RollbackJournalScope(Database& db);
  RollbackJournalScope(const RollbackJournalScope&) = delete;
  RollbackJournalScope& operator=(const RollbackJournalScope&) = delete;
  ~RollbackJournalScope();
  bool active() const { return active_; }

 private:
  Database& db_;
  bool active_ = false;
};

}  // namespace ijik::store
