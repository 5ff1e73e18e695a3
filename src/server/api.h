// The JSON API: each endpoint names the ijik command that does its work
// (the CLI's documented --json shapes are the response bodies) and how its
// path, query and body become that command's arguments. docs/api.md is the
// contract; adding a page's endpoint is one entry here.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/result.h"
#include "server/command.h"

namespace ijik::server {

// What a handler sees of a request.
struct ApiRequest {
  std::vector<std::string> captures;               // the path pattern's groups
  std::multimap<std::string, std::string> query;   // query parameters
  nlohmann::json body = nlohmann::json::object();  // the JSON body (POST/PUT/PATCH)
};

// The commands behind an answer: `run` does the work; `then`, when given,
// reads the state to return (so a write answers with the changed object).
struct Call {
  Args run;
  Args then;
};

struct Endpoint {
  const char* method;        // GET, POST, PUT, DELETE
  const char* pattern;       // a regex over the path, groups captured
  int success_status;        // 200, or 201 for a creation
  const char* content_type;  // "application/json", or text/calendar for the .ics
  const char* filename;      // Content-Disposition attachment name, or nullptr
  Result<Call> (*build)(const ApiRequest&);
};

// Every endpoint of the API, in the order docs/api.md lists them.
const std::vector<Endpoint>& endpoints();

// The HTTP status for an ijik exit code: 3 → 400, 4 → 404, 5 → 409 …
int http_status_for_exit(int exit_code);
// The error's short name in JSON: invalid_input, not_found, conflict …
const char* error_kind_for_status(int status);

}  // namespace ijik::server
