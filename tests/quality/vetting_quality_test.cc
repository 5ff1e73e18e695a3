// Measured quality of the vetting rules (issue 4, section 5; figures in
// docs/vetting.md). The NPS generator (tools/gen_nps) makes a small synthetic
// population with planted companies — collapsing, slowly bleeding, growing,
// healthy, seasonal hiring — written month by month as published files and
// imported one month at a time, the alerts of the watched planted companies
// re-evaluated after each import as `ijik data import nps` does. Asserted:
//   - every planted collapse raises an alert within two months of its start
//     and before the month of its withdrawal;
//   - no healthy or seasonal company ever has a severe flag;
//   - a slowly bleeding company is caught (net-outflow);
//   - the share of the whole population with a severe flag stays small.
// IJIK_QUALITY_WORKPLACES=N runs a bigger population (for the documented figures).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include "ingest/nps_import.h"
#include "nps_writer.h"
#include "population.h"
#include "store/nps_repo.h"
#include "store/watch_repo.h"
#include "store/workspace.h"
#include "vetting/evaluate.h"
#include "vetting/watch.h"

namespace ijik {
namespace {

namespace fs = std::filesystem;
namespace gen = gen_nps;

struct PlantState {
  gen::PlantKind kind;
  std::string name;
  int start = 0;  // month index of the trend's start
  int64_t workplace_id = 0;
  int first_alert = -1;  // month index of the import that raised its first alert
  std::string first_alert_month, first_alert_rule;
  bool severe = false;
  std::map<std::string, int> rules;  // rule → alerts
};

class VettingQualityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ijik-quality-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(VettingQualityTest, PlantedCompaniesAndPopulationShare) {
  gen::PopulationOptions opt;
  opt.workplaces = 2000;
  if (const char* n = std::getenv("IJIK_QUALITY_WORKPLACES")) opt.workplaces = std::atoi(n);
  opt.seed = 7;
  opt.planted_per_kind = 3;
  opt.utf8 = true;
  opt.months = 14;
  opt.first = gen::YearMonth{2024, 5};
  gen::Population pop(opt);

  auto opened = store::open_workspace((dir_ / "ijik.db").string());
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  store::Database db = std::move(*opened);
  const vetting::RuleConfig& rules = vetting::default_rules();

  std::vector<PlantState> plants;
  for (const auto& p : pop.planted()) {
    PlantState s;
    s.kind = p.kind;
    s.name = p.names.front();
    s.start = (p.trend_start.year - opt.first.year) * 12 + (p.trend_start.month - opt.first.month);
    plants.push_back(s);
  }

  for (int m = 0; m < opt.months; ++m) {
    pop.advance(m);
    const gen::YearMonth ym = opt.first.plus(m);
    const std::string path = (dir_ / gen::nps_file_name(ym)).string();
    size_t rows = 0, bytes = 0;
    ASSERT_TRUE(gen::write_nps_month(pop, ym, path, rows, bytes).ok());
    ingest::NpsImporter importer(db);
    ASSERT_TRUE(importer.load().ok());
    ingest::NpsImportOptions io;
    io.rejects_dir = (dir_ / "rejects").string();
    auto sum = importer.import_file(path, io);
    ASSERT_TRUE(sum.ok()) << sum.error().message;
    ASSERT_TRUE(importer.finish().ok());
    fs::remove(path);

    if (m == 0) {  // the planted companies exist now: watch them
      store::NpsRepo nps(db);
      store::WatchRepo watches(db);
      for (auto& s : plants) {
        auto hits = nps.find_by_name(s.name);
        ASSERT_TRUE(hits.ok());
        ASSERT_EQ(hits->size(), 1u) << s.name;
        s.workplace_id = hits->front().id;
        store::WatchRecord w;
        w.target.workplace_id = s.workplace_id;
        w.added_at = "2024-05-01T00:00:00Z";
        ASSERT_TRUE(watches.add(w).ok());
      }
    }
    auto raised = vetting::refresh_alerts(db, rules, ym.label());
    ASSERT_TRUE(raised.ok()) << raised.error().message;
    for (const auto& a : *raised)
      for (auto& s : plants)
        if (a.target.workplace_id == s.workplace_id) {
          if (s.first_alert < 0) {
            s.first_alert = m;
            s.first_alert_month = a.month;
            s.first_alert_rule = a.rule;
          }
          s.severe = s.severe || a.severity == "severe";
          ++s.rules[a.rule];
        }
  }

  for (const auto& s : plants) {
    const char* kind = gen::plant_kind_name(s.kind);
    std::string rules_seen;
    for (const auto& [r, n] : s.rules) rules_seen += r + " ";
    std::cout << "planted " << kind << " '" << s.name << "' start " << s.start << ": first alert "
              << (s.first_alert < 0 ? std::string("none")
                                    : std::to_string(s.first_alert) + " (" + s.first_alert_month +
                                          " " + s.first_alert_rule + ")")
              << "; rules " << rules_seen << "\n";
    switch (s.kind) {
      case gen::PlantKind::kCollapsing:
        // Halves in months start and start+1, withdraws in start+2.
        ASSERT_GE(s.first_alert, 0) << s.name << ": no alert for a collapse";
        EXPECT_LE(s.first_alert, s.start + 1) << s.name << ": alert too late";
        EXPECT_GE(s.first_alert, s.start) << s.name << ": alert before the collapse began";
        EXPECT_TRUE(s.severe) << s.name;
        break;
      case gen::PlantKind::kBleeding:
        EXPECT_GT(s.rules.count("net-outflow"), 0u) << s.name << ": bleeding not caught";
        break;
      case gen::PlantKind::kHealthy:
      case gen::PlantKind::kSeasonal:
      case gen::PlantKind::kGrowing:
        EXPECT_FALSE(s.severe) << kind << " " << s.name << " got a severe alert";
        break;
    }
  }

  // The whole population as of the last month: how many carry a severe flag.
  store::NpsRepo nps(db);
  int64_t total = 0, severe = 0, any_red = 0, withdrawn = 0;
  std::map<std::string, int64_t> by_rule;
  const int last = opt.first.plus(opt.months - 1).year * 100 + opt.first.plus(opt.months - 1).month;
  std::map<int64_t, std::vector<domain::MonthlyPoint>> series;
  ASSERT_TRUE(
      nps.scan_monthly(0, last,
                       [&](int64_t id, const domain::MonthlyPoint& p) { series[id].push_back(p); })
          .ok());
  for (const auto& [id, s] : series) {
    if (s.back().month.yyyymm() != last) continue;  // no longer published
    ++total;
    if (s.back().status == 2) ++withdrawn;
    vetting::VetInput in;
    in.series = s;
    bool has_severe = false, has_red = false;
    for (const auto& f : vetting::evaluate(in, rules)) {
      if (f.kind != vetting::FlagKind::kRed) continue;
      has_red = true;
      has_severe = has_severe || f.severity == vetting::Severity::kSevere;
      ++by_rule[f.rule];
    }
    severe += has_severe;
    any_red += has_red;
  }
  const double share = static_cast<double>(severe) / static_cast<double>(total);
  std::cout << "population " << total << " workplaces in the last month (" << withdrawn
            << " listed as withdrawn): severe " << severe << " (" << share * 100 << "%), any red "
            << any_red << " (" << 100.0 * static_cast<double>(any_red) / static_cast<double>(total)
            << "%)\n";
  for (const auto& [r, n] : by_rule)
    std::cout << "  " << r << ": " << n << " ("
              << 100.0 * static_cast<double>(n) / static_cast<double>(total) << "%)\n";
  EXPECT_LT(share, 0.05) << "the severe rules flag too much of the population";
}

}  // namespace
}  // namespace ijik
