// Financial statements and funding: the OpenDART tables (dart_*), the
// statements and funding rounds a user enters (company_financials,
// company_funding, funding_investors) and the link of a user's company to its
// DART company (company_dart). All their SQL lives here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/financial_years.h"
#include "domain/financials.h"
#include "store/database.h"

namespace ijik::store {

// A company seen in the OpenDART bulk files.
struct DartCompany {
  int64_t id = 0;
  std::optional<std::string> stock_code;  // 종목코드 without brackets
  std::optional<std::string> corp_code;   // OpenDART 고유번호
  std::string name, name_key, market, industry_code, industry_name;
  std::optional<int> fiscal_month;
};

// What identifies an imported statement file (importing it again replaces it).
struct DartFileKey {
  int period_year = 0;
  std::string report_kind;  // 사업보고서
  std::string statement;    // balance | income | comprehensive
  std::string basis;        // consolidated | separate
};

struct DartFileRecord {
  int64_t id = 0;
  DartFileKey key;
  std::string source_file;
  int64_t rows = 0, kept = 0, rejected = 0;
  std::string imported_at;
};

// A user's company tied to a DART company, by the DART company's codes.
struct DartLink {
  int64_t company_id = 0;
  std::optional<std::string> stock_code, corp_code;
  std::string dart_name;
  std::string linked_at;
};

class FinanceRepo {
 public:
  explicit FinanceRepo(Database& db) : db_(db) {}

  // --- What the vetting reads -------------------------------------------
  // One row per fiscal year, newest first: the linked DART company's figures
  // (consolidated preferred over separate, see domain::years_from_dart)
  // merged with the years the user entered (domain::merge_years).
  Result<std::vector<domain::FinancialYear>> years_for_company(int64_t company_id);
  // The user's funding rounds, oldest first.
  Result<std::vector<domain::FundingRound>> funding_for_company(int64_t company_id);
  // A DART company's own years (no user figures), newest first.
  Result<std::vector<domain::FinancialYear>> years_for_dart_company(int64_t dart_company_id);

  // --- Hand-entered statements and funding -------------------------------
  // The years the user entered, newest first (basis kUserEntered).
  Result<std::vector<domain::FinancialYear>> user_years(int64_t company_id);
  // Inserts or replaces the user's year `y.year`.
  Status put_user_year(int64_t company_id, const domain::FinancialYear& y);
  // False when the round (same month and name) is already recorded.
  Result<bool> add_funding(int64_t company_id, const domain::FundingRound& f);

  // --- DART link ------------------------------------------------------
  Status link_dart(int64_t company_id, const DartCompany& d);
  Result<std::optional<DartLink>> dart_link(int64_t company_id);
  // The DART company the link points at, when it is in the workspace.
  Result<std::optional<DartCompany>> linked_dart_company(int64_t company_id);

  // --- DART companies ---------------------------------------------------
  Result<std::vector<DartCompany>> dart_companies();
  Result<int64_t> dart_company_count();
  Result<std::optional<DartCompany>> dart_company(int64_t id);
  Result<std::optional<DartCompany>> dart_by_stock_code(const std::string& code);
  Result<std::optional<DartCompany>> dart_by_corp_code(const std::string& code);
  // Exact name, else normalized-name matches.
  Result<std::vector<DartCompany>> dart_by_name(const std::string& name);
  // Sets d.id.
  Status insert_dart_company(DartCompany& d);
  // Writes the descriptive columns (name, market, industry, codes) of d.id.
  Status update_dart_company(const DartCompany& d);

  // --- DART files and figures (the importer) ----------------------------
  Result<std::vector<DartFileRecord>> dart_files();
  // The id of the file imported with that key, if any.
  Result<std::optional<int64_t>> find_dart_file(const DartFileKey& key);
  // Sets f.id.
  Status insert_dart_file(DartFileRecord& f);
  // Rewrites the file's source, counts and import time (a file imported again).
  Status update_dart_file(const DartFileRecord& f);
  // Removes the figures one company got from one file (before it is imported again).
  Status delete_dart_figures(int64_t dart_company_id, int64_t file_id);
  // Writes one figure (replacing the same company, year, basis, item and lag).
  Status put_dart_figure(int64_t dart_company_id, const domain::DartFigure& fig, int64_t file_id);
  Result<std::vector<domain::DartFigure>> dart_figures(int64_t dart_company_id);

 private:
  Database& db_;
  Statement put_figure_;  // prepared once per import
};

}  // namespace ijik::store
