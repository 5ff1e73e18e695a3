#include "server/api.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

namespace ijik::server {
namespace {

const Endpoint& find(const std::string& method, const std::string& path, ApiRequest& req) {
  for (const auto& ep : endpoints()) {
    if (method != ep.method) continue;
    std::smatch m;
    std::regex re(ep.pattern);
    if (std::regex_match(path, m, re)) {
      for (size_t i = 1; i < m.size(); ++i) req.captures.push_back(m[i]);
      return ep;
    }
  }
  throw std::runtime_error("no endpoint " + method + " " + path);
}

Call build(const std::string& method, const std::string& path, ApiRequest req = {}) {
  const Endpoint& ep = find(method, path, req);
  auto call = ep.build(req);
  EXPECT_TRUE(call.ok()) << (call.ok() ? "" : call.error().message);
  return call.ok() ? *call : Call{};
}

TEST(ApiTest, OptionsAreFlagEqualsValueAndPositionalsFollowDoubleDash) {
  ApiRequest r;
  r.body = {{"company", "-rf"}, {"role", "--db=/etc/x"}, {"process", "경력"}, {"note", ""}};
  Call c = build("POST", "/api/applications", r);
  EXPECT_EQ(c.run, (Args{"apply", "--role=--db=/etc/x", "--process=경력", "--", "-rf"}));
}

TEST(ApiTest, StageKeepsAnEmptyNoteToClearIt) {
  ApiRequest r;
  r.body = {{"name", "서류"}, {"result", "passed"}, {"note", ""}, {"questions", {"a", "b"}}};
  Call c = build("POST", "/api/applications/3/stages", r);
  // An empty value is its own argument: CLI11 reads "--note=" as waiting for the next one.
  EXPECT_EQ(c.run, (Args{"stage", "--result=passed", "--note", "", "--question=a", "--question=b",
                         "--", "3", "서류"}));
}

TEST(ApiTest, WritesReadBackTheChangedObject) {
  ApiRequest r;
  r.body = {{"set", {{"보상", 12.5}}}};
  Call c = build("PUT", "/api/decisions/2/criteria", r);
  EXPECT_EQ(c.run, (Args{"decide", "criteria", "--set=보상=12.5", "--", "2"}));
  EXPECT_EQ(c.then, (Args{"decide", "show", "--", "2"}));
}

TEST(ApiTest, QueryParametersBecomeFlags) {
  ApiRequest r;
  r.query = {{"growth_12m", ">=10%"}, {"min_headcount", "50"}, {"region", "서울"}};
  Call c = build("GET", "/api/screen", r);
  EXPECT_EQ(c.run, (Args{"screen", "--region=서울", "--min-headcount=50", "--growth-12m=>=10%"}));
  ApiRequest cmp;
  cmp.query = {{"apps", "3,5"}};
  EXPECT_EQ(build("GET", "/api/offers/compare", cmp).run,
            (Args{"offer", "compare", "--", "3", "5"}));
}

TEST(ApiTest, WrongBodyTypesAndMissingFieldsAreInvalidInput) {
  ApiRequest r;
  r.body = {{"company", {{"x", 1}}}, {"role", "a"}};
  const Endpoint& ep = find("POST", "/api/applications", r);
  auto bad = ep.build(r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  r.body = {{"role", "a"}};
  EXPECT_FALSE(ep.build(r).ok());
}

TEST(ApiTest, ExitCodesMapToStatuses) {
  EXPECT_EQ(http_status_for_exit(3), 400);
  EXPECT_EQ(http_status_for_exit(4), 404);
  EXPECT_EQ(http_status_for_exit(5), 409);
  EXPECT_EQ(http_status_for_exit(7), 503);
  EXPECT_EQ(http_status_for_exit(1), 500);
  EXPECT_STREQ(error_kind_for_status(404), "not_found");
}

TEST(ApiTest, NoGetEndpointRunsAWriteCommand) {
  for (const auto& ep : endpoints()) {
    if (std::string(ep.method) != "GET") continue;
    ApiRequest r;
    r.captures = {"1"};
    r.query = {{"q", "x"}, {"name", "x"}};
    auto c = ep.build(r);
    if (!c.ok() || c->run.empty()) continue;
    const std::string& cmd = c->run[0];
    const std::string sub = c->run.size() > 1 ? c->run[1] : "";
    // The journal's reads: its export, and `journal import --entry N` without
    // --apply, which re-reads a stored entry and writes nothing.
    const bool journal_read =
        cmd == "journal" &&
        (sub == "export" ||
         (sub == "import" && std::find(c->run.begin(), c->run.end(), "--apply") == c->run.end() &&
          std::any_of(c->run.begin(), c->run.end(),
                      [](const std::string& a) { return a.rfind("--entry=", 0) == 0; })));
    if (journal_read) continue;
    EXPECT_TRUE(cmd == "board" || cmd == "agenda" || cmd == "funnel" || cmd == "screen" ||
                cmd == "timeline" || cmd == "export" || sub == "list" || sub == "show" ||
                sub == "search" || sub == "compare" || sub == "status" || sub == "workplace" ||
                cmd == "vet" || cmd == "alerts")  // vet and alerts only read
        << ep.pattern;
  }
}

}  // namespace
}  // namespace ijik::server
