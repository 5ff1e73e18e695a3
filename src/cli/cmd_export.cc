// ijik export json|csv|ics [-o FILE] and ijik import json|csv FILE
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/files.h"
#include "exchange/csv_table.h"
#include "exchange/ics.h"
#include "exchange/json_archive.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"

namespace ijik::cli {
namespace {

Status do_export(Context& ctx, const std::string& format, const std::string& output) {
  std::string data;
  if (format == "json") {
    IJIK_ASSIGN_OR_RETURN(data, exchange::export_json_archive(ctx.db));
  } else if (format == "csv" || format == "ics") {
    store::ApplicationRepo repo(ctx.db);
    IJIK_ASSIGN_OR_RETURN(auto apps, repo.list());
    data = format == "csv" ? exchange::export_csv(apps) : exchange::export_ics(apps);
  } else {
    return invalid_input(
        fmt::format("unknown export format '{}': expected json, csv or ics", format));
  }
  if (output.empty() || output == "-") {
    ctx.out << data;
    return {};
  }
  IJIK_RETURN_IF_ERROR(write_file(output, data));
  ctx.err << fmt::format("ijik: wrote {} ({} bytes)\n", output, data.size());
  return {};
}

Status do_import(Context& ctx, const std::string& format, const std::string& path) {
  if (format != "json" && format != "csv")
    return invalid_input(fmt::format("unknown import format '{}': expected json or csv", format));
  IJIK_ASSIGN_OR_RETURN(auto bytes, read_file(path));
  if (format == "json") {
    auto sum = exchange::import_json_archive(ctx.db, bytes);
    if (!sum.ok()) return Error{sum.error().code, fmt::format("{}: {}", path, sum.error().message)};
    if (ctx.options.json) {
      ctx.out << exchange::dump({{"companies", sum->companies_added},
                                 {"companies_merged", sum->companies_merged},
                                 {"applications", sum->applications},
                                 {"stages", sum->stages},
                                 {"contacts", sum->contacts},
                                 {"templates", sum->templates},
                                 {"journal_entries", sum->journal_entries}});
      return {};
    }
    ctx.out << fmt::format(
        "Imported {} applications ({} stages), {} new companies ({} already present), {} contacts, "
        "{} templates\n",
        sum->applications, sum->stages, sum->companies_added, sum->companies_merged, sum->contacts,
        sum->templates);
    if (sum->journal_entries)
      ctx.out << fmt::format("Imported {} journal entries\n", sum->journal_entries);
    if (sum->templates_skipped)
      ctx.out << fmt::format("Skipped {} templates whose names exist already\n",
                             sum->templates_skipped);
    return {};
  }
  IJIK_ASSIGN_OR_RETURN(auto sum, exchange::import_csv(ctx.db, bytes, path));
  for (const auto& c : sum.unknown_columns)
    ctx.err << fmt::format(
        "ijik: unknown column '{}': its values were kept in each application's note\n", c);
  if (ctx.options.json) {
    ctx.out << exchange::dump({{"applications", sum.applications},
                               {"stages", sum.stages},
                               {"companies", sum.companies_added},
                               {"unknown_columns", sum.unknown_columns}});
    return {};
  }
  ctx.out << fmt::format("Imported {} applications ({} stages), {} new companies\n",
                         sum.applications, sum.stages, sum.companies_added);
  return {};
}

}  // namespace

void register_export_command(Registry& r) {
  auto format = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  auto* sub = r.app().add_subcommand(
      "export", "Export the tracker: json (lossless), csv (spreadsheet) or ics (calendar)");
  sub->add_option("format", *format, "json, csv or ics")->required();
  sub->add_option("-o,--output", *output, "Write to FILE instead of standard output");
  examples(sub, {"ijik export json -o backup.json", "ijik export csv -o applications.csv",
                 "ijik export ics -o interviews.ics"});
  r.on(sub, Access::kRead,
       [format, output](Context& ctx) { return do_export(ctx, *format, *output); });
}

void register_import_command(Registry& r) {
  auto format = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto* sub = r.app().add_subcommand(
      "import", "Import json (an ijik archive) or csv (a spreadsheet of applications)");
  sub->add_option("format", *format, "json or csv")->required();
  sub->add_option("file", *file, "File to import")->required();
  examples(sub, {"ijik import json backup.json", "ijik import csv 지원현황.csv"});
  r.on(sub, Access::kWrite,
       [format, file](Context& ctx) { return do_import(ctx, *format, *file); });
}

}  // namespace ijik::cli
