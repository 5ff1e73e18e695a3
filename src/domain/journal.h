// The journal of retrospectives (회고록): dated Markdown entries, tagged and
// optionally linked to a job, an application or a company.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace ijik::domain {

struct JournalEntry {
  int64_t id = 0;
  Date date;
  std::string title;
  std::string body;  // Markdown
  std::vector<std::string> tags;
  std::optional<int64_t> job_id;
  std::optional<int64_t> application_id;
  std::optional<int64_t> company_id;
  std::string company;  // the linked company's name, when there is one
  std::string created_at, updated_at;
};

// The title shown for an entry: its own, else the body's first non-empty line
// (a leading Markdown "#" heading mark dropped), cut to `max_chars`
// characters with "…".
std::string entry_heading(const JournalEntry& e, size_t max_chars = 40);

// True when the text has nothing but whitespace.
bool is_blank(std::string_view text);

// A tag as stored: trimmed, a leading '#' dropped; rejects empty tags and
// tags with spaces or commas, naming the expected form.
Result<std::string> normalize_tag(std::string_view tag);

// One search hit: the entry, its rank (lower is better, FTS5 bm25) and a
// snippet of the body with the matched words between [ and ].
struct JournalHit {
  int64_t id = 0;
  Date date;
  std::string title;
  std::string snippet;
  double rank = 0;
};

}  // namespace ijik::domain
