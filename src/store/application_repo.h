// Applications with their stages, the questions asked at each stage, and the
// links to contacts: one aggregate, stored in four tables.
#pragma once

#include <vector>

#include "domain/tracker.h"
#include "store/database.h"

namespace ijik::store {

class ApplicationRepo {
 public:
  explicit ApplicationRepo(Database& db) : db_(db) {}

  // Inserts the application and its stages; sets ids (kept when non-zero, for
  // lossless import) and stage uids (kept when given).
  Status add(domain::Application& app);
  // One application, stages in order with kinds assigned; NotFound names the id.
  Result<domain::Application> get(int64_t id);
  // All applications, by id.
  Result<std::vector<domain::Application>> list();
  Status set_closure(int64_t id, domain::Closure closure, const std::optional<Date>& on);
  // Writes what the user may edit after applying: role, team, source, via,
  // date applied, URL, salary range and note. NotFound names the id.
  Status update_details(const domain::Application& app);
  Status remove(int64_t id);

  // Appends a stage at the end; sets its id and uid.
  Status add_stage(int64_t app_id, domain::Stage& stage);
  // Writes a stage's date, time, result and note, and appends `new_questions`.
  Status update_stage(const domain::Stage& stage, const std::vector<std::string>& new_questions);
  Status link_contact(int64_t app_id, int64_t contact_id);

 private:
  Status insert_stage(int64_t app_id, int position, domain::Stage& stage);
  Status append_questions(int64_t stage_id, int first_position, const std::vector<std::string>& qs);
  Result<std::vector<domain::Application>> query(const std::string& where, int64_t id);
  Database& db_;
};

}  // namespace ijik::store
