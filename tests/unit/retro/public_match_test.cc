// Company names read from a retrospective, matched to public workplaces
// through ExtractOptions::find_workplace (the CLI backs it with the search
// name index): the match is reported, a marked name the word rules drop is
// accepted when a workplace carries it, the user's own companies are never
// looked up, and each distinct name is asked once.
#include <gtest/gtest.h>

#include <map>

#include "retro/extract.h"

namespace ijik::retro {
namespace {

struct FakePublic {
  std::map<std::string, Workplace> names;
  std::map<std::string, int> asked;
  ExtractOptions options(std::vector<std::string> known = {}) {
    ExtractOptions o;
    o.entry_date = Date{2024, 6, 1};
    o.known_companies = std::move(known);
    o.find_workplace = [this](const std::string& name) -> std::optional<Workplace> {
      ++asked[name];
      auto it = names.find(name);
      if (it == names.end()) return std::nullopt;
      return it->second;
    };
    return o;
  }
};

const Event* first_of(const std::vector<Event>& events, EventType t) {
  for (const auto& e : events)
    if (e.type == t) return &e;
  return nullptr;
}

TEST(RetroPublicMatch, AMarkedNameTheRulesDropIsAcceptedWhenAWorkplaceCarriesIt) {
  const std::string text =
      "회고\n\n'교보문고'의 물류 시스템이 좋아서, 2019년 3월 4일 첫 출근을 했다.";
  // Without public data the quoted "교보문고" ends like a verb (…고) and is no company.
  ExtractOptions plain;
  plain.entry_date = Date{2024, 6, 1};
  auto without = extract_events(text, plain);
  const Event* e = first_of(without, EventType::kJobStart);
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(e->company.has_value());

  FakePublic pub;
  pub.names["교보문고"] = {7, "(주)교보문고"};
  auto with = extract_events(text, pub.options());
  e = first_of(with, EventType::kJobStart);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->company.has_value());
  EXPECT_EQ(*e->company, "교보문고");
  ASSERT_TRUE(e->workplace.has_value());
  EXPECT_EQ(e->workplace->id, 7);
  EXPECT_EQ(e->workplace->name, "(주)교보문고");
  EXPECT_EQ(e->date.iso(), "2019-03-04");
  EXPECT_DOUBLE_EQ(e->confidence, 0.9);
}

TEST(RetroPublicMatch, ANameFoundByItsPlaceIsReportedAndCountsAsKnown) {
  FakePublic pub;
  pub.names["비바리퍼블리카"] = {8, "비바리퍼블리카(주)"};
  auto events = extract_events(
      "회고\n\n2021년 9월에 비바리퍼블리카 백엔드 엔지니어 포지션에 지원했다.", pub.options());
  const Event* e = first_of(events, EventType::kApplication);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->workplace.has_value());
  EXPECT_EQ(e->workplace->id, 8);
  EXPECT_DOUBLE_EQ(e->confidence, 0.9);  // 0.9 × 1.0 (known) instead of × 0.9 (by place)
  EXPECT_EQ(pub.asked["비바리퍼블리카"], 1);
}

TEST(RetroPublicMatch, UnknownNamesStayUnmatchedAndStopWordsAreNeverRescued) {
  FakePublic pub;
  pub.names["스타트업"] = {9, "스타트업"};  // a workplace with a common noun for a name
  auto events = extract_events(
      "회고\n\n2022년 1월 10일 자로 뤼이드에 입사했다. 2023년 2월에 '스타트업'에 지원했다.",
      pub.options());
  const Event* start = first_of(events, EventType::kJobStart);
  ASSERT_NE(start, nullptr);
  ASSERT_TRUE(start->company.has_value());
  EXPECT_EQ(*start->company, "뤼이드");  // read back from "…에 입사"
  EXPECT_FALSE(start->workplace.has_value());
  const Event* app = first_of(events, EventType::kApplication);
  if (app) {
    EXPECT_NE(app->company.value_or(""), "스타트업");
  }
}

TEST(RetroPublicMatch, TheUsersCompaniesAreNotLookedUp) {
  FakePublic pub;
  pub.names["토스"] = {10, "토스"};
  auto events =
      extract_events("회고\n\n2024년 3월 4일 자로 토스에 입사했다.", pub.options({"토스"}));
  const Event* e = first_of(events, EventType::kJobStart);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->company.value_or(""), "토스");
  EXPECT_FALSE(e->workplace.has_value());
  EXPECT_EQ(pub.asked.count("토스"), 0u);
}

}  // namespace
}  // namespace ijik::retro
