#include "store/finance_repo.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "text/korean.h"

namespace ijik::store {
namespace {

using domain::FinanceItem;
using domain::StatementBasis;

constexpr const char* kDartColumns =
    "id, stock_code, corp_code, name, name_key, market, industry_code, industry_name, "
    "fiscal_month";

DartCompany read_dart(const Statement& st) {
  DartCompany d;
  d.id = st.int64(0);
  d.stock_code = st.optional_text(1);
  d.corp_code = st.optional_text(2);
  d.name = st.text(3);
  d.name_key = st.text(4);
  d.market = st.text(5);
  d.industry_code = st.text(6);
  d.industry_name = st.text(7);
  if (auto m = st.optional_int64(8)) d.fiscal_month = static_cast<int>(*m);
  return d;
}

Result<std::vector<DartCompany>> dart_rows(Statement& st) {
  std::vector<DartCompany> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back(read_dart(st));
  }
  return out;
}

// The DART company whose `column` (a unique one: id, stock_code, corp_code) is `value`.
template <typename T>
Result<std::optional<DartCompany>> one_dart(Database& db, std::string_view column, const T& value) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db.prepare(fmt::format("SELECT {} FROM dart_companies WHERE {} = ?", kDartColumns, column)));
  st.bind(1, value);
  IJIK_ASSIGN_OR_RETURN(auto rows, dart_rows(st));
  if (rows.empty()) return std::optional<DartCompany>();
  return std::optional<DartCompany>(rows.front());
}

StatementBasis parse_basis(const std::string& s) {
  return s == "consolidated" ? StatementBasis::kConsolidated : StatementBasis::kSeparate;
}

// The user's columns of company_financials, in table order after `source`.
constexpr const char* kItemColumns =
    "revenue, operating_income, net_income, total_assets, total_liabilities, total_equity, "
    "paid_in_capital, cash";

}  // namespace

Result<std::vector<domain::FinancialYear>> FinanceRepo::years_for_company(int64_t company_id) {
  std::vector<domain::FinancialYear> dart;
  IJIK_ASSIGN_OR_RETURN(auto linked, linked_dart_company(company_id));
  if (linked) {
    IJIK_ASSIGN_OR_RETURN(dart, years_for_dart_company(linked->id));
  }
  IJIK_ASSIGN_OR_RETURN(auto user, user_years(company_id));
  return domain::merge_years(dart, user);
}

Result<std::vector<domain::FinancialYear>> FinanceRepo::years_for_dart_company(
    int64_t dart_company_id) {
  IJIK_ASSIGN_OR_RETURN(auto figures, dart_figures(dart_company_id));
  return domain::years_from_dart(figures);
}

Result<std::vector<domain::FundingRound>> FinanceRepo::funding_for_company(int64_t company_id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT id, month, round, amount, note FROM "
                                             "company_funding WHERE company_id = ? "
                                             "ORDER BY month, id"));
  IJIK_ASSIGN_OR_RETURN(auto inv, db_.prepare("SELECT name FROM funding_investors WHERE "
                                              "funding_id = ? ORDER BY position"));
  st.bind(1, company_id);
  std::vector<domain::FundingRound> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::FundingRound f;
    auto month = parse_year_month(st.text(1));
    if (month.ok()) f.date = *month;
    f.round = st.text(2);
    f.amount = st.optional_int64(3);
    f.note = st.text(4);
    inv.reset();
    inv.bind(1, st.int64(0));
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool irow, inv.step());
      if (!irow) break;
      f.investors.push_back(inv.text(0));
    }
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::vector<domain::FinancialYear>> FinanceRepo::user_years(int64_t company_id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare(fmt::format("SELECT year, source, {} FROM "
                                                         "company_financials WHERE company_id = ? "
                                                         "ORDER BY year DESC",
                                                         kItemColumns)));
  st.bind(1, company_id);
  std::vector<domain::FinancialYear> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::FinancialYear y;
    y.year = static_cast<int>(st.int64(0));
    y.basis = StatementBasis::kUserEntered;
    y.source = st.text(1);
    int col = 2;
    for (FinanceItem item : domain::kFinanceItems)
      domain::field(y, item) = st.optional_int64(col++);
    out.push_back(std::move(y));
  }
  return out;
}

Status FinanceRepo::put_user_year(int64_t company_id, const domain::FinancialYear& y) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare(fmt::format("INSERT OR REPLACE INTO company_financials(company_id, "
                                       "year, source, {}, entered_at) VALUES "
                                       "(?,?,?,?,?,?,?,?,?,?,?,?)",
                                       kItemColumns)));
  st.bind(1, company_id).bind(2, y.year).bind(3, y.source);
  int col = 4;
  for (FinanceItem item : domain::kFinanceItems) st.bind(col++, domain::field(y, item));
  st.bind(col, now_utc_iso());
  return st.run();
}

Result<bool> FinanceRepo::add_funding(int64_t company_id, const domain::FundingRound& f) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("INSERT OR IGNORE INTO company_funding(company_id, month, "
                                    "round, amount, note, created_at) VALUES (?,?,?,?,?,?)"));
  st.bind(1, company_id)
      .bind(2, f.date.iso())
      .bind(3, f.round)
      .bind(4, f.amount)
      .bind(5, f.note)
      .bind(6, now_utc_iso());
  IJIK_RETURN_IF_ERROR(st.run());
  if (db_.changes() == 0) return false;
  const int64_t id = db_.last_insert_id();
  IJIK_ASSIGN_OR_RETURN(auto inv, db_.prepare("INSERT INTO funding_investors(funding_id, "
                                              "position, name) VALUES (?,?,?)"));
  for (size_t i = 0; i < f.investors.size(); ++i) {
    inv.reset();
    IJIK_RETURN_IF_ERROR(
        inv.bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, f.investors[i]).run());
  }
  return true;
}

Status FinanceRepo::link_dart(int64_t company_id, const DartCompany& d) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT OR REPLACE INTO company_dart(company_id, "
                                             "stock_code, corp_code, dart_name, linked_at) "
                                             "VALUES (?,?,?,?,?)"));
  return st.bind(1, company_id)
      .bind(2, d.stock_code)
      .bind(3, d.corp_code)
      .bind(4, d.name)
      .bind(5, now_utc_iso())
      .run();
}

Result<std::optional<DartLink>> FinanceRepo::dart_link(int64_t company_id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT stock_code, corp_code, dart_name, linked_at "
                                             "FROM company_dart WHERE company_id = ?"));
  st.bind(1, company_id);
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<DartLink>();
  DartLink l;
  l.company_id = company_id;
  l.stock_code = st.optional_text(0);
  l.corp_code = st.optional_text(1);
  l.dart_name = st.text(2);
  l.linked_at = st.text(3);
  return std::optional<DartLink>(std::move(l));
}

Result<std::optional<DartCompany>> FinanceRepo::linked_dart_company(int64_t company_id) {
  IJIK_ASSIGN_OR_RETURN(auto link, dart_link(company_id));
  if (!link) return std::optional<DartCompany>();
  if (link->stock_code) {
    IJIK_ASSIGN_OR_RETURN(auto d, dart_by_stock_code(*link->stock_code));
    if (d) return d;
  }
  if (link->corp_code) {
    IJIK_ASSIGN_OR_RETURN(auto d, dart_by_corp_code(*link->corp_code));
    if (d) return d;
  }
  if (!link->stock_code && !link->corp_code) {
    // A filer without codes is known by its name alone.
    IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare(fmt::format("SELECT {} FROM dart_companies WHERE "
                                                           "name = ? AND stock_code IS NULL AND "
                                                           "corp_code IS NULL ORDER BY id LIMIT 1",
                                                           kDartColumns)));
    st.bind(1, link->dart_name);
    IJIK_ASSIGN_OR_RETURN(auto rows, dart_rows(st));
    if (!rows.empty()) return std::optional<DartCompany>(rows.front());
  }
  return std::optional<DartCompany>();
}

Result<std::vector<DartCompany>> FinanceRepo::dart_companies() {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare(fmt::format("SELECT {} FROM dart_companies ORDER BY "
                                                         "id",
                                                         kDartColumns)));
  return dart_rows(st);
}

Result<int64_t> FinanceRepo::dart_company_count() {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT count(*) FROM dart_companies"));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  return row ? st.int64(0) : int64_t{0};
}

Result<std::optional<DartCompany>> FinanceRepo::dart_company(int64_t id) {
  return one_dart(db_, "id", id);
}

Result<std::optional<DartCompany>> FinanceRepo::dart_by_stock_code(const std::string& code) {
  return one_dart(db_, "stock_code", code);
}

Result<std::optional<DartCompany>> FinanceRepo::dart_by_corp_code(const std::string& code) {
  return one_dart(db_, "corp_code", code);
}

Result<std::vector<DartCompany>> FinanceRepo::dart_by_name(const std::string& name) {
  for (const char* column : {"name", "name_key"}) {
    IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare(fmt::format("SELECT {} FROM dart_companies WHERE "
                                                           "{} = ? ORDER BY id",
                                                           kDartColumns, column)));
    st.bind(1, column == std::string_view("name") ? name : text::normalize_company_name(name));
    IJIK_ASSIGN_OR_RETURN(auto rows, dart_rows(st));
    if (!rows.empty()) return rows;
  }
  return std::vector<DartCompany>();
}

Status FinanceRepo::insert_dart_company(DartCompany& d) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO dart_companies(stock_code, corp_code, "
                                             "name, name_key, market, industry_code, "
                                             "industry_name, fiscal_month) VALUES "
                                             "(?,?,?,?,?,?,?,?)"));
  std::optional<int64_t> fm;
  if (d.fiscal_month) fm = *d.fiscal_month;
  IJIK_RETURN_IF_ERROR(st.bind(1, d.stock_code)
                           .bind(2, d.corp_code)
                           .bind(3, d.name)
                           .bind(4, d.name_key)
                           .bind(5, d.market)
                           .bind(6, d.industry_code)
                           .bind(7, d.industry_name)
                           .bind(8, fm)
                           .run());
  d.id = db_.last_insert_id();
  return {};
}

Status FinanceRepo::update_dart_company(const DartCompany& d) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("UPDATE dart_companies SET stock_code = ?, "
                                             "corp_code = ?, name = ?, name_key = ?, market = ?, "
                                             "industry_code = ?, industry_name = ?, "
                                             "fiscal_month = ? WHERE id = ?"));
  std::optional<int64_t> fm;
  if (d.fiscal_month) fm = *d.fiscal_month;
  return st.bind(1, d.stock_code)
      .bind(2, d.corp_code)
      .bind(3, d.name)
      .bind(4, d.name_key)
      .bind(5, d.market)
      .bind(6, d.industry_code)
      .bind(7, d.industry_name)
      .bind(8, fm)
      .bind(9, d.id)
      .run();
}

Result<std::vector<DartFileRecord>> FinanceRepo::dart_files() {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("SELECT id, period_year, report_kind, statement, basis, "
                                    "source_file, rows, kept, rejected, imported_at FROM "
                                    "dart_files ORDER BY period_year, statement, basis"));
  std::vector<DartFileRecord> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    DartFileRecord f;
    f.id = st.int64(0);
    f.key.period_year = static_cast<int>(st.int64(1));
    f.key.report_kind = st.text(2);
    f.key.statement = st.text(3);
    f.key.basis = st.text(4);
    f.source_file = st.text(5);
    f.rows = st.int64(6);
    f.kept = st.int64(7);
    f.rejected = st.int64(8);
    f.imported_at = st.text(9);
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::optional<int64_t>> FinanceRepo::find_dart_file(const DartFileKey& key) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT id FROM dart_files WHERE period_year = ? AND "
                                             "report_kind = ? AND statement = ? AND basis = ?"));
  st.bind(1, key.period_year).bind(2, key.report_kind).bind(3, key.statement).bind(4, key.basis);
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st.int64(0));
}

Status FinanceRepo::delete_dart_figures(int64_t dart_company_id, int64_t file_id) {
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("DELETE FROM dart_values WHERE dart_company_id = ? AND file_id = ?"));
  return st.bind(1, dart_company_id).bind(2, file_id).run();
}

Status FinanceRepo::insert_dart_file(DartFileRecord& f) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO dart_files(period_year, report_kind, "
                                             "statement, basis, source_file, rows, kept, "
                                             "rejected, imported_at) VALUES (?,?,?,?,?,?,?,?,?)"));
  if (f.imported_at.empty()) f.imported_at = now_utc_iso();
  IJIK_RETURN_IF_ERROR(st.bind(1, f.key.period_year)
                           .bind(2, f.key.report_kind)
                           .bind(3, f.key.statement)
                           .bind(4, f.key.basis)
                           .bind(5, f.source_file)
                           .bind(6, f.rows)
                           .bind(7, f.kept)
                           .bind(8, f.rejected)
                           .bind(9, f.imported_at)
                           .run());
  f.id = db_.last_insert_id();
  return {};
}

Status FinanceRepo::update_dart_file(const DartFileRecord& f) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("UPDATE dart_files SET source_file = ?, rows = ?, "
                                             "kept = ?, rejected = ?, imported_at = ? WHERE id = "
                                             "?"));
  return st.bind(1, f.source_file)
      .bind(2, f.rows)
      .bind(3, f.kept)
      .bind(4, f.rejected)
      .bind(5, f.imported_at.empty() ? now_utc_iso() : f.imported_at)
      .bind(6, f.id)
      .run();
}

Status FinanceRepo::put_dart_figure(int64_t dart_company_id, const domain::DartFigure& fig,
                                    int64_t file_id) {
  if (!put_figure_.bound()) {
    IJIK_ASSIGN_OR_RETURN(put_figure_,
                          db_.prepare("INSERT OR REPLACE INTO dart_values(dart_company_id, year, "
                                      "basis, item, lag, amount, file_id) VALUES "
                                      "(?,?,?,?,?,?,?)"));
  }
  put_figure_.reset();
  return put_figure_.bind(1, dart_company_id)
      .bind(2, fig.year)
      .bind(3, domain::basis_key(fig.basis))
      .bind(4, domain::item_key(fig.item))
      .bind(5, fig.lag)
      .bind(6, fig.amount)
      .bind(7, file_id)
      .run();
}

Result<std::vector<domain::DartFigure>> FinanceRepo::dart_figures(int64_t dart_company_id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT year, basis, item, lag, amount FROM "
                                             "dart_values WHERE dart_company_id = ? ORDER BY "
                                             "year, basis, item, lag"));
  st.bind(1, dart_company_id);
  std::vector<domain::DartFigure> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    auto item = domain::parse_item_key(st.text(2));
    if (!item) continue;  // the CHECK keeps this from happening
    out.push_back({static_cast<int>(st.int64(0)), parse_basis(st.text(1)), *item,
                   static_cast<int>(st.int64(3)), st.int64(4)});
  }
  return out;
}

}  // namespace ijik::store
