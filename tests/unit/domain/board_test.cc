#include "domain/board.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace ijik::domain {
namespace {

using R = StageResult;

Stage S(const char* name, R result, const char* date = nullptr) {
  Stage s;
  s.name = name;
  s.result = result;
  if (date) s.date = parse_date(date).value();
  return s;
}

Application A(int64_t id, std::vector<Stage> stages, Closure closure = Closure::kNone) {
  Application a;
  a.id = id;
  a.company = "회사" + std::to_string(id);
  a.applied = parse_date("2026-03-01").value();
  a.stages = std::move(stages);
  a.closure = closure;
  assign_stage_kinds(a);
  return a;
}

std::vector<int64_t> ids(const BoardColumn& c) {
  std::vector<int64_t> out;
  for (const auto& card : c.cards) out.push_back(card.app->id);
  return out;
}

TEST(BoardTest, AssignsColumnsInHiringOrder) {
  std::vector<Application> apps;
  apps.push_back(A(9, {S("서류", R::kPassed), S("코딩테스트", R::kPending)}));
  apps.push_back(A(4, {S("서류", R::kFailed), S("1차 면접", R::kPending, "2026-03-20")}));
  apps.push_back(A(1, {}));
  apps.push_back(A(2, {S("서류", R::kPassed), S("코테", R::kPending, "2026-03-20")}));
  apps.push_back(A(5, {S("서류", R::kPassed), S("1차 면접", R::kPending)}, Closure::kWithdrawn));
  apps.push_back(A(3, {S("서류", R::kPending)}));
  apps.push_back(A(6, {S("서류", R::kPassed), S("최종합격", R::kPassed)}, Closure::kAccepted));
  apps.push_back(A(7, {S("서류", R::kPassed), S("최종합격", R::kPassed)}));
  apps.push_back(A(8, {S("서류", R::kPassed), S("코딩테스트", R::kPending, "2026-03-18")}));
  apps.push_back(A(10, {S("서류", R::kPassed), S("기술 면접", R::kPending, "2026-03-19")}));
  apps.push_back(A(11, {S("서류", R::kPassed), S("1차 면접", R::kNoShow)}));
  apps.push_back(A(12, {S("서류", R::kPassed), S("1차 면접", R::kWithdrawn)}));
  apps.push_back(
      A(13, {S("1차 면접", R::kPassed), S("2차 면접", R::kPassed), S("기타 절차", R::kPending)}));

  auto board = build_board(apps);
  std::vector<std::string> keys, labels;
  for (const auto& c : board) keys.push_back(c.key), labels.push_back(c.label);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"applied", "document", "coding-test", "interview-1", "offer",
                                      "other", "accepted", "rejected", "withdrawn"}));
  EXPECT_EQ(labels[0], "지원");
  EXPECT_EQ(labels[1], "서류");
  EXPECT_EQ(labels[2], "코딩테스트");
  EXPECT_EQ(labels[3], "1차 면접");
  EXPECT_EQ(labels[4], "최종합격");
  EXPECT_EQ(labels[5], "기타");
  EXPECT_EQ(labels[7], "불합격");
  for (size_t i = 1; i < board.size(); ++i) EXPECT_LT(board[i - 1].rank, board[i].rank);

  std::map<std::string, std::vector<int64_t>> by_key;
  for (const auto& c : board) by_key[c.key] = ids(c);
  EXPECT_EQ(by_key["applied"], (std::vector<int64_t>{1}));
  EXPECT_EQ(by_key["document"], (std::vector<int64_t>{3}));
  // Dated next steps first, soonest first; then undated by id.
  EXPECT_EQ(by_key["coding-test"], (std::vector<int64_t>{8, 2, 9}));
  EXPECT_EQ(by_key["interview-1"], (std::vector<int64_t>{10}));
  EXPECT_EQ(by_key["other"], (std::vector<int64_t>{13}));
  EXPECT_EQ(by_key["offer"], (std::vector<int64_t>{7}));
  EXPECT_EQ(by_key["accepted"], (std::vector<int64_t>{6}));
  EXPECT_EQ(by_key["rejected"], (std::vector<int64_t>{4, 11}));
  EXPECT_EQ(by_key["withdrawn"], (std::vector<int64_t>{5, 12}));
}

TEST(BoardTest, CardsCarryStatusAndNextPendingStage) {
  std::vector<Application> apps;
  apps.push_back(A(1, {S("서류", R::kPassed), S("과제", R::kPending, "2026-03-20"),
                       S("1차 면접", R::kPending)}));
  apps.push_back(A(2, {S("서류", R::kPassed), S("최종합격", R::kPassed)}));
  auto board = build_board(apps);
  ASSERT_EQ(board.size(), 2u);
  EXPECT_EQ(board[0].key, "assignment");
  ASSERT_EQ(board[0].cards.size(), 1u);
  EXPECT_EQ(board[0].cards[0].status, AppStatus::kActive);
  EXPECT_EQ(board[0].cards[0].at, &apps[0].stages[1]);
  EXPECT_EQ(board[0].cards[0].next, &apps[0].stages[1]);
  EXPECT_EQ(board[1].key, "offer");
  EXPECT_EQ(board[1].cards[0].status, AppStatus::kOffer);
  EXPECT_EQ(board[1].cards[0].at, &apps[1].stages[1]);
  EXPECT_EQ(board[1].cards[0].next, nullptr);
}

TEST(BoardTest, ClosedCardsShowWhereTheyEndedAndNoNextStep) {
  std::vector<Application> apps;
  apps.push_back(A(
      1, {S("서류", R::kPassed), S("코테", R::kFailed), S("1차 면접", R::kPending, "2026-03-20")}));
  apps.push_back(
      A(2, {S("서류", R::kPassed), S("1차 면접", R::kPending, "2026-03-20")}, Closure::kWithdrawn));
  apps.push_back(A(3, {}));
  auto board = build_board(apps);
  ASSERT_EQ(board.size(), 3u);
  EXPECT_EQ(board[0].key, "applied");
  EXPECT_EQ(board[0].cards[0].at, nullptr);
  EXPECT_EQ(board[0].cards[0].next, nullptr);
  EXPECT_EQ(board[1].key, "rejected");
  EXPECT_EQ(board[1].cards[0].status, AppStatus::kRejected);
  EXPECT_EQ(board[1].cards[0].at, &apps[0].stages[1]);  // rejected at 코테
  EXPECT_EQ(board[1].cards[0].next, nullptr);
  EXPECT_EQ(board[2].key, "withdrawn");
  EXPECT_EQ(board[2].cards[0].at, &apps[1].stages[1]);
  EXPECT_EQ(board[2].cards[0].next, nullptr);
}

TEST(BoardTest, EmptyBoardHasNoColumns) {
  EXPECT_TRUE(build_board({}).empty());
}

TEST(BoardTest, ColumnLabelsComeFromKinds) {
  EXPECT_EQ((StageKind{StageBase::kInterview, 2}).label(), "2차 면접");
  EXPECT_EQ((StageKind{StageBase::kDocument, 0}).label(), "서류");
}

}  // namespace
}  // namespace ijik::domain
