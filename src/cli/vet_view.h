// How a vetting report is shown: the terminal report, the documented JSON
// shape (docs/cli.md, `vet --json`) and a standalone HTML page.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "vetting/report.h"

namespace ijik::cli {

nlohmann::ordered_json vet_json(const vetting::Report& r);
void print_vet(std::ostream& out, const vetting::Report& r, bool color);
// A self-contained HTML page (inline CSS, no scripts) of the same report.
std::string vet_html(const vetting::Report& r);

// "12.3억", "4,500만", "-3.1억": amounts short enough for a table.
std::string short_krw(int64_t v);

}  // namespace ijik::cli
