#include "search/link_suggestions.h"

#include "search/index_cache.h"

namespace ijik::search {

Result<std::vector<store::WorkplaceRecord>> workplaces_by_brn_and_name(
    store::Database& db, const std::string& brn6, const std::string& name_key) {
  // The index's keys are the name_key column itself, so its exact tier is
  // every workplace of that name; the table checks brn6 (and the name again).
  IJIK_ASSIGN_OR_RETURN(auto ids, find_workplaces_named(db, name_key));
  store::NpsRepo nps(db);
  return nps.filter_by_brn_and_name(ids, brn6, name_key);
}

}  // namespace ijik::search
