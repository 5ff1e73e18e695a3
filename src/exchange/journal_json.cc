#include "exchange/journal_json.h"

namespace ijik::exchange {

using nlohmann::ordered_json;

namespace {
ordered_json opt(const std::optional<int64_t>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}
}  // namespace

ordered_json journal_entry_json(const domain::JournalEntry& e) {
  return {{"id", e.id},
          {"date", e.date.iso()},
          {"title", domain::entry_heading(e, 1000)},
          {"tags", e.tags},
          {"job", opt(e.job_id)},
          {"app", opt(e.application_id)},
          {"company", e.company.empty() ? ordered_json(nullptr) : ordered_json(e.company)},
          {"body", e.body},
          {"created_at", e.created_at},
          {"updated_at", e.updated_at}};
}

ordered_json journal_hit_json(const domain::JournalHit& h) {
  return {{"id", h.id}, {"date", h.date.iso()}, {"title", h.title}, {"snippet", h.snippet}};
}

}  // namespace ijik::exchange
