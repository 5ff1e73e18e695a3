#include "ingest/workplace_columns.h"

#include <algorithm>

namespace ijik::ingest {

uint32_t WorkplaceColumns::intern(const std::string& s) {
  if (auto it = index_.find(s); it != index_.end()) return it->second;
  const auto i = static_cast<uint32_t>(dict_.size());
  index_.emplace(s, i);
  dict_.push_back(s);
  return i;
}

void WorkplaceColumns::set(const store::WorkplaceRecord& w) {
  const auto id = static_cast<size_t>(w.id);
  if (id >= rows_.size()) rows_.resize(id + 1);  // grows by doubling past the room reserved
  Row& r = rows_[id];
  if (r.status == kAbsent) ++held_;
  // A renamed workplace's old name stays in the arena: renames are rare.
  if (r.status == kAbsent || names_.compare(r.name_at, r.name_size, w.name) != 0) {
    r.name_at = static_cast<uint32_t>(names_.size());
    r.name_size = static_cast<uint32_t>(w.name.size());
    names_ += w.name;
  }
  r.region = intern(w.region);
  r.industry_code = intern(w.industry_code);
  r.industry_name = intern(w.industry_name);
  r.status = w.status;
}

void WorkplaceColumns::reserve(size_t ids, size_t name_bytes) {
  rows_.reserve(ids);
  names_.reserve(name_bytes);
}

void WorkplaceColumns::remove(int64_t id) {
  if (!has(id)) return;
  rows_[static_cast<size_t>(id)] = Row{};
  --held_;
}

void WorkplaceColumns::fill(int64_t id, domain::ScreenEntry& e) const {
  const Row& r = rows_[static_cast<size_t>(id)];
  e.id = id;
  e.name.assign(names_, r.name_at, r.name_size);
  e.region = dict_[r.region];
  e.industry_code = dict_[r.industry_code];
  e.industry_name = dict_[r.industry_name];
  e.status = r.status;
}

void WorkplaceColumns::clear() {
  std::vector<Row>().swap(rows_);
  held_ = 0;
  std::string().swap(names_);
  std::vector<std::string>().swap(dict_);
  std::unordered_map<std::string, uint32_t>().swap(index_);
}

}  // namespace ijik::ingest
