// Reading and writing the user's files (exports, imports, journal entries).
#pragma once

#include <string>

#include "common/result.h"

namespace ijik::cli {

// Writes to a temporary file beside the target, then renames, so a failed
// write never leaves half a file.
Status write_file(const std::string& path, const std::string& data);

// The whole file; BadFile names the path when it cannot be read.
Result<std::string> read_file(const std::string& path);

}  // namespace ijik::cli
