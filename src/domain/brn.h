// 사업자등록번호 (business registration number): 10 digits, the last a check digit.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace ijik::domain {

// Accepts "123-45-67890" or "1234567890"; returns the 10 digits when the
// check digit is right.
Result<std::string> parse_brn(std::string_view text);

// "123-45-67890" from 10 digits.
std::string format_brn(std::string_view digits);

}  // namespace ijik::domain
