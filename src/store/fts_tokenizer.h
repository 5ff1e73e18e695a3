// Registers ijik's FTS5 tokenizer "ijik_bigram" (text/search_tokens.h) on a
// connection. Every connection that reads or writes the journal's search
// index needs it: Database::open registers it on each workspace it opens.
#pragma once

#include <sqlite3.h>

namespace ijik::store {

// SQLITE_OK, or the error code when FTS5 is missing from the SQLite library.
int register_fts_tokenizer(sqlite3* db);

}  // namespace ijik::store
