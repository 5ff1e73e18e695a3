#include "exchange/ics.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace ijik::exchange {
namespace {

using domain::Application;
using domain::Stage;
using domain::StageResult;

Date d(int y, int m, int day) {
  return Date{y, m, day};
}

Stage stage(std::string name, std::optional<Date> date, std::optional<TimeOfDay> time,
            StageResult result, std::string uid, std::string note = "",
            std::vector<std::string> questions = {}) {
  Stage s;
  s.name = std::move(name);
  s.date = date;
  s.time = time;
  s.result = result;
  s.uid = std::move(uid);
  s.note = std::move(note);
  s.questions = std::move(questions);
  s.updated_at = "2026-03-01T09:00:00Z";
  return s;
}

Application app(int64_t id, std::string company, std::string role, std::vector<Stage> stages) {
  Application a;
  a.id = id;
  a.company = std::move(company);
  a.role = std::move(role);
  a.applied = d(2026, 2, 1);
  a.created_at = "2026-02-01T00:00:00Z";
  a.stages = std::move(stages);
  return a;
}

// Five applications with Korean names, long summaries, notes full of commas,
// semicolons, backslashes and newlines, timed, all-day and undated stages.
std::vector<Application> fixture() {
  std::vector<Application> apps;
  {
    Application a =
        app(1, "네이버", "백엔드 엔지니어",
            {stage("서류", d(2026, 2, 20), {}, StageResult::kPassed, "a1s1"),
             stage("코딩테스트", d(2026, 3, 1), TimeOfDay{14, 0}, StageResult::kPassed, "a1s2",
                   "4문제, 150분; 2솔"),
             stage("1차 면접", d(2026, 3, 10), TimeOfDay{14, 0}, StageResult::kPending, "a1s3",
                   "판교 그린팩토리 2층, 신분증 지참;\n화상 아님\\대면\r\n30분 일찍 도착",
                   {"대용량 트래픽에서 캐시 일관성은 어떻게 보장하나요?",
                    "최근 장애 대응 경험, 원인; 재발 방지"})});
    a.team = "검색플랫폼";
    a.url = "https://recruit.navercorp.com/rcrt/view.do?annoId=30001234&lang=ko";
    apps.push_back(std::move(a));
  }
  apps.push_back(app(2, "카카오",
                     "서버 개발자 (결제·정산 플랫폼, 대규모 트래픽 처리 경험 우대; 경력 5년 이상)",
                     {stage("서류", d(2026, 2, 18), {}, StageResult::kPassed, "a2s1"),
                      stage("과제 제출 마감", d(2026, 2, 28), {}, StageResult::kPassed, "a2s2",
                            "과제: 정산 배치 설계서 + 코드, 제출은 깃헙 링크로"),
                      stage("기술 면접", d(2026, 3, 5), TimeOfDay{10, 30}, StageResult::kFailed,
                            "a2s3", "질문이 많았음, 특히 트랜잭션 격리수준;\n다음엔 더 준비")}));
  apps.push_back(app(3, "비바리퍼블리카(토스)", "Frontend Engineer, Core Web",
                     {stage("서류", d(2026, 2, 25), {}, StageResult::kPassed, "a3s1"),
                      stage("컬처핏", {}, {}, StageResult::kPending, "a3s2", "일정 미정"),
                      stage("직무 인터뷰", d(2026, 3, 12), TimeOfDay{16, 0},
                            StageResult::kWithdrawn, "a3s3", "다른 곳 붙어서 철회")}));
  apps.push_back(app(
      4, "쿠팡", "데이터 엔지니어",
      {stage("코테", d(2026, 3, 3), TimeOfDay{19, 0}, StageResult::kNoShow, "a4s1", "깜빡함… 🙈"),
       stage("인적성", d(2026, 3, 4), {}, StageResult::kPending, "a4s2")}));
  apps.push_back(
      app(5, "당근마켓", "안드로이드 개발자",
          {stage("1차 면접", d(2026, 3, 9), TimeOfDay{23, 30}, StageResult::kPassed, "a5s1"),
           stage("임원 면접 및 처우 협의를 위한 최종 대면 미팅 (서초 사옥 본관 12층 대회의실)",
                 d(2026, 3, 31), TimeOfDay{9, 0}, StageResult::kPending, "a5s2",
                 "연봉 협상: 기본급, 스톡옵션; 사이닝 보너스 🎉"),
           stage("최종합격", d(2026, 12, 31), {}, StageResult::kPending, "a5s3")}));
  return apps;
}

constexpr int kFixtureEvents = 13;  // dated stages in fixture()

// Removes folding (CRLF + one space) and splits into logical lines.
std::vector<std::string> unfold(const std::string& ics) {
  std::string s;
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    s.push_back(ics[i]);
  }
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t pos; (pos = s.find("\r\n", start)) != std::string::npos; start = pos + 2)
    lines.push_back(s.substr(start, pos - start));
  EXPECT_EQ(start, s.size()) << "text after the last CRLF";
  return lines;
}

// Physical lines (split on CRLF).
std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t pos; (pos = ics.find("\r\n", start)) != std::string::npos; start = pos + 2)
    lines.push_back(ics.substr(start, pos - start));
  return lines;
}

using Event = std::vector<std::string>;

std::vector<Event> events(const std::string& ics) {
  std::vector<Event> out;
  bool in = false;
  for (const auto& line : unfold(ics)) {
    if (line == "BEGIN:VEVENT") {
      in = true;
      out.emplace_back();
    } else if (line == "END:VEVENT") {
      in = false;
    } else if (in) {
      out.back().push_back(line);
    }
  }
  return out;
}

// The first line of `e` whose property name is `name` (with or without
// parameters), whole; "" when none.
std::string line_of(const Event& e, const std::string& name) {
  for (const auto& l : e)
    if (l.compare(0, name.size(), name) == 0 && l.size() > name.size() &&
        (l[name.size()] == ':' || l[name.size()] == ';'))
      return l;
  return "";
}

std::string value_of(const Event& e, const std::string& name) {
  const std::string l = line_of(e, name);
  const size_t colon = l.find(':');
  return colon == std::string::npos ? "" : l.substr(colon + 1);
}

const Event* find_uid(const std::vector<Event>& es, const std::string& uid) {
  for (const auto& e : es)
    if (value_of(e, "UID") == uid) return &e;
  return nullptr;
}

void expect_crlf_only(const std::string& ics) {
  ASSERT_FALSE(ics.empty());
  EXPECT_EQ(ics.substr(ics.size() - 2), "\r\n");
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') {
      EXPECT_TRUE(i > 0 && ics[i - 1] == '\r') << "bare LF at " << i;
    }
    if (ics[i] == '\r') {
      EXPECT_TRUE(i + 1 < ics.size() && ics[i + 1] == '\n') << "bare CR at " << i;
    }
  }
}

void expect_well_folded(const std::string& ics) {
  for (const auto& line : physical_lines(ics)) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_TRUE(text::is_valid_utf8(line)) << "fold split a UTF-8 sequence: " << line;
  }
}

TEST(IcsExportTest, EmptyInputGivesValidEmptyCalendar) {
  const std::string ics = export_ics({});
  expect_crlf_only(ics);
  const auto lines = unfold(ics);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_NE(ics.find("\r\nVERSION:2.0\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nPRODID:-//ijik//ijik 0.1//KO\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nCALSCALE:GREGORIAN\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nX-WR-CALNAME:ijik 채용 일정\r\n"), std::string::npos);
  // RFC 5545 wants at least one component: the time zone is always there.
  EXPECT_NE(ics.find("\r\nBEGIN:VTIMEZONE\r\n"), std::string::npos);
  EXPECT_EQ(ics.find("VEVENT"), std::string::npos);
  // Applications without dated stages add nothing.
  std::vector<Application> undated = {
      app(1, "네이버", "백엔드", {stage("서류", {}, {}, StageResult::kPending, "u1")})};
  EXPECT_EQ(export_ics(undated), ics);
}

TEST(IcsExportTest, SeoulTimeZoneHasNoDaylightSaving) {
  const auto lines = unfold(export_ics({}));
  const std::vector<std::string> tz = {"BEGIN:VTIMEZONE",
                                       "TZID:Asia/Seoul",
                                       "X-LIC-LOCATION:Asia/Seoul",
                                       "BEGIN:STANDARD",
                                       "DTSTART:19700101T000000",
                                       "TZOFFSETFROM:+0900",
                                       "TZOFFSETTO:+0900",
                                       "TZNAME:KST",
                                       "END:STANDARD",
                                       "END:VTIMEZONE"};
  auto it = std::search(lines.begin(), lines.end(), tz.begin(), tz.end());
  EXPECT_NE(it, lines.end());
  for (const auto& l : lines) EXPECT_NE(l, "BEGIN:DAYLIGHT");
}

TEST(IcsExportTest, CrlfOnlyAndNoLineOver75Octets) {
  const std::string ics = export_ics(fixture());
  expect_crlf_only(ics);
  expect_well_folded(ics);
  // The fixture is long enough that folding really happened.
  EXPECT_NE(ics.find("\r\n "), std::string::npos);
}

TEST(IcsExportTest, OneEventPerDatedStage) {
  const auto es = events(export_ics(fixture()));
  EXPECT_EQ(es.size(), static_cast<size_t>(kFixtureEvents));
  EXPECT_EQ(find_uid(es, "ijik-stage-a3s2@ijik"), nullptr);  // 컬처핏 has no date
}

TEST(IcsExportTest, FoldingKeepsLongKoreanSummaryIntact) {
  const auto apps = fixture();
  const std::string ics = export_ics(apps);
  const auto es = events(ics);
  const Event* e = find_uid(es, "ijik-stage-a5s2@ijik");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(value_of(*e, "SUMMARY"),
            "당근마켓 · 임원 면접 및 처우 협의를 위한 최종 대면 미팅 (서초 사옥 본관 12층 "
            "대회의실) (안드로이드 개발자)");
  const Event* k = find_uid(es, "ijik-stage-a2s3@ijik");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(value_of(*k, "SUMMARY"),
            "카카오 · 기술 면접 (서버 개발자 (결제·정산 플랫폼\\, 대규모 트래픽 처리 경험 우대\\; "
            "경력 5년 이상))");
}

TEST(IcsFoldTest, ShortLinesAreNotFolded) {
  EXPECT_EQ(fold_ics_line("SUMMARY:네이버"), "SUMMARY:네이버\r\n");
  const std::string exactly75(75, 'x');
  EXPECT_EQ(fold_ics_line(exactly75), exactly75 + "\r\n");
  const std::string seventy6(76, 'x');
  EXPECT_EQ(fold_ics_line(seventy6), std::string(75, 'x') + "\r\n x\r\n");
}

TEST(IcsFoldTest, NeverSplitsUtf8AtAnyAlignment) {
  // Every ASCII prefix length shifts where the 75-octet boundary falls inside
  // the 3-byte Hangul syllables and 4-byte emoji.
  std::string hangul;
  for (int i = 0; i < 60; ++i) hangul += "한글";
  hangul += "🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈🎉🙈";
  for (int prefix = 0; prefix < 8; ++prefix) {
    const std::string line = "SUMMARY:" + std::string(prefix, 'a') + hangul;
    const std::string folded = fold_ics_line(line);
    const auto phys = physical_lines(folded);
    ASSERT_GT(phys.size(), 1u);
    for (size_t i = 0; i < phys.size(); ++i) {
      EXPECT_LE(phys[i].size(), 75u) << "prefix " << prefix << " line " << i;
      EXPECT_TRUE(text::is_valid_utf8(phys[i])) << "prefix " << prefix << " line " << i;
      if (i > 0) {
        EXPECT_EQ(phys[i][0], ' ');
      }
      // No gratuitous short lines: each fold is at most 3 octets short of the limit.
      if (i + 1 < phys.size()) {
        EXPECT_GE(phys[i].size(), 72u);
      }
    }
    const auto lines = unfold(folded);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], line);
  }
}

TEST(IcsEscapeTest, EscapesTextSpecials) {
  EXPECT_EQ(escape_ics_text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
  EXPECT_EQ(escape_ics_text("윈도우\r\n줄바꿈\r맥"), "윈도우\\n줄바꿈\\n맥");
  EXPECT_EQ(escape_ics_text("콜론: 그대로\t탭"), "콜론: 그대로\t탭");
  EXPECT_EQ(escape_ics_text(std::string("벨\a널") + '\0' + "끝"), "벨널끝");
}

TEST(IcsExportTest, DescriptionHoldsResultNoteAndQuestions) {
  const auto es = events(export_ics(fixture()));
  const Event* e = find_uid(es, "ijik-stage-a1s3@ijik");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(value_of(*e, "DESCRIPTION"),
            "결과: 대기\\n팀: 검색플랫폼\\n"
            "공고: https://recruit.navercorp.com/rcrt/view.do?annoId=30001234&lang=ko\\n"
            "메모: 판교 그린팩토리 2층\\, 신분증 지참\\;\\n화상 아님\\\\대면\\n30분 일찍 도착\\n"
            "면접 질문:\\n- 대용량 트래픽에서 캐시 일관성은 어떻게 보장하나요?\\n"
            "- 최근 장애 대응 경험\\, 원인\\; 재발 방지");
  const Event* f = find_uid(es, "ijik-stage-a2s3@ijik");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(value_of(*f, "DESCRIPTION").rfind("결과: 불합격\\n메모: ", 0), 0u);
}

TEST(IcsExportTest, TimedEventsUseSeoulTimeAndOneHour) {
  const auto es = events(export_ics(fixture()));
  const Event* e = find_uid(es, "ijik-stage-a1s3@ijik");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(line_of(*e, "DTSTART"), "DTSTART;TZID=Asia/Seoul:20260310T140000");
  EXPECT_EQ(line_of(*e, "DURATION"), "DURATION:PT1H");
  EXPECT_EQ(line_of(*e, "DTEND"), "");
  EXPECT_EQ(line_of(*e, "TRANSP"), "TRANSP:OPAQUE");
  const Event* late = find_uid(es, "ijik-stage-a5s1@ijik");
  ASSERT_NE(late, nullptr);
  EXPECT_EQ(line_of(*late, "DTSTART"), "DTSTART;TZID=Asia/Seoul:20260309T233000");
}

TEST(IcsExportTest, UntimedEventsAreAllDay) {
  const auto es = events(export_ics(fixture()));
  const Event* e = find_uid(es, "ijik-stage-a1s1@ijik");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(line_of(*e, "DTSTART"), "DTSTART;VALUE=DATE:20260220");
  EXPECT_EQ(line_of(*e, "DTEND"), "DTEND;VALUE=DATE:20260221");
  EXPECT_EQ(line_of(*e, "DURATION"), "");
  EXPECT_EQ(line_of(*e, "TRANSP"), "TRANSP:TRANSPARENT");
  // The next day crosses month and year ends.
  const Event* feb = find_uid(es, "ijik-stage-a2s2@ijik");
  ASSERT_NE(feb, nullptr);
  EXPECT_EQ(line_of(*feb, "DTEND"), "DTEND;VALUE=DATE:20260301");
  const Event* dec = find_uid(es, "ijik-stage-a5s3@ijik");
  ASSERT_NE(dec, nullptr);
  EXPECT_EQ(line_of(*dec, "DTEND"), "DTEND;VALUE=DATE:20270101");
}

TEST(IcsExportTest, CancelledStatusForFailedWithdrawnNoShow) {
  const auto es = events(export_ics(fixture()));
  auto status = [&](const std::string& uid) {
    const Event* e = find_uid(es, uid);
    return e ? value_of(*e, "STATUS") : "(missing)";
  };
  EXPECT_EQ(status("ijik-stage-a2s3@ijik"), "CANCELLED");  // failed
  EXPECT_EQ(status("ijik-stage-a3s3@ijik"), "CANCELLED");  // withdrawn
  EXPECT_EQ(status("ijik-stage-a4s1@ijik"), "CANCELLED");  // no-show
  EXPECT_EQ(status("ijik-stage-a1s3@ijik"), "CONFIRMED");  // pending
  EXPECT_EQ(status("ijik-stage-a1s1@ijik"), "CONFIRMED");  // passed
  // A cancelled timed event no longer blocks the time.
  EXPECT_EQ(value_of(*find_uid(es, "ijik-stage-a2s3@ijik"), "TRANSP"), "TRANSPARENT");
}

TEST(IcsExportTest, UidIsStableAcrossUpdatesAndDtstampFollowsUpdatedAt) {
  auto apps = fixture();
  const std::string before = export_ics(apps);
  EXPECT_EQ(export_ics(apps), before);  // deterministic

  Stage& s = apps[0].stages[2];
  s.date = d(2026, 3, 11);
  s.time = TimeOfDay{10, 0};
  s.result = StageResult::kPassed;
  s.note = "하루 미뤄짐";
  s.updated_at = "2026-03-09T03:15:42Z";
  apps[0].role = "백엔드 엔지니어 (검색)";
  const auto es = events(export_ics(apps));
  const Event* e = find_uid(es, "ijik-stage-a1s3@ijik");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(line_of(*e, "DTSTART"), "DTSTART;TZID=Asia/Seoul:20260311T100000");
  EXPECT_EQ(value_of(*e, "DTSTAMP"), "20260309T031542Z");
  EXPECT_EQ(value_of(*e, "LAST-MODIFIED"), "20260309T031542Z");
  EXPECT_EQ(value_of(events(before)[2], "DTSTAMP"), "20260301T090000Z");

  // UIDs are unique across the export.
  std::set<std::string> uids;
  for (const auto& ev : es) EXPECT_TRUE(uids.insert(value_of(ev, "UID")).second);
}

TEST(IcsExportTest, DtstampFallsBackWhenUpdatedAtIsMissing) {
  auto apps = fixture();
  apps[0].stages[0].updated_at = "";
  apps[0].stages[1].updated_at = "2026-03-01 09:00:00";  // SQLite datetime() form
  apps[0].created_at = "2026-02-01T08:30:00Z";
  const auto es = events(export_ics(apps));
  EXPECT_EQ(value_of(es[0], "DTSTAMP"), "20260201T083000Z");
  EXPECT_EQ(line_of(es[0], "LAST-MODIFIED"), "");
  EXPECT_EQ(value_of(es[1], "DTSTAMP"), "20260301T090000Z");
  apps[0].created_at = "";
  EXPECT_EQ(value_of(events(export_ics(apps))[0], "DTSTAMP"), "20260220T000000Z");
}

TEST(IcsExportTest, InvalidUtf8InUserTextStillFoldsCleanly) {
  std::string bad = "메모 ";
  for (int i = 0; i < 40; ++i) bad += "가\xEA\xB0";  // truncated sequences
  auto apps = fixture();
  apps[1].stages[0].note = bad;
  const std::string ics = export_ics(apps);
  expect_crlf_only(ics);
  expect_well_folded(ics);
}

int exit_code(int status) {
  return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Cross-checks the export with ical.js (tests/node/validate-ics.mjs).
TEST(IcsExportTest, IcalJsAcceptsRealisticExport) {
  namespace fs = std::filesystem;
  const fs::path node_dir = fs::path(IJIK_TEST_DATA) / "node";
  if (exit_code(std::system("command -v node >/dev/null 2>&1")) != 0)
    GTEST_SKIP() << "node is not on PATH; install Node.js to validate the .ics with ical.js";
  if (!fs::exists(node_dir / "node_modules" / "ical.js"))
    GTEST_SKIP() << "tests/node/node_modules/ical.js is missing; run `make node-deps`";

  const fs::path file =
      fs::path(::testing::TempDir()) / ("ijik-ics-test-" + std::to_string(::getpid()) + ".ics");
  const std::string script = (node_dir / "validate-ics.mjs").string();
  // Exit code of validate-ics.mjs on `ics`, expecting `count` events.
  auto validate = [&](const std::string& ics, int count) {
    {
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      out << ics;
      if (!out.good()) return -1;
    }
    const std::string cmd =
        "node '" + script + "' '" + file.string() + "' " + std::to_string(count);
    return exit_code(std::system(cmd.c_str()));
  };
  const auto apps = fixture();
  EXPECT_EQ(validate(export_ics(apps), kFixtureEvents), 0) << "ical.js rejected the export";
  EXPECT_EQ(validate(export_ics({}), 0), 0) << "ical.js rejected the empty calendar";
  // The validator is not vacuous: a wrong count and a duplicated UID fail.
  EXPECT_EQ(validate(export_ics(apps), kFixtureEvents + 1), 1);
  auto dup = apps;
  dup[1].stages[0].uid = dup[0].stages[0].uid;
  EXPECT_EQ(validate(export_ics(dup), kFixtureEvents), 1);
  fs::remove(file);
}

}  // namespace
}  // namespace ijik::exchange
