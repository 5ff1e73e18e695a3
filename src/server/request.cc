#include "server/request.h"

#include <fmt/format.h>

#include <cstdlib>

#include "server/server.h"
#include "server/upload.h"

namespace ijik::server {

Admission admit(const Guard& guard, const RequestHead& head) {
  const RequestFacts& r = head.facts;
  if (!guard.host_allowed(r.host))
    return {Admission::kRefuse, {403, "host not allowed: open the address ijik serve printed"}};
  if (r.method == "GET" && head.path == "/" && head.token) {
    if (!same_secret(*head.token, guard.token()))
      return {Admission::kRefuse, {401, "wrong access token: open the address ijik serve printed"}};
    return {Admission::kLogin, {}};
  }
  if (auto refusal = guard.check(r)) return {Admission::kRefuse, *refusal};
  if (head.chunked)
    return {Admission::kRefuse,
            {411, "request body needs a Content-Length (chunked bodies are refused)"}};
  const size_t limit = is_upload_path(head.path) ? kMaxUploadBytes : kMaxBodyBytes;
  if (head.content_length && std::strtoull(head.content_length->c_str(), nullptr, 10) > limit)
    return {Admission::kRefuse, {413, fmt::format("request body is over {} bytes", limit)}};
  return {};
}

std::optional<Refusal> read_json_body(std::string_view method, std::string_view content_type,
                                      const std::string& body, nlohmann::json& out) {
  out = nlohmann::json::object();
  if (!Guard::is_state_changing(method) || body.empty()) return std::nullopt;
  if (content_type.substr(0, 16) != "application/json")
    return Refusal{415, "request body must be JSON (Content-Type: application/json)"};
  out = nlohmann::json::parse(body, nullptr, false);
  if (out.is_discarded() || !out.is_object()) {
    out = nlohmann::json::object();
    return Refusal{400, "request body is not a JSON object"};
  }
  return std::nullopt;
}

const Asset* static_file(std::string_view path) {
  return find_asset(path == "/" ? "/index.html" : path);
}

}  // namespace ijik::server
