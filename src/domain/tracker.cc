#include "domain/tracker.h"

#include <fmt/format.h>

#include "common/money.h"
#include "text/korean.h"

namespace ijik::domain {
namespace {

template <class E>
struct Name {
  E value;
  std::string_view key;
};

constexpr Name<Source> kSources[] = {{Source::kDirect, "direct"},
                                     {Source::kReferral, "referral"},
                                     {Source::kHeadhunter, "headhunter"},
                                     {Source::kPlatform, "platform"},
                                     {Source::kColdEmail, "cold-email"}};
constexpr Name<StageResult> kResults[] = {{StageResult::kPending, "pending"},
                                          {StageResult::kPassed, "passed"},
                                          {StageResult::kFailed, "failed"},
                                          {StageResult::kWithdrawn, "withdrawn"},
                                          {StageResult::kNoShow, "no-show"}};
constexpr Name<AppStatus> kStatuses[] = {{AppStatus::kActive, "active"},
                                         {AppStatus::kOffer, "offer"},
                                         {AppStatus::kRejected, "rejected"},
                                         {AppStatus::kWithdrawn, "withdrawn"},
                                         {AppStatus::kAccepted, "accepted"}};

template <class E, size_t N>
std::string_view key_of(const Name<E> (&table)[N], E v) {
  for (const auto& n : table)
    if (n.value == v) return n.key;
  return "?";
}

template <class E, size_t N>
std::string keys(const Name<E> (&table)[N]) {
  std::string out;
  for (const auto& n : table) out += (out.empty() ? "" : ", ") + std::string(n.key);
  return out;
}

}  // namespace

std::string_view to_string(Source s) {
  return key_of(kSources, s);
}
std::string_view to_string(StageResult r) {
  return key_of(kResults, r);
}
std::string_view to_string(AppStatus s) {
  return key_of(kStatuses, s);
}

const std::vector<Source>& all_sources() {
  static const std::vector<Source> v = {Source::kDirect, Source::kReferral, Source::kHeadhunter,
                                        Source::kPlatform, Source::kColdEmail};
  return v;
}

std::string_view label_ko(StageResult r) {
  switch (r) {
    case StageResult::kPending:
      return "대기";
    case StageResult::kPassed:
      return "합격";
    case StageResult::kFailed:
      return "불합격";
    case StageResult::kWithdrawn:
      return "철회";
    case StageResult::kNoShow:
      return "불참";
  }
  return "?";
}

std::string_view label_ko(AppStatus s) {
  switch (s) {
    case AppStatus::kActive:
      return "진행중";
    case AppStatus::kOffer:
      return "합격";
    case AppStatus::kRejected:
      return "불합격";
    case AppStatus::kWithdrawn:
      return "철회";
    case AppStatus::kAccepted:
      return "입사 확정";
  }
  return "?";
}

Result<Source> parse_source(std::string_view text) {
  const std::string f = text::fold(text);
  for (const auto& n : kSources)
    if (f == n.key) return n.value;
  struct Word {
    std::string_view word;
    Source s;
  };
  static constexpr Word kWords[] = {
      {"직접", Source::kDirect},         {"직접지원", Source::kDirect},
      {"자사", Source::kDirect},         {"추천", Source::kReferral},
      {"지인추천", Source::kReferral},   {"사내추천", Source::kReferral},
      {"리퍼럴", Source::kReferral},     {"헤드헌터", Source::kHeadhunter},
      {"헤드헌팅", Source::kHeadhunter}, {"서치펌", Source::kHeadhunter},
      {"플랫폼", Source::kPlatform},     {"채용플랫폼", Source::kPlatform},
      {"콜드메일", Source::kColdEmail},  {"coldemail", Source::kColdEmail},
      {"cold_email", Source::kColdEmail}};
  for (const auto& w : kWords)
    if (f == w.word) return w.s;
  return invalid_input(
      fmt::format("unknown source '{}': expected one of {}", text, keys(kSources)));
}

Result<StageResult> parse_stage_result(std::string_view text) {
  const std::string f = text::fold(text);
  for (const auto& n : kResults)
    if (f == n.key) return n.value;
  struct Word {
    std::string_view word;
    StageResult r;
  };
  static constexpr Word kWords[] = {
      {"대기", StageResult::kPending},   {"진행중", StageResult::kPending},
      {"pass", StageResult::kPassed},    {"합격", StageResult::kPassed},
      {"통과", StageResult::kPassed},    {"fail", StageResult::kFailed},
      {"불합격", StageResult::kFailed},  {"탈락", StageResult::kFailed},
      {"광탈", StageResult::kFailed},    {"철회", StageResult::kWithdrawn},
      {"포기", StageResult::kWithdrawn}, {"noshow", StageResult::kNoShow},
      {"불참", StageResult::kNoShow},    {"노쇼", StageResult::kNoShow}};
  for (const auto& w : kWords)
    if (f == w.word) return w.r;
  return invalid_input(
      fmt::format("unknown result '{}': expected one of {}", text, keys(kResults)));
}

Result<AppStatus> parse_app_status(std::string_view text) {
  for (const auto& n : kStatuses)
    if (text == n.key) return n.value;
  return invalid_input(
      fmt::format("unknown status '{}': expected one of {}", text, keys(kStatuses)));
}

const std::vector<ProcessTemplate>& builtin_templates() {
  static const std::vector<ProcessTemplate> t = {
      {0,
       "대기업-공채",
       {"서류", "코딩테스트", "인적성", "1차 면접", "2차 면접", "처우협의"},
       true},
      {0, "스타트업", {"서류", "과제", "기술 면접", "컬처핏 면접", "처우협의"}, true},
      {0, "경력", {"서류", "1차 면접", "2차 면접", "처우협의"}, true},
  };
  return t;
}

void assign_stage_kinds(Application& app) {
  std::vector<std::string> names;
  names.reserve(app.stages.size());
  for (const auto& s : app.stages) names.push_back(s.name);
  auto kinds = classify_stages(names);
  for (size_t i = 0; i < kinds.size(); ++i) app.stages[i].kind = kinds[i];
}

bool has_passed_offer(const Application& app) {
  for (const auto& s : app.stages)
    if (s.kind.base == StageBase::kOffer && s.result == StageResult::kPassed) return true;
  return false;
}

AppStatus derive_status(const Application& app) {
  if (app.closure == Closure::kAccepted) return AppStatus::kAccepted;
  if (app.closure == Closure::kWithdrawn) return AppStatus::kWithdrawn;
  bool failed = false;
  for (const auto& s : app.stages) {
    if (s.result == StageResult::kWithdrawn) return AppStatus::kWithdrawn;
    if (s.result == StageResult::kFailed || s.result == StageResult::kNoShow) failed = true;
  }
  if (failed) return AppStatus::kRejected;
  if (has_passed_offer(app)) return AppStatus::kOffer;
  return AppStatus::kActive;
}

const Stage* current_stage(const Application& app) {
  for (const auto& s : app.stages)
    if (s.result != StageResult::kPassed) return &s;
  return app.stages.empty() ? nullptr : &app.stages.back();
}

Result<std::pair<std::optional<int64_t>, std::optional<int64_t>>> parse_salary_range(
    std::string_view text) {
  size_t sep = std::string_view::npos;
  size_t sep_len = 1;
  for (std::string_view s : {"~", "-", "～"}) {
    auto p = text.find(s);
    if (p != std::string_view::npos && p > 0) {
      sep = p;
      sep_len = s.size();
      break;
    }
  }
  std::pair<std::optional<int64_t>, std::optional<int64_t>> out;
  if (sep == std::string_view::npos) {
    IJIK_ASSIGN_OR_RETURN(out.first, parse_krw(text));
    out.second = out.first;
    return out;
  }
  IJIK_ASSIGN_OR_RETURN(out.first, parse_krw(text.substr(0, sep)));
  IJIK_ASSIGN_OR_RETURN(out.second, parse_krw(text.substr(sep + sep_len)));
  if (*out.second < *out.first)
    return invalid_input(
        fmt::format("invalid salary range '{}': the upper end is below the lower end; expected "
                    "LOW-HIGH such as 6000만-7000만",
                    text));
  return out;
}

std::string format_salary_range(const std::optional<int64_t>& lo,
                                const std::optional<int64_t>& hi) {
  if (!lo && !hi) return "";
  if (lo && hi && *lo == *hi) return format_krw(*lo);
  return fmt::format("{}~{}", lo ? format_krw(*lo) : "", hi ? format_krw(*hi) : "");
}

bool same_stage_name(std::string_view a, std::string_view b) {
  return text::fold(a) == text::fold(b);
}

}  // namespace ijik::domain
