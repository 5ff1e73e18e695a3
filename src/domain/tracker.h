// The job-hunt tracker's plain types: companies, applications, stages,
// contacts, hiring-process templates. No storage or I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/stage_kind.h"

namespace ijik::domain {

// Where an application came from.
enum class Source { kDirect, kReferral, kHeadhunter, kPlatform, kColdEmail };
std::string_view to_string(Source s);
// Accepts the English keys and common Korean words (직접지원, 추천, 헤드헌터, 플랫폼, 콜드메일).
Result<Source> parse_source(std::string_view text);
const std::vector<Source>& all_sources();

// The outcome of one stage.
enum class StageResult { kPending, kPassed, kFailed, kWithdrawn, kNoShow };
std::string_view to_string(StageResult r);
// Accepts the English keys and Korean words (합격/통과, 불합격/탈락/광탈, 대기, 철회/포기,
// 불참/노쇼).
Result<StageResult> parse_stage_result(std::string_view text);

// Derived status of an application.
enum class AppStatus { kActive, kOffer, kRejected, kWithdrawn, kAccepted };
std::string_view to_string(AppStatus s);
Result<AppStatus> parse_app_status(std::string_view text);

// Korean labels for people: 대기, 합격, 불합격, 철회, 불참 · 진행중, 합격, 불합격, 철회, 입사 확정.
std::string_view label_ko(StageResult r);
std::string_view label_ko(AppStatus s);

struct Company {
  int64_t id = 0;
  std::string name;
  std::vector<std::string> aliases;
  std::optional<std::string> brn;  // 10 digits
  std::string url;
  std::string note;
  std::string created_at;
};

struct Stage {
  int64_t id = 0;
  std::string name;
  StageKind kind;  // derived from the name and the position among interviews
  std::optional<Date> date;
  std::optional<TimeOfDay> time;
  StageResult result = StageResult::kPending;
  std::string note;
  std::vector<std::string> questions;
  std::string uid;  // stable identifier for calendar export
  std::string updated_at;
};

// How an application was closed by the user, if it was.
enum class Closure { kNone, kWithdrawn, kAccepted };

struct Application {
  int64_t id = 0;
  int64_t company_id = 0;
  std::string company;  // the company's name
  std::string role;
  std::string team;
  Source source = Source::kDirect;
  std::string via;
  Date applied;
  std::string url;
  std::optional<int64_t> salary_min;
  std::optional<int64_t> salary_max;
  std::string note;
  Closure closure = Closure::kNone;
  std::optional<Date> closed_on;
  std::string created_at;
  std::vector<Stage> stages;  // in hiring order as entered
  std::vector<int64_t> contact_ids;
};

struct Contact {
  int64_t id = 0;
  std::string name;
  std::string company;
  std::string email;
  std::string phone;
  std::string note;
  std::string created_at;
  std::vector<int64_t> application_ids;
};

// A named sequence of stage names (대기업-공채, 스타트업, 경력, or the user's own).
struct ProcessTemplate {
  int64_t id = 0;
  std::string name;
  std::vector<std::string> stages;
  bool builtin = false;
};

// The templates every workspace starts with.
const std::vector<ProcessTemplate>& builtin_templates();

// Sets each stage's kind from its name and position (see classify_stages).
void assign_stage_kinds(Application& app);

// Derived status: accepted and withdrawn as closed by the user (a stage
// result of withdrawn also means withdrawn); else rejected when a stage
// failed or was a no-show; else offer when an offer stage passed; else active.
AppStatus derive_status(const Application& app);

// True when an offer-kind stage has passed.
bool has_passed_offer(const Application& app);

// The stage the application is at: the first stage not passed (pending, or
// where it failed or was withdrawn), else the last stage; nullptr when none.
const Stage* current_stage(const Application& app);

// Parses "6000만-7000만", "6000만~7000만", "7000만" into a salary range.
Result<std::pair<std::optional<int64_t>, std::optional<int64_t>>> parse_salary_range(
    std::string_view text);
std::string format_salary_range(const std::optional<int64_t>& lo, const std::optional<int64_t>& hi);

// True when two stage names mean the same stage ("1차 면접" and "1차면접").
bool same_stage_name(std::string_view a, std::string_view b);

}  // namespace ijik::domain
