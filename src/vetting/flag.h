// A finding of the vetting rules: a red or green flag with its severity, the
// rule that raised it, the evidence and a one-sentence explanation in Korean
// and English. Pure types, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/month.h"

namespace ijik::vetting {

enum class FlagKind { kRed, kGreen };
enum class Severity { kSevere, kWarning, kInfo };

const char* to_string(FlagKind k);  // "red", "green"
const char* to_string(Severity s);  // "severe", "warning", "info"
std::optional<Severity> parse_severity(std::string_view s);

struct Flag {
  std::string rule;  // rule id, e.g. "headcount-drop" (docs/vetting.md)
  FlagKind kind = FlagKind::kRed;
  Severity severity = Severity::kWarning;
  // The month of data that raised it: for a workforce rule the first month of
  // the current run of months in which it held; for a statement rule the end
  // of the fiscal year (YYYY-12). Stable as later months arrive, so an alert
  // is raised once per episode.
  std::optional<YearMonth> month;
  std::string evidence;  // numbers and months
  std::string message_ko, message_en;
};

}  // namespace ijik::vetting
