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

class ScreenTable;

// Rows [first, first + count) of a table, column by column: each pointer
// (null when the query does not read that column) points at the block's
// first row. Whole columns are one block; a stored table can be read in
// blocks through small buffers (store::screen_workplaces).
struct ScreenBlock {
  size_t first = 0, count = 0;
  const int64_t* id = nullptr;
  const int32_t* headcount = nullptr;
  const int32_t* pay = nullptr;
  const double* growth = nullptr;
  const double* attrition = nullptr;
  const uint8_t* status = nullptr;
  const uint32_t* region = nullptr;
  const uint32_t* industry = nullptr;
};

// The filters of a query: whether row j of a block matches.
class ScreenFilter {
 public:
  // `dictionaries` gives the regions and industries (any columns).
  // Rejects an unknown comparison.
  static Result<ScreenFilter> of(const ScreenQuery& q, const ScreenTable& dictionaries);
  bool operator()(const ScreenBlock& b, size_t j) const;

 private:
  ScreenQuery q_;
  std::vector<uint8_t> region_ok_, industry_ok_;  // decided once per dictionary entry
  bool by_region_ = false, by_industry_ = false;
};

// One query sorted by a number (every sort but name), run over the blocks of
// a table in row order: keeps only the best `limit` rows while scanning.
class ScreenScan {
 public:
  struct Hit {
    size_t row = 0;
    int64_t id = 0;
  };
  // Rejects an unknown comparison or sort, and the name sort (not by blocks).
  static Result<ScreenScan> start(const ScreenQuery& q, const ScreenTable& dictionaries);
  // The next rows, with the columns ScreenTable::columns_for(q) reads.
  void add(const ScreenBlock& b);
  // The best rows, best first; `total` gets how many matched in all.
  std::vector<Hit> finish(int64_t& total);

 private:
  explicit ScreenScan(ScreenFilter filter) : filter_(std::move(filter)) {}
  struct Keyed {
    double key;  // ascending: the value, negated when descending, +inf when missing
    int64_t id;
    size_t row;
  };
  static bool before(const Keyed& a, const Keyed& b) {
    return a.key != b.key ? a.key < b.key : a.id < b.id;
  }
  double value(const ScreenBlock& b, size_t j) const;  // NaN: missing

  ScreenFilter filter_;
  enum class By { kHeadcount, kGrowth, kAttrition, kPay } by_ = By::kHeadcount;
  bool descending_ = true;
  size_t limit_ = 0;
  std::vector<Keyed> best_;  // a heap whose top is the worst kept
  int64_t count_ = 0;
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
  // Whether run(q) could go block by block (ScreenScan): every sort but name.
  static bool scans_in_blocks(const ScreenQuery& q) { return q.sort != "name"; }
  // Rows [first, first + count) as a block (the columns the table holds).
  ScreenBlock block(size_t first, size_t count) const;
  // The dictionaries, for ScreenScan and for checking a block's indexes.
  size_t region_count() const { return regions_.size(); }
  size_t industry_count() const { return industry_codes_.size(); }
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

  friend class ScreenFilter;  // reads the dictionaries
};

}  // namespace ijik::domain
