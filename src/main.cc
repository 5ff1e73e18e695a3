// ijik: the command-line entry point. Everything lives in the ijik_core library.
#include <iostream>

#include "cli/runner.h"

int main(int argc, char** argv) {
  return ijik::cli::run(argc, argv, std::cout, std::cerr);
}
