#include "vetting/rule_config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <vector>

namespace ijik::vetting {
namespace {

// One settable key: its table, name, and how to apply a TOML node to it.
struct Key {
  std::string table, name;
  // Applies `node`; returns "" or what is wrong with the value.
  std::function<std::string(const toml::node&)> apply;
};

Key real(std::string table, std::string name, double& field, double lo, double hi) {
  return {table, name, [&field, lo, hi](const toml::node& n) -> std::string {
            std::optional<double> v = n.value<double>();
            if (!v || !(n.is_floating_point() || n.is_integer())) return "expected a number";
            if (*v < lo || *v > hi) return fmt::format("expected a number from {} to {}", lo, hi);
            field = *v;
            return "";
          }};
}

Key integer(std::string table, std::string name, int& field, int lo, int hi) {
  return {table, name, [&field, lo, hi](const toml::node& n) -> std::string {
            const std::string expected =
                fmt::format("expected a whole number from {} to {}", lo, hi);
            if (!n.is_integer()) return expected;
            int64_t v = *n.value<int64_t>();
            if (v < lo || v > hi) return expected;
            field = static_cast<int>(v);
            return "";
          }};
}

Key severity(std::string table, std::string name, Severity& field) {
  return {table, name, [&field](const toml::node& n) -> std::string {
            auto s = n.value<std::string>();
            auto v = s && n.is_string() ? parse_severity(*s) : std::nullopt;
            if (!v) return "expected \"severe\", \"warning\" or \"info\"";
            field = *v;
            return "";
          }};
}

Key boolean(std::string table, std::string name, bool& field) {
  return {table, name, [&field](const toml::node& n) -> std::string {
            if (!n.is_boolean()) return "expected true or false";
            field = *n.value<bool>();
            return "";
          }};
}

void add_switch(std::vector<Key>& keys, const std::string& table, RuleSwitch& s) {
  keys.push_back(boolean(table, "enabled", s.enabled));
  keys.push_back(severity(table, "severity", s.severity));
}

std::vector<Key> keys_of(RuleConfig& c) {
  std::vector<Key> k;
  add_switch(k, "headcount_drop", c.headcount_drop);
  k.push_back(real("headcount_drop", "drop", c.headcount_drop.drop, 0.01, 1));
  k.push_back(integer("headcount_drop", "within_months", c.headcount_drop.within_months, 1, 24));
  k.push_back(
      integer("headcount_drop", "min_headcount", c.headcount_drop.min_headcount, 1, 1000000));
  add_switch(k, "net_outflow", c.net_outflow);
  k.push_back(integer("net_outflow", "months", c.net_outflow.months, 1, 24));
  k.push_back(integer("net_outflow", "min_headcount", c.net_outflow.min_headcount, 1, 1000000));
  add_switch(k, "withdrawal", c.withdrawal);
  add_switch(k, "billed_per_head_drop", c.billed_per_head_drop);
  k.push_back(real("billed_per_head_drop", "drop", c.billed_per_head_drop.drop, 0.01, 1));
  k.push_back(integer("billed_per_head_drop", "within_months", c.billed_per_head_drop.within_months,
                      1, 24));
  k.push_back(
      real("billed_per_head_drop", "headcount_hold", c.billed_per_head_drop.headcount_hold, 0, 1));
  k.push_back(integer("billed_per_head_drop", "min_headcount", c.billed_per_head_drop.min_headcount,
                      1, 1000000));
  add_switch(k, "operating_loss_streak", c.operating_loss_streak);
  k.push_back(integer("operating_loss_streak", "years", c.operating_loss_streak.years, 1, 10));
  add_switch(k, "revenue_below_payroll", c.revenue_below_payroll);
  k.push_back(real("revenue_below_payroll", "ratio", c.revenue_below_payroll.ratio, 0.01, 100));
  add_switch(k, "revenue_decline", c.revenue_decline);
  k.push_back(integer("revenue_decline", "years", c.revenue_decline.years, 1, 10));
  add_switch(k, "capital_impairment", c.capital_impairment);
  k.push_back(severity("capital_impairment", "full_severity", c.capital_impairment.full_severity));
  add_switch(k, "low_pay", c.low_pay);
  k.push_back(real("low_pay", "percentile", c.low_pay.percentile, 0.01, 0.99));
  k.push_back(integer("low_pay", "min_peers", c.low_pay.min_peers, 1, 1000000));
  k.push_back(integer("low_pay", "min_headcount", c.low_pay.min_headcount, 1, 1000000));
  add_switch(k, "steady_growth", c.steady_growth);
  k.push_back(real("steady_growth", "min_growth_12m", c.steady_growth.min_growth_12m, 0, 100));
  k.push_back(
      real("steady_growth", "max_attrition_12m", c.steady_growth.max_attrition_12m, 0, 100));
  k.push_back(integer("steady_growth", "min_headcount", c.steady_growth.min_headcount, 1, 1000000));
  add_switch(k, "profitable", c.profitable);
  k.push_back(integer("profitable", "years", c.profitable.years, 1, 10));
  add_switch(k, "pay_above_median", c.pay_above_median);
  k.push_back(real("pay_above_median", "percentile", c.pay_above_median.percentile, 0.01, 0.99));
  k.push_back(integer("pay_above_median", "min_peers", c.pay_above_median.min_peers, 1, 1000000));
  k.push_back(
      integer("pay_above_median", "min_headcount", c.pay_above_median.min_headcount, 1, 1000000));
  k.push_back(integer("grade", "a_min_green", c.grade.a_min_green, 0, 20));
  return k;
}

std::string where(const std::string& origin, const toml::source_region& r) {
  return r.begin.line ? fmt::format("{}:{}", origin, r.begin.line) : origin;
}

}  // namespace

Result<RuleConfig> parse_rules(std::string_view text, const std::string& origin,
                               const RuleConfig& base) {
  toml::table doc;
  try {
    doc = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return bad_file(fmt::format("{}: not a valid TOML rules file: {}", where(origin, e.source()),
                                e.description()));
  }
  RuleConfig c = base;
  std::vector<Key> keys = keys_of(c);
  for (const auto& [table_name, table_node] : doc) {
    const std::string table(table_name.str());
    const toml::table* t = table_node.as_table();
    bool known_table = false;
    for (const auto& k : keys) known_table = known_table || k.table == table;
    if (!t || !known_table)
      return bad_file(fmt::format(
          "{}: unknown rule table [{}]: expected one of the tables of the built-in rules.toml "
          "(see docs/vetting.md)",
          where(origin, table_node.source()), table));
    for (const auto& [key_name, node] : *t) {
      const std::string key(key_name.str());
      const Key* found = nullptr;
      for (const auto& k : keys)
        if (k.table == table && k.name == key) found = &k;
      if (!found)
        return bad_file(fmt::format("{}: unknown key '{}' in [{}] (see docs/vetting.md)",
                                    where(origin, node.source()), key, table));
      if (std::string wrong = found->apply(node); !wrong.empty())
        return bad_file(
            fmt::format("{}: [{}] {}: {}", where(origin, node.source()), table, key, wrong));
    }
  }
  return c;
}

const RuleConfig& default_rules() {
  static const RuleConfig rules = [] {
    auto r = parse_rules(default_rules_text(), "built-in rules.toml", RuleConfig{});
    // The embedded file is tested (rule_config_test); a failure here is a build defect.
    return r.ok() ? *r : RuleConfig{};
  }();
  return rules;
}

Result<RuleConfig> load_rules(const std::string& path, const std::string& workspace_rules) {
  namespace fs = std::filesystem;
  std::string chosen = path;
  if (chosen.empty()) {
    std::error_code ec;
    if (workspace_rules.empty() || !fs::exists(workspace_rules, ec)) return default_rules();
    chosen = workspace_rules;
  }
  std::error_code ec;
  std::ifstream in(chosen, std::ios::binary);
  if (!in || !fs::is_regular_file(chosen, ec))
    return bad_file(
        fmt::format("cannot read rules file '{}': expected a TOML file such as the built-in "
                    "rules.toml (see docs/vetting.md)",
                    chosen));
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_rules(ss.str(), chosen, default_rules());
}

}  // namespace ijik::vetting
