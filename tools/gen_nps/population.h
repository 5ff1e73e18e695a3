// The simulated population of pension workplaces and how it changes month by
// month: heavy-tailed sizes, turnover, withdrawals and re-registrations,
// renames, births, and planted companies with known trends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "calendar.h"
#include "rng.h"

namespace ijik::gen_nps {

// The trend a planted company follows from its start month.
enum class PlantKind { kGrowing, kCollapsing, kBleeding, kSeasonal, kHealthy };
const char* plant_kind_name(PlantKind k);

// A planted company, for the truth file.
struct Planted {
  PlantKind kind;
  std::vector<std::string> names;  // UTF-8, in order of use
  std::string brn_prefix;
  YearMonth trend_start;
  int region_code = 0;
  int initial_members = 0;
  size_t index = 0;  // into Population::workplaces()
};

// One workplace and its figures for the current month. Text is stored already
// encoded for output (CP949 or UTF-8) with quotes doubled.
struct Workplace {
  std::string name;   // field 2
  std::string fixed;  // fields 5-15, quoted and comma-joined
  char brn[7] = {};
  char applied[11] = {};
  char rereg[11] = {};
  char withdrawn[11] = {};
  uint8_t status = 1;  // 1 enrolled, 2 withdrawn
  bool listed = true;  // appears in this month's file
  int8_t linger = 0;   // months a withdrawn workplace stays listed
  int16_t months_since_withdrawal = 0;
  int16_t plant = -1;     // index into planted(), or -1
  uint16_t industry = 0;  // index into industries()
  uint8_t form = 1;       // 1 corporation, 2 sole proprietorship
  int32_t size = 0;       // members this month
  int32_t hires = 0;      // reported new members
  int32_t leavers = 0;    // reported lost members
  int64_t billed = 0;
  float income = 0;  // average standard monthly income before clamping
  float growth = 0;  // monthly trend of the workplace
};

struct PopulationOptions {
  int workplaces = 550000;
  uint64_t seed = 1;
  int planted_per_kind = 2;
  bool utf8 = false;  // encode text as UTF-8 instead of CP949
  YearMonth first;    // month 0
  int months = 1;
};

class Population {
 public:
  // Builds the population as it stood just before month 0.
  explicit Population(const PopulationOptions& opt);

  // Moves every workplace to month `m` (0, 1, 2 … in order).
  void advance(int m);

  const std::vector<Workplace>& workplaces() const { return wps_; }
  const std::vector<Planted>& planted() const { return planted_; }
  // Encodes UTF-8 text for output (CP949 unless utf8), doubling quotes when
  // `escape` (field contents; not for already-quoted field lists).
  std::string encode(const std::string& utf8, bool escape = true) const;

 private:
  // A new random workplace; `name_utf8` receives its name.
  Workplace make_workplace(YearMonth born, bool newborn, bool corporation,
                           std::string* name_utf8 = nullptr);
  void add_branch(const Workplace& head, const std::string& name_utf8);
  void plant_companies();
  void evolve(Workplace& w, int m, YearMonth ym);
  void evolve_planted(Workplace& w, int m, YearMonth ym);
  void withdraw(Workplace& w, YearMonth ym);
  void set_billed(Workplace& w, YearMonth ym);
  void report(Workplace& w, int hires, int leavers);

  PopulationOptions opt_;
  Rng rng_;
  std::vector<Workplace> wps_;
  std::vector<Planted> planted_;
  std::vector<std::string> prefixes_corp_, prefixes_sole_;
};

}  // namespace ijik::gen_nps
