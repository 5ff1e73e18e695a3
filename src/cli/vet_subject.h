// Resolves what the user typed after `ijik vet` or `ijik watch` to a company:
// one of the user's companies (name, alias or id), else a public workplace
// (id, exact name, or a single best hit of the company-name search).
// A scope narrows it: --workplace skips the user's companies (a workplace id
// is never read as a company id), --company skips the public workplaces.
#pragma once

#include <string>

#include "cli/runner.h"
#include "vetting/report.h"

namespace ijik::cli {

enum class SubjectScope { kAny, kCompanyOnly, kWorkplaceOnly };

Result<vetting::Subject> resolve_subject(Context& ctx, const std::string& key,
                                         SubjectScope scope = SubjectScope::kAny);

// The scope from the --company and --workplace flags (CLI11 keeps them exclusive).
inline SubjectScope subject_scope(bool company, bool workplace) {
  return company     ? SubjectScope::kCompanyOnly
         : workplace ? SubjectScope::kWorkplaceOnly
                     : SubjectScope::kAny;
}

// The rules in force: --rules FILE when given, else rules.toml beside the
// workspace, else the built-in ones.
Result<vetting::RuleConfig> rules_for(Context& ctx, const std::string& rules_file);

}  // namespace ijik::cli
