#include "store/search_repo.h"

#include <fmt/format.h>

#include <algorithm>

#include "store/blob_io.h"

namespace ijik::store {

Result<std::string> SearchRepo::data_stamp() {
  return db_.memo("search data stamp", [this] { return read_data_stamp(); });
}

Result<std::string> SearchRepo::read_data_stamp() {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("SELECT (SELECT coalesce(max(id), 0) FROM nps_workplaces), "
                  "(SELECT coalesce(group_concat(month || ':' || rows || ':' || rejected || ':' || "
                  "imported_at || ':' || "
                  "source_file, '|'), '') FROM (SELECT * FROM nps_months ORDER BY month)), "
                  "(SELECT coalesce(max(value), '0') FROM meta WHERE key = "
                  "'public_data_generation')"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return internal_error("search: no data stamp");
  return fmt::format("max_id={};months={};generation={}", st.int64(0), st.text(1), st.text(2));
}

Status SearchRepo::for_each_workplace(
    const std::function<void(int64_t, std::string_view, std::optional<int64_t>)>& fn) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT w.id, w.name_key, m.headcount FROM nps_workplaces w "
                           "LEFT JOIN nps_metrics m ON m.workplace_id = w.id ORDER BY w.id"));
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    fn(st.int64(0), st.text(1), st.optional_int64(2));
  }
  return {};
}

Result<std::optional<std::string>> SearchRepo::snapshot_stamp() {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("SELECT data FROM search_snapshot WHERE part = 'stamp'"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(st.text(0));
}

Result<std::optional<ChunkedBlob>> SearchRepo::open_part(const std::string& part) {
  // Read from memory-mapped pages: no read() per page.
  if (!mmap_set_) {
    IJIK_RETURN_IF_ERROR(map_at_least(db_, int64_t{4} << 30));
    mmap_set_ = true;
  }
  // The part's last chunk, and its first where the writer put it.
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT l.id - l.chunk, l.chunk + 1 FROM search_snapshot l "
                           "JOIN search_snapshot f ON f.id = l.id - l.chunk AND f.part = l.part "
                           "AND f.chunk = 0 WHERE l.part = ? ORDER BY l.chunk DESC LIMIT 1"));
  st.bind(1, part);
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<ChunkedBlob>();
  IJIK_ASSIGN_OR_RETURN(auto blob, ChunkedBlob::open(db_, "search_snapshot", st.int64(0),
                                                     static_cast<size_t>(st.int64(1)),
                                                     kSnapshotChunk, "search snapshot"));
  return std::optional<ChunkedBlob>(std::move(blob));
}

Result<bool> SearchRepo::read_part(const std::string& part,
                                   const std::function<char*(size_t)>& dest) {
  // Straight into its buffer (one copy).
  IJIK_ASSIGN_OR_RETURN(auto blob, open_part(part));
  if (!blob) return false;
  const size_t size = blob->size();
  char* buf = dest(size);
  if (buf == nullptr) return false;
  return blob->read(buf, size, 0);  // a chunk of the wrong size: damaged, rebuilt
}

Status SearchRepo::write_snapshot(const std::string& stamp,
                                  const std::map<std::string, std::string>& parts) {
  IJIK_RETURN_IF_ERROR(db_.exec("SAVEPOINT search_snapshot"));
  auto body = [&]() -> Status {
    IJIK_RETURN_IF_ERROR(db_.exec("DELETE FROM search_snapshot"));
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.handle(),
                           "INSERT INTO search_snapshot(id, part, chunk, data) VALUES (?, ?, ?, ?)",
                           -1, &raw, nullptr) != SQLITE_OK)
      return db_.error("saving the search snapshot");
    Statement guard(db_.handle(), raw);  // finalizes
    int64_t id = 0;
    // Chunk after chunk: chunk k of a part is row first + k (open_part).
    auto put = [&](const std::string& name, const std::string& data) -> Status {
      size_t chunk = 0;
      do {
        const size_t from = chunk * kSnapshotChunk;
        sqlite3_reset(raw);
        sqlite3_bind_int64(raw, 1, ++id);
        sqlite3_bind_text(raw, 2, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
        sqlite3_bind_int64(raw, 3, static_cast<int64_t>(chunk));
        sqlite3_bind_blob64(raw, 4, data.data() + from,
                            std::min(kSnapshotChunk, data.size() - from), SQLITE_STATIC);
        if (sqlite3_step(raw) != SQLITE_DONE) return db_.error("saving the search snapshot");
        ++chunk;
      } while (chunk * kSnapshotChunk < data.size());
      return {};
    };
    for (const auto& [name, data] : parts) IJIK_RETURN_IF_ERROR(put(name, data));
    return put("stamp", stamp);
  };
  Status s = body();
  if (!s.ok()) {
    (void)db_.exec("ROLLBACK TO search_snapshot");
    (void)db_.exec("RELEASE search_snapshot");
    return s;
  }
  return db_.exec("RELEASE search_snapshot");
}

Result<std::optional<WorkplaceSummary>> SearchRepo::workplace(int64_t id) {
  // Prepared once: a search looks up each of its hits.
  if (!workplace_st_.bound()) {
    IJIK_ASSIGN_OR_RETURN(
        workplace_st_,
        db_.prepare("SELECT w.name, w.name_key, w.region, w.industry_name, m.headcount, "
                    "m.change_12m FROM nps_workplaces w "
                    "LEFT JOIN nps_metrics m ON m.workplace_id = w.id WHERE w.id = ?"));
  }
  Statement& st = workplace_st_;
  st.reset();
  st.bind(1, id);
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<WorkplaceSummary>();
  return std::optional<WorkplaceSummary>(WorkplaceSummary{id, st.text(0), st.text(1), st.text(2),
                                                          st.text(3), st.optional_int64(4),
                                                          st.optional_int64(5)});
}

Result<std::map<int64_t, int64_t>> SearchRepo::company_links() {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("SELECT company_id, workplace_id FROM company_workplaces"));
  std::map<int64_t, int64_t> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out[st.int64(0)] = st.int64(1);
  }
  return out;
}

}  // namespace ijik::store
