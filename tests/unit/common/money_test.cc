#include "common/money.h"

#include <gtest/gtest.h>

#include <string>

namespace ijik {
namespace {

int64_t krw(std::string_view text) {
  auto r = parse_krw(text);
  EXPECT_TRUE(r.ok()) << "'" << text << "': " << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : -1;
}

void expect_rejected(std::string_view text, std::string_view why = "") {
  auto r = parse_krw(text);
  ASSERT_FALSE(r.ok()) << "'" << text << "' parsed as " << *r;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << text;
  // Every rejection names the expected forms.
  EXPECT_NE(r.error().message.find("6000만"), std::string::npos) << r.error().message;
  if (!why.empty()) {
    EXPECT_NE(r.error().message.find(why), std::string::npos) << r.error().message;
  }
}

TEST(MoneyTest, ParsesPlainWon) {
  EXPECT_EQ(krw("60000000"), 60'000'000);
  EXPECT_EQ(krw("60,000,000"), 60'000'000);
  EXPECT_EQ(krw("100000"), 100'000);
  EXPECT_EQ(krw("60000000원"), 60'000'000);
  EXPECT_EQ(krw("₩60,000,000"), 60'000'000);
}

TEST(MoneyTest, ParsesKoreanUnits) {
  EXPECT_EQ(krw("6000만"), 60'000'000);
  EXPECT_EQ(krw("6,000만원"), 60'000'000);
  EXPECT_EQ(krw("6천만원"), 60'000'000);
  EXPECT_EQ(krw("8000만원"), 80'000'000);
  EXPECT_EQ(krw("1.2억"), 120'000'000);
  EXPECT_EQ(krw("1억 2천만원"), 120'000'000);
  EXPECT_EQ(krw("1억2000만"), 120'000'000);
  EXPECT_EQ(krw("1억 2,000만원"), 120'000'000);
  EXPECT_EQ(krw("1억"), 100'000'000);
  EXPECT_EQ(krw("1억 2,345만 6,789원"), 123'456'789);
  EXPECT_EQ(krw("3.5천만"), 35'000'000);
  EXPECT_EQ(krw("0.5만"), 5'000);
  EXPECT_EQ(krw("10억"), 1'000'000'000);
}

TEST(MoneyTest, ParsesSeveralSmallUnitsInOneGroup) {
  EXPECT_EQ(krw("6천5백만원"), 65'000'000);
  EXPECT_EQ(krw("1억 2천5백만원"), 125'000'000);
  EXPECT_EQ(krw("1억 5000원"), 100'005'000);  // explicit 원: no guessing needed
  EXPECT_EQ(krw("0"), 0);
  EXPECT_EQ(krw("6천5만"), 60'050'000);
  EXPECT_EQ(krw("1천2백3십4만 5천원"), 12'345'000);
  EXPECT_EQ(krw("3천5백"), 3'500);
  expect_rejected("5백3천만", "out of order");
  expect_rejected("5천3천만", "out of order");
}

TEST(MoneyTest, SmallAmountsNeedAUnit) {
  // Is "6000" 6,000원 or 6,000만원? Refuse to guess.
  expect_rejected("6000", "ambiguous");
  expect_rejected("99999", "ambiguous");
  expect_rejected("6,000", "ambiguous");
  // With an explicit unit a small amount is fine.
  EXPECT_EQ(krw("6000원"), 6'000);
  EXPECT_EQ(krw("6천"), 6'000);
  EXPECT_EQ(krw("5만"), 50'000);
}

TEST(MoneyTest, RejectsMalformedAmounts) {
  expect_rejected("60,00,000", "thousands separator");
  expect_rejected("6,0000만", "thousands separator");
  expect_rejected(",000만", "thousands separator");
  expect_rejected("60,000,", "thousands separator");
  expect_rejected("3만 2억", "out of order");
  expect_rejected("5만 3만", "out of order");
  expect_rejected("-5만", "negative");
  expect_rejected("1억 2천", "ambiguous after 억");
  expect_rejected("1억 5000", "ambiguous after 억");
  expect_rejected("1.23456789원", "whole number");
  expect_rejected("1.5", "whole number");
  expect_rejected("abc");
  expect_rejected("");
  expect_rejected("   ");
  expect_rejected("만원");
  expect_rejected("6000만abc");
  expect_rejected("6천만원원");
  expect_rejected("1.");
}

TEST(MoneyTest, RejectsTooLarge) {
  expect_rejected("20000000000억", "too large");
}

TEST(MoneyTest, FormatKrw) {
  EXPECT_EQ(format_krw(0), "0원");
  EXPECT_EQ(format_krw(60'000'000), "6,000만원");
  EXPECT_EQ(format_krw(120'000'000), "1억 2,000만원");
  EXPECT_EQ(format_krw(123'456'789), "1억 2,345만 6,789원");
  EXPECT_EQ(format_krw(100'000'000), "1억원");
  EXPECT_EQ(format_krw(100'000'500), "1억 500원");
  EXPECT_EQ(format_krw(6'000), "6,000원");
  EXPECT_EQ(format_krw(1'234'500'000'000), "12,345억원");
  EXPECT_EQ(format_krw(-50'000), "-5만원");
}

TEST(MoneyTest, FormatThenParseRoundTrips) {
  for (int64_t v : {int64_t{100'000}, int64_t{60'000'000}, int64_t{120'000'000},
                    int64_t{123'456'789}, int64_t{5'000'000'000}}) {
    EXPECT_EQ(krw(format_krw(v)), v) << format_krw(v);
  }
}

TEST(MoneyTest, GroupThousands) {
  EXPECT_EQ(group_thousands(0), "0");
  EXPECT_EQ(group_thousands(999), "999");
  EXPECT_EQ(group_thousands(1000), "1,000");
  EXPECT_EQ(group_thousands(60'000'000), "60,000,000");
  EXPECT_EQ(group_thousands(123'456'789), "123,456,789");
  EXPECT_EQ(group_thousands(-1'234'567), "-1,234,567");
}

}  // namespace
}  // namespace ijik

namespace ijik {
namespace {

TEST(MoneyTest, ParsesJo) {
  EXPECT_EQ(*parse_krw("1.2조"), 1'200'000'000'000);
  EXPECT_EQ(*parse_krw("1조 2,000억"), 1'200'000'000'000);
  EXPECT_FALSE(parse_krw("1조 5000").ok());  // ambiguous after 조, as after 억
}

}  // namespace
}  // namespace ijik
