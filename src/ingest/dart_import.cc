#include "ingest/dart_import.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <map>

#include "ingest/import_files.h"
#include "store/finance_repo.h"
#include "text/korean.h"

namespace ijik::ingest {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The file's company as a DartCompany record (codes kept from `known` when the
// file lacks them).
store::DartCompany record_of(const DartFileCompany& c, const store::DartCompany* known) {
  store::DartCompany d;
  if (known) d = *known;
  if (!c.stock_code.empty()) d.stock_code = c.stock_code;
  if (!c.corp_code.empty()) d.corp_code = c.corp_code;
  d.name = c.name;
  d.name_key = text::normalize_company_name(c.name);
  if (!c.market.empty() || !known) d.market = c.market;
  if (!c.industry_code.empty() || !known) d.industry_code = c.industry_code;
  if (!c.industry_name.empty() || !known) d.industry_name = c.industry_name;
  if (c.fiscal_month) d.fiscal_month = c.fiscal_month;
  return d;
}

bool same(const store::DartCompany& a, const store::DartCompany& b) {
  return a.stock_code == b.stock_code && a.corp_code == b.corp_code && a.name == b.name &&
         a.market == b.market && a.industry_code == b.industry_code &&
         a.industry_name == b.industry_name && a.fiscal_month == b.fiscal_month;
}

}  // namespace

Result<DartFileSummary> DartImporter::import_file(const std::string& path,
                                                  const DartImportOptions& options) {
  const auto started = Clock::now();
  DartFileSummary sum;
  sum.file = path;
  IJIK_ASSIGN_OR_RETURN(auto bytes,
                        read_file_bytes(path, "an OpenDART statement .txt or .txt.gz file"));
  DartParseOptions parse_options;
  if (options.progress)
    parse_options.progress = [&](size_t done, size_t total) {
      options.progress(
          {done, total, std::chrono::duration<double>(Clock::now() - started).count()});
    };
  IJIK_ASSIGN_OR_RETURN(auto parsed, parse_dart_file(bytes, path, parse_options));
  sum.period_year = parsed.period_year;
  sum.report_kind = parsed.report_kind;
  sum.kind = parsed.kind;
  sum.rows = parsed.rows;
  sum.rejected = static_cast<int64_t>(parsed.rejects.size());
  if (!parsed.skipped.empty()) {
    sum.skipped = parsed.skipped;
    sum.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return sum;
  }
  if (parsed.kept == 0 && parsed.companies.empty())
    return bad_file(
        fmt::format("{}: no row could be imported ({} rejected): expected OpenDART statement rows",
                    path, sum.rejected));

  IJIK_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(db_, true));
  store::FinanceRepo repo(db_);
  store::DartFileKey key{parsed.period_year, parsed.report_kind,
                         std::string(statement_key(parsed.kind.statement)),
                         std::string(domain::basis_key(parsed.kind.basis))};
  // Importing the same statement again (or a later download of it) replaces
  // the figures of the companies it holds; the others keep theirs, so a file
  // cut down to a few companies never wipes the rest.
  IJIK_ASSIGN_OR_RETURN(auto existing, repo.find_dart_file(key));
  sum.replaced = existing.has_value();
  store::DartFileRecord file;
  file.key = key;
  file.source_file = fs::path(path).filename().string();
  file.rows = sum.rows;
  file.rejected = sum.rejected;
  if (existing)
    file.id = *existing;
  else
    IJIK_RETURN_IF_ERROR(repo.insert_dart_file(file));

  // The known companies, by stock code, corp code and (for those without codes) name.
  IJIK_ASSIGN_OR_RETURN(auto known, repo.dart_companies());
  std::map<std::string, size_t> by_stock, by_corp, by_name;
  for (size_t i = 0; i < known.size(); ++i) {
    if (known[i].stock_code) by_stock[*known[i].stock_code] = i;
    if (known[i].corp_code) by_corp[*known[i].corp_code] = i;
    if (!known[i].stock_code && !known[i].corp_code) by_name[known[i].name] = i;
  }
  auto find = [&](const DartFileCompany& c) -> store::DartCompany* {
    std::map<std::string, size_t>::iterator it;
    if (!c.stock_code.empty() && (it = by_stock.find(c.stock_code)) != by_stock.end())
      return &known[it->second];
    if (!c.corp_code.empty() && (it = by_corp.find(c.corp_code)) != by_corp.end())
      return &known[it->second];
    if (c.stock_code.empty() && c.corp_code.empty() && (it = by_name.find(c.name)) != by_name.end())
      return &known[it->second];
    return nullptr;
  };
  for (const auto& c : parsed.companies) {
    store::DartCompany* k = find(c);
    store::DartCompany d = record_of(c, k);
    if (!k) {
      IJIK_RETURN_IF_ERROR(repo.insert_dart_company(d));
      ++sum.created;
    } else {
      if (!same(d, *k)) {
        // The later file's name and columns win (companies rename).
        IJIK_RETURN_IF_ERROR(repo.update_dart_company(d));
      }
      if (sum.replaced) IJIK_RETURN_IF_ERROR(repo.delete_dart_figures(d.id, file.id));
    }
    for (const auto& fig : c.figures)
      IJIK_RETURN_IF_ERROR(repo.put_dart_figure(d.id, fig, file.id));
    sum.kept += static_cast<int64_t>(c.figures.size());
  }
  sum.companies = static_cast<int64_t>(parsed.companies.size());
  file.kept = sum.kept;
  IJIK_RETURN_IF_ERROR(repo.update_dart_file(file));

  if (!parsed.rejects.empty()) {
    const std::string base = fs::path(path).filename().string();
    std::string name = base + ".rejects.csv";
    for (int n = 2; !used_rejects_names_.insert(name).second; ++n)
      name = fmt::format("{}-{}.rejects.csv", base, n);
    RejectsWriter rejects(options.rejects_dir, path, name);
    for (const auto& r : parsed.rejects)
      IJIK_RETURN_IF_ERROR(rejects.add_text(r.line, r.reason, r.raw));
    sum.rejects_file = rejects.path();
  }
  IJIK_RETURN_IF_ERROR(tx.commit());
  sum.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return sum;
}

}  // namespace ijik::ingest
