#include "cli/files.h"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace ijik::cli {

Status write_file(const std::string& path, const std::string& data) {
  const std::string tmp = path + ".ijik-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out)
      return bad_file(
          fmt::format("cannot write '{}': check the folder exists and is writable", path));
    out << data;
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return bad_file(fmt::format("cannot write '{}': the disk may be full", path));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return bad_file(fmt::format("cannot write '{}'", path));
  }
  return {};
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return bad_file(fmt::format("cannot read '{}': no such file or not readable", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace ijik::cli
