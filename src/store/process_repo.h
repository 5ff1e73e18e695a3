// Hiring-process templates: named stage sequences.
#pragma once

#include <optional>
#include <vector>

#include "domain/tracker.h"
#include "store/database.h"

namespace ijik::store {

class ProcessRepo {
 public:
  explicit ProcessRepo(Database& db) : db_(db) {}
  // Built-in templates first, then the user's, each with its stages.
  Result<std::vector<domain::ProcessTemplate>> list();
  // By exact name or folded name (case and spaces ignored); NotFound lists the known ones.
  Result<domain::ProcessTemplate> resolve(const std::string& name);
  // Adds a user template; Conflict when the name exists.
  Status add(domain::ProcessTemplate& t);

 private:
  Database& db_;
};

}  // namespace ijik::store
