// The tokens of full-text search over Korean and English prose (the journal).
// Korean has no spaces between a word and its particles (이직을, 수습은), so a
// Hangul run is cut into overlapping syllable bigrams: 이직을 → 이직 · 직을. A
// two-syllable query is then one token and a longer one a phrase of bigrams,
// which match inside any longer run. Other words (Latin letters, digits) are
// one token each, case folded. docs/data-model.md explains the choice.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ijik::text {

// Calls `emit(token, begin, end)` for each token of `s` in order, with the
// byte range of `s` the token comes from. A lone Hangul syllable is a token
// of its own. Invalid UTF-8 bytes separate tokens.
void for_each_search_token(
    std::string_view s,
    const std::function<void(std::string_view token, size_t begin, size_t end)>& emit);

// The FTS5 query (for the tokenizer above) that finds entries containing
// every word of `query`: each word quoted as a phrase; a Hangul word of three
// syllables or more that ends in a particle (이직을, 수습은, 회사에서) also
// matches its stem ("이직을" OR "이직"). A one-syllable Hangul word becomes a
// prefix query (팀 → 팀*). `terms` are the words and stems to highlight.
// `match` is empty when `query` has no searchable word.
struct FtsQuery {
  std::string match;
  std::vector<std::string> terms;
};
FtsQuery fts_query(std::string_view query);

// A one-line excerpt of `text` around the first place a term occurs, every
// occurrence inside it wrapped in [ and ], cut with "…" at either end; about
// `context` characters before the first match and twice that after it.
// Latin terms match whole words, case folded; Hangul terms anywhere (a
// particle may follow). Whitespace runs become one space. Without a match,
// the beginning of the text.
std::string highlight_snippet(std::string_view text, const std::vector<std::string>& terms,
                              size_t context = 20);

}  // namespace ijik::text
