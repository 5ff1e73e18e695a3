// Amounts of Korean won as people write them: 60000000, 6000만, 6,000만원,
// 6천만원, 1.2억, 1억 2천만원, 1.2조.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace ijik {

// Parses an amount in KRW. Rejects, with a message naming the expected forms,
// anything ambiguous: a bare number below 100,000 (is "6000" 6,000원 or
// 6,000만원?), misplaced thousands separators, fractions of a won, units out of
// order ("3만 2억"), negative amounts.
Result<int64_t> parse_krw(std::string_view text);

// "6,000만원", "1억 2,000만원", "1억 2,345만 6,789원", "0원".
std::string format_krw(int64_t amount);

// "60,000,000".
std::string group_thousands(int64_t n);

}  // namespace ijik
