// The one shape of every error the server answers (docs/api.md, Errors):
// {"error": {"status", "code", "message"}}, and the connection closed after it.
#pragma once

#include <string>

namespace httplib {
struct Response;
}

namespace ijik::server {

void json_error(httplib::Response& res, int status, const std::string& message);

}  // namespace ijik::server
