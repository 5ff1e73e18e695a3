#include "domain/screen.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <functional>

namespace ijik::domain {
namespace {

constexpr int32_t kMissing = INT32_MIN;
constexpr uint32_t kMagic = 0x494A5332;  // "IJS2": doubles for the rates

int32_t clamp32(int64_t v) {
  return static_cast<int32_t>(std::clamp<int64_t>(v, INT32_MIN + 1, INT32_MAX));
}

bool compare(double v, const Bound& b) {
  if (b.op == "<") return v < b.value;
  if (b.op == "<=") return v <= b.value;
  if (b.op == ">") return v > b.value;
  if (b.op == ">=") return v >= b.value;
  return std::fabs(v - b.value) <= 1e-9 * std::max(1.0, std::fabs(b.value));
}

bool valid_op(const std::string& op) {
  return op == "<" || op == "<=" || op == ">" || op == ">=" || op == "=";
}

// Little-endian writer/reader for the byte image.
class Writer {
 public:
  template <class T>
  void pod(const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  template <class T>
  void vec(const std::vector<T>& v) {
    pod(static_cast<uint64_t>(v.size()));
    if (!v.empty()) out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void str(const std::string& s) {
    pod(static_cast<uint64_t>(s.size()));
    out += s;
  }
  void strs(const std::vector<std::string>& v) {
    pod(static_cast<uint64_t>(v.size()));
    for (const auto& s : v) str(s);
  }
  std::string out;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <class T>
  bool pod(T& v) {
    if (in_.size() < sizeof v) return false;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return true;
  }
  template <class T>
  bool vec(std::vector<T>& v) {
    uint64_t n = 0;
    if (!pod(n) || n > in_.size() / sizeof(T)) return false;
    v.resize(n);
    if (n) std::memcpy(v.data(), in_.data(), n * sizeof(T));  // data() may be null when empty
    in_.remove_prefix(n * sizeof(T));
    return true;
  }
  bool str(std::string& s) {
    uint64_t n = 0;
    if (!pod(n) || n > in_.size()) return false;
    s.assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }
  bool strs(std::vector<std::string>& v) {
    uint64_t n = 0;
    if (!pod(n) || n > in_.size()) return false;
    v.resize(n);
    for (auto& s : v)
      if (!str(s)) return false;
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

}  // namespace

uint32_t ScreenTable::intern(std::vector<std::string>& dict,
                             std::unordered_map<std::string, uint32_t>& index,
                             const std::string& s) {
  auto [it, added] = index.emplace(s, static_cast<uint32_t>(dict.size()));
  if (added) dict.push_back(s);
  return it->second;
}

void ScreenTable::add(const ScreenEntry& e) {
  id_.push_back(e.id);
  headcount_.push_back(clamp32(e.headcount));
  change_12m_.push_back(e.change_12m ? clamp32(*e.change_12m) : kMissing);
  pay_.push_back(e.pay_month_est ? clamp32(*e.pay_month_est) : kMissing);
  growth_.push_back(e.change_12m_pct ? *e.change_12m_pct : NAN);
  attrition_.push_back(e.attrition_12m ? *e.attrition_12m : NAN);
  status_.push_back(static_cast<uint8_t>(e.status));
  lower_bound_.push_back(e.pay_is_lower_bound ? 1 : 0);
  region_.push_back(intern(regions_, region_index_, e.region));
  uint32_t ind = intern(industry_codes_, industry_index_, e.industry_code);
  if (ind == industry_names_.size()) industry_names_.push_back(e.industry_name);
  industry_.push_back(ind);
  if (name_offset_.empty()) name_offset_.push_back(0);
  names_ += e.name;
  name_offset_.push_back(static_cast<uint32_t>(names_.size()));
}

ScreenEntry ScreenTable::entry(size_t i) const {
  ScreenEntry e;
  e.id = id_[i];
  e.headcount = headcount_[i];
  if (change_12m_[i] != kMissing) e.change_12m = change_12m_[i];
  if (!std::isnan(growth_[i])) e.change_12m_pct = growth_[i];
  if (!std::isnan(attrition_[i])) e.attrition_12m = attrition_[i];
  if (pay_[i] != kMissing) e.pay_month_est = pay_[i];
  e.pay_is_lower_bound = lower_bound_[i] != 0;
  e.status = status_[i];
  e.name = names_.substr(name_offset_[i], name_offset_[i + 1] - name_offset_[i]);
  e.region = regions_[region_[i]];
  e.industry_code = industry_codes_[industry_[i]];
  e.industry_name = industry_names_[industry_[i]];
  return e;
}

Result<std::vector<size_t>> ScreenTable::run(const ScreenQuery& q, int64_t& total) const {
  for (const auto* b : {&q.growth_12m, &q.attrition_12m, &q.pay_year})
    if (*b && !valid_op((*b)->op))
      return invalid_input(fmt::format("bad comparison '{}'", (*b)->op));
  // Dictionary filters are decided once per dictionary entry, not per row.
  std::vector<uint8_t> region_ok(regions_.size(), 1), industry_ok(industry_codes_.size(), 1);
  if (!q.region_prefix.empty())
    for (size_t i = 0; i < regions_.size(); ++i) {
      const std::string& r = regions_[i];
      region_ok[i] =
          r == q.region_prefix || (r.size() > q.region_prefix.size() &&
                                   r.compare(0, q.region_prefix.size(), q.region_prefix) == 0 &&
                                   r[q.region_prefix.size()] == ' ');
    }
  for (size_t i = 0; i < industry_codes_.size(); ++i) {
    bool ok = true;
    if (!q.industry_code.empty())
      ok = industry_codes_[i].compare(0, q.industry_code.size(), q.industry_code) == 0;
    if (ok && !q.industry_name.empty())
      ok = industry_names_[i].find(q.industry_name) != std::string::npos;
    industry_ok[i] = ok;
  }

  std::vector<size_t> hits;
  for (size_t i = 0; i < id_.size(); ++i) {
    if (!region_ok[region_[i]] || !industry_ok[industry_[i]]) continue;
    if (q.min_headcount && headcount_[i] < *q.min_headcount) continue;
    if (q.max_headcount && headcount_[i] > *q.max_headcount) continue;
    if (q.status && status_[i] != *q.status) continue;
    if (q.growth_12m && (std::isnan(growth_[i]) || !compare(growth_[i], *q.growth_12m))) continue;
    if (q.attrition_12m && (std::isnan(attrition_[i]) || !compare(attrition_[i], *q.attrition_12m)))
      continue;
    if (q.pay_year &&
        (pay_[i] == kMissing || !compare(static_cast<double>(pay_[i]) * 12.0, *q.pay_year)))
      continue;
    hits.push_back(i);
  }
  total = static_cast<int64_t>(hits.size());

  // Each sort has a natural direction; missing values always go last.
  struct Key {
    bool missing;
    double value;
  };
  std::function<Key(size_t)> key;
  bool descending = true;
  if (q.sort == "headcount") {
    key = [&](size_t i) { return Key{false, static_cast<double>(headcount_[i])}; };
  } else if (q.sort == "growth") {
    key = [&](size_t i) { return Key{std::isnan(growth_[i]), growth_[i]}; };
  } else if (q.sort == "attrition") {
    key = [&](size_t i) { return Key{std::isnan(attrition_[i]), attrition_[i]}; };
    descending = false;
  } else if (q.sort == "pay") {
    key = [&](size_t i) { return Key{pay_[i] == kMissing, static_cast<double>(pay_[i])}; };
  } else if (q.sort != "name") {
    return invalid_input(fmt::format(
        "cannot sort by '{}': expected headcount, growth, attrition, pay or name", q.sort));
  }
  if (q.reverse) descending = !descending;
  auto less = [&](size_t a, size_t b) {
    if (q.sort == "name") {
      std::string_view na(names_.data() + name_offset_[a], name_offset_[a + 1] - name_offset_[a]);
      std::string_view nb(names_.data() + name_offset_[b], name_offset_[b + 1] - name_offset_[b]);
      if (na != nb) return q.reverse ? nb < na : na < nb;
      return id_[a] < id_[b];
    }
    Key ka = key(a), kb = key(b);
    if (ka.missing != kb.missing) return !ka.missing;
    if (!ka.missing && ka.value != kb.value)
      return descending ? ka.value > kb.value : ka.value < kb.value;
    return id_[a] < id_[b];
  };
  size_t n = std::min(hits.size(), static_cast<size_t>(std::max(q.limit, 0)));
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n), hits.end(), less);
  hits.resize(n);
  return hits;
}

std::string ScreenTable::serialize() const {
  Writer w;
  w.pod(kMagic);
  w.vec(id_);
  w.vec(headcount_);
  w.vec(change_12m_);
  w.vec(pay_);
  w.vec(growth_);
  w.vec(attrition_);
  w.vec(status_);
  w.vec(lower_bound_);
  w.vec(region_);
  w.vec(industry_);
  w.vec(name_offset_);
  w.str(names_);
  w.strs(regions_);
  w.strs(industry_codes_);
  w.strs(industry_names_);
  return std::move(w.out);
}

Result<ScreenTable> ScreenTable::deserialize(std::string_view bytes) {
  ScreenTable t;
  Reader r(bytes);
  uint32_t magic = 0;
  bool ok = r.pod(magic) && magic == kMagic && r.vec(t.id_) && r.vec(t.headcount_) &&
            r.vec(t.change_12m_) && r.vec(t.pay_) && r.vec(t.growth_) && r.vec(t.attrition_) &&
            r.vec(t.status_) && r.vec(t.lower_bound_) && r.vec(t.region_) && r.vec(t.industry_) &&
            r.vec(t.name_offset_) && r.str(t.names_) && r.strs(t.regions_) &&
            r.strs(t.industry_codes_) && r.strs(t.industry_names_) && r.done();
  const size_t n = t.id_.size();
  ok = ok && t.headcount_.size() == n && t.change_12m_.size() == n && t.pay_.size() == n &&
       t.growth_.size() == n && t.attrition_.size() == n && t.status_.size() == n &&
       t.lower_bound_.size() == n && t.region_.size() == n && t.industry_.size() == n &&
       (n == 0 ? t.name_offset_.size() <= 1 : t.name_offset_.size() == n + 1) &&
       t.industry_codes_.size() == t.industry_names_.size();
  if (ok && n > 0) {
    for (size_t i = 0; i < n && ok; ++i)
      ok = t.region_[i] < t.regions_.size() && t.industry_[i] < t.industry_codes_.size() &&
           t.name_offset_[i] <= t.name_offset_[i + 1];
    ok = ok && t.name_offset_[n] == t.names_.size();
  }
  if (!ok) return bad_file("the screening snapshot is damaged; it will be rebuilt");
  return t;
}

}  // namespace ijik::domain
