// ijik data import nps FILE... [--rejects DIR] [--quiet]; ijik data status
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "cli/alerts_view.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "common/money.h"
#include "exchange/json_view.h"
#include "ingest/nps_import.h"
#include "store/finance_repo.h"
#include "store/nps_repo.h"

namespace ijik::cli {
namespace {

namespace fs = std::filesystem;

struct ImportArgs {
  std::vector<std::string> files;
  std::string rejects;
  bool quiet = false;
};

// "[##########..........]  48%  265,000 rows  530,000 rows/s  ETA 1s" on one redrawn line.
void draw_progress(std::ostream& err, const std::string& name, const ingest::NpsProgress& p) {
  double frac =
      p.bytes_total ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total) : 0.0;
  int filled = static_cast<int>(frac * 20);
  double rate = p.seconds > 0 ? static_cast<double>(p.rows) / p.seconds : 0;
  double eta = frac > 0 ? p.seconds * (1 - frac) / frac : 0;
  err << fmt::format("\r{} [{}{}] {:3.0f}%  {} rows  {} rows/s  ETA {:.0f}s\x1b[K", name,
                     std::string(filled, '#'), std::string(20 - filled, '.'), frac * 100,
                     group_thousands(p.rows), group_thousands(static_cast<int64_t>(rate)), eta)
      << std::flush;
}

Status import_nps(Context& ctx, const ImportArgs& a) {
  // Import in month order, whatever order the files were given in, so that
  // renames are followed forward in time.
  std::vector<std::pair<YearMonth, std::string>> files;
  for (const auto& f : a.files) {
    IJIK_ASSIGN_OR_RETURN(auto month, ingest::peek_nps_month(f));
    files.emplace_back(month, f);
  }
  std::stable_sort(files.begin(), files.end(),
                   [](const auto& l, const auto& r) { return l.first < r.first; });

  ingest::NpsImporter importer(ctx.db);
  IJIK_RETURN_IF_ERROR(importer.load());
  ingest::NpsImportOptions options;
  options.rejects_dir =
      !a.rejects.empty() ? a.rejects : (fs::path(ctx.db_path).parent_path() / "rejects").string();
  const bool bar = !a.quiet && !ctx.options.json && isatty(STDERR_FILENO);
  auto json = nlohmann::ordered_json::array();
  int committed = 0;  // files in
  for (const auto& [month, path] : files) {
    const std::string name = fs::path(path).filename().string();
    if (bar)
      options.progress = [&ctx, label = month.iso()](const ingest::NpsProgress& p) {
        draw_progress(ctx.err, label, p);
      };
    auto sum = importer.import_file(path, options);
    if (bar) ctx.err << "\r\x1b[K" << std::flush;
    if (!sum.ok()) {
      // Files before this one are in: finish their metrics, and say which they were.
      if (importer.finish().ok() && committed > 0) reevaluate_watched(ctx);
      if (ctx.options.json) ctx.out << exchange::dump(json);
      return sum.error();
    }
    if (ctx.options.json) {
      json.push_back(
          {{"file", name},
           {"month", sum->month.iso()},
           {"rows", sum->rows},
           {"imported", sum->imported},
           {"rejected", sum->rejected},
           {"new", sum->created},
           {"continued", sum->continued},
           {"renamed", sum->renamed},
           {"moved", sum->moved},
           {"withdrawn", sum->withdrawn},
           {"replaced", sum->replaced},
           {"rejects_file", sum->rejects_file.empty() ? nlohmann::ordered_json(nullptr)
                                                      : nlohmann::ordered_json(sum->rejects_file)},
           {"seconds", std::round(sum->seconds * 1000) / 1000}});
    } else if (!a.quiet || sum->rejected > 0) {
      ctx.out << fmt::format(
          "{}  {} rows: {} new, {} continued, {} withdrawn, {} rejected{}  {:.2f}s  {}\n",
          sum->month.iso(), group_thousands(sum->rows), group_thousands(sum->created),
          group_thousands(sum->continued), group_thousands(sum->withdrawn),
          group_thousands(sum->rejected), sum->replaced ? " (replaced)" : "", sum->seconds, name);
      if (!sum->rejects_file.empty()) ctx.out << "  rejected rows: " << sum->rejects_file << "\n";
    }
    ++committed;
    // The output is written as each file commits, so it survives a later failure.
    ctx.out.flush();
    // Many months in one call: the metrics pass every few months keeps the
    // points held in memory to three or four a workplace (peak memory ≤ 1 GiB
    // for 24 full-size months; docs/performance.md).
    if (importer.held_points() > 3 * importer.workplaces()) IJIK_RETURN_IF_ERROR(importer.finish());
  }
  IJIK_RETURN_IF_ERROR(importer.finish());
  reevaluate_watched(ctx);
  if (ctx.options.json) ctx.out << exchange::dump(json);
  return {};
}

// The DART statement files, after the months: year, statement, basis, counts.
void print_dart_files(Context& ctx, const std::vector<store::DartFileRecord>& files) {
  Table t({"사업연도", "재무제표", "기준", "행", "수치", "제외", "가져온 때", "파일"});
  for (size_t c = 3; c <= 5; ++c) t.align(c, Table::Align::kRight);
  for (const auto& f : files)
    t.add({std::to_string(f.key.period_year), f.key.statement, f.key.basis, group_thousands(f.rows),
           group_thousands(f.kept), group_thousands(f.rejected), f.imported_at, f.source_file});
  ctx.out << "\nDART 재무제표 파일 (OpenDART financial statements)\n" << t.render(ctx.color);
}

Status data_status(Context& ctx) {
  store::NpsRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto months, repo.months());
  store::FinanceRepo finance(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto dart_files, finance.dart_files());
  std::vector<std::string> gaps;
  for (size_t i = 1; i < months.size(); ++i)
    for (YearMonth m = months[i - 1].month.plus(1); m < months[i].month; m = m.plus(1))
      gaps.push_back(m.iso());
  if (ctx.options.json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& m : months)
      arr.push_back({{"month", m.month.iso()},
                     {"rows", m.rows},
                     {"rejected", m.rejected},
                     {"file", m.source_file},
                     {"imported_at", m.imported_at}});
    auto dart = nlohmann::ordered_json::array();
    for (const auto& f : dart_files)
      dart.push_back(exchange::object({{"year", f.key.period_year},
                                       {"report", f.key.report_kind},
                                       {"statement", f.key.statement},
                                       {"basis", f.key.basis},
                                       {"rows", f.rows},
                                       {"figures", f.kept},
                                       {"rejected", f.rejected},
                                       {"file", f.source_file},
                                       {"imported_at", f.imported_at}}));
    ctx.out << exchange::dump({{"months", arr}, {"gaps", gaps}, {"dart_files", dart}});
    return {};
  }
  if (months.empty() && dart_files.empty()) {
    ctx.out << "No public data yet. Import National Pension workplace files with: ijik data import "
               "nps FILE...\n";
    return {};
  }
  if (months.empty()) {
    ctx.out << "No National Pension months yet. Import workplace files with: ijik data import "
               "nps FILE...\n";
  } else {
    Table t({"월", "행", "제외", "가져온 때", "파일"});
    t.align(1, Table::Align::kRight).align(2, Table::Align::kRight);
    for (const auto& m : months)
      t.add({m.month.iso(), group_thousands(m.rows), group_thousands(m.rejected), m.imported_at,
             m.source_file});
    ctx.out << t.render(ctx.color);
    ctx.out << fmt::format("{} months, {} to {}", months.size(), months.front().month.iso(),
                           months.back().month.iso());
    if (gaps.empty())
      ctx.out << ", no gaps\n";
    else {
      std::string g;
      for (const auto& m : gaps) g += (g.empty() ? "" : ", ") + m;
      ctx.out << "; missing: " << g << "\n";
    }
  }
  if (!dart_files.empty()) print_dart_files(ctx, dart_files);
  return {};
}

}  // namespace

void register_data_commands(Registry& r) {
  auto* data = r.app().add_subcommand(
      "data", "Public data: import National Pension workplace files, see what is in");
  data->require_subcommand(1);
  auto* import = data->add_subcommand("import", "Import public data files");
  import->require_subcommand(1);
  auto args = std::make_shared<ImportArgs>();
  auto* nps = import->add_subcommand("nps",
                                     "Import National Pension workplace files (국민연금 가입 "
                                     "사업장 내역), CP949 or UTF-8, plain or .gz");
  nps->add_option("files", args->files, "One or more monthly files, in any order")->required();
  nps->add_option("--rejects", args->rejects,
                  "Folder for the rejected rows (default: 'rejects' beside the workspace)");
  nps->add_flag("--quiet", args->quiet,
                "No progress bar; summary lines only for files with rejected rows");
  examples(nps, {"ijik data import nps '국민연금공단_국민연금 가입 사업장 내역_20250131.csv'",
                 "ijik data import nps downloads/*.csv.gz --rejects ./rejects --json"});
  r.on(nps, Access::kNone, [args](Context& ctx) { return import_nps(ctx, *args); });

  auto* status = data->add_subcommand("status", "Months of public data in the workspace, and gaps");
  examples(status, {"ijik data status", "ijik data status --json"});
  r.on(status, Access::kRead, [](Context& ctx) { return data_status(ctx); });
}

}  // namespace ijik::cli
