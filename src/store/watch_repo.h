// The watch list and its alerts (tables watches, alerts). All their SQL lives here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/database.h"

namespace ijik::store {

// One of the user's companies (company_id) or a bare public workplace (workplace_id).
struct WatchTarget {
  std::optional<int64_t> company_id, workplace_id;
  bool operator==(const WatchTarget&) const = default;
};

struct WatchRecord {
  int64_t id = 0;
  WatchTarget target;
  bool is_current = false;
  std::string added_at;
};

struct AlertRecord {
  int64_t id = 0;
  WatchTarget target;
  std::string subject, rule, severity, month, evidence, message_ko, message_en, raised_at;
};

class WatchRepo {
 public:
  explicit WatchRepo(Database& db) : db_(db) {}

  // By id.
  Result<std::vector<WatchRecord>> list();
  Result<std::optional<WatchRecord>> find(const WatchTarget& t);
  // Inserts; sets w.id.
  Status add(WatchRecord& w);
  Status remove(int64_t id);
  // Marks `id` as the current employer, unmarking any other.
  Status set_current(int64_t id);

  // Stores the alert unless one for the same target, rule and month exists;
  // true when it was new (a.id set).
  Result<bool> add_alert(AlertRecord& a);
  // Newest month first, then newest raised; months from `since` (YYYY-MM) when given.
  Result<std::vector<AlertRecord>> alerts(const std::string& since);

 private:
  Database& db_;
};

}  // namespace ijik::store
