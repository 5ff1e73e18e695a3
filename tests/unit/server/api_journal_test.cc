// The journal endpoints' argument lists (src/server/api.cc): the text as one
// --text=… argument whatever it holds, the chosen events as --events=1,5,
// and a missing text or event list refused before any command runs.
#include <gtest/gtest.h>

#include <regex>

#include "server/api.h"

namespace ijik::server {
namespace {

Result<Call> build(const std::string& method, const std::string& path, ApiRequest req) {
  for (const auto& ep : endpoints()) {
    std::smatch m;
    if (method != ep.method || !std::regex_match(path, m, std::regex(ep.pattern))) continue;
    for (size_t i = 1; i < m.size(); ++i) req.captures.push_back(m[i]);
    return ep.build(req);
  }
  return internal_error("no endpoint " + method + " " + path);
}

TEST(ApiJournalTest, NewEntryPassesTheTextAsOneArgument) {
  ApiRequest r;
  r.body = {{"text", "--db=/etc/x\n# 제목"}, {"title", "-t"}, {"tags", {"이직", "수습"}}};
  auto c = build("POST", "/api/journal", r);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->run, (Args{"journal", "new", "--title=-t", "--tag=이직", "--tag=수습",
                          "--text=--db=/etc/x\n# 제목"}));
}

TEST(ApiJournalTest, ImportPreviewAndApply) {
  ApiRequest imp;
  imp.body = {{"text", "회고"}, {"date", "2024-06-01"}};
  auto c = build("POST", "/api/journal/import", imp);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->run, (Args{"journal", "import", "--date=2024-06-01", "--text=회고"}));

  auto events = build("GET", "/api/journal/3/events", {});
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->run, (Args{"journal", "import", "--entry=3"}));

  ApiRequest apply;
  apply.body = {{"events", {1, 5}}};
  auto a = build("POST", "/api/journal/3/apply", apply);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->run, (Args{"journal", "import", "--entry=3", "--apply", "--events=1,5"}));
}

TEST(ApiJournalTest, MissingTextOrEventsIsInvalidInput) {
  ApiRequest none;
  auto a = build("POST", "/api/journal/3/apply", none);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, ErrorCode::kInvalidInput);
  EXPECT_FALSE(build("POST", "/api/journal", none).ok());
  EXPECT_FALSE(build("POST", "/api/journal/import", none).ok());
  ApiRequest blank;
  blank.body = {{"text", "   "}};
  EXPECT_FALSE(build("PUT", "/api/journal/3", blank).ok());
}

TEST(ApiJournalTest, SearchAndExportAreReads) {
  ApiRequest q;
  q.query = {{"q", "-수습"}};
  auto s = build("GET", "/api/journal/search", q);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->run, (Args{"journal", "search", "--", "-수습"}));
  ApiRequest range;
  range.query = {{"from", "2025-01-01"}};
  auto e = build("GET", "/api/journal/export", range);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->run, (Args{"journal", "export", "--from=2025-01-01"}));
}

}  // namespace
}  // namespace ijik::server
