// The rules file: the built-in one parses, a user file overrides some keys,
// and mistakes are refused with the line and the key.
#include "vetting/rule_config.h"

#include <gtest/gtest.h>

namespace ijik::vetting {
namespace {

TEST(RuleConfigTest, BuiltInFileParsesWithTheDocumentedDefaults) {
  auto r = parse_rules(default_rules_text(), "built-in", RuleConfig{});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_DOUBLE_EQ(r->headcount_drop.drop, 0.30);
  EXPECT_EQ(r->headcount_drop.within_months, 6);
  EXPECT_EQ(r->headcount_drop.severity, Severity::kSevere);
  EXPECT_EQ(r->net_outflow.months, 4);
  EXPECT_EQ(r->withdrawal.severity, Severity::kSevere);
  EXPECT_EQ(r->capital_impairment.full_severity, Severity::kSevere);
  EXPECT_DOUBLE_EQ(r->low_pay.percentile, 0.25);
  EXPECT_EQ(r->grade.a_min_green, 2);
}

TEST(RuleConfigTest, UserFileOverridesOnlyItsKeys) {
  auto r = parse_rules("[headcount_drop]\ndrop = 0.5\n[withdrawal]\nenabled = false\n", "mine.toml",
                       default_rules());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_DOUBLE_EQ(r->headcount_drop.drop, 0.5);
  EXPECT_EQ(r->headcount_drop.within_months, 6);
  EXPECT_FALSE(r->withdrawal.enabled);
  EXPECT_TRUE(r->net_outflow.enabled);
}

TEST(RuleConfigTest, MistakesAreBadFileErrorsWithLineAndKey) {
  auto bad = [](const char* text) {
    auto r = parse_rules(text, "mine.toml", default_rules());
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? std::string() : r.error().message;
  };
  EXPECT_EQ(bad("[headcount_drop]\ndorp = 0.5\n"),
            "mine.toml:2: unknown key 'dorp' in [headcount_drop] (see docs/vetting.md)");
  EXPECT_EQ(bad("[headcount_drop]\ndrop = 1.5\n"),
            "mine.toml:2: [headcount_drop] drop: expected a number from 0.01 to 1");
  EXPECT_EQ(bad("\n[net_outflow]\nmonths = \"four\"\n"),
            "mine.toml:3: [net_outflow] months: expected a whole number from 1 to 24");
  EXPECT_EQ(bad("[withdrawal]\nseverity = \"fatal\"\n"),
            "mine.toml:2: [withdrawal] severity: expected \"severe\", \"warning\" or \"info\"");
  EXPECT_NE(bad("[nope]\nx = 1\n").find("unknown rule table [nope]"), std::string::npos);
  EXPECT_NE(bad("[headcount_drop\n").find("mine.toml:1: not a valid TOML rules file"),
            std::string::npos);
  EXPECT_EQ(bad("drop = 0.3\n").substr(0, 40), "mine.toml:1: unknown rule table [drop]: ");
}

}  // namespace
}  // namespace ijik::vetting
