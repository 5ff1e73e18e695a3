#include "store/fts_tokenizer.h"

#include "text/search_tokens.h"

namespace ijik::store {
namespace {

// The tokenizer has no state: one static object serves every instance.
struct BigramTokenizer {};
BigramTokenizer g_tokenizer;

int create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(&g_tokenizer);
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer*) {}

int tokenize(Fts5Tokenizer*, void* ctx, int /*flags*/, const char* text, int size,
             int (*token)(void*, int, const char*, int, int, int)) {
  int rc = SQLITE_OK;
  if (size <= 0 || text == nullptr) return rc;
  text::for_each_search_token(std::string_view(text, static_cast<size_t>(size)),
                              [&](std::string_view t, size_t begin, size_t end) {
                                if (rc != SQLITE_OK) return;
                                rc = token(ctx, 0, t.data(), static_cast<int>(t.size()),
                                           static_cast<int>(begin), static_cast<int>(end));
                              });
  return rc;
}

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

}  // namespace

int register_fts_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (api == nullptr) return SQLITE_ERROR;
  fts5_tokenizer t{create, destroy, tokenize};
  return api->xCreateTokenizer(api, "ijik_bigram", nullptr, &t, nullptr);
}

}  // namespace ijik::store
