#include "retro/dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

namespace ijik::retro {
namespace {

using Match = std::match_results<std::string_view::const_iterator>;

bool valid_md(int m, int d) {
  return m >= 1 && m <= 12 && (d == 0 || (d >= 1 && d <= days_in_month(2000, m)));
}

int to_int(const Match& m, size_t i) {
  return m[i].matched ? std::stoi(m[i].str()) : 0;
}

bool digit_before(std::string_view s, size_t pos) {
  return pos > 0 && s[pos - 1] >= '0' && s[pos - 1] <= '9';
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (s.substr(0, w.size()) == w) return true;
  return false;
}

// Two-digit years: 19 → 2019 unless that is more than a year past the entry.
int century(int yy, const Date& entry) {
  return 2000 + yy <= entry.year + 1 ? 2000 + yy : 1900 + yy;
}

struct Taken {
  std::vector<std::pair<size_t, size_t>> ranges;
  bool overlaps(size_t b, size_t e) const {
    for (auto [rb, re] : ranges)
      if (b < re && rb < e) return true;
    return false;
  }
};

// Runs `re` over `s`, calling `f(match, begin, end)` for each match not
// overlapping one taken before and not right after a digit.
template <class F>
void scan(std::string_view s, const std::regex& re, Taken& taken, F f) {
  for (std::regex_iterator<std::string_view::const_iterator> it(s.begin(), s.end(), re), end;
       it != end; ++it) {
    const Match& m = *it;
    size_t b = static_cast<size_t>(m.position(0)), e = b + static_cast<size_t>(m.length(0));
    if (taken.overlaps(b, e) || digit_before(s, b)) continue;
    if (f(m, b, e)) taken.ranges.push_back({b, e});
  }
}

}  // namespace

std::string PartialDate::iso() const {
  if (!year) return "";
  std::string s = fmt::format("{:04d}", *year);
  if (month) s += fmt::format("-{:02d}", *month);
  if (month && day) s += fmt::format("-{:02d}", *day);
  return s;
}

std::optional<Date> PartialDate::first_day() const {
  if (!year) return std::nullopt;
  return Date{*year, month.value_or(1), month && day ? *day : 1};
}

std::vector<DateMention> find_dates(std::string_view s, const DateContext& ctx) {
  static const std::regex numeric_full(R"((\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\.?)");
  static const std::regex korean_full(
      R"((\d{4}|\d{2})\s*년(?:도)?\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?)");
  static const std::regex numeric_month(
      R"((\d{4})\s*[.\-/]\s*(\d{1,2})(?!\d)(?!\s*[.\-/]\s*\d)\.?)");
  static const std::regex relative(
      "(올해|올 해|금년|작년|지난해|지난 해|재작년|내년|그해|그 해)(?:\\s*(\\d{1,2})\\s*월(?:\\s*("
      "\\d{1,2})\\s*일)?)?");
  static const std::regex year_only(R"((\d{4})\s*년(도)?|(\d{2})\s*년도)");
  static const std::regex short_year(
      "(\\d{2})년(?=\\s*(에|초|말|상반기|하반기|봄|여름|가을|겨울))");
  static const std::regex month_day(R"((\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?)");
  static const std::regex slash_day("(\\d{1,2})/(\\d{1,2})(?=\\s*(부로|자로|부터))");

  std::vector<DateMention> out;
  Taken taken;
  auto add = [&](PartialDate d, size_t b, size_t e) {
    DateMention m{d, b, e, false};
    std::string_view rest = s.substr(e);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    m.effective = starts_with_any(rest, {"자로", "부로", "일자로", "일부로", "일 자로", "일 부로"});
    out.push_back(m);
    return true;
  };
  scan(s, numeric_full, taken, [&](const Match& m, size_t b, size_t e) {
    int y = to_int(m, 1), mo = to_int(m, 2), d = to_int(m, 3);
    if (y < 1950 || !valid_md(mo, d)) return false;
    return add({y, mo, d}, b, e);
  });
  scan(s, korean_full, taken, [&](const Match& m, size_t b, size_t e) {
    int y = to_int(m, 1), mo = to_int(m, 2), d = to_int(m, 3);
    if (m[1].length() == 2) y = century(y, ctx.entry);
    if (y < 1950 || !valid_md(mo, d)) return false;
    PartialDate pd{y, mo, std::nullopt};
    if (d) pd.day = d;
    return add(pd, b, e);
  });
  scan(s, numeric_month, taken, [&](const Match& m, size_t b, size_t e) {
    int y = to_int(m, 1), mo = to_int(m, 2);
    if (y < 1950 || !valid_md(mo, 0)) return false;
    return add({y, mo, std::nullopt}, b, e);
  });
  scan(s, relative, taken, [&](const Match& m, size_t b, size_t e) {
    std::string w = m[1].str();
    int y = ctx.entry.year;
    if (w == "작년" || w == "지난해" || w == "지난 해") y -= 1;
    if (w == "재작년") y -= 2;
    if (w == "내년") y += 1;
    bool context = false;
    if (w == "그해" || w == "그 해") {
      if (!ctx.last_year) return false;
      y = *ctx.last_year;
      context = true;
    }
    int mo = to_int(m, 2), d = to_int(m, 3);
    if (mo && !valid_md(mo, d)) return false;
    PartialDate pd{y, std::nullopt, std::nullopt, context};
    if (mo) pd.month = mo;
    if (mo && d) pd.day = d;
    return add(pd, b, e);
  });
  scan(s, year_only, taken, [&](const Match& m, size_t b, size_t e) {
    int y = m[1].matched ? to_int(m, 1) : century(to_int(m, 3), ctx.entry);
    if (y < 1950 || y > 2100) return false;
    return add({y, std::nullopt, std::nullopt}, b, e);
  });
  scan(s, short_year, taken, [&](const Match& m, size_t b, size_t e) {
    return add({century(to_int(m, 1), ctx.entry), std::nullopt, std::nullopt}, b, e);
  });
  auto yearless = [&](int mo, int d, size_t b, size_t e) {
    if (!valid_md(mo, d)) return false;
    PartialDate pd;
    pd.month = mo;
    if (d) pd.day = d;
    if (ctx.last_year) {
      pd.year = *ctx.last_year;
      pd.year_from_context = true;
    }
    return add(pd, b, e);
  };
  scan(s, month_day, taken, [&](const Match& m, size_t b, size_t e) {
    return yearless(to_int(m, 1), to_int(m, 2), b, e);
  });
  scan(s, slash_day, taken, [&](const Match& m, size_t b, size_t e) {
    return yearless(to_int(m, 1), to_int(m, 2), b, e);
  });
  std::sort(out.begin(), out.end(),
            [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
  return out;
}

std::vector<Duration> find_durations(std::string_view s) {
  static const std::regex years_months(R"((\d{1,2})\s*년\s*(\d{1,2})\s*개월)");
  static const std::regex years_half("(\\d{1,2})\\s*년\\s*반");
  static const std::regex months(R"((\d{1,2})\s*(개월|달))");
  static const std::regex word_months("(한|두|세|석|네|넉|다섯|여섯|일곱|여덟|아홉|열)\\s*달");
  static const std::regex half_year("반\\s*년");
  static const std::regex years(
      "(\\d{1,2})\\s*년(?=\\s*(간|동안|만에|만|째|차|넘게|가까이|정도|을|를|이|다닌|근무|일한|재직|"
      "있었|다녔))");
  std::vector<Duration> out;
  Taken taken;
  auto add = [&](int m, size_t b, size_t e) {
    if (m <= 0) return false;
    out.push_back({m, b, e});
    return true;
  };
  scan(s, years_months, taken, [&](const Match& m, size_t b, size_t e) {
    return add(to_int(m, 1) * 12 + to_int(m, 2), b, e);
  });
  scan(s, years_half, taken,
       [&](const Match& m, size_t b, size_t e) { return add(to_int(m, 1) * 12 + 6, b, e); });
  scan(s, months, taken,
       [&](const Match& m, size_t b, size_t e) { return add(to_int(m, 1), b, e); });
  scan(s, word_months, taken, [&](const Match& m, size_t b, size_t e) {
    static const std::pair<const char*, int> kWords[] = {
        {"한", 1},   {"두", 2},   {"세", 3},   {"석", 3},   {"네", 4},   {"넉", 4},
        {"다섯", 5}, {"여섯", 6}, {"일곱", 7}, {"여덟", 8}, {"아홉", 9}, {"열", 10}};
    for (auto [w, n] : kWords)
      if (m[1].str() == w) return add(n, b, e);
    return false;
  });
  scan(s, half_year, taken, [&](const Match&, size_t b, size_t e) { return add(6, b, e); });
  scan(s, years, taken,
       [&](const Match& m, size_t b, size_t e) { return add(to_int(m, 1) * 12, b, e); });
  std::sort(out.begin(), out.end(),
            [](const Duration& a, const Duration& b) { return a.begin < b.begin; });
  return out;
}

std::optional<PartialDate> add_months(const PartialDate& d, int months) {
  if (!d.year || !d.month) return std::nullopt;
  if (d.day) {
    Date r = Date{*d.year, *d.month, *d.day}.add_months(months);
    return PartialDate{r.year, r.month, r.day, d.year_from_context};
  }
  int total = *d.year * 12 + (*d.month - 1) + months;
  return PartialDate{total / 12, total % 12 + 1, std::nullopt, d.year_from_context};
}

}  // namespace ijik::retro
