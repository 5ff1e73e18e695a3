// Screening workplaces in memory: a compact column table of every workplace's
// metrics (built from the workspace, stored as one blob) and the filters and
// sort of `ijik screen`. Pure: no I/O.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/bulk_allocator.h"
#include "common/result.h"

namespace ijik::domain {

// A comparison such as ">=10%": op one of <, <=, >, >=, =.
struct Bound {
  std::string op;
  double value = 0;
};

struct ScreenQuery {
  std::string region_prefix;  // "서울" or "서울 강남구": that region and those under it
  std::string industry_code;  // a code or its prefix
  std::string industry_name;  // part of the industry name
  std::optional<int64_t> min_headcount, max_headcount;
  std::optional<Bound> growth_12m;     // on change_12m_pct (0.10 = 10%)
  std::optional<Bound> attrition_12m;  // on attrition_12m (0.20 = 20%)
  std::optional<Bound> pay_year;       // on the estimated annual pay, KRW
  std::optional<int> status;           // 1 active (등록), 2 withdrawn (탈퇴)
  std::string sort = "headcount";      // headcount, growth, attrition, pay, name
  bool reverse = false;                // flip the sort's natural direction
  int limit = 50;
};

// One workplace's screening columns.
struct ScreenEntry {
  int64_t id = 0;
  int64_t headcount = 0;
  std::optional<int64_t> change_12m;
  std::optional<double> change_12m_pct, attrition_12m;
  std::optional<int64_t> pay_month_est;
  bool pay_is_lower_bound = false;
  int status = 1;
  std::string name, region, industry_code, industry_name;
};

// Every workplace's columns, with regions and industries kept once in
// dictionaries. A table may hold only some columns (loaded for one query).
class ScreenTable {
 public:
  enum Column : unsigned {
    kIds = 1u << 0,
    kHeadcount = 1u << 1,
    kChange = 1u << 2,
    kPay = 1u << 3,
    kGrowth = 1u << 4,
    kAttrition = 1u << 5,
    kStatus = 1u << 6,
    kLowerBound = 1u << 7,
    kRegion = 1u << 8,
    kIndustry = 1u << 9,
    kNames = 1u << 10,
    kAllColumns = (1u << 11) - 1
  };

  void add(const ScreenEntry& e);
  // Room for `rows` rows and `name_bytes` of names, before many add().
  void reserve(size_t rows, size_t name_bytes);
  // Puts the rows in headcount order, largest first (ties keep their order),
  // so the default sort mostly finds them in place. Requires kAllColumns.
  void order_by_headcount();
  size_t size() const { return size_; }
  unsigned columns() const { return columns_; }
  // Row `i` as an entry (name included). Requires kAllColumns.
  ScreenEntry entry(size_t i) const;
  int64_t id(size_t i) const { return id_[i]; }
  // Single columns of row `i`, without building an entry. Require kAllColumns.
  std::string_view name(size_t i) const {
    return std::string_view(names_).substr(name_offset_[i], name_offset_[i + 1] - name_offset_[i]);
  }
  const std::string& region(size_t i) const { return regions_[region_[i]]; }
  const std::string& industry_name(size_t i) const { return industry_names_[industry_[i]]; }
  int64_t headcount(size_t i) const { return headcount_[i]; }
  std::optional<int64_t> change_12m(size_t i) const;
  // Makes row_of() answer (a table kept in memory to answer lookups by id).
  // Requires kIds.
  void index_ids();
  // The row of workplace `id`; nullopt when it has none or index_ids() was not called.
  std::optional<size_t> row_of(int64_t id) const;

  // The columns run(q) reads.
  static unsigned columns_for(const ScreenQuery& q);
  // The rows matching `q`, sorted by q.sort then id, at most q.limit; `total`
  // gets how many matched in all. Rejects an unknown sort or comparison.
  // Requires columns_for(q).
  Result<std::vector<size_t>> run(const ScreenQuery& q, int64_t& total) const;

  // Serialized form: a "head" part (row count and dictionaries) and one part
  // per column (native byte order), so a query reads only its columns.
  std::map<std::string, std::string> serialize_parts() const;
  // The same parts without copying the columns: `fn(name, bytes)` for each.
  void for_each_part(const std::function<void(const std::string&, std::string_view)>& fn) const;
  // Reads one part: calls `alloc(size)` for the destination and fills it;
  // false when the part is missing or `alloc` refused the size (nullptr).
  using PartSource =
      std::function<bool(const std::string& name, const std::function<char*(size_t)>& alloc)>;
  // The table with `columns` (BadFile when a part is missing or damaged).
  static Result<ScreenTable> from_parts(unsigned columns, const PartSource& source);

 private:
  // Index of `s` in `dict`, added when new; `index` speeds this up while building.
  static uint32_t intern(std::vector<std::string>& dict,
                         std::unordered_map<std::string, uint32_t>& index, const std::string& s);

  size_t size_ = 0;
  unsigned columns_ = kAllColumns;
  // Columns (BulkVector: read from the snapshot without a page fault a page).
  BulkVector<int64_t> id_;
  BulkVector<int32_t> headcount_, change_12m_, pay_;  // INT32_MIN: missing
  BulkVector<double> growth_, attrition_;  // NaN: missing (double: bounds compare exactly)
  BulkVector<uint8_t> status_, lower_bound_;
  BulkVector<uint32_t> region_, industry_;  // indexes into the dictionaries
  BulkVector<uint32_t> name_offset_;        // into names_, one past the end at size()
  std::string names_;
  std::vector<std::string> regions_, industry_codes_, industry_names_;
  std::unordered_map<std::string, uint32_t> region_index_, industry_index_;  // while building only
  std::vector<uint32_t> row_of_id_;  // by id (kNoRow: none), after index_ids()
};

}  // namespace ijik::domain
