#include "domain/brn.h"

#include <fmt/format.h>

namespace ijik::domain {

Result<std::string> parse_brn(std::string_view text) {
  std::string digits;
  bool dashed = text.size() == 12 && text[3] == '-' && text[6] == '-';
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (!(dashed && (i == 3 || i == 6))) {
      digits.clear();
      break;
    }
  }
  if (digits.size() != 10)
    return invalid_input(
        fmt::format("invalid business registration number '{}': expected 10 digits as 123-45-67890 "
                    "or 1234567890",
                    text));
  static constexpr int kWeights[9] = {1, 3, 7, 1, 3, 7, 1, 3, 5};
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * kWeights[i];
  sum += (digits[8] - '0') * 5 / 10;
  int check = (10 - sum % 10) % 10;
  if (check != digits[9] - '0')
    return invalid_input(fmt::format(
        "invalid business registration number '{}': the check digit does not match (typo?)", text));
  return digits;
}

std::string format_brn(std::string_view d) {
  if (d.size() != 10) return std::string(d);
  return fmt::format("{}-{}-{}", d.substr(0, 3), d.substr(3, 2), d.substr(5));
}

}  // namespace ijik::domain
