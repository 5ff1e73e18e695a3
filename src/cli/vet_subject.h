// Resolves what the user typed after `ijik vet` or `ijik watch` to a company:
// one of the user's companies (name, alias or id), else a public workplace
// (id, exact name, or a single best hit of the company-name search).
// `workplace_only` (--workplace) skips the user's companies, so a workplace id
// can never be read as a company id.
#pragma once

#include <string>

#include "cli/runner.h"
#include "vetting/report.h"

namespace ijik::cli {

Result<vetting::Subject> resolve_subject(Context& ctx, const std::string& key,
                                         bool workplace_only = false);

// The rules in force: --rules FILE when given, else rules.toml beside the
// workspace, else the built-in ones.
Result<vetting::RuleConfig> rules_for(Context& ctx, const std::string& rules_file);

}  // namespace ijik::cli
