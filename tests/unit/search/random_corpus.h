// A random corpus of company names for equivalence tests of the name index:
// short names from a small alphabet of syllables and Latin characters (so
// that queries share grams and hit every tier), some with a legal form, and
// queries made the same way, as 초성, and whole keys of the corpus.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "search/name_index.h"
#include "text/korean.h"

namespace ijik::search {

struct RandomCorpus {
  std::vector<Entry> entries;
  std::vector<std::string> queries;
};

inline RandomCorpus random_corpus(unsigned seed, int names, int query_rounds) {
  std::mt19937 rng(seed);
  const std::vector<std::string> syl = {"한", "국", "대", "전", "자", "산", "업",
                                        "서", "울", "네", "이", "버", "카", "오",
                                        "쌍", "용", "텔", "레", "콤", "물", "류"};
  const std::vector<std::string> latin = {"a", "b", "k", "s", "x", "1", "2"};
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto word = [&](int max_len) {
    std::string w;
    const int len = 1 + static_cast<int>(rng() % static_cast<unsigned>(max_len));
    for (int j = 0; j < len; ++j) w += (rng() % 6 == 0) ? pick(latin) : pick(syl);
    return w;
  };
  RandomCorpus c;
  for (int i = 1; i <= names; ++i) {
    std::string name = word(7);
    if (rng() % 5 == 0) name = "(주)" + name;
    c.entries.push_back(
        {i, text::normalize_company_name(name), static_cast<int64_t>(rng() % 50) - 1});
  }
  for (int i = 0; i < query_rounds; ++i) {
    const std::string q = word(4);
    c.queries.push_back(q);
    c.queries.push_back(text::chosung(q));
    c.queries.push_back(c.entries[rng() % c.entries.size()].name_key);
  }
  return c;
}

}  // namespace ijik::search
