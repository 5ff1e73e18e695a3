#include "exchange/ics.h"

#include <fmt/format.h>

#include <cctype>
#include <optional>

#include "text/utf8.h"

namespace ijik::exchange {
namespace {

constexpr size_t kMaxLineOctets = 75;  // RFC 5545 §3.1, excluding the CRLF
constexpr std::string_view kTzid = "Asia/Seoul";

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// User text as valid UTF-8 (invalid bytes become U+FFFD), so folding can rely on it.
std::string clean_utf8(std::string_view s) {
  if (text::is_valid_utf8(s)) return std::string(s);
  return text::encode_utf8(text::decode_utf8(s));
}

bool is_cancelled(domain::StageResult r) {
  return r == domain::StageResult::kFailed || r == domain::StageResult::kWithdrawn ||
         r == domain::StageResult::kNoShow;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// "YYYY-MM-DDTHH:MM:SSZ" (also "YYYY-MM-DD HH:MM:SS", with optional fraction)
// as an iCalendar UTC DATE-TIME "YYYYMMDDTHHMMSSZ"; nullopt when malformed.
std::optional<std::string> utc_stamp(std::string_view s) {
  if (s.size() < 19) return std::nullopt;
  if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
    return std::nullopt;
  const std::string_view y = s.substr(0, 4), mo = s.substr(5, 2), d = s.substr(8, 2),
                         h = s.substr(11, 2), mi = s.substr(14, 2), se = s.substr(17, 2);
  for (std::string_view part : {y, mo, d, h, mi, se})
    if (!all_digits(part)) return std::nullopt;
  std::string_view rest = s.substr(19);
  if (!rest.empty() && rest.front() == '.') {
    rest.remove_prefix(1);
    while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest.front())))
      rest.remove_prefix(1);
  }
  if (!rest.empty() && rest != "Z") return std::nullopt;
  auto num = [](std::string_view p) { return std::stoi(std::string(p)); };
  if (num(mo) < 1 || num(mo) > 12 || num(d) < 1 || num(d) > 31 || num(h) > 23 || num(mi) > 59 ||
      num(se) > 60)
    return std::nullopt;
  return fmt::format("{}{}{}T{}{}{}Z", y, mo, d, h, mi, se);
}

std::string ics_date(const Date& d) {
  return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day);
}

// Appends one property line, folded, with CRLF.
void emit(std::string& out, std::string_view name, std::string_view value) {
  std::string line;
  line.reserve(name.size() + 1 + value.size());
  line.append(name);
  line.push_back(':');
  line.append(value);
  out += fold_ics_line(line);
}

void emit_text(std::string& out, std::string_view name, std::string_view value) {
  emit(out, name, escape_ics_text(clean_utf8(value)));
}

std::string summary_of(const domain::Application& app, const domain::Stage& stage) {
  std::string s = app.company + " · " + stage.name;
  if (!app.role.empty()) s += " (" + app.role + ")";
  return s;
}

std::string description_of(const domain::Application& app, const domain::Stage& stage) {
  std::string d = fmt::format("결과: {}", domain::label_ko(stage.result));
  if (!app.team.empty()) d += "\n팀: " + app.team;
  if (!app.url.empty()) d += "\n공고: " + app.url;
  if (!stage.note.empty()) d += "\n메모: " + stage.note;
  if (!stage.questions.empty()) {
    d += "\n면접 질문:";
    for (const auto& q : stage.questions) d += "\n- " + q;
  }
  return d;
}

void emit_timezone(std::string& out) {
  emit(out, "BEGIN", "VTIMEZONE");
  emit(out, "TZID", kTzid);
  emit(out, "X-LIC-LOCATION", kTzid);
  emit(out, "BEGIN", "STANDARD");
  emit(out, "DTSTART", "19700101T000000");
  emit(out, "TZOFFSETFROM", "+0900");
  emit(out, "TZOFFSETTO", "+0900");
  emit(out, "TZNAME", "KST");
  emit(out, "END", "STANDARD");
  emit(out, "END", "VTIMEZONE");
}

void emit_event(std::string& out, const domain::Application& app, const domain::Stage& stage) {
  const Date& date = *stage.date;
  emit(out, "BEGIN", "VEVENT");
  const std::string uid = stage.uid.empty()
                              ? fmt::format("ijik-app{}-stage{}@ijik", app.id, stage.id)
                              : fmt::format("ijik-stage-{}@ijik", stage.uid);
  emit_text(out, "UID", uid);

  std::optional<std::string> modified = utc_stamp(stage.updated_at);
  std::string stamp =
      modified ? *modified : utc_stamp(app.created_at).value_or(ics_date(date) + "T000000Z");
  emit(out, "DTSTAMP", stamp);
  if (modified) emit(out, "LAST-MODIFIED", *modified);

  if (stage.time) {
    emit(out, fmt::format("DTSTART;TZID={}", kTzid),
         fmt::format("{}T{:02}{:02}00", ics_date(date), stage.time->hour, stage.time->minute));
    emit(out, "DURATION", "PT1H");
  } else {
    emit(out, "DTSTART;VALUE=DATE", ics_date(date));
    emit(out, "DTEND;VALUE=DATE", ics_date(date.add_days(1)));
  }
  emit_text(out, "SUMMARY", summary_of(app, stage));
  emit_text(out, "DESCRIPTION", description_of(app, stage));
  const bool cancelled = is_cancelled(stage.result);
  emit(out, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
  emit(out, "TRANSP", stage.time && !cancelled ? "OPAQUE" : "TRANSPARENT");
  emit(out, "END", "VEVENT");
}

}  // namespace

std::string escape_ics_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        // RFC 5545 TEXT allows no control characters but HTAB.
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) break;
        out.push_back(c);
    }
  }
  return out;
}

std::string fold_ics_line(std::string_view line) {
  std::string out;
  out.reserve(line.size() + 3 * (line.size() / 74 + 1));
  size_t pos = 0;
  size_t limit = kMaxLineOctets;  // continuation lines lose one octet to the leading space
  while (line.size() - pos > limit) {
    const size_t max_cut = pos + limit;
    size_t cut = max_cut;
    // Back off to the lead byte of the sequence the cut would split (at most 3 bytes).
    while (cut > pos && max_cut - cut < 3 && is_continuation_byte(line[cut])) --cut;
    if (cut == pos || is_continuation_byte(line[cut])) cut = max_cut;  // not UTF-8: cut anyway
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    limit = kMaxLineOctets - 1;
  }
  out.append(line.substr(pos));
  out += "\r\n";
  return out;
}

std::string export_ics(const std::vector<domain::Application>& apps) {
  std::string out;
  emit(out, "BEGIN", "VCALENDAR");
  emit(out, "VERSION", "2.0");
  emit(out, "PRODID", "-//ijik//ijik 0.1//KO");
  emit(out, "CALSCALE", "GREGORIAN");
  emit_text(out, "X-WR-CALNAME", "ijik 채용 일정");
  emit(out, "X-WR-TIMEZONE", kTzid);
  emit_timezone(out);
  for (const auto& app : apps)
    for (const auto& stage : app.stages)
      if (stage.date) emit_event(out, app, stage);
  emit(out, "END", "VCALENDAR");
  return out;
}

}  // namespace ijik::exchange
