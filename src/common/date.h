// Calendar dates and wall-clock times as ijik stores them (ISO text).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace ijik {

// A proleptic Gregorian calendar date.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;

  // "YYYY-MM-DD".
  std::string iso() const;
  // Days since 1970-01-01 (negative before).
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);
  Date add_days(long n) const { return from_days_since_epoch(days_since_epoch() + n); }
  // Adds calendar months, clamping the day to the target month's end (Jan 31 + 1 = Feb 28/29).
  Date add_months(int n) const;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Parses "YYYY-MM-DD" (also "YYYYMMDD" and "YYYY.MM.DD"); rejects impossible dates.
Result<Date> parse_date(std::string_view text);

// A wall-clock time of day, minutes precision.
struct TimeOfDay {
  int hour = 0;
  int minute = 0;
  auto operator<=>(const TimeOfDay&) const = default;
  std::string iso() const;  // "HH:MM"
};

Result<TimeOfDay> parse_time(std::string_view text);

// A date with an optional time, as given to `ijik stage --on 'YYYY-MM-DD[ HH:MM]'`.
struct DateTime {
  Date date;
  std::optional<TimeOfDay> time;
};
Result<DateTime> parse_date_time(std::string_view text);

// Whole days from `from` to `to` (negative when `to` is earlier).
inline long days_between(const Date& from, const Date& to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

}  // namespace ijik
