// A weighted decision matrix: options scored 0–10 on weighted criteria,
// ranked by weighted score, and the sensitivity of that ranking.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"

namespace ijik::domain {

struct Criterion {
  std::string name;
  double weight = 0;
};

struct DecisionOption {
  int64_t id = 0;
  std::string name;
  std::optional<int64_t> application_id;      // an option that is an application
  bool stay = false;                          // the "stay where I am" option
  std::optional<double> likelihood;           // the user's own % of accepting
  std::vector<std::optional<double>> scores;  // per criterion, in criteria order
  // Per criterion: where the score came from — "" when the user entered it,
  // else e.g. "vet B (2026-03-05)" for a stability score from the vetting grade.
  std::vector<std::string> score_sources;
  std::vector<std::string> pros, cons;
};

struct Decision {
  int64_t id = 0;
  std::string title;
  Date created_on;
  std::vector<Criterion> criteria;
  std::vector<DecisionOption> options;
  std::optional<int64_t> chosen_option_id;
  std::optional<Date> closed_on;
  std::string note;  // the reasoning given when closing
  struct Review {
    Date on;
    std::string note;
  };
  std::vector<Review> reviews;
};

// The default criteria and weights (sum 100): 보상 20, 성장 20, 기술·도메인 15,
// 팀·리더 15, 안정성 15, 워라밸 10, 통근 5.
const std::vector<Criterion>& default_criteria();

// Σ weight × score / Σ weight, with unscored criteria counting as 0; 0 when
// the weights sum to 0. `scores` is in criteria order.
double weighted_score(const std::vector<Criterion>& criteria,
                      const std::vector<std::optional<double>>& scores);

// Option indexes ranked by weighted score, highest first; equal scores keep
// the options' order.
std::vector<size_t> rank_options(const Decision& d);

// The smallest change to one criterion's weight (others unchanged, weights
// stay ≥ 0) that makes another option score strictly higher than every other
// one. `new_weight` is the threshold: any weight beyond it in `direction`
// puts `new_top` first (at the threshold itself the two tie). Among equal
// changes the earlier criterion, then the earlier option wins. nullopt when
// no single weight change can put another option first (one option, or the
// leader is at least as good on every criterion that could move).
struct Sensitivity {
  size_t criterion = 0;  // index into criteria
  double old_weight = 0;
  double new_weight = 0;
  size_t new_top = 0;  // index into options
  bool up = true;      // the weight must rise above new_weight (else fall below it)
};
std::optional<Sensitivity> sensitivity(const Decision& d);

}  // namespace ijik::domain
