// Decisions: options, weighted criteria, scores, pros and cons, reviews.
#pragma once

#include <vector>

#include "domain/decision.h"
#include "store/database.h"

namespace ijik::store {

class DecisionRepo {
 public:
  explicit DecisionRepo(Database& db) : db_(db) {}

  // Inserts the decision with its options and criteria; sets the ids.
  Status add(domain::Decision& d);
  // One decision, complete; NotFound names the id.
  Result<domain::Decision> get(int64_t id);
  Result<std::vector<domain::Decision>> list();
  // Sets a criterion's weight, appending it when new.
  Status set_weight(int64_t decision_id, const std::string& name, double weight);
  // Removes a criterion and the scores given on it.
  Status remove_criterion(int64_t decision_id, const std::string& name);
  // `source`: "hand" for the user's own score, else where it came from.
  Status set_score(int64_t option_id, const std::string& criterion, double score,
                   const std::string& source = "hand");
  Status add_note(int64_t option_id, bool pro, const std::string& text);
  Status set_likelihood(int64_t option_id, double pct);
  Status close(int64_t decision_id, int64_t option_id, const Date& on, const std::string& note);
  Status add_review(int64_t decision_id, const Date& on, const std::string& note);

 private:
  Database& db_;
};

}  // namespace ijik::store
