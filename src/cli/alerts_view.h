// How alerts are shown: by `ijik alerts` and at the end of an import summary.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "cli/runner.h"
#include "store/watch_repo.h"

namespace ijik::cli {

// {"company", "rule", "severity", "month", "raised_at", "evidence", "message_ko", "message_en"}
nlohmann::ordered_json alert_json(const store::AlertRecord& a);
// A table of alerts, then each one's explanation.
void print_alerts(std::ostream& out, const std::vector<store::AlertRecord>& alerts, bool color);
// "New alerts for watched companies:" and the alerts; nothing when there are none.
void print_new_alerts(std::ostream& out, const std::vector<store::AlertRecord>& alerts);

// After an import: re-evaluates the watched companies on the data just
// committed, in a transaction of its own, and prints the new alerts (text
// mode). The data is in whatever happens here, so a failure is a note on
// stderr, not the command's error.
void reevaluate_watched(Context& ctx);

}  // namespace ijik::cli
