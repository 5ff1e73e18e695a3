// Terminal display width: East Asian wide characters (Hangul, CJK) take two
// columns, combining marks none. Widths come from utf8proc's Unicode tables.
#pragma once

#include <string>
#include <string_view>

namespace ijik::text {

int display_width(std::string_view s);
// Pads with spaces on the right to `width` columns (no-op when already wider).
std::string pad_right(std::string_view s, int width);
std::string pad_left(std::string_view s, int width);
// Cuts to at most `width` columns, ending with "…" when something was cut.
std::string truncate_to_width(std::string_view s, int width);

}  // namespace ijik::text
