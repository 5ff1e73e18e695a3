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
  switch (s) {
    case domain::AppStatus::kActive:
      return "진행중";
    case domain::AppStatus::kOffer:
      return "합격";
    case domain::AppStatus::kRejected:
      return "불합격";
    case domain::AppStatus::kWithdrawn:
      return "철회";
    case domain::AppStatus::kAccepted:
      return "입사 확정";
  }
  return "";
}

std::string result_label(domain::StageResult r) {
  switch (r) {
    case domain::StageResult::kPending:
      return "대기";
    case domain::StageResult::kPassed:
      return "합격";
    case domain::StageResult::kFailed:
      return "불합격";
    case domain::StageResult::kWithdrawn:
      return "철회";
    case domain::StageResult::kNoShow:
      return "불참";
  }
  return "";
}

}  // namespace ijik::cli
