// ijik-gen-nps: writes synthetic National Pension workplace files (one per
// month, published layout, CP949 by default) and a truth file listing the
// planted companies, for tests and benchmarks of the NPS importer.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "calendar.h"
#include "nps_writer.h"
#include "population.h"

namespace fs = std::filesystem;
using namespace ijik::gen_nps;

namespace {

// Writes the planted companies as JSON, or as CSV when `path` ends in .csv.
bool write_truth(const std::string& path, const Population& pop, const PopulationOptions& opt) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return false;
  const YearMonth last = opt.first.plus(opt.months - 1);
  if (fs::path(path).extension() == ".csv") {
    out << "name,brn_prefix,kind,trend_start,region_code,initial_members,all_names\n";
    auto q = [](const std::string& s) {
      std::string r = "\"";
      for (char c : s) r += c == '"' ? std::string("\"\"") : std::string(1, c);
      return r + "\"";
    };
    for (const Planted& p : pop.planted()) {
      std::string all;
      for (const auto& n : p.names) all += (all.empty() ? "" : "|") + n;
      out << q(p.names.front()) << ',' << p.brn_prefix << ',' << plant_kind_name(p.kind) << ','
          << p.trend_start.label() << ',' << p.region_code << ',' << p.initial_members << ','
          << q(all) << "\n";
    }
    return bool(out);
  }
  nlohmann::json j;
  j["generator"] = "ijik-gen-nps";
  j["seed"] = opt.seed;
  j["first_month"] = opt.first.label();
  j["last_month"] = last.label();
  j["workplaces"] = opt.workplaces;
  j["encoding"] = opt.utf8 ? "UTF-8" : "CP949";
  j["companies"] = nlohmann::json::array();
  for (const Planted& p : pop.planted()) {
    j["companies"].push_back({{"name", p.names.front()},
                              {"names", p.names},
                              {"brn_prefix", p.brn_prefix},
                              {"kind", plant_kind_name(p.kind)},
                              {"trend_start", p.trend_start.label()},
                              {"region_code", p.region_code},
                              {"initial_members", p.initial_members}});
  }
  out << j.dump(2) << "\n";
  return bool(out);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes synthetic National Pension workplace files (국민연금 가입 사업장 내역)."};
  PopulationOptions opt;
  std::string end = "2025-06", out_dir, truth;
  app.add_option("--months", opt.months, "consecutive months to write")->check(CLI::Range(1, 240));
  app.add_option("--end", end, "last month, YYYY-MM");
  app.add_option("--workplaces", opt.workplaces, "rows per month (approximately)")
      ->check(CLI::Range(10, 5000000));
  app.add_option("--seed", opt.seed, "random seed; the same seed gives the same files");
  app.add_option("--planted", opt.planted_per_kind, "planted companies per trend kind")
      ->check(CLI::Range(0, 100));
  app.add_option("--out", out_dir, "output directory")->required();
  app.add_flag("--utf8", opt.utf8, "write UTF-8 instead of CP949");
  app.add_option("--truth", truth, "write the planted companies here (.json or .csv)");
  CLI11_PARSE(app, argc, argv);

  YearMonth last;
  if (!parse_year_month(end, last)) {
    std::fprintf(stderr, "ijik-gen-nps: --end must be YYYY-MM, got '%s'\n", end.c_str());
    return 2;
  }
  opt.first = last.plus(-(opt.months - 1));
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "ijik-gen-nps: cannot create %s: %s\n", out_dir.c_str(),
                 ec.message().c_str());
    return 6;
  }

  auto t0 = std::chrono::steady_clock::now();
  Population pop(opt);
  for (int m = 0; m < opt.months; ++m) {
    auto t1 = std::chrono::steady_clock::now();
    pop.advance(m);
    const YearMonth ym = opt.first.plus(m);
    const std::string path = (fs::path(out_dir) / nps_file_name(ym)).string();
    size_t rows = 0, bytes = 0;
    ijik::Status st = write_nps_month(pop, ym, path, rows, bytes);
    if (!st.ok()) {
      std::fprintf(stderr, "ijik-gen-nps: %s\n", st.error().message.c_str());
      return 6;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    std::fprintf(stderr, "%s: %zu rows, %.1f MB, %.2f s\n", path.c_str(), rows, bytes / 1e6, secs);
  }
  if (!truth.empty() && !write_truth(truth, pop, opt)) {
    std::fprintf(stderr, "ijik-gen-nps: cannot write %s\n", truth.c_str());
    return 6;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "done in %.2f s\n", secs);
  return 0;
}
