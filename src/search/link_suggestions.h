// The public workplaces suggested for one of the user's companies: those
// whose business-number prefix and normalized name both agree with it. The
// name index finds the workplaces of that name (its exact tier, all of them),
// the table then keeps those with the prefix — so the workplaces table needs
// no index on brn6, which an import would have to build. Here rather than in
// store::NpsRepo because the store layer does not use the search layer.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"
#include "store/nps_repo.h"

namespace ijik::search {

// Workplaces with `brn6` and `name_key` (text::normalize_company_name), by id.
Result<std::vector<store::WorkplaceRecord>> workplaces_by_brn_and_name(store::Database& db,
                                                                       const std::string& brn6,
                                                                       const std::string& name_key);

}  // namespace ijik::search
