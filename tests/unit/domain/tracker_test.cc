#include "domain/tracker.h"

#include <gtest/gtest.h>

#include <string>

namespace ijik::domain {
namespace {

Stage make_stage(std::string name, StageResult result = StageResult::kPending) {
  Stage s;
  s.name = std::move(name);
  s.result = result;
  return s;
}

Application make_app(std::vector<Stage> stages, Closure closure = Closure::kNone) {
  Application a;
  a.company = "네이버";
  a.stages = std::move(stages);
  a.closure = closure;
  assign_stage_kinds(a);
  return a;
}

using R = StageResult;

TEST(TrackerTest, ParsesSources) {
  struct Case {
    const char* text;
    Source want;
  };
  for (const auto& c : std::initializer_list<Case>{{"direct", Source::kDirect},
                                                   {"Direct", Source::kDirect},
                                                   {"직접지원", Source::kDirect},
                                                   {"직접 지원", Source::kDirect},
                                                   {"referral", Source::kReferral},
                                                   {"추천", Source::kReferral},
                                                   {"지인 추천", Source::kReferral},
                                                   {"headhunter", Source::kHeadhunter},
                                                   {"헤드헌터", Source::kHeadhunter},
                                                   {"platform", Source::kPlatform},
                                                   {"플랫폼", Source::kPlatform},
                                                   {"cold-email", Source::kColdEmail},
                                                   {"콜드메일", Source::kColdEmail}}) {
    auto r = parse_source(c.text);
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.error().message;
    EXPECT_EQ(*r, c.want) << c.text;
  }
  for (Source s : all_sources()) EXPECT_EQ(*parse_source(to_string(s)), s);
  EXPECT_EQ(all_sources().size(), 5u);
}

TEST(TrackerTest, UnknownSourceNamesExpectedValues) {
  auto r = parse_source("linkedin");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  const std::string& m = r.error().message;
  EXPECT_NE(m.find("linkedin"), std::string::npos) << m;
  for (const char* key : {"direct", "referral", "headhunter", "platform", "cold-email"})
    EXPECT_NE(m.find(key), std::string::npos) << m;
  EXPECT_FALSE(parse_source("").ok());
}

TEST(TrackerTest, ParsesStageResults) {
  struct Case {
    const char* text;
    StageResult want;
  };
  for (const auto& c : std::initializer_list<Case>{{"pending", R::kPending},
                                                   {"passed", R::kPassed},
                                                   {"PASSED", R::kPassed},
                                                   {"failed", R::kFailed},
                                                   {"withdrawn", R::kWithdrawn},
                                                   {"no-show", R::kNoShow},
                                                   {"대기", R::kPending},
                                                   {"합격", R::kPassed},
                                                   {"통과", R::kPassed},
                                                   {"불합격", R::kFailed},
                                                   {"탈락", R::kFailed},
                                                   {"광탈", R::kFailed},
                                                   {"철회", R::kWithdrawn},
                                                   {"포기", R::kWithdrawn},
                                                   {"불참", R::kNoShow},
                                                   {"노쇼", R::kNoShow}}) {
    auto r = parse_stage_result(c.text);
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.error().message;
    EXPECT_EQ(*r, c.want) << c.text;
  }
  for (R v : {R::kPending, R::kPassed, R::kFailed, R::kWithdrawn, R::kNoShow})
    EXPECT_EQ(*parse_stage_result(to_string(v)), v) << to_string(v);
}

TEST(TrackerTest, UnknownStageResultNamesExpectedValues) {
  auto r = parse_stage_result("maybe");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  const std::string& m = r.error().message;
  EXPECT_NE(m.find("maybe"), std::string::npos) << m;
  for (const char* key : {"pending", "passed", "failed", "withdrawn", "no-show"})
    EXPECT_NE(m.find(key), std::string::npos) << m;
}

TEST(TrackerTest, ParsesAppStatus) {
  EXPECT_EQ(*parse_app_status("active"), AppStatus::kActive);
  EXPECT_EQ(*parse_app_status("accepted"), AppStatus::kAccepted);
  EXPECT_EQ(to_string(AppStatus::kRejected), "rejected");
  auto bad = parse_app_status("hired");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("withdrawn"), std::string::npos);
}

TEST(TrackerTest, AssignStageKindsUsesPositionAmongInterviews) {
  auto app = make_app({make_stage("서류"), make_stage("기술 면접"), make_stage("기술 면접"),
                       make_stage("최종합격")});
  EXPECT_EQ(app.stages[0].kind.key(), "document");
  EXPECT_EQ(app.stages[1].kind.key(), "interview-1");
  EXPECT_EQ(app.stages[2].kind.key(), "interview-2");
  EXPECT_EQ(app.stages[3].kind.key(), "offer");
}

TEST(TrackerTest, DeriveStatusPrecedence) {
  // No stages, nothing closed: active.
  EXPECT_EQ(derive_status(make_app({})), AppStatus::kActive);
  EXPECT_EQ(derive_status(make_app({make_stage("서류", R::kPassed), make_stage("1차 면접")})),
            AppStatus::kActive);
  // Offer: a passed offer-kind stage.
  EXPECT_EQ(
      derive_status(make_app({make_stage("서류", R::kPassed), make_stage("최종합격", R::kPassed)})),
      AppStatus::kOffer);
  // An offer stage still pending is not an offer.
  EXPECT_EQ(derive_status(make_app({make_stage("최종합격")})), AppStatus::kActive);
  // Rejected: failed or no-show, even after an offer passed.
  EXPECT_EQ(derive_status(make_app({make_stage("서류", R::kFailed)})), AppStatus::kRejected);
  EXPECT_EQ(
      derive_status(make_app({make_stage("서류", R::kPassed), make_stage("1차 면접", R::kNoShow)})),
      AppStatus::kRejected);
  EXPECT_EQ(derive_status(
                make_app({make_stage("최종합격", R::kPassed), make_stage("처우협의", R::kFailed)})),
            AppStatus::kRejected);
  // Withdrawn beats rejected, both as a closure and as a stage result, in any order.
  EXPECT_EQ(derive_status(make_app({make_stage("서류", R::kFailed)}, Closure::kWithdrawn)),
            AppStatus::kWithdrawn);
  EXPECT_EQ(derive_status(
                make_app({make_stage("서류", R::kFailed), make_stage("1차 면접", R::kWithdrawn)})),
            AppStatus::kWithdrawn);
  EXPECT_EQ(derive_status(
                make_app({make_stage("서류", R::kWithdrawn), make_stage("1차 면접", R::kFailed)})),
            AppStatus::kWithdrawn);
  EXPECT_EQ(derive_status(make_app({make_stage("최종합격", R::kPassed)}, Closure::kWithdrawn)),
            AppStatus::kWithdrawn);
  // Accepted beats everything.
  EXPECT_EQ(derive_status(make_app({make_stage("최종합격", R::kPassed)}, Closure::kAccepted)),
            AppStatus::kAccepted);
  EXPECT_EQ(
      derive_status(make_app({make_stage("서류", R::kWithdrawn), make_stage("1차", R::kFailed)},
                             Closure::kAccepted)),
      AppStatus::kAccepted);
}

TEST(TrackerTest, HasPassedOffer) {
  EXPECT_FALSE(has_passed_offer(make_app({})));
  EXPECT_FALSE(has_passed_offer(make_app({make_stage("처우협의", R::kPassed)})));
  EXPECT_FALSE(has_passed_offer(make_app({make_stage("최종합격", R::kFailed)})));
  EXPECT_TRUE(has_passed_offer(make_app({make_stage("Offer", R::kPassed)})));
}

TEST(TrackerTest, CurrentStage) {
  EXPECT_EQ(current_stage(make_app({})), nullptr);

  auto pending =
      make_app({make_stage("서류", R::kPassed), make_stage("코테"), make_stage("1차 면접")});
  ASSERT_NE(current_stage(pending), nullptr);
  EXPECT_EQ(current_stage(pending), &pending.stages[1]);

  auto failed = make_app(
      {make_stage("서류", R::kPassed), make_stage("코테", R::kFailed), make_stage("1차 면접")});
  EXPECT_EQ(current_stage(failed), &failed.stages[1]);

  auto withdrawn = make_app({make_stage("서류", R::kWithdrawn), make_stage("1차 면접")});
  EXPECT_EQ(current_stage(withdrawn), &withdrawn.stages[0]);

  auto all_passed = make_app({make_stage("서류", R::kPassed), make_stage("최종합격", R::kPassed)});
  EXPECT_EQ(current_stage(all_passed), &all_passed.stages[1]);
}

TEST(TrackerTest, ParsesSalaryRange) {
  auto r = parse_salary_range("6000만-7000만");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->first, 60'000'000);
  EXPECT_EQ(r->second, 70'000'000);

  r = parse_salary_range("6000만~7000만");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->first, 60'000'000);
  EXPECT_EQ(r->second, 70'000'000);

  r = parse_salary_range("6,000만원 ~ 1억 2천만원");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->first, 60'000'000);
  EXPECT_EQ(r->second, 120'000'000);

  r = parse_salary_range("6000만～7000만");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->second, 70'000'000);

  r = parse_salary_range("7000만");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->first, 70'000'000);
  EXPECT_EQ(r->second, 70'000'000);
}

TEST(TrackerTest, RejectsBadSalaryRanges) {
  auto inverted = parse_salary_range("7000만-6000만");
  ASSERT_FALSE(inverted.ok());
  EXPECT_EQ(inverted.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(inverted.error().message.find("6000만-7000만"), std::string::npos);
  EXPECT_FALSE(parse_salary_range("6000-7000").ok());  // ambiguous bare numbers
  EXPECT_FALSE(parse_salary_range("-5만").ok());
  EXPECT_FALSE(parse_salary_range("").ok());
  EXPECT_FALSE(parse_salary_range("많이").ok());
  EXPECT_FALSE(parse_salary_range("6000만-").ok());
}

TEST(TrackerTest, FormatsSalaryRange) {
  EXPECT_EQ(format_salary_range(std::nullopt, std::nullopt), "");
  EXPECT_EQ(format_salary_range(60'000'000, 60'000'000), "6,000만원");
  EXPECT_EQ(format_salary_range(60'000'000, 70'000'000), "6,000만원~7,000만원");
  EXPECT_EQ(format_salary_range(60'000'000, std::nullopt), "6,000만원~");
}

TEST(TrackerTest, SameStageName) {
  EXPECT_TRUE(same_stage_name("1차 면접", "1차면접"));
  EXPECT_TRUE(same_stage_name("Offer", "offer"));
  EXPECT_TRUE(same_stage_name("서류 전형", "서류전형"));
  EXPECT_FALSE(same_stage_name("1차 면접", "2차 면접"));
  EXPECT_FALSE(same_stage_name("서류", "서류 전형"));
}

TEST(TrackerTest, BuiltinTemplatesClassifyCleanly) {
  const auto& t = builtin_templates();
  ASSERT_EQ(t.size(), 3u);
  for (const auto& tpl : t) {
    EXPECT_TRUE(tpl.builtin);
    for (const auto& k : classify_stages(tpl.stages))
      EXPECT_NE(k.base, StageBase::kOther) << tpl.name;
  }
}

}  // namespace
}  // namespace ijik::domain
