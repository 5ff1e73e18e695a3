// Screening workplaces in memory: a compact column table of every workplace's
// metrics (built from the workspace, stored as one blob) and the filters and
// sort of `ijik screen`. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// Every workplace's columns, with regions and industries kept once in dictionaries.
class ScreenTable {
 public:
  void add(const ScreenEntry& e);
  size_t size() const { return id_.size(); }
  // Row `i` as an entry (name included).
  ScreenEntry entry(size_t i) const;

  // The rows matching `q`, sorted by q.sort then id, at most q.limit; `total`
  // gets how many matched in all. Rejects an unknown sort or comparison.
  Result<std::vector<size_t>> run(const ScreenQuery& q, int64_t& total) const;

  // A self-contained byte image, and back (BadFile when damaged).
  std::string serialize() const;
  static Result<ScreenTable> deserialize(std::string_view bytes);

 private:
  // Index of `s` in `dict`, added when new; `index` speeds this up while building.
  static uint32_t intern(std::vector<std::string>& dict,
                         std::unordered_map<std::string, uint32_t>& index, const std::string& s);

  std::vector<int64_t> id_;
  std::vector<int32_t> headcount_, change_12m_, pay_;  // INT32_MIN: missing
  std::vector<double> growth_, attrition_;  // NaN: missing (double: bounds compare exactly)
  std::vector<uint8_t> status_, lower_bound_;
  std::vector<uint32_t> region_, industry_;  // indexes into the dictionaries
  std::vector<uint32_t> name_offset_;        // into names_, one past the end at size()
  std::string names_;
  std::vector<std::string> regions_, industry_codes_, industry_names_;
  std::unordered_map<std::string, uint32_t> region_index_, industry_index_;  // while building only
};

}  // namespace ijik::domain
