// The screening columns (name, region, industry, status) of the workplaces an
// import wrote, by workplace id, kept compactly: regions and industries once
// in a dictionary, names in one arena. A first import into an empty workspace
// wrote every workplace there is, so its metrics pass builds the screen
// snapshot from these instead of reading 550,000 rows back (~20 MB held for
// a full month).
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/screen.h"
#include "store/nps_repo.h"

namespace ijik::ingest {

class WorkplaceColumns {
 public:
  // The columns of workplace `w.id` as just written (inserted or updated).
  void set(const store::WorkplaceRecord& w);
  // Workplace `id` was removed from the workspace.
  void remove(int64_t id);
  bool has(int64_t id) const {
    return static_cast<size_t>(id) < rows_.size() &&
           rows_[static_cast<size_t>(id)].status != kAbsent;
  }
  // Room for workplace ids below `ids` and `name_bytes` of names (untouched
  // room costs no memory: a page counts once written).
  void reserve(size_t ids, size_t name_bytes);
  // Sets the name, region, industry and status of `e` from workplace `id`'s. Requires has(id).
  void fill(int64_t id, domain::ScreenEntry& e) const;
  // Rows held and the bytes of their names, for ScreenTable::reserve.
  size_t rows() const { return held_; }
  size_t name_bytes() const { return names_.size(); }
  void clear();

 private:
  static constexpr int32_t kAbsent = INT32_MIN;  // status of an id with no workplace
  struct Row {                                   // 24 bytes
    uint32_t name_at = 0, name_size = 0;
    uint32_t region = 0, industry_code = 0, industry_name = 0;
    int32_t status = kAbsent;
  };
  uint32_t intern(const std::string& s);

  std::vector<Row> rows_;  // by id
  size_t held_ = 0;
  std::string names_;
  std::vector<std::string> dict_;
  std::unordered_map<std::string, uint32_t> index_;
};

}  // namespace ijik::ingest
