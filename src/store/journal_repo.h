// The journal: entries with their tags, and the full-text search over them
// (journal_fts, kept in step by triggers; tokenizer ijik_bigram).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/journal.h"
#include "store/database.h"
#include "text/search_tokens.h"

namespace ijik::store {

// A record created from a sentence of an entry (journal import --apply).
struct JournalSource {
  std::string record_type;  // job, application, stage, probation, conversion, job-end
  int64_t record_id = 0;
  std::string sentence;
  double confidence = 0;
  // What the record is about, to tell two records of one sentence apart: the
  // company of an application or a job, the name of a stage; "" otherwise.
  std::string subject;
};

class JournalRepo {
 public:
  explicit JournalRepo(Database& db) : db_(db) {}

  // Inserts the entry with its tags; sets id, created_at and updated_at.
  Status add(domain::JournalEntry& e);
  // One entry with its tags and company name; NotFound names the id.
  Result<domain::JournalEntry> get(int64_t id);
  // Entries by date then id; only those carrying `tag` when it is given, only
  // those dated within [from, to] when given.
  Result<std::vector<domain::JournalEntry>> list(const std::optional<std::string>& tag = {},
                                                 const std::optional<Date>& from = {},
                                                 const std::optional<Date>& to = {});
  // Replaces the body (and updated_at).
  Status set_body(int64_t id, const std::string& body);
  // NotFound names the id.
  Status remove(int64_t id);
  // Entries matching a query (text::fts_query), best first (bm25, a title
  // match weighing three times a body match), at most `limit`, each with a
  // highlighted snippet of its body (text::highlight_snippet).
  Result<std::vector<domain::JournalHit>> search(const text::FtsQuery& query, int limit = 20);

  // Records that `entry_id`'s sentence created a record (replaces the row of
  // the same entry, type and record).
  Status add_source(int64_t entry_id, const JournalSource& s);
  // The records created from an entry's sentences, in creation order.
  Result<std::vector<JournalSource>> sources(int64_t entry_id);

 private:
  Database& db_;
};

}  // namespace ijik::store
