#include "server/security.h"

#include <gtest/gtest.h>

namespace ijik::server {
namespace {

const std::string kToken(64, 'a');
const std::string kCsrf(64, 'b');

RequestFacts browser_get() {
  return {"GET", "127.0.0.1:7077", "", "ijik_token=" + kToken, ""};
}

TEST(SecurityTest, RandomTokensAreLongAndDifferent) {
  std::string a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
}

TEST(SecurityTest, SameSecretNeedsEqualNonEmptyStrings) {
  EXPECT_TRUE(same_secret("abc", "abc"));
  EXPECT_FALSE(same_secret("abc", "abd"));
  EXPECT_FALSE(same_secret("abc", "abcd"));
  EXPECT_FALSE(same_secret("", ""));
}

TEST(SecurityTest, CookieValueFindsTheNamedCookie) {
  EXPECT_EQ(cookie_value("a=1; ijik_token=xyz; b=2", "ijik_token"), "xyz");
  EXPECT_EQ(cookie_value("ijik_token=xyz", "ijik_token"), "xyz");
  EXPECT_EQ(cookie_value("not_ijik_token=xyz", "ijik_token"), "");
  EXPECT_EQ(cookie_value("", "ijik_token"), "");
}

TEST(SecurityTest, HostsAreLoopbackNamesWithThePort) {
  Guard g("127.0.0.1", 7077, kToken, kCsrf);
  EXPECT_TRUE(g.host_allowed("127.0.0.1:7077"));
  EXPECT_TRUE(g.host_allowed("localhost:7077"));
  EXPECT_TRUE(g.host_allowed("LOCALHOST:7077"));
  EXPECT_TRUE(g.host_allowed("[::1]:7077"));
  EXPECT_FALSE(g.host_allowed("127.0.0.1:7078"));
  EXPECT_FALSE(g.host_allowed("127.0.0.1"));
  EXPECT_FALSE(g.host_allowed("evil.example:7077"));
  EXPECT_FALSE(g.host_allowed("localhost.evil.example:7077"));
  EXPECT_TRUE(g.origin_allowed("http://localhost:7077"));
  EXPECT_FALSE(g.origin_allowed("https://localhost:7077"));
  EXPECT_FALSE(g.origin_allowed("null"));
  Guard lan("192.168.0.5", 80, kToken, kCsrf);
  EXPECT_TRUE(lan.host_allowed("192.168.0.5:80"));
}

TEST(SecurityTest, CheckRefusesInOrder) {
  Guard g("127.0.0.1", 7077, kToken, kCsrf);
  EXPECT_FALSE(g.check(browser_get()));

  auto r = browser_get();
  r.host = "evil.example:7077";
  ASSERT_TRUE(g.check(r));
  EXPECT_EQ(g.check(r)->status, 403);

  r = browser_get();
  r.cookie = "";
  EXPECT_EQ(g.check(r)->status, 401);
  r.cookie = "ijik_token=" + std::string(64, 'c');
  EXPECT_EQ(g.check(r)->status, 401);

  r = browser_get();
  r.origin = "http://evil.example";
  EXPECT_EQ(g.check(r)->status, 403);
}

TEST(SecurityTest, WritesNeedOriginAndCsrf) {
  Guard g("127.0.0.1", 7077, kToken, kCsrf);
  for (const char* m : {"POST", "PUT", "PATCH", "DELETE"}) {
    RequestFacts r{m, "127.0.0.1:7077", "http://127.0.0.1:7077", "ijik_token=" + kToken, kCsrf};
    EXPECT_FALSE(g.check(r)) << m;
    r.csrf = "";
    EXPECT_EQ(g.check(r)->status, 403) << m;
    r.csrf = kCsrf;
    r.origin = "";
    EXPECT_EQ(g.check(r)->status, 403) << m;
  }
}

}  // namespace
}  // namespace ijik::server
