#include "cli/args.h"

#include <fmt/format.h>

#include <charconv>

namespace ijik::cli {

Result<int64_t> parse_app_id(const std::string& text) {
  int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0)
    return invalid_input(fmt::format(
        "invalid application id '{}': expected a number such as 3 (see 'ijik app list')", text));
  return id;
}

std::string stage_when(const domain::Stage& s) {
  if (!s.date) return "";
  return s.time ? s.date->iso() + " " + s.time->iso() : s.date->iso();
}

std::string status_label(domain::AppStatus s) {
  return std::string(domain::label_ko(s));
}

std::string result_label(domain::StageResult r) {
  return std::string(domain::label_ko(r));
}

}  // namespace ijik::cli
