// ijik data import dart FILE... [--rejects DIR] [--quiet]
#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "cli/alerts_view.h"
#include "cli/commands.h"
#include "common/money.h"
#include "exchange/json_view.h"
#include "ingest/dart_import.h"

namespace ijik::cli {
namespace {

namespace fs = std::filesystem;

struct DartImportArgs {
  std::vector<std::string> files;
  std::string rejects;
  bool quiet = false;
};

// "2024 사업보고서 재무상태표 연결"
std::string describe_file(const ingest::DartFileSummary& s) {
  return fmt::format("{} {} {} {}", s.period_year, s.report_kind,
                     ingest::statement_label_ko(s.kind.statement),
                     domain::basis_label_ko(s.kind.basis));
}

void draw_progress(std::ostream& err, const std::string& name, const ingest::DartProgress& p) {
  double frac =
      p.bytes_total ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total) : 0.0;
  int filled = static_cast<int>(frac * 20);
  double eta = frac > 0 ? p.seconds * (1 - frac) / frac : 0;
  err << fmt::format("\r{} [{}{}] {:3.0f}%  ETA {:.0f}s\x1b[K", name, std::string(filled, '#'),
                     std::string(20 - filled, '.'), frac * 100, eta)
      << std::flush;
}

Status import_dart(Context& ctx, const DartImportArgs& a) {
  ingest::DartImporter importer(ctx.db);
  ingest::DartImportOptions options;
  options.rejects_dir =
      !a.rejects.empty() ? a.rejects : (fs::path(ctx.db_path).parent_path() / "rejects").string();
  const bool bar = !a.quiet && !ctx.options.json && isatty(STDERR_FILENO);
  auto json = nlohmann::ordered_json::array();
  int committed = 0;  // files in
  for (const auto& path : a.files) {
    const std::string name = fs::path(path).filename().string();
    if (bar)
      options.progress = [&](const ingest::DartProgress& p) { draw_progress(ctx.err, name, p); };
    auto sum = importer.import_file(path, options);
    if (bar) ctx.err << "\r\x1b[K" << std::flush;
    if (!sum.ok()) {
      // The files before this one are in; say which they were.
      if (committed > 0) reevaluate_watched(ctx);
      if (ctx.options.json) ctx.out << exchange::dump(json);
      return sum.error();
    }
    ++committed;
    if (ctx.options.json) {
      json.push_back(
          {{"file", name},
           {"skipped", sum->skipped.empty() ? nlohmann::ordered_json(nullptr)
                                            : nlohmann::ordered_json(sum->skipped)},
           {"year", sum->period_year},
           {"report", sum->report_kind},
           {"statement", std::string(ingest::statement_key(sum->kind.statement))},
           {"basis", std::string(domain::basis_key(sum->kind.basis))},
           {"rows", sum->rows},
           {"companies", sum->companies},
           {"new", sum->created},
           {"figures", sum->kept},
           {"rejected", sum->rejected},
           {"replaced", sum->replaced},
           {"rejects_file", sum->rejects_file.empty() ? nlohmann::ordered_json(nullptr)
                                                      : nlohmann::ordered_json(sum->rejects_file)},
           {"seconds", std::round(sum->seconds * 1000) / 1000}});
    } else if (!sum->skipped.empty()) {
      if (!a.quiet) ctx.out << fmt::format("skipped  {}: {}\n", name, sum->skipped);
    } else if (!a.quiet || sum->rejected > 0) {
      ctx.out << fmt::format(
          "{}  {} rows: {} companies ({} new), {} figures, {} rejected{}  {:.2f}s  {}\n",
          describe_file(*sum), group_thousands(sum->rows), group_thousands(sum->companies),
          group_thousands(sum->created), group_thousands(sum->kept), group_thousands(sum->rejected),
          sum->replaced ? " (replaced)" : "", sum->seconds, name);
      if (!sum->rejects_file.empty()) ctx.out << "  rejected rows: " << sum->rejects_file << "\n";
    }
    ctx.out.flush();
  }
  // Watched companies are re-evaluated with the new statements; the summary ends with new alerts.
  reevaluate_watched(ctx);
  if (ctx.options.json) ctx.out << exchange::dump(json);
  return {};
}

}  // namespace

void register_data_dart_command(Registry& r) {
  auto* import = r.app().get_subcommand("data")->get_subcommand("import");
  auto args = std::make_shared<DartImportArgs>();
  auto* dart = import->add_subcommand(
      "dart",
      "Import OpenDART bulk financial statements (재무정보 일괄다운로드 .txt), CP949 or UTF-8, "
      "plain or .gz");
  dart->add_option("files", args->files,
                   "Statement files of annual reports (사업보고서): 재무상태표, 손익계산서, "
                   "포괄손익계산서; others are skipped")
      ->required();
  dart->add_option("--rejects", args->rejects,
                   "Folder for the rejected rows (default: 'rejects' beside the workspace)");
  dart->add_flag("--quiet", args->quiet,
                 "No progress bar; summary lines only for files with rejected rows");
  examples(dart, {"ijik data import dart 2024_사업보고서_01_재무상태표_연결_20250512.txt",
                  "ijik data import dart dart/*.txt --rejects ./rejects --json"});
  r.on(dart, Access::kNone, [args](Context& ctx) { return import_dart(ctx, *args); });
}

}  // namespace ijik::cli
