#include "domain/brn.h"

#include <gtest/gtest.h>

#include <string>

namespace ijik::domain {
namespace {

// Check digits verified by hand with weights 1,3,7,1,3,7,1,3,5:
// 220-81-62517 (NAVER): 2+6+0+8+3+42+2+15+5 = 83, + floor(1*5/10) = 0 → 83 → (10-3)%10 = 7.
// 120-81-47521 (Kakao): 1+6+0+8+3+28+7+15+10 = 78, + floor(2*5/10) = 1 → 79 → (10-9)%10 = 1.
TEST(BrnTest, AcceptsValidNumbersWithAndWithoutDashes) {
  auto naver = parse_brn("220-81-62517");
  ASSERT_TRUE(naver.ok()) << naver.error().message;
  EXPECT_EQ(*naver, "2208162517");
  auto kakao = parse_brn("1208147521");
  ASSERT_TRUE(kakao.ok()) << kakao.error().message;
  EXPECT_EQ(*kakao, "1208147521");
  EXPECT_EQ(*parse_brn("120-81-47521"), "1208147521");
  EXPECT_EQ(*parse_brn("2208162517"), "2208162517");
}

TEST(BrnTest, CheckDigitUsesTheCarryOfTheNinthDigit) {
  // 9th digit 9: 9*5 = 45 → the carry 4 counts. Digits 000-00-0009?:
  // sum = 45 + 4 = 49 → check (10-9)%10 = 1.
  EXPECT_TRUE(parse_brn("0000000091").ok());
  EXPECT_FALSE(parse_brn("0000000095").ok());  // 45 → 5 would be right without the carry
  // All zeros: check digit 0.
  EXPECT_TRUE(parse_brn("000-00-00000").ok());
}

TEST(BrnTest, RejectsBadCheckDigit) {
  for (const char* s : {"220-81-62510", "220-81-62518", "1208147522", "120-81-47520"}) {
    auto r = parse_brn(s);
    ASSERT_FALSE(r.ok()) << s;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(r.error().message.find("check digit"), std::string::npos) << r.error().message;
  }
  // A swapped pair of digits (a common typo) is caught.
  EXPECT_FALSE(parse_brn("202-81-62517").ok());
}

TEST(BrnTest, RejectsWrongLengthAndLetters) {
  for (const char* s : {"", "220-81-6251", "220816251", "22081625170", "220-81-625170",
                        "22O-81-62517", "abc-de-fghij", "220-81-6251a", "220 81 62517",
                        "22-081-62517", "2208-1-62517", "220--8162517", "220-8162517"}) {
    auto r = parse_brn(s);
    ASSERT_FALSE(r.ok()) << s;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(r.error().message.find("123-45-67890"), std::string::npos) << r.error().message;
  }
}

TEST(BrnTest, Formats) {
  EXPECT_EQ(format_brn("2208162517"), "220-81-62517");
  EXPECT_EQ(format_brn("123"), "123");
  EXPECT_EQ(format_brn(*parse_brn("120-81-47521")), "120-81-47521");
}

}  // namespace
}  // namespace ijik::domain
