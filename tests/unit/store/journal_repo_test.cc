// The journal store and its full-text search: two-syllable Korean words,
// particles, English, ranking and highlighted snippets on a real workspace.
#include "store/journal_repo.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/workspace.h"
#include "text/search_tokens.h"
#include "unit/support/workspace_test.h"

namespace ijik::store {
namespace {

namespace fs = std::filesystem;

class JournalRepoTest : public ijik::testing::WorkspaceTest {
 protected:
  int64_t add(const char* date, const char* title, const char* body,
              std::vector<std::string> tags = {}) {
    JournalRepo repo(*db_);
    domain::JournalEntry e;
    e.date = *parse_date(date);
    e.title = title;
    e.body = body;
    e.tags = std::move(tags);
    EXPECT_TRUE(repo.add(e).ok());
    return e.id;
  }
  std::vector<int64_t> ids(const std::string& query) {
    JournalRepo repo(*db_);
    auto hits = repo.search(text::fts_query(query));
    EXPECT_TRUE(hits.ok()) << hits.error().message;
    std::vector<int64_t> out;
    for (const auto& h : *hits) out.push_back(h.id);
    return out;
  }
};

TEST_F(JournalRepoTest, FindsTwoSyllableKoreanWordsInsideLongerRuns) {
  int64_t a = add("2025-01-10", "", "첫 이직을 결심했다. 연봉보다 성장이 중요했다.");
  int64_t b = add("2025-04-02", "", "수습은 무사히 끝났다. 면수습 통보를 받았다.");
  add("2025-05-01", "", "Kafka 스트림 처리를 배웠다.");
  EXPECT_EQ(ids("이직"), std::vector<int64_t>{a});
  EXPECT_EQ(ids("수습"), std::vector<int64_t>{b});
  EXPECT_EQ(ids("성장"), std::vector<int64_t>{a});
  EXPECT_TRUE(ids("이사").empty());
}

TEST_F(JournalRepoTest, QueriesWithParticlesFindTheWordInAnyForm) {
  int64_t a = add("2025-01-10", "", "이직 준비 3개월");
  int64_t b = add("2025-04-02", "", "두 번째 이직을 했다");
  int64_t c = add("2025-06-02", "", "수습 기간 연장");
  EXPECT_EQ(ids("이직을").size(), 2u);  // 이직을 exactly, and 이직 alone
  EXPECT_EQ(ids("수습은"), std::vector<int64_t>{c});
  EXPECT_EQ(ids("이직을 준비"), std::vector<int64_t>{a});
  (void)b;
}

TEST_F(JournalRepoTest, EnglishAndMixedQueries) {
  int64_t a = add("2025-01-10", "Backend retro", "Kafka 파이프라인을 운영하며 이직을 고민했다");
  add("2025-02-10", "", "kafka는 안 썼다, 데이터 팀");
  EXPECT_EQ(ids("kafka").size(), 2u);
  EXPECT_EQ(ids("KAFKA 이직"), std::vector<int64_t>{a});
  EXPECT_EQ(ids("backend"), std::vector<int64_t>{a});
  EXPECT_EQ(ids("파이프라인"), std::vector<int64_t>{a});
}

TEST_F(JournalRepoTest, RanksTitleMatchesAndDenserEntriesFirst) {
  int64_t once =
      add("2025-01-10", "", "회사 생활 이야기, 연봉 협상도 조금 했다. 그리고 점심 메뉴 이야기.");
  int64_t title = add("2025-02-10", "연봉 협상 회고", "숫자 이야기");
  auto found = ids("연봉");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], title);
  EXPECT_EQ(found[1], once);
}

TEST_F(JournalRepoTest, SnippetHighlightsTheMatchInTheOriginalText) {
  add("2025-04-02", "", "석 달 수습은 무사히 끝났다.");
  JournalRepo repo(*db_);
  auto hits = repo.search(text::fts_query("수습"));
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].snippet, "석 달 [수습]은 무사히 끝났다.");
  hits = repo.search(text::fts_query("수습은"));
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].snippet, "석 달 [수습은] 무사히 끝났다.");
  EXPECT_EQ((*hits)[0].title, "석 달 수습은 무사히 끝났다.");
}

TEST_F(JournalRepoTest, IndexFollowsEditsAndRemovals) {
  int64_t a = add("2025-01-10", "", "이직 준비");
  JournalRepo repo(*db_);
  ASSERT_TRUE(repo.set_body(a, "퇴사 준비").ok());
  EXPECT_TRUE(ids("이직").empty());
  EXPECT_EQ(ids("퇴사"), std::vector<int64_t>{a});
  ASSERT_TRUE(repo.remove(a).ok());
  EXPECT_TRUE(ids("퇴사").empty());
  EXPECT_EQ(repo.remove(a).error().code, ErrorCode::kNotFound);
}

TEST_F(JournalRepoTest, TagsAndDateRangeFilterTheList) {
  add("2025-01-10", "", "a", {"이직"});
  int64_t b = add("2025-04-02", "", "b", {"수습", "이직"});
  JournalRepo repo(*db_);
  EXPECT_EQ(repo.list(std::string("이직"))->size(), 2u);
  auto tagged = repo.list(std::string("수습"));
  ASSERT_EQ(tagged->size(), 1u);
  EXPECT_EQ((*tagged)[0].id, b);
  EXPECT_EQ((*tagged)[0].tags, (std::vector<std::string>{"수습", "이직"}));
  EXPECT_EQ(repo.list(std::nullopt, *parse_date("2025-02-01"))->size(), 1u);
  EXPECT_EQ(repo.list(std::nullopt, std::nullopt, *parse_date("2025-01-10"))->size(), 1u);
}

}  // namespace
}  // namespace ijik::store
