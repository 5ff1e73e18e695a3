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
constexpr uint32_t kMagic = 0x494A5333;  // "IJS3": a head part and one part per column

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
  // Looked up before adding: emplace would build (and free) a node each time.
  if (auto it = index.find(s); it != index.end()) return it->second;
  const auto i = static_cast<uint32_t>(dict.size());
  index.emplace(s, i);
  dict.push_back(s);
  return i;
}

void ScreenTable::reserve(size_t rows, size_t name_bytes) {
  for (auto* v : {&headcount_, &change_12m_, &pay_}) v->reserve(rows);
  for (auto* v : {&growth_, &attrition_}) v->reserve(rows);
  for (auto* v : {&status_, &lower_bound_}) v->reserve(rows);
  for (auto* v : {&region_, &industry_}) v->reserve(rows);
  id_.reserve(rows);
  name_offset_.reserve(rows + 1);
  names_.reserve(name_bytes);
}

void ScreenTable::add(const ScreenEntry& e) {
  ++size_;
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

std::optional<int64_t> ScreenTable::change_12m(size_t i) const {
  if (change_12m_[i] == kMissing) return std::nullopt;
  return change_12m_[i];
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

namespace {
constexpr uint32_t kNoRow = UINT32_MAX;
}  // namespace

void ScreenTable::index_ids() {
  int64_t max_id = 0;
  for (size_t i = 0; i < size_; ++i) max_id = std::max(max_id, id_[i]);
  row_of_id_.assign(static_cast<size_t>(max_id) + 1, kNoRow);
  for (size_t i = 0; i < size_; ++i)
    if (id_[i] >= 0) row_of_id_[static_cast<size_t>(id_[i])] = static_cast<uint32_t>(i);
}

std::optional<size_t> ScreenTable::row_of(int64_t id) const {
  if (id < 0 || static_cast<size_t>(id) >= row_of_id_.size()) return std::nullopt;
  const uint32_t row = row_of_id_[static_cast<size_t>(id)];
  if (row == kNoRow) return std::nullopt;
  return row;
}

unsigned ScreenTable::columns_for(const ScreenQuery& q) {
  unsigned c = kIds;  // ids break ties
  if (!q.region_prefix.empty()) c |= kRegion;
  if (!q.industry_code.empty() || !q.industry_name.empty()) c |= kIndustry;
  if (q.min_headcount || q.max_headcount || q.sort == "headcount") c |= kHeadcount;
  if (q.status) c |= kStatus;
  if (q.growth_12m || q.sort == "growth") c |= kGrowth;
  if (q.attrition_12m || q.sort == "attrition") c |= kAttrition;
  if (q.pay_year || q.sort == "pay") c |= kPay;
  if (q.sort == "name") c |= kNames;
  return c;
}

Result<ScreenFilter> ScreenFilter::of(const ScreenQuery& q, const ScreenTable& dictionaries) {
  for (const auto* b : {&q.growth_12m, &q.attrition_12m, &q.pay_year})
    if (*b && !valid_op((*b)->op))
      return invalid_input(fmt::format("bad comparison '{}'", (*b)->op));
  ScreenFilter f;
  f.q_ = q;
  const auto& regions = dictionaries.regions_;
  const auto& codes = dictionaries.industry_codes_;
  const auto& names = dictionaries.industry_names_;
  f.region_ok_.assign(regions.size(), 1);
  f.industry_ok_.assign(codes.size(), 1);
  if (!q.region_prefix.empty())
    for (size_t i = 0; i < regions.size(); ++i) {
      const std::string& r = regions[i];
      f.region_ok_[i] =
          r == q.region_prefix || (r.size() > q.region_prefix.size() &&
                                   r.compare(0, q.region_prefix.size(), q.region_prefix) == 0 &&
                                   r[q.region_prefix.size()] == ' ');
    }
  for (size_t i = 0; i < codes.size(); ++i) {
    bool ok = true;
    if (!q.industry_code.empty())
      ok = codes[i].compare(0, q.industry_code.size(), q.industry_code) == 0;
    if (ok && !q.industry_name.empty()) ok = names[i].find(q.industry_name) != std::string::npos;
    f.industry_ok_[i] = ok;
  }
  f.by_region_ = !q.region_prefix.empty();
  f.by_industry_ = !q.industry_code.empty() || !q.industry_name.empty();
  return f;
}

bool ScreenFilter::operator()(const ScreenBlock& b, size_t j) const {
  const ScreenQuery& q = q_;
  if (by_region_ && !region_ok_[b.region[j]]) return false;
  if (by_industry_ && !industry_ok_[b.industry[j]]) return false;
  if (q.min_headcount && b.headcount[j] < *q.min_headcount) return false;
  if (q.max_headcount && b.headcount[j] > *q.max_headcount) return false;
  if (q.status && b.status[j] != *q.status) return false;
  if (q.growth_12m && (std::isnan(b.growth[j]) || !compare(b.growth[j], *q.growth_12m)))
    return false;
  if (q.attrition_12m && (std::isnan(b.attrition[j]) || !compare(b.attrition[j], *q.attrition_12m)))
    return false;
  if (q.pay_year &&
      (b.pay[j] == kMissing || !compare(static_cast<double>(b.pay[j]) * 12.0, *q.pay_year)))
    return false;
  return true;
}

Result<ScreenScan> ScreenScan::start(const ScreenQuery& q, const ScreenTable& dictionaries) {
  IJIK_ASSIGN_OR_RETURN(auto filter, ScreenFilter::of(q, dictionaries));
  ScreenScan s(std::move(filter));
  if (q.sort == "headcount") {
    s.by_ = By::kHeadcount;
  } else if (q.sort == "growth") {
    s.by_ = By::kGrowth;
  } else if (q.sort == "attrition") {
    s.by_ = By::kAttrition;
    s.descending_ = false;
  } else if (q.sort == "pay") {
    s.by_ = By::kPay;
  } else {
    return invalid_input(fmt::format(
        "cannot sort by '{}': expected headcount, growth, attrition, pay or name", q.sort));
  }
  if (q.reverse) s.descending_ = !s.descending_;
  s.limit_ = static_cast<size_t>(std::max(q.limit, 0));
  s.best_.reserve(s.limit_ + 1);
  return s;
}

double ScreenScan::value(const ScreenBlock& b, size_t j) const {
  switch (by_) {
    case By::kHeadcount:
      return static_cast<double>(b.headcount[j]);
    case By::kGrowth:
      return b.growth[j];
    case By::kAttrition:
      return b.attrition[j];
    case By::kPay:
      break;
  }
  return b.pay[j] == kMissing ? NAN : static_cast<double>(b.pay[j]);
}

void ScreenScan::add(const ScreenBlock& b) {
  // A broad filter such as one region matches some 180,000 workplaces:
  // materializing and sorting them all cost more than the scan.
  for (size_t j = 0; j < b.count; ++j) {
    if (!filter_(b, j)) continue;
    ++count_;
    if (limit_ == 0) continue;
    const double v = value(b, j);
    const Keyed k{std::isnan(v) ? INFINITY : (descending_ ? -v : v), b.id[j], b.first + j};
    if (best_.size() < limit_) {
      best_.push_back(k);
      std::push_heap(best_.begin(), best_.end(), before);
    } else if (before(k, best_.front())) {
      std::pop_heap(best_.begin(), best_.end(), before);
      best_.back() = k;
      std::push_heap(best_.begin(), best_.end(), before);
    }
  }
}

std::vector<ScreenScan::Hit> ScreenScan::finish(int64_t& total) {
  total = count_;
  std::sort_heap(best_.begin(), best_.end(), before);
  std::vector<Hit> hits;
  hits.reserve(best_.size());
  for (const Keyed& k : best_) hits.push_back({k.row, k.id});
  return hits;
}

ScreenBlock ScreenTable::block(size_t first, size_t count) const {
  auto at = [&](const auto& v, Column c) {
    return (columns_ & c) && first < size_ ? v.data() + first : nullptr;
  };
  ScreenBlock b;
  b.first = first;
  b.count = first < size_ ? std::min(count, size_ - first) : 0;
  b.id = at(id_, kIds);
  b.headcount = at(headcount_, kHeadcount);
  b.pay = at(pay_, kPay);
  b.growth = at(growth_, kGrowth);
  b.attrition = at(attrition_, kAttrition);
  b.status = at(status_, kStatus);
  b.region = at(region_, kRegion);
  b.industry = at(industry_, kIndustry);
  return b;
}

Result<std::vector<size_t>> ScreenTable::run(const ScreenQuery& q, int64_t& total) const {
  std::vector<size_t> hits;
  if (q.sort == "name") {
    IJIK_ASSIGN_OR_RETURN(auto filter, ScreenFilter::of(q, *this));
    const ScreenBlock all = block(0, size_);
    for (size_t i = 0; i < size_; ++i)
      if (filter(all, i)) hits.push_back(i);
    total = static_cast<int64_t>(hits.size());
    const size_t n = std::min(hits.size(), static_cast<size_t>(std::max(q.limit, 0)));
    auto name = [&](size_t i) {
      return std::string_view(names_.data() + name_offset_[i],
                              name_offset_[i + 1] - name_offset_[i]);
    };
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n), hits.end(),
                      [&](size_t a, size_t b) {
                        std::string_view na = name(a), nb = name(b);
                        if (na != nb) return q.reverse ? nb < na : na < nb;
                        return id_[a] < id_[b];
                      });
    hits.resize(n);
    return hits;
  }
  IJIK_ASSIGN_OR_RETURN(auto scan, ScreenScan::start(q, *this));
  scan.add(block(0, size_));
  for (const auto& h : scan.finish(total)) hits.push_back(h.row);
  return hits;
}

namespace {

template <class V>
std::string_view bytes_of(const V& v) {
  return {reinterpret_cast<const char*>(v.data()), v.size() * sizeof(typename V::value_type)};
}

}  // namespace

void ScreenTable::for_each_part(
    const std::function<void(const std::string&, std::string_view)>& fn) const {
  Writer head;
  head.pod(kMagic);
  head.pod(static_cast<uint64_t>(size_));
  head.strs(regions_);
  head.strs(industry_codes_);
  head.strs(industry_names_);
  fn("head", head.out);
  fn("id", bytes_of(id_));
  fn("headcount", bytes_of(headcount_));
  fn("change_12m", bytes_of(change_12m_));
  fn("pay", bytes_of(pay_));
  fn("growth", bytes_of(growth_));
  fn("attrition", bytes_of(attrition_));
  fn("status", bytes_of(status_));
  fn("lower_bound", bytes_of(lower_bound_));
  fn("region", bytes_of(region_));
  fn("industry", bytes_of(industry_));
  static const uint32_t kNoNames = 0;
  fn("name_offset",
     name_offset_.empty()
         ? std::string_view(reinterpret_cast<const char*>(&kNoNames), sizeof kNoNames)
         : bytes_of(name_offset_));
  fn("names", names_);
}

std::map<std::string, std::string> ScreenTable::serialize_parts() const {
  std::map<std::string, std::string> parts;
  for_each_part([&](const std::string& name, std::string_view bytes) { parts[name] = bytes; });
  return parts;
}

void ScreenTable::order_by_headcount() {
  // Keys of (headcount descending, row) in 64 bits: one plain sort, stable
  // by construction (an indirect stable_sort was twice as slow).
  std::vector<uint64_t> keys(size_);
  for (size_t i = 0; i < size_; ++i)
    keys[i] = (static_cast<uint64_t>(int64_t{INT32_MAX} - headcount_[i]) << 32) | i;
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> perm(size_);
  for (size_t i = 0; i < size_; ++i) perm[i] = static_cast<uint32_t>(keys[i]);
  // Each column is put in order in place, through one scratch copy reused by
  // all of them (new columns would be fresh memory, slow to touch on a VM).
  auto* scratch = reinterpret_cast<unsigned char*>(keys.data());
  auto permute = [&](auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    static_assert(sizeof(T) <= sizeof(uint64_t));
    if (size_ == 0) return;
    std::memcpy(scratch, v.data(), size_ * sizeof(T));
    for (size_t i = 0; i < size_; ++i)
      std::memcpy(&v[i], scratch + size_t{perm[i]} * sizeof(T), sizeof(T));
  };
  permute(id_);
  permute(headcount_);
  permute(change_12m_);
  permute(pay_);
  permute(growth_);
  permute(attrition_);
  permute(status_);
  permute(lower_bound_);
  permute(region_);
  permute(industry_);
  if (size_ == 0) return;
  std::string names;
  names.reserve(names_.size());
  BulkVector<uint32_t> offsets{0};
  offsets.reserve(size_ + 1);
  for (uint32_t p : perm) {
    names.append(names_, name_offset_[p], name_offset_[p + 1] - name_offset_[p]);
    offsets.push_back(static_cast<uint32_t>(names.size()));
  }
  names_ = std::move(names);
  name_offset_ = std::move(offsets);
}

Result<ScreenTable> ScreenTable::from_parts(unsigned columns, const PartSource& source) {
  const auto damaged = [] {
    return bad_file("the screening snapshot is damaged; it will be rebuilt");
  };
  ScreenTable t;
  t.columns_ = columns & kAllColumns;
  std::string head_bytes;
  if (!source("head", [&](size_t n) {
        head_bytes.resize(n);
        return head_bytes.data();
      }))
    return damaged();
  Reader head(head_bytes);
  uint32_t magic = 0;
  uint64_t n = 0;
  if (!head.pod(magic) || magic != kMagic || !head.pod(n) || !head.strs(t.regions_) ||
      !head.strs(t.industry_codes_) || !head.strs(t.industry_names_) || !head.done() ||
      t.industry_codes_.size() != t.industry_names_.size() || n > (uint64_t{1} << 32))
    return damaged();
  t.size_ = static_cast<size_t>(n);
  // Reads part `name` into `v`, which must then hold `count` elements.
  auto read = [&](const char* name, auto& v, size_t count) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    static char none;  // the destination of an empty part (never written)
    return source(name, [&](size_t bytes) -> char* {
      if (bytes != count * sizeof(T)) return nullptr;
      v.resize(count);
      return count ? reinterpret_cast<char*>(v.data()) : &none;
    });
  };
  const size_t rows = t.size_;
  bool ok = true;
  auto want = [&](Column c) { return ok && (t.columns_ & c) != 0; };
  if (want(kIds)) ok = read("id", t.id_, rows);
  if (want(kHeadcount)) ok = read("headcount", t.headcount_, rows);
  if (want(kChange)) ok = read("change_12m", t.change_12m_, rows);
  if (want(kPay)) ok = read("pay", t.pay_, rows);
  if (want(kGrowth)) ok = read("growth", t.growth_, rows);
  if (want(kAttrition)) ok = read("attrition", t.attrition_, rows);
  if (want(kStatus)) ok = read("status", t.status_, rows);
  if (want(kLowerBound)) ok = read("lower_bound", t.lower_bound_, rows);
  if (want(kRegion)) {
    ok = read("region", t.region_, rows);
    for (size_t i = 0; ok && i < rows; ++i) ok = t.region_[i] < t.regions_.size();
  }
  if (want(kIndustry)) {
    ok = read("industry", t.industry_, rows);
    for (size_t i = 0; ok && i < rows; ++i) ok = t.industry_[i] < t.industry_codes_.size();
  }
  if (want(kNames)) {
    ok = read("name_offset", t.name_offset_, rows + 1) && source("names", [&](size_t bytes) {
           t.names_.resize(bytes);
           return t.names_.data();  // a string's data() is never null
         });
    for (size_t i = 0; ok && i < rows; ++i) ok = t.name_offset_[i] <= t.name_offset_[i + 1];
    ok = ok && t.name_offset_.front() == 0 && t.name_offset_.back() == t.names_.size();
  }
  if (!ok) return damaged();
  return t;
}

}  // namespace ijik::domain
