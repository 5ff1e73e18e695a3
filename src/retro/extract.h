// The rule-based reader of Korean career retrospectives (ijik journal
// import): sentences in, proposed timeline events out, each with the
// sentence it came from, a confidence, and what stayed uncertain. Nothing is
// invented: a year not written (nor given by 올해/작년 or an earlier sentence)
// stays unknown, a company not named stays null. docs/retro-import.md.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "retro/dates.h"

namespace ijik::retro {

enum class EventType {
  kJobStart,
  kJobEnd,
  kConversion,
  kApplication,
  kStage,
  kOffer,
  kProbation,
  kLayoff,
  kUnpaidPay
};
// "job-start", "job-end", "conversion", "application", "stage", "offer",
// "probation", "layoff", "unpaid-pay".
std::string_view to_string(EventType t);

// A public workplace (NPS) a company name matched.
struct Workplace {
  int64_t id = 0;
  std::string name;  // as published
};

struct Event {
  EventType type = EventType::kStage;
  std::optional<std::string> company;
  std::optional<std::string> role;
  std::optional<std::string> stage;  // 서류, 코딩테스트, 과제, 인적성, 1차 면접, 기술 면접, 최종 …
  std::optional<std::string> result;    // passed, failed, extended, cancelled
  PartialDate date;                     // iso() "" when the year is unknown
  bool date_computed = false;           // start + a duration, not written
  std::optional<int> months;            // a probation's length
  std::optional<std::string> job_type;  // intern, contract, full-time (job-start, conversion)
  // The public workplace `company` matched, when it is not one of the user's.
  std::optional<Workplace> workplace;
  double confidence = 0;
  std::string sentence;
  std::vector<std::string> uncertain;  // "year unknown", "company not found", …
};

struct ExtractOptions {
  Date entry_date;                           // resolves 올해, 작년, 오늘
  std::vector<std::string> known_companies;  // the user's companies (names and aliases)
  // The public workplace of exactly this name (after normalization), if any;
  // asked once per distinct name. Unset: public workplaces are not consulted.
  std::function<std::optional<Workplace>(const std::string& name)> find_workplace;
};

// The events of a retrospective (its text already stripped of chrome), in
// the order of their sentences. Facts about the same thing (the same stage
// of the same company, said twice) are merged into one event.
std::vector<Event> extract_events(std::string_view text, const ExtractOptions& options);

}  // namespace ijik::retro
