#include "common/date.h"

#include <fmt/format.h>

#include <charconv>

namespace ijik {

bool is_leap_year(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && is_leap_year(y)) return 29;
  return kDays[m - 1];
}

std::string Date::iso() const {
  // Hot in imports (several dates per row): no formatting library.
  if (year < 0 || year > 9999) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  char b[10] = {static_cast<char>('0' + year / 1000),
                static_cast<char>('0' + year / 100 % 10),
                static_cast<char>('0' + year / 10 % 10),
                static_cast<char>('0' + year % 10),
                '-',
                static_cast<char>('0' + month / 10),
                static_cast<char>('0' + month % 10),
                '-',
                static_cast<char>('0' + day / 10),
                static_cast<char>('0' + day % 10)};
  return std::string(b, 10);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long Date::days_since_epoch() const {
  const int y = year - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days_since_epoch(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::add_months(int n) const {
  int total = year * 12 + (month - 1) + n;
  int y = total / 12;
  int m = total % 12 + 1;
  int d = day < days_in_month(y, m) ? day : days_in_month(y, m);
  return Date{y, m, d};
}

namespace {

bool read_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

Error bad_date(std::string_view text, std::string_view why) {
  return invalid_input(fmt::format("invalid date '{}': {}; expected YYYY-MM-DD", text, why));
}

}  // namespace

Result<Date> parse_date(std::string_view text) {
  std::string_view y, m, d;
  if (text.size() == 10 && (text[4] == '-' || text[4] == '.') && text[7] == text[4]) {
    y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  } else if (text.size() == 8) {
    y = text.substr(0, 4), m = text.substr(4, 2), d = text.substr(6, 2);
  } else {
    return bad_date(text, "not a date");
  }
  Date out;
  if (!read_int(y, out.year) || !read_int(m, out.month) || !read_int(d, out.day))
    return bad_date(text, "not a date");
  if (out.year < 1900 || out.year > 2999) return bad_date(text, "year out of range");
  if (out.month < 1 || out.month > 12) return bad_date(text, "no such month");
  if (out.day < 1 || out.day > days_in_month(out.year, out.month))
    return bad_date(text, "no such day in that month");
  return out;
}

std::string TimeOfDay::iso() const {
  return fmt::format("{:02}:{:02}", hour, minute);
}

Result<TimeOfDay> parse_time(std::string_view text) {
  TimeOfDay t;
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || text.size() - colon != 3 ||
      !read_int(text.substr(0, colon), t.hour) || !read_int(text.substr(colon + 1), t.minute) ||
      t.hour > 23 || t.minute > 59) {
    return invalid_input(fmt::format("invalid time '{}': expected HH:MM (24-hour)", text));
  }
  return t;
}

Result<DateTime> parse_date_time(std::string_view text) {
  auto sep = text.find_first_of(" T");
  DateTime out;
  IJIK_ASSIGN_OR_RETURN(out.date, parse_date(text.substr(0, sep)));
  if (sep != std::string_view::npos) {
    auto rest = text.substr(sep + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) return out;
    auto t = parse_time(rest);
    if (!t.ok())
      return invalid_input(
          fmt::format("invalid date and time '{}': expected 'YYYY-MM-DD HH:MM'", text));
    out.time = *t;
  }
  return out;
}

}  // namespace ijik
