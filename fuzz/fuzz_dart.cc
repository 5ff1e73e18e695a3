// libFuzzer target: the OpenDART financial-statement file parser
// (parse_dart_file: encoding detection, tab-separated header, rows, amounts,
// statement kinds, account mapping) and the fiscal years built from what it
// keeps (domain::years_from_dart), with amounts as a report prints them
// (format_krw). A file is either refused with a message or parsed into figures
// that hold together.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "common/money.h"
#include "domain/financial_years.h"
#include "ingest/dart_parse.h"

using namespace ijik;
using namespace ijik::ingest;

namespace {

// A figure's amount parses back from its digits: what the parser keeps is
// what the file said.
void check_amount_round_trip(int64_t v) {
  auto again = parse_dart_amount(std::to_string(v));
  if (!again.ok() || !*again || **again != v) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto p = parse_dart_file(in, "fuzz.txt");
  if (!p.ok()) {
    if (p.error().message.empty()) std::abort();
    return 0;
  }
  if (p->rows < 1 || static_cast<int64_t>(p->rejects.size()) > p->rows) std::abort();
  for (const auto& r : p->rejects)
    if (r.line < 2 || r.reason.empty()) std::abort();  // line 1 is the header
  if (!p->skipped.empty() && (!p->companies.empty() || p->kept != 0)) std::abort();
  int64_t figures = 0;
  std::set<std::string> keys;
  for (const auto& c : p->companies) {
    if (c.name.empty()) std::abort();
    // One company per stock code (or per name when it has none).
    if (!keys.insert(c.stock_code.empty() ? "name:" + c.name : c.stock_code).second) std::abort();
    if (c.fiscal_month && (*c.fiscal_month < 1 || *c.fiscal_month > 12)) std::abort();
    std::set<std::tuple<int, int, int, int>> seen;
    for (const auto& f : c.figures) {
      if (f.lag < 0 || f.lag > 2) std::abort();
      // At most one figure per year, basis, item and lag.
      if (!seen.emplace(f.year, static_cast<int>(f.basis), static_cast<int>(f.item), f.lag).second)
        std::abort();
      check_amount_round_trip(f.amount);
      if (format_krw(f.amount).empty()) std::abort();
      ++figures;
    }
    // The company's fiscal years: newest first, one per year.
    auto years = domain::years_from_dart(c.figures);
    for (size_t i = 1; i < years.size(); ++i)
      if (years[i - 1].year <= years[i].year) std::abort();
  }
  if (figures != p->kept) std::abort();
  return 0;
}
