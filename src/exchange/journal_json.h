// JSON shapes of the journal commands (docs/cli.md); field names are a public contract.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/journal.h"

namespace ijik::exchange {

// {"id", "date", "title", "tags", "job", "app", "company", "body", "created_at", "updated_at"}
nlohmann::ordered_json journal_entry_json(const domain::JournalEntry& e);

// {"id", "date", "title", "snippet"}: one element of `journal search --json`.
nlohmann::ordered_json journal_hit_json(const domain::JournalHit& h);

}  // namespace ijik::exchange
