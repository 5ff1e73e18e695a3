#include "vetting/flag.h"

namespace ijik::vetting {

const char* to_string(FlagKind k) {
  return k == FlagKind::kRed ? "red" : "green";
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::kSevere:
      return "severe";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "severe") return Severity::kSevere;
  if (s == "warning") return Severity::kWarning;
  if (s == "info") return Severity::kInfo;
  return std::nullopt;
}

}  // namespace ijik::vetting
