// The server registers only the chosen command with CLI11 (cli::run with a
// kept connection): every command and subcommand must then have exactly the
// options the full registration gives it.
#include <gtest/gtest.h>

#include "cli/runner.h"

namespace ijik::cli {
namespace {

TEST(PartialRegistration, EveryCommandAndSubcommandMatchesTheFullOne) {
  const auto bad = partial_registration_mismatches();
  std::string all;
  for (const auto& b : bad) all += b + "\n";
  EXPECT_TRUE(bad.empty()) << all;
}

}  // namespace
}  // namespace ijik::cli
