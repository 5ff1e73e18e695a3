// Public-data uploads from the browser (the web app's Import page):
//   POST /api/data/import/nps?name=FILE   body: the file's bytes (plain or .gz)
//   POST /api/data/import/dart?name=FILE
//   GET  /api/data/rejects/NAME           a rejects file written by an import
// The body is streamed to a temporary file in the workspace folder, imported
// by the same command as `ijik data import nps|dart FILE` (so the same checks,
// transactions and summary), then deleted. Uploads have their own size limit
// (kMaxUploadBytes); every other request keeps kMaxBodyBytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "server/command.h"

namespace httplib {
class Server;
}

namespace ijik::server {

// An upload larger than this is refused with 413 before a byte is read.
constexpr size_t kMaxUploadBytes = size_t{1} << 30;  // 1 GiB

// True for the paths that take an upload body (and so kMaxUploadBytes).
bool is_upload_path(std::string_view path);

// "" when `name` may name the temporary file, else why not. A name is a file
// name only: no folder part, no leading dot, no control characters, ≤ 200 bytes.
std::string upload_name_problem(std::string_view name);

// Registers the upload and rejects routes. `workspace_dir` holds ijik.db:
// temporary files go there, and rejects are read from its rejects/ folder.
// Upload folders left there over a day ago (a killed server) are removed.
void register_upload_routes(httplib::Server& svr, const CommandRunner& run,
                            const std::string& workspace_dir);

}  // namespace ijik::server
