// Search tokens: Hangul runs as overlapping bigrams, other words whole; the
// FTS5 query built from what the user typed.
#include "text/search_tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ijik::text {
namespace {

struct Tok {
  std::string text;
  size_t begin, end;
  bool operator==(const Tok&) const = default;
};

std::vector<Tok> tokens(std::string_view s) {
  std::vector<Tok> out;
  for_each_search_token(s, [&](std::string_view t, size_t b, size_t e) {
    out.push_back({std::string(t), b, e});
  });
  return out;
}

std::vector<std::string> texts(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& t : tokens(s)) out.push_back(t.text);
  return out;
}

TEST(SearchTokens, HangulRunsBecomeOverlappingBigrams) {
  EXPECT_EQ(texts("이직을 했다"), (std::vector<std::string>{"이직", "직을", "했다"}));
  EXPECT_EQ(texts("수습은"), (std::vector<std::string>{"수습", "습은"}));
}

TEST(SearchTokens, OffsetsPointIntoTheOriginalText) {
  auto t = tokens("a 이직을");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], (Tok{"a", 0, 1}));
  EXPECT_EQ(t[1], (Tok{"이직", 2, 8}));   // 3 bytes per syllable
  EXPECT_EQ(t[2], (Tok{"직을", 5, 11}));  // overlaps the previous one
}

TEST(SearchTokens, LatinWordsAreWholeAndCaseFolded) {
  EXPECT_EQ(texts("Backend Engineer, ML-Ops 2024"),
            (std::vector<std::string>{"backend", "engineer", "ml", "ops", "2024"}));
}

TEST(SearchTokens, MixedScriptsSplitAtTheBoundary) {
  EXPECT_EQ(texts("AI팀에서 Kafka를"),
            (std::vector<std::string>{"ai", "팀에", "에서", "kafka", "를"}));
}

TEST(SearchTokens, LoneSyllableIsItsOwnToken) {
  EXPECT_EQ(texts("팀 리드"), (std::vector<std::string>{"팀", "리드"}));
}

TEST(SearchTokens, PunctuationAndInvalidBytesSeparate) {
  EXPECT_EQ(texts("면수습!! (3개월)"), (std::vector<std::string>{"면수", "수습", "3", "개월"}));
  EXPECT_EQ(texts(std::string("이직\xff수습")), (std::vector<std::string>{"이직", "수습"}));
  EXPECT_TRUE(texts("").empty());
  EXPECT_TRUE(texts("  ... ").empty());
}

TEST(FtsQuery, EachWordIsAQuotedPhraseAndAllMustMatch) {
  EXPECT_EQ(fts_query("이직").match, "\"이직\"");
  EXPECT_EQ(fts_query("수습 offer").match, "\"수습\" AND \"offer\"");
}

TEST(FtsQuery, ParticlesAlsoMatchTheStem) {
  EXPECT_EQ(fts_query("이직을").match, "(\"이직을\" OR \"이직\")");
  EXPECT_EQ(fts_query("수습은").match, "(\"수습은\" OR \"수습\")");
  EXPECT_EQ(fts_query("회사에서").match, "(\"회사에서\" OR \"회사\")");
  // Two syllables are never cut down to one.
  EXPECT_EQ(fts_query("연봉").match, "\"연봉\"");
}

TEST(FtsQuery, OneSyllableIsAPrefixQuery) {
  EXPECT_EQ(fts_query("팀").match, "\"팀\"*");
}

TEST(FtsQuery, QuotesAndOperatorsAreNeutralized) {
  EXPECT_EQ(fts_query("\"NEAR\" OR -x").match, "\"NEAR\" AND \"OR\" AND \"x\"");
  EXPECT_EQ(fts_query("AI팀").match, "\"AI\" AND \"팀\"*");
  EXPECT_EQ(fts_query(" ?! ").match, "");
}

TEST(FtsQuery, TermsIncludeStems) {
  EXPECT_EQ(fts_query("이직을 Kafka").terms, (std::vector<std::string>{"이직을", "이직", "Kafka"}));
}

TEST(HighlightSnippet, WrapsEveryOccurrenceAndCutsAroundTheFirst) {
  EXPECT_EQ(highlight_snippet("석 달 수습은 무사히 끝났다.", {"수습"}),
            "석 달 [수습]은 무사히 끝났다.");
  EXPECT_EQ(highlight_snippet("Kafka와 kafka-connect, kafkaesque", {"kafka"}),
            "[Kafka]와 [kafka]-connect, kafkaesque");
  EXPECT_EQ(highlight_snippet("하하하 웃었다", {"하하"}), "[하하하] 웃었다");
  EXPECT_EQ(highlight_snippet("가나다라마바사 이직 아자차카타파하", {"이직"}, 3),
            "…바사 [이직] 아자차카타…");
  EXPECT_EQ(highlight_snippet("첫 줄\n\n  둘째 줄", {"없음"}), "첫 줄 둘째 줄");
}

}  // namespace
}  // namespace ijik::text
