// A file's bytes for the importers: mapped when plain, inflated when gzip,
// the same bytes and the same messages either way.
#include "ingest/import_files.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace ijik::ingest {
namespace {

namespace fs = std::filesystem;

class FileBytesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ijik-file-bytes-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string write_gzip(const std::string& name, const char* text) {
    const std::string path = (dir_ / name).string();
    gzFile gz = gzopen(path.c_str(), "wb");
    EXPECT_NE(gz, nullptr);
    gzputs(gz, text);
    gzclose(gz);
    return path;
  }
  fs::path dir_;
};

TEST_F(FileBytesTest, PlainFileIsMappedWhole) {
  std::string text = "자료생성년월,사업장명\r\n";
  for (int i = 0; i < 10000; ++i) text += "\"202401\",\"회사 " + std::to_string(i) + "\"\r\n";
  auto f = map_file_bytes(write("a.csv", text), "a CSV file");
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_EQ(f->view(), text);
  FileBytes moved = std::move(*f);  // the mapping moves with it
  EXPECT_EQ(moved.view(), text);
}

TEST_F(FileBytesTest, DroppedPagesReadAgainAndReleaseEmpties) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "\"202401\",\"회사 " + std::to_string(i) + "\"\r\n";
  auto f = map_file_bytes(write("a.csv", text), "a CSV file");
  ASSERT_TRUE(f.ok()) << f.error().message;
  f->drop_before(text.size() / 2);  // a reader past the first half
  EXPECT_EQ(f->view(), text);       // touched again, the pages come back from the file
  f->drop_before(text.size() + 4096);
  EXPECT_EQ(f->view(), text);
  f->release();
  EXPECT_EQ(f->size(), 0u);

  auto inflated = map_file_bytes(write_gzip("a.csv.gz", "hello, gzip\n"), "a CSV file");
  ASSERT_TRUE(inflated.ok());
  inflated->drop_before(6);  // in memory, not mapped: kept
  EXPECT_EQ(inflated->view(), "hello, gzip\n");
  inflated->release();
  EXPECT_EQ(inflated->size(), 0u);
}

TEST_F(FileBytesTest, LimitReadsOnlyTheStart) {
  auto f = map_file_bytes(write("a.csv", "0123456789"), "a CSV file", 4);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->view(), "0123");
}

TEST_F(FileBytesTest, GzipIsInflated) {
  auto f = map_file_bytes(write_gzip("a.csv.gz", "hello, gzip\n"), "a CSV file");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->view(), "hello, gzip\n");
}

TEST_F(FileBytesTest, EmptyTinyMissingAndDirectory) {
  auto empty = map_file_bytes(write("e.csv", ""), "a CSV file");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->size(), 0u);
  auto one = map_file_bytes(write("o.csv", "x"), "a CSV file");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->view(), "x");
  auto missing = map_file_bytes((dir_ / "nope.csv").string(), "a CSV file");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("no such file"), std::string::npos);
  auto dir = map_file_bytes(dir_.string(), "a CSV file");
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.error().message.find("is a directory: expected a CSV file"), std::string::npos);
}

}  // namespace
}  // namespace ijik::ingest
