// Weighted scores, ranking and the sensitivity line.
#include "domain/decision.h"

#include <gtest/gtest.h>

namespace ijik::domain {
namespace {

Decision make(std::vector<Criterion> criteria, std::vector<std::vector<double>> scores) {
  Decision d;
  d.criteria = std::move(criteria);
  for (size_t i = 0; i < scores.size(); ++i) {
    DecisionOption o;
    o.name = std::string(1, static_cast<char>('A' + i));
    for (double s : scores[i]) o.scores.push_back(s);
    d.options.push_back(std::move(o));
  }
  return d;
}

TEST(WeightedScore, IsTheWeightedMean) {
  std::vector<Criterion> c{{"pay", 3}, {"growth", 1}};
  EXPECT_DOUBLE_EQ(weighted_score(c, {8.0, 4.0}), 7.0);
  EXPECT_DOUBLE_EQ(weighted_score(c, {std::nullopt, 4.0}), 1.0);  // unscored counts as 0
  EXPECT_DOUBLE_EQ(weighted_score({{"pay", 0}}, {8.0}), 0.0);     // no weight at all
}

TEST(Defaults, SumToOneHundred) {
  double total = 0;
  for (const auto& c : default_criteria()) total += c.weight;
  EXPECT_DOUBLE_EQ(total, 100);
  EXPECT_EQ(default_criteria().size(), 7u);
  EXPECT_EQ(default_criteria()[4].name, "안정성");
}

TEST(Ranking, HighestFirstTiesKeepOrder) {
  auto d = make({{"x", 1}}, {{5}, {7}, {7}});
  EXPECT_EQ(rank_options(d), (std::vector<size_t>{1, 2, 0}));
}

TEST(Sensitivity, RaisingAWeightFlips) {
  // A: pay 8, growth 4; B: pay 4, growth 9. Weights 3:1 → A 7.0, B 5.25.
  // B first when 9w + 12 > 4w + 24 (growth weight w): w > 2.4. Pay down: B first when
  // 4p + 9 > 8p + 4 → p < 1.25 (change 1.75). Growth up: change 1.4 — the smaller.
  auto d = make({{"pay", 3}, {"growth", 1}}, {{8, 4}, {4, 9}});
  auto s = sensitivity(d);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->criterion, 1u);
  EXPECT_NEAR(s->new_weight, 2.4, 1e-9);
  EXPECT_DOUBLE_EQ(s->old_weight, 1);
  EXPECT_TRUE(s->up);
  EXPECT_EQ(s->new_top, 1u);
}

TEST(Sensitivity, LoweringAWeightFlips) {
  // Pay decides for A; lowering it below 1.25 makes B first (change 1.75), raising
  // growth needs 2.4 − 0.5 … here growth weight is 3 already high: see numbers.
  auto d = make({{"pay", 2}, {"growth", 3}}, {{10, 2}, {1, 7}});
  // A: 20 + 6 = 26 / 5 = 5.2; B: 2 + 21 = 23 / 5 = 4.6.
  // pay → p: 10p + 6 vs p + 21: B first when p < 15/9 = 1.667 (change 0.333).
  // growth → g: 20 + 2g vs 2 + 7g: B first when g > 3.6 (change 0.6).
  auto s = sensitivity(d);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->criterion, 0u);
  EXPECT_NEAR(s->new_weight, 15.0 / 9.0, 1e-9);
  EXPECT_FALSE(s->up);
  EXPECT_EQ(s->new_top, 1u);
}

TEST(Sensitivity, DominatingLeaderHasNoFlip) {
  auto d = make({{"pay", 1}, {"growth", 1}}, {{8, 8}, {5, 8}, {3, 2}});
  EXPECT_FALSE(sensitivity(d).has_value());
}

TEST(Sensitivity, OneOptionHasNoFlip) {
  auto d = make({{"pay", 1}}, {{5}});
  EXPECT_FALSE(sensitivity(d).has_value());
}

TEST(Sensitivity, IdenticalOptionsNeverFlip) {
  auto d = make({{"pay", 1}, {"growth", 2}}, {{5, 6}, {5, 6}});
  EXPECT_FALSE(sensitivity(d).has_value());
}

TEST(Sensitivity, TieAtTheTopFlipsWithTheSmallestNudge) {
  // A and B tie at 6.5; A leads by order. Raising growth by any amount puts B first.
  auto d = make({{"pay", 1}, {"growth", 1}}, {{8, 5}, {5, 8}});
  auto s = sensitivity(d);
  ASSERT_TRUE(s.has_value());
  EXPECT_DOUBLE_EQ(s->new_weight, 1.0);  // the threshold is the current weight
  EXPECT_EQ(s->new_top, 1u);
  // pay down or growth up both need 0: the earlier criterion (pay, down) wins.
  EXPECT_EQ(s->criterion, 0u);
  EXPECT_FALSE(s->up);
}

TEST(Sensitivity, ThirdOptionMustBeatEveryone) {
  // C can overtake A on growth only if it also beats B there.
  auto d = make({{"pay", 1}, {"growth", 1}}, {{9, 3}, {6, 7}, {2, 8}});
  // A 6, B 6.5 → B is first already. Ranking: B, A, C.
  EXPECT_EQ(rank_options(d).front(), 1u);
  auto s = sensitivity(d);
  ASSERT_TRUE(s.has_value());
  // A first: pay p: 9p + 3 > 6p + 7 → p > 4/3 (and > C: 9p+3 > 2p+8 → p > 5/7): change 1/3.
  // growth g: 9 + 3g > 6 + 7g → g < 0.75 (change 0.25) and 9 + 3g > 2 + 8g → g < 1.4.
  EXPECT_EQ(s->criterion, 1u);
  EXPECT_NEAR(s->new_weight, 0.75, 1e-9);
  EXPECT_FALSE(s->up);
  EXPECT_EQ(s->new_top, 0u);
}

TEST(Sensitivity, UnscoredCountsAsZero) {
  Decision d = make({{"pay", 1}, {"growth", 1}}, {{6, 6}, {9}});
  d.options[1].scores.push_back(std::nullopt);  // B has no growth score
  // A 6, B 4.5. Pay p: 6p + 6 < 9p → p > 2 (change 1); growth g: 6 + 6g < 9 → g < 0.5
  // (change 0.5, the smaller).
  auto s = sensitivity(d);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->criterion, 1u);
  EXPECT_NEAR(s->new_weight, 0.5, 1e-9);
  EXPECT_FALSE(s->up);
}

}  // namespace
}  // namespace ijik::domain
