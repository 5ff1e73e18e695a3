#include "store/database.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "store/fts_tokenizer.h"

namespace ijik::store {
namespace {

// Why a write that SQLite reports as a plain I/O error failed, when it is for
// want of room: the file size limit (RLIMIT_FSIZE; the write fails with EFBIG)
// or a nearly full disk. SQLite's own errno may be overwritten by the time it
// reports, so the conditions are checked here. "" when neither holds.
std::string no_room_reason(sqlite3* db, int rc) {
  if (rc != SQLITE_IOERR_WRITE && rc != SQLITE_IOERR_TRUNCATE && rc != SQLITE_IOERR_SHMSIZE)
    return "";
  const int os_errno = sqlite3_system_errno(db);
  if (os_errno == ENOSPC || os_errno == EFBIG || os_errno == EDQUOT) return std::strerror(os_errno);
  struct rlimit limit;
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    return fmt::format("the file size limit of {} bytes is reached", limit.rlim_cur);
  const char* file = sqlite3_db_filename(db, "main");
  struct statvfs fs;
  if (file && *file && statvfs(file, &fs) == 0 &&
      static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize < (uint64_t{16} << 20))
    return "less than 16 MB free";
  return "";
}

Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
  const char* msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int primary = rc & 0xFF;
  std::string room = db && primary == SQLITE_IOERR ? no_room_reason(db, rc) : "";
  if (!room.empty()) primary = SQLITE_FULL, msg = room.c_str();
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    return {ErrorCode::kWorkspace,
            fmt::format("{}: the workspace file is not a valid ijik workspace ({})", what, msg)};
  if (primary == SQLITE_FULL)
    return {ErrorCode::kWorkspace,
            fmt::format("{}: the disk is full ({}); nothing was changed: free some space and "
                        "run the command again",
                        what, msg)};
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return {ErrorCode::kWorkspace,
            fmt::format("{}: the workspace is busy in another process; try again", what)};
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_IOERR ||
      primary == SQLITE_PERM)
    return {ErrorCode::kWorkspace, fmt::format("{}: {}", what, msg)};
  if (primary == SQLITE_CONSTRAINT) return conflict(fmt::format("{}: {}", what, msg));
  return internal_error(fmt::format("{}: {}", what, msg));
}

}  // namespace

// What a kept connection reuses: finished statements by their SQL, and memos
// with the data version they were made at.
class ConnectionCache {
 public:
  // A finished statement of exactly `sql`, reset; nullptr when none is kept.
  sqlite3_stmt* take(std::string_view sql) {
    auto it = free_.find(sql);
    if (it == free_.end() || it->second.empty()) return nullptr;
    sqlite3_stmt* st = it->second.back();
    it->second.pop_back();
    --kept_;
    return st;
  }
  // Keeps `st` for reuse, or finalizes it (closed, or enough kept).
  void give(sqlite3_stmt* st) {
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);  // no pointer into a caller's memory stays bound
    const char* sql = sqlite3_sql(st);
    if (closed_ || sql == nullptr || kept_ >= kMaxKept) {
      sqlite3_finalize(st);
      return;
    }
    auto it = free_.find(std::string_view(sql));
    if (it == free_.end()) it = free_.emplace(sql, std::vector<sqlite3_stmt*>{}).first;
    if (it->second.size() >= kMaxPerSql) {
      sqlite3_finalize(st);
      return;
    }
    it->second.push_back(st);
    ++kept_;
  }
  // Before the connection closes: statements given back later are finalized.
  void close() {
    for (auto& [sql, list] : free_)
      for (sqlite3_stmt* st : list) sqlite3_finalize(st);
    free_.clear();
    memos_.clear();
    kept_ = 0;
    closed_ = true;
  }

  struct Memo {
    unsigned data_version = 0;
    std::string value;
  };
  std::unordered_map<std::string, Memo> memos_;

 private:
  static constexpr size_t kMaxKept = 256, kMaxPerSql = 4;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>, Hash, std::equal_to<>> free_;
  size_t kept_ = 0;
  bool closed_ = false;
};

void Statement::release() {
  if (stmt_ == nullptr) return;
  if (home_)
    home_->give(stmt_);
  else
    sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  home_.reset();
}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    release();
    db_ = o.db_;
    stmt_ = o.stmt_;
    bind_error_ = o.bind_error_;
    home_ = std::move(o.home_);
    o.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  release();
}

Statement& Statement::bind(int i, int64_t v) {
  int rc = sqlite3_bind_int64(stmt_, i, v);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::bind(int i, double v) {
  int rc = sqlite3_bind_double(stmt_, i, v);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::bind(int i, std::string_view v) {
  int rc = sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::bind_blob(int i, std::string_view v) {
  int rc = sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::bind_static(int i, std::string_view v) {
  int rc = sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::bind_blob_static(int i, std::string_view v) {
  int rc = sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_STATIC);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

std::string_view Statement::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(n))
           : std::string_view();
}

Statement& Statement::bind_null(int i) {
  int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Result<bool> Statement::step() {
  if (bind_error_ != SQLITE_OK) return sqlite_error(nullptr, bind_error_, "binding a parameter");
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_, rc, "workspace query failed");
}

Status Statement::run() {
  auto r = step();
  if (!r.ok()) return r.error();
  return {};
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = SQLITE_OK;
}

void Statement::rewind() {
  sqlite3_reset(stmt_);
  bind_error_ = SQLITE_OK;
}

std::string Statement::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
}

std::optional<std::string> Statement::optional_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

std::optional<int64_t> Statement::optional_int64(int col) const {
  if (is_null(col)) return std::nullopt;
  return int64(col);
}

void Database::close() {
  if (cache_) cache_->close();
  cache_.reset();
  if (db_) sqlite3_close_v2(db_);  // waits for statements still out, if any
  db_ = nullptr;
}

Database& Database::operator=(Database&& o) noexcept {
  if (this != &o) {
    close();
    db_ = o.db_;
    cache_ = std::move(o.cache_);
    o.db_ = nullptr;
  }
  return *this;
}

Database::~Database() {
  close();
}

void Database::keep_statements() {
  if (!cache_) cache_ = std::make_shared<ConnectionCache>();
}

Result<std::string> Database::memo(std::string_view key,
                                   const std::function<Result<std::string>()>& compute) {
  if (!cache_) return compute();
  // Reading the header starts the transaction's read (a deferred BEGIN reads
  // nothing), so the data version below is this transaction's.
  IJIK_ASSIGN_OR_RETURN(auto look, prepare("PRAGMA schema_version"));
  IJIK_RETURN_IF_ERROR(look.step().status());
  unsigned version = 0;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK)
    return compute();
  auto it = cache_->memos_.find(std::string(key));
  if (it != cache_->memos_.end() && it->second.data_version == version) return it->second.value;
  IJIK_ASSIGN_OR_RETURN(std::string value, compute());
  cache_->memos_[std::string(key)] = {version, value};
  return value;
}

Database Database::adopt(sqlite3* handle) {
  Database d;
  d.db_ = handle;
  if (handle) register_fts_tokenizer(handle);
  return d;
}

Result<Database> Database::open(const std::string& path, bool create) {
  // SQLite's own locks cost an atomic operation per call (bind, step, every
  // malloc) once a process has a second thread, a tenth of an import's time:
  // a connection here is only ever used by one thread at a time (the server
  // keeps one per place in its command gate), so it needs no mutex of its own, and the
  // allocation statistics (unused) go. The global setting must come before
  // SQLite's first use; later it is refused, harmlessly.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  Database d;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &d.db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error e = sqlite_error(d.db_, rc, fmt::format("cannot open workspace '{}'", path));
    return e;
  }
  sqlite3_extended_result_codes(d.db_, 1);
  sqlite3_busy_timeout(d.db_, 10000);
  // journal_mode answers with a row; stepping it surfaces "not a database" here.
  auto st = d.prepare("PRAGMA journal_mode=WAL");
  Status s = st.ok() ? st->step().status() : Status(st.error());
  const int code = sqlite3_errcode(d.db_) & 0xFF;
  // Busy: an import in another process has the file in rollback mode
  // (RollbackJournalScope) and SQLite refuses the switch at once rather than
  // risk a deadlock. Go on in the file's mode: each statement waits for the
  // import's transaction (the busy timeout), and once the import has put the
  // file back in WAL mode this connection follows it (SQLite reads the mode
  // from the file's header at each transaction).
  if (!s.ok() && code == SQLITE_BUSY) s = Status{};
  // A full disk or a failing device is said as such, not as a foreign file.
  if (!s.ok() && (code == SQLITE_IOERR || code == SQLITE_FULL))
    return sqlite_error(d.db_, sqlite3_errcode(d.db_),
                        fmt::format("cannot open workspace '{}'", path));
  if (!s.ok())
    return Error{ErrorCode::kWorkspace,
                 fmt::format("cannot open workspace '{}': not an ijik workspace ({})", path,
                             sqlite3_errmsg(d.db_))};
  IJIK_RETURN_IF_ERROR(d.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"));
  if (register_fts_tokenizer(d.db_) != SQLITE_OK)
    return Error{ErrorCode::kWorkspace,
                 "this SQLite library lacks FTS5: the journal's search needs SQLite built with "
                 "FTS5 (Debian's libsqlite3 has it)"};
  return d;
}

Status Database::exec(std::string_view sql) {
  if (cache_ && sql.find(';') == std::string_view::npos) {
    // One statement (BEGIN, COMMIT…) on a kept connection: reuse its plan.
    IJIK_ASSIGN_OR_RETURN(auto st, prepare(sql));
    while (true) {
      auto row = st.step();
      if (!row.ok())
        return sqlite_error(db_, sqlite3_extended_errcode(db_), "workspace update failed");
      if (!*row) return {};
    }
  }
  char* msg = nullptr;
  std::string s(sql);
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg);
  if (rc != SQLITE_OK) {
    std::string m = msg ? msg : sqlite3_errstr(rc);
    sqlite3_free(msg);
    Error e = sqlite_error(db_, rc, "workspace update failed");
    return e;
  }
  return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
  if (cache_) {
    if (sqlite3_stmt* kept = cache_->take(sql)) return Statement(db_, kept, cache_);
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_, rc, "preparing a workspace query");
  return Statement(db_, stmt, cache_);
}

Error Database::error(std::string_view what) const {
  return sqlite_error(db_, sqlite3_extended_errcode(db_), what);
}

Result<Transaction> Transaction::begin(Database& db, bool immediate) {
  IJIK_RETURN_IF_ERROR(db.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN"));
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (!db_) return;
  try {
    (void)db_->exec("ROLLBACK");
  } catch (...) {  // out of memory: SQLite rolls back when the connection closes
  }
}

Status Transaction::commit() {
  Database* db = db_;
  db_ = nullptr;
  return db->exec("COMMIT");
}

namespace {

// The journal mode the connection is in after asking for `mode`.
std::string set_journal_mode(Database& db, std::string_view mode) {
  auto st = db.prepare(fmt::format("PRAGMA journal_mode={}", mode));
  if (!st.ok()) return "";
  auto row = st->step();
  if (!row.ok() || !*row) return "";
  return st->text(0);
}

}  // namespace

RollbackJournalScope::RollbackJournalScope(Database& db) : db_(db) {
  // Fails at once (no busy wait) while another connection has the file open.
  active_ = set_journal_mode(db_, "DELETE") == "delete";
  if (active_ && !db_.exec("PRAGMA synchronous=FULL").ok()) {
    set_journal_mode(db_, "WAL");
    active_ = false;
  }
}

RollbackJournalScope::~RollbackJournalScope() {
  if (!active_) return;
  // A failure leaves rollback mode on, with full syncs (NORMAL is safe only
  // in WAL mode); the next Database::open switches the file back.
  try {
    if (set_journal_mode(db_, "WAL") == "wal") (void)db_.exec("PRAGMA synchronous=NORMAL");
  } catch (...) {  // out of memory: as a failure
  }
}

}  // namespace ijik::store
