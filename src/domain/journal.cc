#include "domain/journal.h"

#include <fmt/format.h>

#include "text/utf8.h"

namespace ijik::domain {
namespace {

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

}  // namespace

bool is_blank(std::string_view text) {
  return trim(text).empty();
}

std::string entry_heading(const JournalEntry& e, size_t max_chars) {
  std::string_view line = trim(e.title);
  if (line.empty()) {
    std::string_view rest = e.body;
    while (!rest.empty()) {
      auto nl = rest.find('\n');
      std::string_view l = trim(rest.substr(0, nl));
      while (!l.empty() && l.front() == '#') l.remove_prefix(1);
      l = trim(l);
      if (!l.empty()) {
        line = l;
        break;
      }
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
  }
  std::u32string chars = text::decode_utf8(line);
  if (chars.size() <= max_chars) return std::string(line);
  return text::encode_utf8(std::u32string_view(chars).substr(0, max_chars - 1)) + "…";
}

Result<std::string> normalize_tag(std::string_view tag) {
  std::string_view t = trim(tag);
  if (!t.empty() && t.front() == '#') t = trim(t.substr(1));
  if (t.empty()) return invalid_input("tag is empty: expected a word such as 이직 or retro");
  if (t.find_first_of(" \t,") != std::string_view::npos)
    return invalid_input(
        fmt::format("invalid tag '{}': expected one word without spaces or commas (repeat --tag "
                    "for more tags)",
                    tag));
  return std::string(t);
}

}  // namespace ijik::domain
