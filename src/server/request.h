// What the server decides about one HTTP request before any command runs,
// as pure functions of the request's parts (no sockets): whether it may pass
// the guard, and its JSON body. server.cc calls them from cpp-httplib's
// handlers; the fuzz target fuzz/fuzz_http calls them on arbitrary requests.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "server/assets.h"
#include "server/security.h"

namespace ijik::server {

// A request as the guard sees it: RequestFacts plus what the way in needs.
struct RequestHead {
  RequestFacts facts;
  std::string path;                           // the decoded path, without the query
  std::optional<std::string> token;           // the ?token= parameter, when present
  std::optional<std::string> content_length;  // the Content-Length header, when present
  bool chunked = false;                       // a Transfer-Encoding header is present
};

struct Admission {
  enum Kind {
    kPass,    // on to the endpoint or the file
    kLogin,   // GET /?token=<the right token>: set the cookie, redirect to "/"
    kRefuse,  // answer `refusal`
  } kind = kPass;
  Refusal refusal;
};

// Host first (a foreign Host is refused before anything else), then the way
// in by the printed address, then Guard::check, then the body: a chunked one
// is refused (411: its size cannot be checked first), and an announced size
// over the path's limit (kMaxUploadBytes for an upload path, else
// kMaxBodyBytes) is refused (413).
Admission admit(const Guard& guard, const RequestHead& head);

// The JSON body of an API request into `out` ({} when there is none, or for
// GET): a body on a state-changing request must be Content-Type
// application/json (415 otherwise) and a JSON object (400 otherwise).
std::optional<Refusal> read_json_body(std::string_view method, std::string_view content_type,
                                      const std::string& body, nlohmann::json& out);

// The embedded file a GET of `path` serves ("/" is /index.html), or nullptr.
const Asset* static_file(std::string_view path);

}  // namespace ijik::server
