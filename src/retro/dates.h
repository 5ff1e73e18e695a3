// Dates and durations as Korean retrospectives write them: 2019년 11월 4일,
// 2019.11.04., 2019-11-04, 19년도, 올해/작년/재작년 3월, 3월 2일 자로 (year from
// context), and durations (2년 4개월, 석 달, 반년, 6개월, 1년 반). Pure
// functions: nothing is guessed beyond what the text and its anchor say.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace ijik::retro {

// A date known to some precision. `year_from_context` marks a year taken
// from an earlier sentence rather than written next to the month.
struct PartialDate {
  std::optional<int> year, month, day;
  bool year_from_context = false;
  bool empty() const { return !year && !month && !day; }
  // "YYYY", "YYYY-MM", "YYYY-MM-DD"; "" when the year is unknown.
  std::string iso() const;
  // The first day it can mean (a year → its 1 January, a month → its 1st);
  // nullopt without a year.
  std::optional<Date> first_day() const;
};

// One date written in a sentence, with the byte range it came from.
struct DateMention {
  PartialDate date;
  size_t begin = 0, end = 0;
  bool effective = false;  // followed by 자로 / 부로 / 일자로 (an effective date)
};

// What resolves relative and yearless dates: the entry's date (올해 =
// entry.year) and the year most recently written in the text before this
// sentence (for "3월 2일").
struct DateContext {
  Date entry;
  std::optional<int> last_year;
};

// Every date in `sentence`, in order. Relative years resolve from
// `ctx.entry`; a month without a year takes `ctx.last_year` (marked
// year_from_context) or stays without a year.
std::vector<DateMention> find_dates(std::string_view sentence, const DateContext& ctx);

// A duration in months, with the byte range it came from.
struct Duration {
  int months = 0;
  size_t begin = 0, end = 0;
};

// Every duration in `sentence`: 2년 4개월 (28), 6개월, 석 달 (3), 두 달, 한 달,
// 반년 (6), 1년 반 (18), 3년 (36). A number followed by 년 counts as a
// duration only when it is not a date (2019년, 19년도, 작년).
std::vector<Duration> find_durations(std::string_view sentence);

// Adds whole months to a partial date: to a full date by calendar months
// (Date::add_months), to a year-month by months, to a year alone not at all
// (nullopt), nor to a date without a year.
std::optional<PartialDate> add_months(const PartialDate& d, int months);

}  // namespace ijik::retro
