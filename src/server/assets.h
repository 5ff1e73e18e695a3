// The web front end's files (web/ bundled by esbuild), embedded into the
// binary at build time by cmake/embed_web.cmake: the app works offline and
// serves nothing from the disk.
#pragma once

#include <string_view>

namespace ijik::server {

struct Asset {
  std::string_view path;  // "/index.html", "/app.js" …
  std::string_view content_type;
  std::string_view body;
};

// The asset at exactly `path`, or nullptr. Paths are looked up in a fixed
// table, so "..", encoded slashes and the like can never reach the disk.
const Asset* find_asset(std::string_view path);

}  // namespace ijik::server
