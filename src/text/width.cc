#include "text/width.h"

#include <utf8proc.h>

#include "text/utf8.h"

namespace ijik::text {
namespace {
int char_width(char32_t cp) {
  int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
  return w < 0 ? 0 : w;
}
}  // namespace

int display_width(std::string_view s) {
  int w = 0;
  for (char32_t cp : decode_utf8(s)) w += char_width(cp);
  return w;
}

std::string pad_right(std::string_view s, int width) {
  int w = display_width(s);
  std::string out(s);
  if (w < width) out.append(static_cast<size_t>(width - w), ' ');
  return out;
}

std::string pad_left(std::string_view s, int width) {
  int w = display_width(s);
  std::string out;
  if (w < width) out.append(static_cast<size_t>(width - w), ' ');
  out += s;
  return out;
}

std::string truncate_to_width(std::string_view s, int width) {
  if (display_width(s) <= width) return std::string(s);
  if (width <= 0) return "";  // not even room for the ellipsis
  std::string out;
  int w = 0;
  for (char32_t cp : decode_utf8(s)) {
    int cw = char_width(cp);
    if (w + cw > width - 1) break;
    append_utf8(out, cp);
    w += cw;
  }
  return out + "…";
}

}  // namespace ijik::text
