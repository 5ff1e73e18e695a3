// `ijik serve`: the local web app. An HTTP server (cpp-httplib) on 127.0.0.1
// serving the embedded front end and the JSON API (server/api.h), with the
// rules of server/security.h in front of everything.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "common/result.h"
#include "server/command.h"

namespace ijik::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 7077;  // 0: any free port (the printed URL says which)
  bool open_browser = true;
  std::string workspace_dir;  // the folder of ijik.db: uploads are written there (server/upload.h)
};

// JSON bodies above this are refused with 413 (uploads: kMaxUploadBytes in server/upload.h).
constexpr size_t kMaxBodyBytes = 1 << 20;

// Listens until SIGINT or SIGTERM. Prints the URL with this run's token on `out`.
Status serve(const ServeOptions& options, const CommandRunner& run, std::ostream& out,
             std::ostream& err);

}  // namespace ijik::server
