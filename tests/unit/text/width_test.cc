#include "text/width.h"

#include <gtest/gtest.h>

#include <string>

namespace ijik::text {
namespace {

TEST(WidthTest, DisplayWidth) {
  EXPECT_EQ(display_width(""), 0);
  EXPECT_EQ(display_width("a"), 1);
  EXPECT_EQ(display_width("abc"), 3);
  EXPECT_EQ(display_width("네이버"), 6);
  EXPECT_EQ(display_width("네이버 Corp"), 11);
  EXPECT_EQ(display_width("ㄴㅇㅂ"), 6);
  EXPECT_EQ(display_width("Ｎａｖｅｒ"), 10);  // full-width Latin
  EXPECT_EQ(display_width("漢字"), 4);
  EXPECT_EQ(display_width("e\u0301"), 1);  // a combining mark takes no column
}

TEST(WidthTest, PadRight) {
  EXPECT_EQ(pad_right("abc", 5), "abc  ");
  EXPECT_EQ(pad_right("네이버", 8), "네이버  ");
  EXPECT_EQ(display_width(pad_right("네이버", 8)), 8);
  EXPECT_EQ(pad_right("네이버", 6), "네이버");
  EXPECT_EQ(pad_right("네이버", 4), "네이버");  // never cuts
  EXPECT_EQ(pad_right("", 3), "   ");
}

TEST(WidthTest, PadLeft) {
  EXPECT_EQ(pad_left("abc", 5), "  abc");
  EXPECT_EQ(pad_left("카카오", 7), " 카카오");
  EXPECT_EQ(pad_left("카카오", 2), "카카오");
  EXPECT_EQ(pad_left("", 0), "");
}

TEST(WidthTest, TruncateToWidth) {
  EXPECT_EQ(truncate_to_width("네이버", 6), "네이버");
  EXPECT_EQ(truncate_to_width("네이버", 10), "네이버");
  EXPECT_EQ(truncate_to_width("네이버카카오", 7), "네이버…");
  // A wide character never straddles the limit.
  EXPECT_EQ(truncate_to_width("네이버카카오", 6), "네이…");
  EXPECT_EQ(truncate_to_width("abcdef", 4), "abc…");
  EXPECT_EQ(truncate_to_width("abcdef", 1), "…");
  EXPECT_EQ(truncate_to_width("a네이버", 4), "a네…");
  for (int w = 0; w <= 14; ++w) {
    std::string t = truncate_to_width("네이버 Financial", w);
    EXPECT_LE(display_width(t), w) << w << ": '" << t << "'";
  }
  EXPECT_EQ(truncate_to_width("abc", 0), "");
  EXPECT_EQ(truncate_to_width("", 0), "");
}

}  // namespace
}  // namespace ijik::text
