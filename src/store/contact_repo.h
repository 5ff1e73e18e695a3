// Contacts (recruiters, headhunters, referrers) and their applications.
#pragma once

#include <vector>

#include "domain/tracker.h"
#include "store/database.h"

namespace ijik::store {

class ContactRepo {
 public:
  explicit ContactRepo(Database& db) : db_(db) {}
  // Inserts; sets c.id (kept when non-zero, for lossless import).
  Status add(domain::Contact& c);
  // All contacts by id, each with the applications it is linked to.
  Result<std::vector<domain::Contact>> list();
  // One contact with its applications; not_found naming the id.
  Result<domain::Contact> get(int64_t id);
  // Writes name, company, email, phone and note of c.id.
  Status update(const domain::Contact& c);
  // Removes the contact and its links to applications (the applications stay).
  Status remove(int64_t id);

 private:
  Database& db_;
};

}  // namespace ijik::store
