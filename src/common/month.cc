#include "common/month.h"

#include <fmt/format.h>

namespace ijik {

std::string YearMonth::iso() const {
  return fmt::format("{:04}-{:02}", year, month);
}

Result<YearMonth> parse_year_month(std::string_view text) {
  auto digits = [](std::string_view s, int& out) {
    if (s.empty()) return false;
    out = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    return true;
  };
  YearMonth ym;
  bool ok = false;
  if (text.size() == 7 && (text[4] == '-' || text[4] == '.'))
    ok = digits(text.substr(0, 4), ym.year) && digits(text.substr(5, 2), ym.month);
  else if (text.size() == 6)
    ok = digits(text.substr(0, 4), ym.year) && digits(text.substr(4, 2), ym.month);
  if (!ok || ym.month < 1 || ym.month > 12 || ym.year < 1900 || ym.year > 2999)
    return invalid_input(fmt::format("invalid month '{}': expected YYYY-MM", text));
  return ym;
}

}  // namespace ijik
