// The thresholds of the vetting rules. The defaults live in rules.toml (this
// folder, embedded into the binary at build time, documented line by line);
// a user file overrides any subset of its keys. See docs/vetting.md.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "vetting/flag.h"

namespace ijik::vetting {

struct RuleSwitch {
  bool enabled = true;
  Severity severity = Severity::kWarning;
};

struct RuleConfig {
  struct HeadcountDrop : RuleSwitch {
    double drop = 0.30;      // fraction below the recent peak
    int within_months = 6;   // the peak is taken over this many months before
    int min_headcount = 10;  // peak size below which the rule stays silent
  } headcount_drop;
  struct NetOutflow : RuleSwitch {
    int months = 4;  // consecutive months with leavers > hires
    int min_headcount = 10;
  } net_outflow;
  struct Withdrawal : RuleSwitch {
  } withdrawal;
  struct BilledPerHeadDrop : RuleSwitch {
    double drop = 0.20;            // fall of billed contributions per head…
    int within_months = 3;         // …against this many months before
    double headcount_hold = 0.10;  // while headcount moved at most this much
    int min_headcount = 10;
  } billed_per_head_drop;
  struct OperatingLossStreak : RuleSwitch {
    int years = 3;
  } operating_loss_streak;
  struct RevenueBelowPayroll : RuleSwitch {
    double ratio = 1.0;  // revenue below ratio × estimated payroll
  } revenue_below_payroll;
  struct RevenueDecline : RuleSwitch {
    int years = 2;  // consecutive yearly falls
  } revenue_decline;
  struct CapitalImpairment : RuleSwitch {
    Severity full_severity = Severity::kSevere;  // equity below zero (완전자본잠식)
  } capital_impairment;
  struct LowPay : RuleSwitch {
    double percentile = 0.25;
    int min_peers = 20;
    int min_headcount = 5;
  } low_pay;
  struct SteadyGrowth : RuleSwitch {
    double min_growth_12m = 0.10;
    double max_attrition_12m = 0.20;
    int min_headcount = 10;
  } steady_growth;
  struct Profitable : RuleSwitch {
    int years = 2;  // operating income positive this many latest years
  } profitable;
  struct PayAboveMedian : RuleSwitch {
    double percentile = 0.50;
    int min_peers = 20;
    int min_headcount = 5;
  } pay_above_median;
  struct Grade {
    int a_min_green = 2;  // A: no red flag and at least this many green ones
  } grade;
};

// The text of the built-in rules.toml.
std::string_view default_rules_text();

// The built-in rules.
const RuleConfig& default_rules();

// Applies the keys of a TOML document over `base`. Unknown tables or keys,
// wrong types and out-of-range values are BadFile errors naming `origin`, the
// line and the key.
Result<RuleConfig> parse_rules(std::string_view toml_text, const std::string& origin,
                               const RuleConfig& base);

// The rules in force: the built-in ones overridden by `path` when given
// (which must exist), else by `workspace_rules` when that file exists.
Result<RuleConfig> load_rules(const std::string& path, const std::string& workspace_rules);

}  // namespace ijik::vetting
