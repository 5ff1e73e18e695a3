// A GoogleTest fixture for store tests: a fresh workspace in its own
// temporary folder (named after the suite, process and test), removed after.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "store/workspace.h"

namespace ijik::testing {

class WorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           (std::string("ijik-") + info->test_suite_name() + "-" + std::to_string(::getpid()) +
            "-" + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = store::open_workspace((dir_ / "w.db").string());
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_.emplace(std::move(*db));
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::optional<store::Database> db_;
  std::filesystem::path dir_;
};

}  // namespace ijik::testing
