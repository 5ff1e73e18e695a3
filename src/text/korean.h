// Korean-aware text matching: company-name normalization, 초성 (initial
// consonant) keys, and a jamo-level similarity for "did you mean" hints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ijik::text {

// The matching key of a company or workplace name: legal-form markers
// ((주), ㈜, 주식회사, 유한회사, (유), 유한책임회사, 사단법인, (사), 재단법인)
// removed, full-width forms folded (NFKC), Latin case folded, spaces and
// punctuation dropped. "㈜ 네이버" and "네이버 주식회사" both give "네이버".
std::string normalize_company_name(std::string_view name);
// The same into `out` (its room reused: the importer runs it once per row).
void normalize_company_name(std::string_view name, std::string& out);

// Folds case and width (NFKC + casefold) and drops spaces; keeps everything else.
std::string fold(std::string_view s);

// The 초성 of each Hangul syllable as compatibility jamo (네이버 → ㄴㅇㅂ);
// other characters are kept as they are.
std::string chosung(std::string_view s);

// True when every character of `s` is a Hangul compatibility consonant (ㄱ…ㅎ),
// i.e. the user typed a 초성 query.
bool is_chosung_query(std::string_view s);

// Edit distance between two strings compared jamo by jamo, so that 네이버 and
// 네이부 are one edit apart, not one syllable.
int jamo_distance(std::string_view a, std::string_view b);

// The candidates closest to `query` (by normalized jamo distance), best first,
// at most `limit`, and only those plausibly meant.
std::vector<std::string> closest_matches(std::string_view query,
                                         const std::vector<std::string>& candidates,
                                         size_t limit = 3);

}  // namespace ijik::text
