// Offers made through applications, with their benefits.
#pragma once

#include <optional>
#include <vector>

#include "domain/offer.h"
#include "store/database.h"

namespace ijik::store {

class OfferRepo {
 public:
  explicit OfferRepo(Database& db) : db_(db) {}

  // Inserts or replaces the offer of o.application_id; true when it replaced one.
  Result<bool> put(const domain::Offer& o);
  Result<std::optional<domain::Offer>> get(int64_t application_id);
  // Every offer, by application id.
  Result<std::vector<domain::Offer>> list();

 private:
  Result<std::vector<domain::Offer>> query(const char* where, int64_t id);
  Database& db_;
};

}  // namespace ijik::store
