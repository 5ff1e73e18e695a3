// libFuzzer target: the value parsers a user or a file feeds — dates, times,
// months, amounts (6000만, 1.2억 …), salary ranges, percentages, business
// registration numbers, phase dates. Beyond "no crash": what parses prints in
// a form that parses back to the same value.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/money.h"
#include "common/month.h"
#include "domain/brn.h"
#include "domain/career.h"
#include "domain/offer.h"
#include "domain/tracker.h"

using namespace ijik;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);

  if (auto d = parse_date(in); d.ok()) {
    auto again = parse_date(d->iso());
    if (!again.ok() || again->iso() != d->iso()) std::abort();
    if (d->month < 1 || d->month > 12 || d->day < 1 || d->day > days_in_month(d->year, d->month))
      std::abort();
  }
  if (auto t = parse_time(in); t.ok()) {
    auto again = parse_time(t->iso());
    if (!again.ok() || again->iso() != t->iso()) std::abort();
  }
  (void)parse_date_time(in);
  if (auto m = parse_year_month(in); m.ok()) {
    auto again = parse_year_month(m->iso());
    if (!again.ok() || *again != *m) std::abort();
  }
  if (auto a = parse_krw(in); a.ok()) {
    (void)format_krw(*a);
    (void)group_thousands(*a);
  }
  if (auto r = domain::parse_salary_range(in); r.ok())
    (void)domain::format_salary_range(r->first, r->second);
  if (auto p = domain::parse_percent(in, "rate"); p.ok())
    if (!(*p >= 0 && *p <= 100)) std::abort();
  if (auto b = domain::parse_brn(in); b.ok()) {
    auto again = domain::parse_brn(domain::format_brn(*b));
    if (!again.ok() || *again != *b) std::abort();
  }
  (void)domain::parse_phase_date(in);
  return 0;
}
