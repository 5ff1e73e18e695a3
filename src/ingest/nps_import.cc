#include "ingest/nps_import.h"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <thread>

#include "common/clock.h"
#include "ingest/cp949.h"
#include "ingest/csv_reader.h"
#include "ingest/import_files.h"
#include "ingest/nps_row.h"
#include "store/point_window.h"
#include "store/screen_repo.h"
#include "text/korean.h"
#include "text/utf8.h"

namespace ijik::ingest {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

uint64_t fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return (h ^ 0x1F) * 1099511628211ULL;
}

// Hash of a workplace's descriptive columns, to write them only when they change.
int64_t attrs_hash(const store::WorkplaceRecord& w) {
  uint64_t h = 1469598103934665603ULL;
  for (std::string_view s :
       {std::string_view(w.brn6), std::string_view(w.name), std::string_view(w.ldong),
        std::string_view(w.adopted), std::string_view(w.sido_code), std::string_view(w.region),
        std::string_view(w.address), std::string_view(w.industry_code),
        std::string_view(w.industry_name)})
    h = fnv(h, s);
  h = fnv(h, w.withdrawn_on ? std::string_view(*w.withdrawn_on) : std::string_view());
  h = fnv(h, w.reregistered_on ? std::string_view(*w.reregistered_on) : std::string_view());
  h = (h ^ static_cast<uint64_t>(w.legal_form * 16 + w.status)) * 1099511628211ULL;
  return static_cast<int64_t>(h & 0x7FFFFFFFFFFFFFFFULL);
}

// Fills `w` from the row. Strings are swapped, not copied: the next line is
// parsed into the record's old strings, whose room (a recycled batch's)
// serves again, and no byte is copied twice.
void fill_record(NpsRow& r, store::WorkplaceRecord& w) {
  w.id = 0;
  text::normalize_company_name(r.name, w.name_key);
  std::string& address = !r.address_road.empty() ? r.address_road : r.address_lot;
  region_from_address(address, w.region);
  if (w.region.empty()) region_from_address(r.address_lot, w.region);
  w.address.swap(address);
  w.name.swap(r.name);
  w.brn6.swap(r.brn6);
  w.ldong.swap(r.legal_dong);
  if (r.adopted)
    w.adopted = r.adopted->iso();
  else
    w.adopted.clear();
  w.legal_form = r.legal_form;
  w.sido_code.swap(r.sido_code);
  w.industry_code.swap(r.industry_code);
  w.industry_name.swap(r.industry_name);
  w.status = r.status;
  w.withdrawn_on.reset();
  w.reregistered_on.reset();
  if (r.withdrawn) w.withdrawn_on = r.withdrawn->iso();
  if (r.reregistered) w.reregistered_on = r.reregistered->iso();
  w.first_month = r.month.yyyymm();
  w.attrs_month = r.month.yyyymm();
  w.attrs_hash = attrs_hash(w);
}

// The encoding of a file and its header, checked before anything is written.
struct OpenedFile {
  FileBytes bytes;  // mapped when plain: views into it stay valid while it lives
  bool cp949 = false;
  NpsHeader header;
};

// `limit` reads only the start of the file (enough to find its month).
Result<OpenedFile> open_nps_file(const std::string& path, size_t limit = SIZE_MAX) {
  OpenedFile f;
  IJIK_ASSIGN_OR_RETURN(f.bytes, map_file_bytes(path, "an NPS .csv or .csv.gz file", limit));
  Encoding enc = detect_encoding(std::string_view(f.bytes).substr(0, size_t{256} * 1024));
  if (enc == Encoding::kUnknown)
    return bad_file(fmt::format(
        "{}: not a text file in CP949 or UTF-8: expected a National Pension workplace CSV", path));
  f.cp949 = enc == Encoding::kCp949;
  CsvReader reader(f.bytes);
  CsvRecord rec;
  CsvError err;
  if (reader.next(rec, err) != CsvRead::kRecord)
    return bad_file(
        fmt::format("{}: no header row: expected a National Pension workplace CSV", path));
  std::vector<std::string> names;
  for (auto field : rec.fields) {
    std::string name;
    if (f.cp949)
      decode_cp949_lossy(field, name);
    else
      name.assign(field);
    names.push_back(std::move(name));
  }
  auto header = map_nps_header(names);
  if (!header.ok())
    return Error{header.error().code, fmt::format("{}: {}", path, header.error().message)};
  f.header = *header;
  return f;
}

// The latest points of one workplace (the 12-month window and the month before).
constexpr size_t kWindow = store::kRecentPoints;
// Workplaces whose metrics finish() computes at a time.
constexpr size_t kFinishBlock = 65536;

void keep_point(std::vector<domain::MonthlyPoint>& ring, const domain::MonthlyPoint& p) {
  auto it = std::lower_bound(
      ring.begin(), ring.end(), p.month,
      [](const domain::MonthlyPoint& a, const YearMonth& m) { return a.month < m; });
  if (it != ring.end() && it->month == p.month) {
    *it = p;
  } else {
    ring.insert(it, p);
    if (ring.size() > kWindow) ring.erase(ring.begin());
  }
}

// The month of the first valid data row.
Result<YearMonth> month_of(const OpenedFile& f, const std::string& path) {
  // The most common month among the first valid rows: one stray row must not
  // decide which month the file replaces.
  CsvReader reader(f.bytes);
  CsvRecord rec;
  CsvError err;
  reader.next(rec, err);  // header
  NpsRow row;
  std::map<int, int> votes;
  int seen = 0;
  while (seen < 1000) {
    CsvRead r = reader.next(rec, err);
    if (r == CsvRead::kEnd) break;
    if (r == CsvRead::kMalformed) continue;
    if (parse_nps_row(f.header, rec.fields, f.cp949, row)) continue;
    ++votes[row.month.yyyymm()];
    ++seen;
  }
  if (votes.empty())
    return bad_file(fmt::format("{}: no valid data row: expected rows under the header", path));
  auto best = std::max_element(votes.begin(), votes.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  return YearMonth{best->first / 100, best->first % 100};
}

// A data row ready for linking: its workplace columns, its linking key
// (hashed) and its monthly figures.
struct ParsedRow {
  store::WorkplaceRecord w;
  KeyHashes key;
  int64_t headcount = 0, billed = 0, hires = 0, leavers = 0;
  int status = 1;
  bool reregistered = false;  // it carries a 재등록일자
  LinkResult link;            // the workplace it was linked to (a new one's id given)
};

// Rows in file order, a thousand at a time, from the thread that reads,
// decodes and types them to the one that links and writes them (SQLite is
// single-threaded). At most a few batches wait, so memory stays small: a
// parsed row takes ~850 bytes, and batches of 4,096 (~20 MB in flight)
// pushed 24 months in one call over 1 GiB. Written batches go back to the
// reading thread to be filled again: their strings keep their room, so a row
// costs no allocation, and none is freed by the other thread (glibc then
// takes the arena's lock for each).
constexpr size_t kBatchRows = 1024;
struct RowBatch {
  std::vector<ParsedRow> rows;  // the first `count` are this batch's
  size_t count = 0;
  size_t offset = 0;      // bytes of the file read after it
  int64_t rows_read = 0;  // data rows read so far, rejected ones included
};

// Workplaces' metrics rows, from the thread that computes them (and the
// screen table's rows) to the one that writes them, in the metrics pass.
struct MetricsBatch {
  std::vector<store::NpsRepo::MetricsRow> rows;  // the first `count` are this batch's
  size_t count = 0;
};

// Batches from a producer thread to a consumer, which gives them back to be
// filled again.
template <class Batch>
class HandoffQueue {
 public:
  static constexpr size_t kMaxWaiting = 3;

  // Producer: false when the consumer stopped (it failed).
  bool push(Batch&& b) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return stopped_ || waiting_.size() < kMaxWaiting; });
    if (stopped_) return false;
    waiting_.push_back(std::move(b));
    ready_.notify_one();
    return true;
  }
  // Producer: a used batch to fill again, or a new one.
  Batch spare() {
    std::lock_guard lock(mu_);
    if (spares_.empty()) return Batch{};
    Batch b = std::move(spares_.back());
    spares_.pop_back();
    return b;
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    ready_.notify_one();
  }
  // Consumer: false at the end.
  bool pop(Batch& b) {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return closed_ || !waiting_.empty(); });
    if (waiting_.empty()) return false;
    b = std::move(waiting_.front());
    waiting_.pop_front();
    room_.notify_one();
    return true;
  }
  // Consumer: a batch it is done with.
  void give_back(Batch&& b) {
    std::lock_guard lock(mu_);
    spares_.push_back(std::move(b));
  }
  void stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    room_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable ready_, room_;
  std::deque<Batch> waiting_;
  std::vector<Batch> spares_;
  bool closed_ = false, stopped_ = false;
};

// The producer thread of a HandoffQueue, stopped and joined on every way out
// (a failed consumer stops the producer at its next batch). What the
// producer throws (out of memory) ends its batches and is thrown again by
// join(), on the consumer's thread, as it would have been without threads.
template <class Batch>
class ProducerThread {
 public:
  ProducerThread(HandoffQueue<Batch>& queue, std::function<void()> body)
      : queue_(queue), thread_([this, body = std::move(body)] {
          try {
            body();
          } catch (...) {
            failure_ = std::current_exception();
            queue_.close();
          }
        }) {}
  ProducerThread(const ProducerThread&) = delete;
  ProducerThread& operator=(const ProducerThread&) = delete;
  ~ProducerThread() {
    queue_.stop();
    if (thread_.joinable()) thread_.join();
  }
  // Waits for the producer to end; throws what it threw.
  void join() {
    thread_.join();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  HandoffQueue<Batch>& queue_;
  std::exception_ptr failure_;
  std::thread thread_;  // last: it starts once the rest is in place
};

}  // namespace

Result<YearMonth> peek_nps_month(const std::string& path) {
  IJIK_ASSIGN_OR_RETURN(auto f, open_nps_file(path, size_t{4} << 20));
  return month_of(f, path);
}

NpsImporter::Known& NpsImporter::known(int64_t id) {
  if (static_cast<size_t>(id) >= known_.size())
    known_.resize(std::max<size_t>(id + 1, known_.size() * 2));
  return known_[static_cast<size_t>(id)];
}

Status NpsImporter::load() {
  journal_.emplace(db_);
  if (journal_->active()) {  // in WAL mode the pages go to the log first
    const char* file = sqlite3_db_filename(db_.handle(), "main");
    if (file != nullptr && *file != '\0') writeback_.emplace(file);
  }
  // A month is ~150 MB of pages written in one transaction. 16 MiB of page
  // cache imports as fast as 256 MiB did (first month, next month, several
  // in one call: docs/performance.md): SQLite spills dirty pages to the WAL
  // as it goes instead of holding them all, and ~140 MiB less stays resident.
  IJIK_RETURN_IF_ERROR(db_.exec("PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY"));
  IJIK_ASSIGN_OR_RETURN(auto count, repo_.workplace_count());
  loaded_count_ = static_cast<size_t>(count);
  if (count == 0) {
    IJIK_ASSIGN_OR_RETURN(bool any_metrics, repo_.has_metrics());
    screen_from_memory_ = !any_metrics;
  }
  linker_.reserve(loaded_count_);  // import_file adds room for its file's rows
  return repo_.for_each_workplace_key([&](const store::WorkplaceRecord& w, int64_t headcount,
                                          int months_observed, bool has_recent) {
    linker_.add(w.id, hash_key(w.brn6, w.name_key, w.ldong, w.adopted), headcount,
                w.reregistered_on.has_value());
    Known& k = known(w.id);
    k.first_month = w.first_month;
    k.attrs_month = w.attrs_month;
    k.attrs_hash = w.attrs_hash;
    k.months_observed = months_observed;
    k.has_recent = has_recent;
  });
}

Result<NpsFileSummary> NpsImporter::import_file(const std::string& path,
                                                const NpsImportOptions& options) {
  const auto started = Clock::now();
  NpsFileSummary sum;
  sum.file = path;
  IJIK_ASSIGN_OR_RETURN(auto file, open_nps_file(path));
  IJIK_ASSIGN_OR_RETURN(sum.month, month_of(file, path));
  // Room for the rows that are likely new workplaces (published rows are
  // ~250 bytes): a whole month into a fresh workspace, a sixteenth of it
  // into one that already knows as many workplaces as the file has rows.
  // Reserving for every row to be new doubled the linker's tables (and
  // rehashed them) on every monthly update; a surprise grows them instead.
  const size_t file_size = file.bytes.size();
  const size_t rows_estimate = file_size / 200 + 1024;
  const size_t known_now = linker_.size();
  linker_.reserve(known_now + std::max(rows_estimate > known_now ? rows_estimate - known_now : 0,
                                       rows_estimate / 16));
  // Names average ~20 bytes (UTF-8); later files add few workplaces.
  if (screen_from_memory_ && columns_.rows() == 0)
    columns_.reserve(known_.size() + rows_estimate, rows_estimate * 24);
  const int yyyymm = sum.month.yyyymm();
  if (failed_)
    return internal_error(
        "an earlier file of this import failed and its state is gone: run the import again");

  // The importer's memory (bookkeeping, metric windows) changes only once the
  // file commits: on any failure the transaction rolls back and so does this.
  std::vector<Known> known_before = known_;
  bool committed = false;
  struct RestoreOnFailure {
    std::function<void()> undo;
    ~RestoreOnFailure() { undo(); }
  } restore{[&] {
    if (committed) return;
    known_ = std::move(known_before);
    failed_ = true;               // the linker may hold ids that were rolled back
    screen_from_memory_ = false;  // and so may the columns
    columns_.clear();
  }};
  std::vector<std::pair<int64_t, domain::MonthlyPoint>> new_points;

  IJIK_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(db_, true));
  // Replacing a month: its old rows go; workplaces that only lived in it are
  // removed afterwards unless this file links them again.
  std::vector<int64_t> previous;
  IJIK_ASSIGN_OR_RETURN(auto stored_months, repo_.months());
  // An older month imported after later ones (ordered by month).
  const bool later_months = !stored_months.empty() && stored_months.back().month > sum.month;
  IJIK_ASSIGN_OR_RETURN(sum.replaced, repo_.has_month(sum.month));
  if (sum.replaced) {
    IJIK_ASSIGN_OR_RETURN(previous, repo_.workplaces_in_month(sum.month));
    IJIK_RETURN_IF_ERROR(repo_.delete_month(sum.month));
  }
  std::vector<bool> had_row;  // by workplace id: a row in this month before the import
  for (int64_t id : previous) {
    if (static_cast<size_t>(id) >= had_row.size())
      had_row.resize(static_cast<size_t>(id) + 1, false);
    had_row[static_cast<size_t>(id)] = true;
  }

  // Most rows will be new workplaces (a first month).
  const bool bulk_new = known_now * 4 < rows_estimate;
  if (bulk_new) {
    // Room for every row's new id at once: grown by doubling, the bookkeeping
    // was copied and zeroed again and again (and ended up to twice the size).
    if (known_.size() < known_now + rows_estimate) known_.resize(known_now + rows_estimate);
  }
  new_points.reserve(rows_estimate);  // a page counts only once written
  linker_.begin_month();
  // "<file>.<YYYY-MM>.rejects.csv", numbered when two files of a run share it.
  const std::string base_name = fs::path(path).filename().string();
  std::string rejects_name = fmt::format("{}.{}.rejects.csv", base_name, sum.month.iso());
  for (int n = 2; !used_rejects_names_.insert(rejects_name).second; ++n)
    rejects_name = fmt::format("{}.{}-{}.rejects.csv", base_name, sum.month.iso(), n);
  RejectsWriter rejects(options.rejects_dir, path, rejects_name);

  // Reading, decoding and typing the rows (and writing the rejects) runs on a
  // second thread, ahead of the linking and writing on this one: on two cores
  // the two overlap. Its counts and status are read after it is joined.
  // A new workplace's id is given when its row is linked, and it is inserted
  // with it (32 rows a statement): the ids SQLite would give, in the same order.
  IJIK_ASSIGN_OR_RETURN(int64_t next_id, repo_.next_workplace_id());
  // A row no known workplace took becomes a new one, claimed for this month.
  auto make_new = [&](const ParsedRow& row) {
    const int64_t id = next_id++;
    linker_.add(id, row.key, row.headcount, row.reregistered);
    linker_.link_exact(row.key, row.headcount);
    return LinkResult{id, LinkKind::kNew};
  };
  // Rows tier 1 could not place wait until every exact match of the file is
  // claimed, so a look-alike never takes a workplace whose own row comes later.
  std::vector<ParsedRow> deferred;

  // Links a batch's rows in order; the deferred leave it (the rest keep their
  // order). The slots a row probes are fetched a few rows ahead: the tables
  // are far larger than the caches. The writing thread links: with rows
  // inserted 32 to a statement it has time to spare, and the reading thread
  // (decoding, normalizing names) is the one the import waits for.
  auto link_batch = [&](RowBatch& b) {
    constexpr size_t kAhead = 8;
    size_t kept = 0;
    for (size_t i = 0; i < b.count; ++i) {
      if (i + kAhead < b.count) linker_.prefetch(b.rows[i + kAhead].key);
      ParsedRow& p = b.rows[i];
      p.link = linker_.link_exact(p.key, p.headcount);
      if (p.link.kind == LinkKind::kNew) {
        if (linker_.has_loose_candidates(p.key)) {
          deferred.push_back(std::move(p));
          continue;
        }
        p.link = make_new(p);
      }
      if (kept != i) std::swap(b.rows[kept], p);
      ++kept;
    }
    b.count = kept;
  };

  HandoffQueue<RowBatch> queue;
  int64_t rows_read = 0, rows_rejected = 0;
  Status reader_status;
  auto read_rows = [&] {
    CsvReader reader(file.bytes);
    CsvRecord rec;
    CsvError err;
    reader.next(rec, err);  // the header, checked by open_nps_file
    NpsRow row;
    RowBatch batch;
    batch.rows.reserve(kBatchRows);
    size_t dropped = 0;
    auto reject = [&](size_t line, const std::string& why, std::string_view raw) {
      ++rows_rejected;
      reader_status = rejects.add(line, why, raw, file.cp949);
      return reader_status.ok();
    };
    while (true) {
      CsvRead r = reader.next(rec, err);
      if (r == CsvRead::kEnd) break;
      ++rows_read;
      if (r == CsvRead::kMalformed) {
        if (!reject(err.line, std::string(reason(err.kind)), err.raw)) break;
        continue;
      }
      if (auto why = parse_nps_row(file.header, rec.fields, file.cp949, row)) {
        if (!reject(rec.line, *why, rec.raw)) break;
        continue;
      }
      if (row.month != sum.month) {
        if (!reject(rec.line,
                    fmt::format("자료생성년월 {} differs from the file's month {}", row.month.iso(),
                                sum.month.iso()),
                    rec.raw))
          break;
        continue;
      }
      if (batch.count == batch.rows.size()) batch.rows.emplace_back();
      ParsedRow& p = batch.rows[batch.count++];
      p.headcount = row.headcount;
      p.billed = row.billed;
      p.hires = row.hires;
      p.leavers = row.leavers;
      p.status = row.status;
      p.reregistered = row.reregistered.has_value();
      fill_record(row, p.w);
      p.key = hash_key(p.w.brn6, p.w.name_key, p.w.ldong, p.w.adopted);
      if (batch.count == kBatchRows) {
        batch.offset = reader.offset();
        batch.rows_read = rows_read;
        // The rows before hold their own strings: the pages read go (every ~4 MB).
        if (batch.offset >= dropped + (size_t{4} << 20)) {
          file.bytes.drop_before(batch.offset);
          dropped = batch.offset;
        }
        if (!queue.push(std::move(batch))) return;
        batch = queue.spare();
        batch.count = 0;
        batch.rows.reserve(kBatchRows);
      }
    }
    batch.offset = reader.offset();
    batch.rows_read = rows_read;
    if (batch.count > 0) queue.push(std::move(batch));
    queue.close();
  };
  ProducerThread<RowBatch> reader_thread(queue, read_rows);

  std::vector<int64_t> claimed;
  // New workplaces and monthly rows are inserted a batch at a time, several
  // rows per statement (NpsRepo::insert_workplaces): the records stay in their
  // batch until it is flushed, the monthly rows are new_points' latest.
  std::vector<const store::WorkplaceRecord*> new_workplaces;
  size_t monthly_written = 0;  // new_points before it are in nps_monthly
  auto flush = [&]() -> Status {
    IJIK_RETURN_IF_ERROR(repo_.insert_workplaces(new_workplaces));
    new_workplaces.clear();
    IJIK_RETURN_IF_ERROR(
        repo_.insert_monthly(yyyymm, std::span(new_points).subspan(monthly_written)));
    monthly_written = new_points.size();
    return {};
  };
  // Writes one linked row: a new workplace (with the id the link gave it),
  // changed columns, the monthly row, and the bookkeeping for metrics.
  auto write_row = [&](const ParsedRow& row, store::WorkplaceRecord& w, LinkResult link) -> Status {
    int64_t id = link.workplace_id;
    if (link.kind == LinkKind::kNew) {
      w.id = id;
      new_workplaces.push_back(&w);
      if (screen_from_memory_) columns_.set(w);
      Known& k = known(id);
      k.first_month = k.attrs_month = yyyymm;
      k.attrs_hash = w.attrs_hash;
      k.created_in_run = true;
      ++sum.created;
    } else {
      ++sum.continued;
      if (link.kind == LinkKind::kRenamed) ++sum.renamed;
      if (link.kind == LinkKind::kMoved) ++sum.moved;
      Known& k = known(id);
      bool newer_row = false;  // a later month has a row: its columns stay
      if (later_months && yyyymm >= k.attrs_month && w.attrs_hash != k.attrs_hash) {
        // attrs_month lags when later rows repeated the stored columns (they are
        // not rewritten), so look for a later row itself. Rare: out of order only.
        IJIK_ASSIGN_OR_RETURN(auto points, repo_.series(id));
        newer_row = !points.empty() && points.back().month > sum.month;
      }
      if (yyyymm >= k.attrs_month && w.attrs_hash != k.attrs_hash && !newer_row) {
        w.id = id;
        w.first_month = k.first_month;
        IJIK_RETURN_IF_ERROR(repo_.update_workplace_attrs(w));
        if (screen_from_memory_) columns_.set(w);
        k.attrs_month = yyyymm;
        k.attrs_hash = w.attrs_hash;
      }
      if (yyyymm < k.first_month) {
        IJIK_RETURN_IF_ERROR(repo_.update_first_month(id, yyyymm));
        k.first_month = yyyymm;
      }
    }
    if (row.status == 2) ++sum.withdrawn;
    domain::MonthlyPoint p{sum.month, row.headcount, row.billed,
                           row.hires, row.leavers,   row.status};
    ++sum.imported;
    Known& k = known(id);
    bool had = static_cast<size_t>(id) < had_row.size() && had_row[static_cast<size_t>(id)];
    if (!had) ++k.months_observed;
    k.touched = true;
    new_points.emplace_back(id, p);
    if (!previous.empty()) claimed.push_back(id);  // only a replaced month needs them
    return {};
  };
  auto last_report = Clock::now();
  RowBatch batch;
  while (queue.pop(batch)) {
    link_batch(batch);
    for (size_t i = 0; i < batch.count; ++i) {
      ParsedRow& row = batch.rows[i];
      IJIK_RETURN_IF_ERROR(write_row(row, row.w, row.link));
    }
    IJIK_RETURN_IF_ERROR(flush());  // before the batch goes back to be refilled
    if (options.progress) {
      auto now = Clock::now();
      if (now - last_report > std::chrono::milliseconds(100)) {
        last_report = now;
        options.progress({batch.offset, file_size, batch.rows_read,
                          std::chrono::duration<double>(now - started).count()});
      }
    }
    queue.give_back(std::move(batch));
  }
  reader_thread.join();
  IJIK_RETURN_IF_ERROR(reader_status);
  // Every row is parsed into its own strings: the file's ~136 MB of pages
  // need not count in the peak that the index build and the commit reach.
  file.bytes.release();
  sum.rows = rows_read;
  sum.rejected = rows_rejected;
  for (auto& d : deferred) {
    LinkResult link = linker_.link_loose(d.key, d.headcount, d.reregistered);
    if (link.kind == LinkKind::kNew) link = make_new(d);
    IJIK_RETURN_IF_ERROR(write_row(d, d.w, link));
  }
  IJIK_RETURN_IF_ERROR(flush());
  if (sum.imported == 0)
    return bad_file(fmt::format(
        "{}: no row could be imported ({} rejected): expected National Pension workplace rows",
        path, sum.rejected));

  // Workplaces of the replaced month that this file did not link again.
  std::vector<int64_t> removed;
  if (!previous.empty()) {
    std::sort(claimed.begin(), claimed.end());
    std::vector<int64_t> orphans;
    for (int64_t id : previous)
      if (!std::binary_search(claimed.begin(), claimed.end(), id)) orphans.push_back(id);
    for (int64_t id : orphans) {
      Known& k = known(id);
      if (k.months_observed > 0) --k.months_observed;
      k.touched = true;
    }
    IJIK_ASSIGN_OR_RETURN(removed, repo_.delete_workplaces_without_rows(orphans));
  }
  IJIK_RETURN_IF_ERROR(repo_.record_month(
      {sum.month, sum.imported, sum.rejected, fs::path(path).filename().string(), now_utc_iso()}));
  // Committed with the month; finish() clears it with the metrics.
  IJIK_RETURN_IF_ERROR(repo_.mark_metrics_pending(getpid()));
  IJIK_RETURN_IF_ERROR(tx.commit());
  committed = true;
  int64_t max_id = 0;
  for (const auto& [id, p] : new_points) max_id = std::max(max_id, id);
  if (static_cast<size_t>(max_id) >= windows_.size())
    windows_.resize(static_cast<size_t>(max_id) + 1);  // once, not by doubling
  for (const auto& [id, p] : new_points) {
    auto& w = windows_[static_cast<size_t>(id)];
    held_points_ -= w.size();
    keep_point(w, p);
    held_points_ += w.size();
  }
  for (int64_t id : removed) {  // gone from the workspace: gone from memory too
    linker_.forget(id);
    known(id) = Known{};
    columns_.remove(id);
    if (static_cast<size_t>(id) < windows_.size()) {
      held_points_ -= windows_[static_cast<size_t>(id)].size();
      windows_[static_cast<size_t>(id)].clear();
    }
  }
  imported_months_.push_back(sum.month);
  sum.rejects_file = rejects.path();
  sum.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  if (options.progress) options.progress({file_size, file_size, sum.rows, sum.seconds});
  return sum;
}

Status NpsImporter::merge_recent_points(std::vector<bool>& exact, size_t from, size_t to) {
  std::set<int> run;
  for (const auto& m : imported_months_) run.insert(m.yyyymm());
  auto& win = windows_;
  return repo_.scan_recent_points(static_cast<int64_t>(from), static_cast<int64_t>(to),
                                  [&](int64_t id, std::string_view packed) -> Status {
                                    if (static_cast<size_t>(id) >= known_.size()) return {};
                                    Known& k = known_[static_cast<size_t>(id)];
                                    if (!k.touched || !k.has_recent) return {};
                                    auto stored = store::decode_points(packed);
                                    if (!stored) {  // unreadable: read the months instead
                                      exact[static_cast<size_t>(id)] = true;
                                      return {};
                                    }
                                    if (static_cast<size_t>(id) >= win.size())
                                      win.resize(static_cast<size_t>(id) + 1);
                                    auto& w = win[static_cast<size_t>(id)];
                                    for (const auto& p : *stored) {
                                      if (!run.count(p.month.yyyymm())) {
                                        keep_point(w, p);
                                        continue;
                                      }
                                      // A month this run imported again: its new row is in `w`,
                                      // unless the workplace lost its row there. Then the points
                                      // before the stored ones may matter: read its months.
                                      bool again = std::any_of(w.begin(), w.end(),
                                                               [&](const domain::MonthlyPoint& q) {
                                                                 return q.month == p.month;
                                                               });
                                      if (!again) exact[static_cast<size_t>(id)] = true;
                                    }
                                    return {};
                                  });
}

Status NpsImporter::read_windows(const std::vector<bool>& exact,
                                 const std::vector<store::ImportedMonth>& months, size_t from,
                                 size_t to) {
  auto& win = windows_;
  // Workplaces whose points come from the months themselves: those without
  // stored points (a workspace older than schema 11) and the few flagged.
  std::vector<int64_t> ids;
  for (size_t id = std::max<size_t>(from, 1); id < to; ++id) {
    const Known& k = known_[id];
    if (k.touched && !k.created_in_run && (!k.has_recent || exact[id]))
      ids.push_back(static_cast<int64_t>(id));
  }
  if (ids.empty()) return {};
  // Their windows and month counts are read afresh from the committed rows
  // (this run's included), replacing what the run gathered.
  if (win.size() < known_.size()) win.resize(known_.size());
  if (ids.size() <= 2000) {  // a lookup per month each beats scanning every month
    for (int64_t id : ids) {
      IJIK_ASSIGN_OR_RETURN(auto series, repo_.series(id));
      size_t first = series.size() > kWindow ? series.size() - kWindow : 0;
      win[static_cast<size_t>(id)].assign(series.begin() + static_cast<std::ptrdiff_t>(first),
                                          series.end());
      known_[static_cast<size_t>(id)].months_observed = static_cast<int>(series.size());
    }
    return {};
  }
  // Many (the first import into an older workspace): scan every month.
  std::vector<bool> wanted(known_.size(), false);
  for (int64_t id : ids) {
    wanted[static_cast<size_t>(id)] = true;
    win[static_cast<size_t>(id)].clear();
    known_[static_cast<size_t>(id)].months_observed = 0;
  }
  for (const auto& m : months) {
    IJIK_RETURN_IF_ERROR(repo_.scan_monthly(
        m.month.yyyymm(), m.month.yyyymm(), [&](int64_t id, const domain::MonthlyPoint& p) {
          if (static_cast<size_t>(id) >= wanted.size() || !wanted[static_cast<size_t>(id)]) return;
          keep_point(win[static_cast<size_t>(id)], p);
          ++known_[static_cast<size_t>(id)].months_observed;
        }));
  }
  return {};
}

Status NpsImporter::put_metrics(size_t from, size_t to, domain::ScreenTable* screen) {
  // A second thread computes the metrics, packs the latest points and builds
  // the screen table's rows while this one writes them (SQLite is
  // single-threaded): on one core the metrics pass of a first month took
  // 0.5 s, SQLite less than half of it. Only that thread touches the windows,
  // the bookkeeping and `screen` until it is joined.
  constexpr size_t kRows = 256;
  HandoffQueue<MetricsBatch> queue;
  auto compute = [&] {
    auto& win = windows_;
    domain::ScreenEntry entry;  // reused: its strings keep their room
    MetricsBatch batch;
    batch.rows.resize(kRows);
    for (size_t id = std::max<size_t>(from, 1); id < to; ++id) {
      Known& k = known_[id];
      if (!k.touched) continue;
      k.touched = false;
      if (id >= win.size() || win[id].empty()) continue;  // removed with its replaced month
      store::NpsRepo::MetricsRow& row = batch.rows[batch.count++];
      row.workplace_id = static_cast<int64_t>(id);
      row.metrics = domain::compute_metrics(win[id]);
      row.metrics.months_observed = k.months_observed;
      store::encode_points(win[id], row.recent);
      if (screen != nullptr) {
        columns_.fill(static_cast<int64_t>(id), entry);
        store::set_screen_metrics(entry, row.metrics);
        screen->add(entry);
      }
      k.has_recent = true;
      std::vector<domain::MonthlyPoint>().swap(win[id]);  // the block's memory goes back
      if (batch.count == kRows) {
        if (!queue.push(std::move(batch))) return;
        batch = queue.spare();
        batch.count = 0;
        batch.rows.resize(kRows);
      }
    }
    if (batch.count > 0) queue.push(std::move(batch));
    queue.close();
  };
  ProducerThread<MetricsBatch> computing(queue, compute);
  MetricsBatch batch;
  while (queue.pop(batch)) {
    IJIK_RETURN_IF_ERROR(repo_.put_metrics(std::span(batch.rows.data(), batch.count)));
    queue.give_back(std::move(batch));
  }
  computing.join();
  return {};
}

Status NpsImporter::finish() {
  if (imported_months_.empty()) return {};
  IJIK_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(db_, true));
  IJIK_ASSIGN_OR_RETURN(auto months, repo_.months());
  // The stored points match the months: every import ends here, and one
  // killed before it is repaired (repair_interrupted_metrics) before the next.
  std::vector<bool> exact(known_.size(), false);
  // Workplaces in blocks of ids, so only one block's merged windows (up to
  // 13 points each) are in memory at once: all 700,000 at once took ~500 MB.
  // When many workplaces have no stored points (a workspace older than
  // schema 11), their months are read in one scan: one block.
  size_t unstored = 0;
  for (size_t id = 1; id < known_.size(); ++id) {
    const Known& k = known_[id];
    unstored += k.touched && !k.created_in_run && !k.has_recent;
  }
  const size_t block = unstored > 2000 ? known_.size() : kFinishBlock;
  // A first import wrote every workplace there is and computes every one's
  // metrics here: the screen snapshot's rows are built as they are written,
  // in id order, as rebuild_screen_snapshot would read them back. Only the
  // first finish(): later files leave some workplaces' metrics unchanged.
  std::optional<domain::ScreenTable> screen;
  if (screen_from_memory_) {
    for (size_t id = 1; id < known_.size() && screen_from_memory_; ++id)
      if (known_[id].touched && !columns_.has(static_cast<int64_t>(id)))
        screen_from_memory_ = false;  // not expected: then read back
    if (screen_from_memory_) screen.emplace().reserve(columns_.rows(), columns_.name_bytes());
  }
  for (size_t from = 1; from < known_.size(); from += block) {
    const size_t to = std::min(known_.size(), from + block);
    IJIK_RETURN_IF_ERROR(merge_recent_points(exact, from, to));
    IJIK_RETURN_IF_ERROR(read_windows(exact, months, from, to));
    IJIK_RETURN_IF_ERROR(put_metrics(from, to, screen ? &*screen : nullptr));
  }
  windows_.clear();
  windows_.shrink_to_fit();
  held_points_ = 0;
  imported_months_.clear();
  // Every workplace held got its row: the table is what the tables hold.
  screen_built_from_memory_ = screen && screen->size() == columns_.rows();
  screen_from_memory_ = false;
  columns_.clear();
  if (screen_built_from_memory_) {
    IJIK_RETURN_IF_ERROR(store::store_screen_snapshot(db_, std::move(*screen)));
  } else {
    screen.reset();
    IJIK_RETURN_IF_ERROR(store::rebuild_screen_snapshot(db_));
  }
  IJIK_RETURN_IF_ERROR(repo_.clear_metrics_pending());
  return tx.commit();
}

Result<bool> metrics_left_unfinished(store::Database& db) {
  store::NpsRepo repo(db);
  IJIK_ASSIGN_OR_RETURN(auto pending, repo.metrics_pending());
  if (!pending) return false;
  // An import still running in another process finishes them itself.
  return !(*pending != getpid() && (kill(static_cast<pid_t>(*pending), 0) == 0 || errno == EPERM));
}

Result<bool> repair_interrupted_metrics(store::Database& db) {
  store::NpsRepo repo(db);
  {
    // A cheap look first: nearly always there is nothing to do.
    IJIK_ASSIGN_OR_RETURN(auto look, store::Transaction::begin(db, false));
    IJIK_ASSIGN_OR_RETURN(bool unfinished, metrics_left_unfinished(db));
    if (!unfinished) return false;
  }
  IJIK_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(db, true));
  IJIK_ASSIGN_OR_RETURN(auto pending, repo.metrics_pending());  // another process may have repaired
  if (!pending) return false;
  IJIK_ASSIGN_OR_RETURN(auto months, repo.months());
  std::vector<std::vector<domain::MonthlyPoint>> windows;
  std::vector<int> observed;
  for (const auto& m : months) {
    IJIK_RETURN_IF_ERROR(repo.scan_monthly(
        m.month.yyyymm(), m.month.yyyymm(), [&](int64_t id, const domain::MonthlyPoint& p) {
          const auto i = static_cast<size_t>(id);
          if (i >= windows.size()) {
            windows.resize(std::max<size_t>(i + 1, windows.size() * 2));
            observed.resize(windows.size(), 0);
          }
          keep_point(windows[i], p);
          ++observed[i];
        }));
  }
  for (size_t id = 1; id < windows.size(); ++id) {
    if (windows[id].empty()) continue;
    domain::WorkforceMetrics m = domain::compute_metrics(windows[id]);
    m.months_observed = observed[id];
    IJIK_RETURN_IF_ERROR(repo.put_metrics(static_cast<int64_t>(id), m, windows[id]));
  }
  IJIK_RETURN_IF_ERROR(repo.bump_generation());  // the metrics changed
  IJIK_RETURN_IF_ERROR(store::rebuild_screen_snapshot(db));
  IJIK_RETURN_IF_ERROR(repo.clear_metrics_pending());
  IJIK_RETURN_IF_ERROR(tx.commit());
  return true;
}

}  // namespace ijik::ingest
