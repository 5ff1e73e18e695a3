#include "server/upload.h"

#include <gtest/gtest.h>

namespace ijik::server {
namespace {

TEST(UploadTest, OnlyImportPathsTakeTheUploadLimit) {
  EXPECT_TRUE(is_upload_path("/api/data/import/nps"));
  EXPECT_TRUE(is_upload_path("/api/data/import/dart"));
  EXPECT_FALSE(is_upload_path("/api/data/status"));
  EXPECT_FALSE(is_upload_path("/api/applications"));
  EXPECT_FALSE(is_upload_path("/x/api/data/import/nps"));
}

TEST(UploadTest, ANameIsAFileNameWithoutFolders) {
  EXPECT_EQ(upload_name_problem("nps-202501.csv"), "");
  EXPECT_EQ(upload_name_problem("국민연금공단_국민연금 가입 사업장 내역_20250131.csv.gz"), "");
  for (const char* bad :
       {"", "../x.csv", "..", ".", ".hidden", "a/b.csv", "a\\b.csv", "/etc/passwd", "x\n.csv"})
    EXPECT_NE(upload_name_problem(bad), "") << bad;
  EXPECT_NE(upload_name_problem(std::string(201, 'a')), "");
  EXPECT_NE(upload_name_problem(std::string("a\0b", 3)), "");
}

}  // namespace
}  // namespace ijik::server
