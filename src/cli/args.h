// Argument parsing and display helpers shared by the command files.
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "domain/tracker.h"

namespace ijik::cli {

// A positive application id; the message names the expected form.
Result<int64_t> parse_app_id(const std::string& text);

// "2026-03-10 14:00", "2026-03-10", or "" for a stage without a date.
std::string stage_when(const domain::Stage& s);

// Korean label of an application status: 진행중, 합격, 불합격, 철회, 입사 확정.
std::string status_label(domain::AppStatus s);
// Korean label of a stage result: 대기, 합격, 불합격, 철회, 불참.
std::string result_label(domain::StageResult r);

}  // namespace ijik::cli
