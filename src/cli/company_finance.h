// Financial statements, funding rounds and the DART link of a user's
// company, as `company show` prints them and `company link` suggests them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <vector>

#include "common/result.h"
#include "domain/financials.h"
#include "domain/tracker.h"
#include "store/database.h"
#include "store/finance_repo.h"

namespace ijik::cli {

// "1.2조", "3,100억", "-3.2억", "4,500만", "0" — short amounts for tables.
std::string compact_krw(int64_t amount);

nlohmann::ordered_json financial_year_json(const domain::FinancialYear& y);
nlohmann::ordered_json funding_json(const domain::FundingRound& f);
nlohmann::ordered_json dart_company_json(const store::DartCompany& d);

// The finances/funding block of `company show` (nothing when there is nothing
// to show): the linked DART company, up to five years, the funding rounds,
// and DART companies suggested for linking when there is no link.
Status print_company_finances(std::ostream& out, store::Database& db, const domain::Company& c,
                              bool color);
// The same as JSON members: "dart", "financials", "funding".
Status add_company_finances_json(nlohmann::ordered_json& j, store::Database& db,
                                 const domain::Company& c);

// DART companies that may be the user's company: by its name and aliases,
// and by the name of the public workplace it is linked to (which its business
// number found); best first, without duplicates.
Result<std::vector<store::DartCompany>> suggest_dart_companies(store::Database& db,
                                                               const domain::Company& c);
// A DART company by stock code (6 characters), corp code (8 digits) or name;
// NotFound or Conflict (listing the candidates) otherwise.
Result<store::DartCompany> resolve_dart_company(store::FinanceRepo& repo, const std::string& key);

}  // namespace ijik::cli
