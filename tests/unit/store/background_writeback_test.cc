// BackgroundWriteback starts and stops cleanly (its thread joins whether it
// ever woke or not: the test ends) and leaves the file as it was written.
#include "store/background_writeback.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

namespace ijik::store {
namespace {

namespace fs = std::filesystem;

TEST(BackgroundWritebackTest, RunsWhileTheFileIsWrittenAndStopsAtOnce) {
  const fs::path path =
      fs::temp_directory_path() / ("ijik-writeback-" + std::to_string(::getpid()) + ".bin");
  const std::string bytes(1 << 20, 'x');
  {
    std::ofstream(path, std::ios::binary) << bytes;
    BackgroundWriteback writeback(path.string());
    std::ofstream(path, std::ios::binary | std::ios::app) << bytes;  // written meanwhile
    std::this_thread::sleep_for(std::chrono::milliseconds(120));     // a few wake-ups
    BackgroundWriteback brief(path.string());  // stopped before its first wake-up
  }
  std::ifstream in(path, std::ios::binary);
  const std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(back, bytes + bytes);
  fs::remove(path);
}

TEST(BackgroundWritebackTest, AFileThatCannotBeOpenedIsLeftAlone) {
  BackgroundWriteback writeback("/nonexistent/ijik/workspace.db");  // no thread, no error
  SUCCEED();
}

}  // namespace
}  // namespace ijik::store
