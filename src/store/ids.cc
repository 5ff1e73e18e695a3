#include "store/ids.h"

#include <string>

namespace ijik::store {

Result<bool> id_taken(Database& db, std::string_view table, int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db.prepare("SELECT 1 FROM " + std::string(table) + " WHERE id = ?"));
  st.bind(1, id);
  return st.step();
}

Result<int64_t> keep_id_if_free(Database& db, std::string_view table, int64_t id) {
  if (id <= 0) return int64_t{0};
  IJIK_ASSIGN_OR_RETURN(bool taken, id_taken(db, table, id));
  return taken ? int64_t{0} : id;
}

}  // namespace ijik::store
