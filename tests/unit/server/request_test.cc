#include "server/request.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "server/server.h"
#include "server/upload.h"

namespace ijik::server {
namespace {

const std::string kToken(64, 'a');
const std::string kCsrf(64, 'b');
const Guard kGuard("127.0.0.1", 7077, kToken, kCsrf);

RequestHead get(std::string path) {
  return {{"GET", "127.0.0.1:7077", "", "ijik_token=" + kToken, ""}, std::move(path)};
}

RequestHead post(std::string path) {
  return {{"POST", "127.0.0.1:7077", "http://127.0.0.1:7077", "ijik_token=" + kToken, kCsrf},
          std::move(path)};
}

TEST(RequestTest, AForeignHostIsRefusedFirst) {
  RequestHead h = get("/");
  h.facts.host = "evil.example:7077";
  h.token = kToken;  // even with the right token
  Admission a = admit(kGuard, h);
  EXPECT_EQ(a.kind, Admission::kRefuse);
  EXPECT_EQ(a.refusal.status, 403);
}

TEST(RequestTest, ThePrintedAddressLogsIn) {
  RequestHead h = get("/");
  h.facts.cookie = "";
  h.token = kToken;
  EXPECT_EQ(admit(kGuard, h).kind, Admission::kLogin);
  h.token = kToken + "a";
  Admission a = admit(kGuard, h);
  EXPECT_EQ(a.kind, Admission::kRefuse);
  EXPECT_EQ(a.refusal.status, 401);
  // Only on GET /: elsewhere the token parameter is no way in.
  h = get("/api/board");
  h.facts.cookie = "";
  h.token = kToken;
  EXPECT_EQ(admit(kGuard, h).refusal.status, 401);
}

TEST(RequestTest, WritesNeedOriginAndCsrf) {
  EXPECT_EQ(admit(kGuard, post("/api/applications")).kind, Admission::kPass);
  RequestHead h = post("/api/applications");
  h.facts.csrf = "";
  EXPECT_EQ(admit(kGuard, h).refusal.status, 403);
  h = post("/api/applications");
  h.facts.origin = "";
  EXPECT_EQ(admit(kGuard, h).refusal.status, 403);
}

TEST(RequestTest, AnAnnouncedBodyOverThePathsLimitIsRefused) {
  RequestHead h = post("/api/applications");
  h.content_length = std::to_string(kMaxBodyBytes + 1);
  Admission a = admit(kGuard, h);
  EXPECT_EQ(a.refusal.status, 413);
  EXPECT_EQ(a.refusal.message, fmt::format("request body is over {} bytes", kMaxBodyBytes));
  h.content_length = "-1";  // wraps to the largest number: refused, not let through
  EXPECT_EQ(admit(kGuard, h).refusal.status, 413);
  h.content_length = std::to_string(kMaxBodyBytes);
  EXPECT_EQ(admit(kGuard, h).kind, Admission::kPass);
  // An upload has its own, larger limit.
  h = post("/api/data/import/nps");
  h.content_length = std::to_string(kMaxBodyBytes + 1);
  EXPECT_EQ(admit(kGuard, h).kind, Admission::kPass);
  h.content_length = std::to_string(kMaxUploadBytes + 1);
  EXPECT_EQ(admit(kGuard, h).refusal.status, 413);
}

TEST(RequestTest, AChunkedBodyIsRefused) {
  RequestHead h = post("/api/data/import/nps");
  h.chunked = true;
  Admission a = admit(kGuard, h);
  EXPECT_EQ(a.kind, Admission::kRefuse);
  EXPECT_EQ(a.refusal.status, 411);
}

TEST(RequestTest, JsonBodies) {
  nlohmann::json body;
  EXPECT_FALSE(read_json_body("POST", "application/json; charset=utf-8", R"({"a": 1})", body));
  EXPECT_EQ(body["a"], 1);
  EXPECT_FALSE(read_json_body("GET", "text/plain", "ignored", body));
  EXPECT_TRUE(body.is_object() && body.empty());
  EXPECT_FALSE(read_json_body("POST", "", "", body));  // no body: an empty object
  auto r = read_json_body("POST", "text/plain", "{}", body);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 415);
  for (const char* bad : {"[1]", "\"x\"", "{", "{\"a\": 1} x", "\xff"}) {
    r = read_json_body("PUT", "application/json", bad, body);
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_TRUE(body.is_object()) << bad;
  }
}

TEST(RequestTest, StaticFilesAreLookedUpExactly) {
  const Asset* index = static_file("/");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->path, "/index.html");
  EXPECT_EQ(static_file("/index.html"), index);
  for (const char* path : {"/../index.html", "//index.html", "/index.html/", "/INDEX.HTML", "",
                           "/./index.html", "/%2e%2e/index.html"})
    EXPECT_EQ(static_file(path), nullptr) << path;
}

}  // namespace
}  // namespace ijik::server
