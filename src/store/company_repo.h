// The companies table and its aliases.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/tracker.h"
#include "store/database.h"

namespace ijik::store {

class CompanyRepo {
 public:
  explicit CompanyRepo(Database& db) : db_(db) {}

  // Inserts; sets c.id (kept when non-zero, for lossless import). Refuses a
  // name or alias that another company already uses.
  Status add(domain::Company& c);
  Result<std::vector<domain::Company>> list();
  Result<domain::Company> get(int64_t id);
  // By exact name, alias, numeric id, or a unique normalized-name match
  // ((주)/㈜/주식회사 and spaces ignored); nullopt when none.
  Result<std::optional<domain::Company>> find(const std::string& name_or_id);
  // By exact name or alias, or a unique normalized-name match; ids not considered.
  Result<std::optional<domain::Company>> find_by_name(const std::string& name);
  // Like find, but a miss is a NotFound error suggesting the closest names.
  Result<domain::Company> resolve(const std::string& name_or_id);
  // The company of that name (as find_by_name), or a new one with just the name.
  struct FoundOrAdded {
    domain::Company company;
    bool added = false;
  };
  Result<FoundOrAdded> find_or_add(const std::string& name);
  Result<int> count_applications(int64_t company_id);
  Status remove(int64_t id);

 private:
  Status load_aliases(domain::Company& c);
  Database& db_;
};

}  // namespace ijik::store
