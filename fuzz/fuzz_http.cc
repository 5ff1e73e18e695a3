// libFuzzer target: the web server's handling of a request, short of the
// socket and of running the command — the guard (Host, Origin, access token
// cookie, CSRF header, the ?token= way in, a chunked body, the announced body
// size against the path's limit), the JSON
// body, the endpoint's mapping of path, query and body to an ijik command
// line (server/api.cc), and the static-file lookup. The request's parts are
// drawn from the input, each either a known-good value or arbitrary bytes, so
// both the refusals and the endpoints behind them are reached.
//
// Beyond "no crash": a request that passes had the right Host, token and (for
// a write) Origin and CSRF header; a refusal says why; every command line an
// endpoint builds passes the user's text only as --flag=value or after "--"
// (never where the CLI could read it as an option); a file served is exactly
// the one asked for.
#include <fuzzer/FuzzedDataProvider.h>
#include <httplib.h>

#include <cstdint>
#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

#include "server/api.h"
#include "server/request.h"
#include "server/server.h"

using namespace ijik::server;

namespace {

const std::string kToken(64, 'a');
const std::string kCsrf = std::string(63, 'b') + "c";

std::string pick(FuzzedDataProvider& in, const std::vector<std::string>& good) {
  if (in.ConsumeBool()) return good[in.ConsumeIntegralInRange<size_t>(0, good.size() - 1)];
  return in.ConsumeRandomLengthString(80);
}

bool is_lower_word(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
  return true;
}

// A command line the server hands to the CLI: command words, then options as
// --name=value (or --name and an empty value, which clears), then "--" and
// the positionals. User text before "--" in any other form could be read by
// the CLI as an option (--db=…, --help).
void check_command_line(const Args& a) {
  size_t i = 0;
  while (i < a.size() && a[i] != "--" && a[i].rfind("--", 0) != 0) {
    if (!is_lower_word(a[i])) std::abort();  // a command word
    ++i;
  }
  for (; i < a.size() && a[i] != "--"; ++i) {
    const std::string& opt = a[i];
    if (opt.rfind("--", 0) != 0) std::abort();
    size_t eq = opt.find('=');
    if (!is_lower_word(opt.substr(2, eq == std::string::npos ? std::string::npos : eq - 2)))
      std::abort();
    if (eq == std::string::npos) {  // "--note" "": an empty value
      if (i + 1 >= a.size() || !a[i + 1].empty()) std::abort();
      ++i;
    }
  }
}

struct Route {
  const Endpoint* ep;
  std::regex pattern;
};

const std::vector<Route>& routes() {
  static const std::vector<Route> all = [] {
    std::vector<Route> r;
    for (const auto& ep : endpoints()) r.push_back({&ep, std::regex(ep.pattern)});
    return r;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  static const Guard guard("127.0.0.1", 7077, kToken, kCsrf);

  RequestHead head;
  RequestFacts& f = head.facts;
  f.method = pick(in, {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"});
  f.host = pick(in, {"127.0.0.1:7077", "localhost:7077", "[::1]:7077", "LocalHost:7077",
                     "127.0.0.1", "evil.example:7077", "127.0.0.1:7078"});
  f.origin = pick(in, {"", "http://127.0.0.1:7077", "http://localhost:7077", "null",
                       "https://127.0.0.1:7077", "http://evil.example"});
  f.cookie = pick(in, {"ijik_token=" + kToken, "a=1; ijik_token=" + kToken,
                       "ijik_token=", "ijik_token=" + kToken.substr(1)});
  f.csrf = pick(in, {kCsrf, "", kCsrf.substr(0, 63) + "b"});
  const std::string path_prefix = pick(
      in, {"/", "/api/session", "/api/applications", "/api/applications/1",
           "/api/applications/12/stages", "/api/applications/3/accept", "/api/decisions/2/",
           "/api/offers/compare", "/api/screen", "/api/companies/search", "/index.html", "/app.js",
           "/app.css", "/../etc/passwd", "/api/data/import/nps", "/api/data/rejects/"});
  head.path = path_prefix + (in.ConsumeBool() ? in.ConsumeRandomLengthString(24) : "");
  if (in.ConsumeBool()) head.token = pick(in, {kToken, "", kToken + "a"});
  if (in.ConsumeBool())
    head.content_length = pick(in, {"0", "10", "1048577", "-1", "99999999999", "1073741825"});
  head.chunked = in.ConsumeBool();
  const std::string content_type =
      pick(in, {"application/json", "application/json; charset=utf-8", "text/plain", ""});
  const std::string query = in.ConsumeRandomLengthString(120);
  const std::string body = in.ConsumeRemainingBytesAsString();

  Admission a = admit(guard, head);
  const bool writes = Guard::is_state_changing(f.method);
  const bool token_cookie = f.cookie.find("ijik_token=" + kToken) != std::string::npos;
  switch (a.kind) {
    case Admission::kRefuse:
      if (a.refusal.message.empty()) std::abort();
      if (a.refusal.status != 401 && a.refusal.status != 403 && a.refusal.status != 411 &&
          a.refusal.status != 413)
        std::abort();
      return 0;
    case Admission::kLogin:
      if (f.method != "GET" || head.path != "/" || head.token != kToken) std::abort();
      if (!guard.host_allowed(f.host)) std::abort();
      return 0;
    case Admission::kPass:
      if (!guard.host_allowed(f.host) || !token_cookie) std::abort();
      if (!f.origin.empty() && !guard.origin_allowed(f.origin)) std::abort();
      if (writes && (f.origin.empty() || f.csrf != kCsrf)) std::abort();
      if (head.chunked) std::abort();
      if (head.content_length && head.path.rfind("/api/data/import/", 0) != 0 &&
          std::strtoull(head.content_length->c_str(), nullptr, 10) > kMaxBodyBytes)
        std::abort();
      break;
  }

  if (head.path.rfind("/api/", 0) != 0) {
    if (f.method != "GET") return 0;
    const Asset* file = static_file(head.path);
    if (file && file->path != (head.path == "/" ? "/index.html" : head.path)) std::abort();
    if (file && head.path.find("..") != std::string::npos) std::abort();
    return 0;
  }

  ApiRequest request;
  if (auto refusal = read_json_body(f.method, content_type, body, request.body)) {
    if (refusal->message.empty() || (refusal->status != 400 && refusal->status != 415))
      std::abort();
    return 0;
  }
  if (!request.body.is_object()) std::abort();
  httplib::Params params;
  httplib::detail::parse_query_text(query, params);
  for (const auto& [k, v] : params) request.query.emplace(k, v);
  // The first endpoint of the method whose pattern matches the whole path, as
  // cpp-httplib routes.
  for (const auto& route : routes()) {
    if (f.method != route.ep->method) continue;
    std::smatch m;
    if (!std::regex_match(head.path, m, route.pattern)) continue;
    for (size_t i = 1; i < m.size(); ++i) request.captures.push_back(m[i]);
    auto call = route.ep->build(request);
    if (!call.ok()) {
      if (call.error().message.empty()) std::abort();
      break;
    }
    check_command_line(call->run);
    check_command_line(call->then);
    break;
  }
  return 0;
}
