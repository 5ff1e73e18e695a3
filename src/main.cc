// ijik: the command-line entry point. Everything lives in the ijik_core library.
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/runner.h"

namespace {

// `ijik data import ...` allocates several hundred MB (the file, SQLite's
// page cache, the linker's tables) and touches each page once; on a virtual
// machine a 4 KiB page fault costs more than filling the page. glibc reads
// its tunables only when a process starts, so an import re-executes itself
// once with malloc asking for transparent huge pages (about a fifth off a
// month's import; docs/performance.md). Anything else runs as it is.
void reexec_import_with_huge_pages(char** argv) {
#ifdef __linux__
  bool data = false, import = false;
  for (char** a = argv + 1; *a; ++a) {
    if (std::strcmp(*a, "data") == 0) data = true;
    if (data && std::strcmp(*a, "import") == 0) import = true;
  }
  if (!import) return;
  const char* current = std::getenv("GLIBC_TUNABLES");
  std::string tunables = current ? current : "";
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return;  // already, or opted out
  tunables += (tunables.empty() ? "" : ":") + std::string("glibc.malloc.hugetlb=1");
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);  // returns only on failure: then run as we are
  if (current)
    setenv("GLIBC_TUNABLES", current, 1);
  else
    unsetenv("GLIBC_TUNABLES");
#else
  (void)argv;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  reexec_import_with_huge_pages(argv);
  return ijik::cli::run(argc, argv, std::cout, std::cerr);
}
