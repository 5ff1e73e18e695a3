// Minimal UTF-8 helpers. ijik keeps all text as UTF-8 std::string.
#pragma once

#include <string>
#include <string_view>

namespace ijik::text {

// Decodes UTF-8; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view s);
std::string encode_utf8(std::u32string_view s);
void append_utf8(std::string& out, char32_t cp);
bool is_valid_utf8(std::string_view s);

}  // namespace ijik::text
