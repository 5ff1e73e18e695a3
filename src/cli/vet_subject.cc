#include "cli/vet_subject.h"

#include <fmt/format.h>

#include "cli/workplace_view.h"
#include "store/company_repo.h"

namespace ijik::cli {

Result<vetting::Subject> resolve_subject(Context& ctx, const std::string& key, SubjectScope scope) {
  if (key.find_first_not_of(" \t") == std::string::npos)
    return invalid_input(
        "company name is empty: expected one of your companies or a public workplace, e.g. 네이버");
  if (scope != SubjectScope::kWorkplaceOnly) {
    store::CompanyRepo companies(ctx.db);
    IJIK_ASSIGN_OR_RETURN(auto c, companies.find(key));
    if (c) return vetting::company_subject(ctx.db, c->id);
    if (scope == SubjectScope::kCompanyOnly)
      return not_found(fmt::format(
          "no company '{}' of yours: expected a name, alias or id from 'ijik company list'", key));
  }
  auto w = find_workplace(ctx.db, key);
  if (w.ok()) return vetting::workplace_subject(ctx.db, w->id);
  if (w.error().code != ErrorCode::kNotFound) return w.error();
  if (scope == SubjectScope::kWorkplaceOnly)
    return not_found(fmt::format(
        "no public workplace '{}': expected a workplace id or name (ijik company search {})", key,
        key));
  return not_found(fmt::format(
      "no company or public workplace named '{}': expected one of your companies (ijik company "
      "list) or a public workplace (ijik company search {})",
      key, key));
}

Result<vetting::RuleConfig> rules_for(Context& ctx, const std::string& rules_file) {
  return vetting::load_rules(rules_file, vetting::workspace_rules_path(ctx.db_path));
}

}  // namespace ijik::cli
