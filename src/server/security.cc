#include "server/security.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <random>

namespace ijik::server {

std::string random_token() {
  std::random_device rd;  // /dev/urandom on Linux
  std::string out;
  out.reserve(64);
  for (int i = 0; i < 8; ++i) out += fmt::format("{:08x}", static_cast<uint32_t>(rd()));
  return out;
}

bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string cookie_value(std::string_view header, std::string_view name) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view part = header.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    pos = end + 1;
  }
  return "";
}

Guard::Guard(std::string bind_host, int port, std::string token, std::string csrf)
    : token_(std::move(token)), csrf_(std::move(csrf)) {
  for (std::string h :
       {std::string("127.0.0.1"), std::string("localhost"), std::string("[::1]"), bind_host}) {
    if (h.find(':') != std::string::npos && h.front() != '[') h = "[" + h + "]";  // IPv6 literal
    std::string with_port = fmt::format("{}:{}", h, port);
    if (std::find(hosts_.begin(), hosts_.end(), with_port) == hosts_.end())
      hosts_.push_back(with_port);
  }
}

bool Guard::host_allowed(std::string_view host) const {
  std::string lower(host);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(hosts_.begin(), hosts_.end(), lower) != hosts_.end();
}

bool Guard::origin_allowed(std::string_view origin) const {
  constexpr std::string_view scheme = "http://";
  if (origin.substr(0, scheme.size()) != scheme) return false;
  return host_allowed(origin.substr(scheme.size()));
}

std::string Guard::session_cookie() const {
  return fmt::format("ijik_token={}; Path=/; HttpOnly; SameSite=Strict", token_);
}

bool Guard::is_state_changing(std::string_view m) {
  return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE";
}

std::optional<Refusal> Guard::check(const RequestFacts& r) const {
  if (!host_allowed(r.host))
    return Refusal{
        403, fmt::format("host '{}' is not allowed: open the address ijik serve printed", r.host)};
  if (!r.origin.empty() && !origin_allowed(r.origin))
    return Refusal{403, fmt::format("cross-origin request from '{}' refused", r.origin)};
  if (!same_secret(cookie_value(r.cookie, "ijik_token"), token_))
    return Refusal{401, "missing or wrong access token: open the address ijik serve printed"};
  if (is_state_changing(r.method)) {
    // A browser always sends Origin on these; demanding it closes the gap of
    // clients that strip it, and the CSRF header cannot be set cross-site.
    if (r.origin.empty()) return Refusal{403, "a state-changing request needs an Origin header"};
    if (!same_secret(r.csrf, csrf_))
      return Refusal{403, "missing or wrong X-Ijik-Csrf header (get it from GET /api/session)"};
  }
  return std::nullopt;
}

}  // namespace ijik::server
