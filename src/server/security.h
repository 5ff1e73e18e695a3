// The rules that keep a local server holding private career data private:
// an access token per run (in the printed URL, then an HttpOnly SameSite=Strict
// cookie), Host and Origin checks against DNS rebinding and cross-site
// requests, and a CSRF token for every state-changing request.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ijik::server {

// 32 random bytes from the OS, as 64 hex digits.
std::string random_token();

// Compares without an early exit, so timing says nothing about the token.
bool same_secret(std::string_view a, std::string_view b);

// The value of cookie `name` in a Cookie header, or "".
std::string cookie_value(std::string_view header, std::string_view name);

// A refused request: its HTTP status and message.
struct Refusal {
  int status = 403;
  std::string message;
};

struct RequestFacts {
  std::string method;  // GET, POST …
  std::string host;    // the Host header
  std::string origin;  // the Origin header, "" when absent
  std::string cookie;  // the Cookie header
  std::string csrf;    // the X-Ijik-Csrf header
};

class Guard {
 public:
  // `bind_host` is what the server listens on; `port` the bound port.
  Guard(std::string bind_host, int port, std::string token, std::string csrf);

  const std::string& token() const { return token_; }
  const std::string& csrf() const { return csrf_; }
  // Hosts a browser may name in Host: 127.0.0.1:P, localhost:P, [::1]:P and the bind host.
  const std::vector<std::string>& allowed_hosts() const { return hosts_; }
  bool host_allowed(std::string_view host) const;
  bool origin_allowed(std::string_view origin) const;
  // The Set-Cookie value that carries the token.
  std::string session_cookie() const;

  // Host, then Origin, then the token cookie, then (for POST, PUT, PATCH,
  // DELETE) the CSRF header. nullopt when the request may proceed.
  std::optional<Refusal> check(const RequestFacts& r) const;

  static bool is_state_changing(std::string_view method);

 private:
  std::string token_, csrf_;
  std::vector<std::string> hosts_;
};

}  // namespace ijik::server
