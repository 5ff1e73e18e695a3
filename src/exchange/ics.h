// iCalendar (RFC 5545) export of the hiring stages, for Google Calendar,
// Apple Calendar, Outlook and anything else that subscribes to .ics files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/tracker.h"

namespace ijik::exchange {

// One VCALENDAR (UTF-8, CRLF line ends, lines folded at 75 octets) with one
// VEVENT per dated stage of every application, in the given order.
//
// - Timed stages: DTSTART;TZID=Asia/Seoul:YYYYMMDDTHHMMSS, DURATION:PT1H, OPAQUE.
//   Untimed stages: all-day, DTSTART;VALUE=DATE and DTEND;VALUE=DATE the next
//   day, TRANSPARENT (a 서류 deadline does not block the day).
// - UID is ijik-stage-<Stage::uid>@ijik, so re-exports update the same event
//   (ijik-app<id>-stage<id>@ijik if a stage has no uid).
// - DTSTAMP and LAST-MODIFIED come from Stage::updated_at (falling back to the
//   application's created_at, then the stage date), so output is deterministic.
// - SUMMARY is "회사 · 단계 (직무)"; DESCRIPTION holds result, team, posting,
//   note and interview questions.
// - STATUS is CANCELLED for failed, withdrawn and no-show stages, else
//   CONFIRMED (pending stages too: the appointment itself is fixed).
// - The Asia/Seoul VTIMEZONE (KST, +0900, no DST) is always included, which also
//   keeps a calendar with no events valid (RFC 5545 wants one component).
std::string export_ics(const std::vector<domain::Application>& apps);

// Escapes a TEXT value: \ ; , become \\ \; \, and CRLF, CR, LF become \n;
// other control characters except tab are dropped.
std::string escape_ics_text(std::string_view text);

// Folds one unfolded content line into lines of at most 75 octets joined by
// CRLF + space, never inside a UTF-8 sequence; the result ends with CRLF.
std::string fold_ics_line(std::string_view line);

}  // namespace ijik::exchange
