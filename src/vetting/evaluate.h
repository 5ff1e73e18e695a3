// The whole rule set over what is known of one company, and the grade its
// flags give. Pure: the caller loads the data (vetting/subject.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/financials.h"
#include "domain/workforce.h"
#include "vetting/flag.h"
#include "vetting/rule_config.h"
#include "vetting/rules.h"

namespace ijik::vetting {

struct VetInput {
  std::vector<domain::MonthlyPoint> series;  // the linked workplace's, by month; may be empty
  std::vector<domain::FinancialYear> years;  // by fiscal year; may be empty
  std::optional<PayPosition> pay;
};

// Every flag the rules raise: red ones first (severe, warning, info), then green.
std::vector<Flag> evaluate(const VetInput& in, const RuleConfig& rules);

struct Grade {
  char letter = 'B';   // 'A'..'E'
  std::string reason;  // "D: one severe red flag (headcount-drop)"
};

// E two or more severe red flags; D one; C red warnings; B no red flag but
// info ones, or too few green ones; A no red flag and at least a_min_green green ones.
Grade grade(const std::vector<Flag>& flags, const RuleConfig& rules);

}  // namespace ijik::vetting
