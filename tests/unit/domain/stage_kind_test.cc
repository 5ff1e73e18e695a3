#include "domain/stage_kind.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ijik::domain {
namespace {

StageKind K(StageBase b, int round = 0) {
  return StageKind{b, round};
}

std::string describe(const StageKind& k) {
  return k.key() + "/" + std::to_string(k.round);
}

void expect_kind(std::string_view name, StageKind want) {
  StageKind got = classify_stage_name(name);
  EXPECT_EQ(got, want) << "'" << name << "' → " << describe(got) << ", want " << describe(want);
}

TEST(StageKindTest, ClassifiesEarlyStages) {
  expect_kind("서류", K(StageBase::kDocument));
  expect_kind("서류 전형", K(StageBase::kDocument));
  expect_kind("서류전형", K(StageBase::kDocument));
  expect_kind("코딩테스트", K(StageBase::kCodingTest));
  expect_kind("코딩 테스트", K(StageBase::kCodingTest));
  expect_kind("코테", K(StageBase::kCodingTest));
  expect_kind("Coding Test", K(StageBase::kCodingTest));
  expect_kind("인적성", K(StageBase::kAptitude));
  expect_kind("인적성 검사", K(StageBase::kAptitude));
  expect_kind("GSAT", K(StageBase::kAptitude));
  expect_kind("과제", K(StageBase::kAssignment));
  expect_kind("사전 과제", K(StageBase::kAssignment));
  expect_kind("Take-home assignment", K(StageBase::kAssignment));
}

TEST(StageKindTest, ClassifiesInterviews) {
  expect_kind("1차 면접", K(StageBase::kInterview, 1));
  expect_kind("2차면접", K(StageBase::kInterview, 2));
  expect_kind("3차 면접", K(StageBase::kInterview, 3));
  expect_kind("기술 면접", K(StageBase::kInterview, 0));
  expect_kind("1st interview", K(StageBase::kInterview, 1));
  expect_kind("2nd Interview", K(StageBase::kInterview, 2));
  expect_kind("Round 2", K(StageBase::kInterview, 2));
  expect_kind("Interview 3", K(StageBase::kInterview, 3));
  expect_kind("2차", K(StageBase::kInterview, 2));
  expect_kind("임원 면접", K(StageBase::kExecutiveInterview));
  expect_kind("임원면접", K(StageBase::kExecutiveInterview));
  expect_kind("컬처핏 면접", K(StageBase::kCultureFit));
  expect_kind("컬쳐핏", K(StageBase::kCultureFit));
  expect_kind("Culture fit interview", K(StageBase::kCultureFit));
}

TEST(StageKindTest, ClassifiesLateStagesAndOther) {
  expect_kind("평판조회", K(StageBase::kReferenceCheck));
  expect_kind("레퍼런스 체크", K(StageBase::kReferenceCheck));
  expect_kind("Reference check", K(StageBase::kReferenceCheck));
  expect_kind("처우협의", K(StageBase::kNegotiation));
  expect_kind("처우 협의", K(StageBase::kNegotiation));
  expect_kind("연봉협상", K(StageBase::kNegotiation));
  expect_kind("최종합격", K(StageBase::kOffer));
  expect_kind("최종 합격", K(StageBase::kOffer));
  expect_kind("합격", K(StageBase::kOffer));
  expect_kind("Offer", K(StageBase::kOffer));
  expect_kind("OFFER", K(StageBase::kOffer));
  expect_kind("건강검진", K(StageBase::kOther));
  expect_kind("", K(StageBase::kOther));
  expect_kind("something else", K(StageBase::kOther));
}

TEST(StageKindTest, ClassifyStagesNumbersInterviewsWithoutRound) {
  auto kinds = classify_stages({"서류", "코딩테스트", "기술 면접", "컬처핏 면접", "임원 면접",
                                "기술 면접", "처우협의", "최종합격"});
  ASSERT_EQ(kinds.size(), 8u);
  EXPECT_EQ(kinds[0], K(StageBase::kDocument));
  EXPECT_EQ(kinds[1], K(StageBase::kCodingTest));
  EXPECT_EQ(kinds[2], K(StageBase::kInterview, 1));
  EXPECT_EQ(kinds[3], K(StageBase::kCultureFit));  // not counted among interviews
  EXPECT_EQ(kinds[4], K(StageBase::kExecutiveInterview));
  EXPECT_EQ(kinds[5], K(StageBase::kInterview, 2));
  EXPECT_EQ(kinds[6], K(StageBase::kNegotiation));
  EXPECT_EQ(kinds[7], K(StageBase::kOffer));

  // Explicit rounds are kept; an unnumbered one follows the highest round before it.
  auto mixed = classify_stages({"1차 면접", "실무 면접", "3차 면접"});
  EXPECT_EQ(mixed[0], K(StageBase::kInterview, 1));
  EXPECT_EQ(mixed[1], K(StageBase::kInterview, 2));
  EXPECT_EQ(mixed[2], K(StageBase::kInterview, 3));
  auto after_second = classify_stages({"2차 면접", "기술 면접"});
  EXPECT_EQ(after_second[0], K(StageBase::kInterview, 2));
  EXPECT_EQ(after_second[1], K(StageBase::kInterview, 3));
  // Foreign-company processes: phone screens and system design are interviews.
  auto foreign = classify_stages({"폰 스크린", "코딩 인터뷰", "System Design", "최종 면접"});
  EXPECT_EQ(foreign[0], K(StageBase::kInterview, 1));
  EXPECT_EQ(foreign[2], K(StageBase::kInterview, 3));
  EXPECT_EQ(foreign[3], K(StageBase::kInterview, 4));

  EXPECT_TRUE(classify_stages({}).empty());
}

TEST(StageKindTest, KeysAndLabels) {
  EXPECT_EQ(K(StageBase::kDocument).key(), "document");
  EXPECT_EQ(K(StageBase::kCodingTest).key(), "coding-test");
  EXPECT_EQ(K(StageBase::kAptitude).key(), "aptitude");
  EXPECT_EQ(K(StageBase::kAssignment).key(), "assignment");
  EXPECT_EQ(K(StageBase::kInterview, 2).key(), "interview-2");
  EXPECT_EQ(K(StageBase::kCultureFit).key(), "culture-fit");
  EXPECT_EQ(K(StageBase::kExecutiveInterview).key(), "executive-interview");
  EXPECT_EQ(K(StageBase::kReferenceCheck).key(), "reference-check");
  EXPECT_EQ(K(StageBase::kNegotiation).key(), "negotiation");
  EXPECT_EQ(K(StageBase::kOffer).key(), "offer");
  EXPECT_EQ(K(StageBase::kOther).key(), "other");

  EXPECT_EQ(K(StageBase::kDocument).label(), "서류");
  EXPECT_EQ(K(StageBase::kCodingTest).label(), "코딩테스트");
  EXPECT_EQ(K(StageBase::kInterview, 1).label(), "1차 면접");
  EXPECT_EQ(K(StageBase::kInterview, 2).label(), "2차 면접");
  EXPECT_EQ(K(StageBase::kExecutiveInterview).label(), "임원 면접");
  EXPECT_EQ(K(StageBase::kReferenceCheck).label(), "평판조회");
  EXPECT_EQ(K(StageBase::kNegotiation).label(), "처우협의");
  EXPECT_EQ(K(StageBase::kOffer).label(), "최종합격");
}

TEST(StageKindTest, RankFollowsHiringOrder) {
  const std::vector<StageKind> order = {
      K(StageBase::kDocument),       K(StageBase::kCodingTest),   K(StageBase::kAptitude),
      K(StageBase::kAssignment),     K(StageBase::kInterview, 1), K(StageBase::kInterview, 2),
      K(StageBase::kInterview, 3),   K(StageBase::kCultureFit),   K(StageBase::kExecutiveInterview),
      K(StageBase::kReferenceCheck), K(StageBase::kNegotiation),  K(StageBase::kOffer),
      K(StageBase::kOther)};
  for (size_t i = 1; i < order.size(); ++i)
    EXPECT_LT(order[i - 1].rank(), order[i].rank())
        << order[i - 1].key() << " should come before " << order[i].key();
}

TEST(StageKindTest, ParseKeyRoundTrips) {
  const std::vector<StageKind> all = {
      K(StageBase::kDocument),       K(StageBase::kCodingTest),   K(StageBase::kAptitude),
      K(StageBase::kAssignment),     K(StageBase::kInterview, 1), K(StageBase::kInterview, 2),
      K(StageBase::kInterview, 12),  K(StageBase::kCultureFit),   K(StageBase::kExecutiveInterview),
      K(StageBase::kReferenceCheck), K(StageBase::kNegotiation),  K(StageBase::kOffer),
      K(StageBase::kOther)};
  for (const auto& k : all) {
    StageKind parsed{StageBase::kDocument, 99};
    ASSERT_TRUE(parse_stage_kind_key(k.key(), parsed)) << k.key();
    EXPECT_EQ(parsed, k) << k.key();
    EXPECT_EQ(parsed.key(), k.key());
  }
}

TEST(StageKindTest, ParseKeyRejectsUnknown) {
  StageKind out{StageBase::kOffer, 0};
  for (const char* bad : {"", "interview", "interview-", "interview-0", "interview-x",
                          "interview-2a", "Document", "서류", "offer ", "coding_test"}) {
    EXPECT_FALSE(parse_stage_kind_key(bad, out)) << "'" << bad << "'";
  }
}

}  // namespace
}  // namespace ijik::domain

namespace ijik::domain {
namespace {

// A long digit run (a posting number) is not a round and must not overflow.
TEST(StageKindTest, LongDigitRunsAreNotRounds) {
  auto k = classify_stage_name("JR-2026031234567890 면접");
  EXPECT_EQ(k.base, StageBase::kInterview);
  EXPECT_EQ(k.round, 0);
}

}  // namespace
}  // namespace ijik::domain
