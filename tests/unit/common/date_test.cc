#include "common/date.h"

#include <gtest/gtest.h>

namespace ijik {
namespace {

TEST(DateTest, ParsesIsoAndCompactForms) {
  auto d = parse_date("2024-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->iso(), "2024-02-29");
  EXPECT_EQ(parse_date("20240229")->iso(), "2024-02-29");
  EXPECT_EQ(parse_date("2024.02.29")->iso(), "2024-02-29");
}

TEST(DateTest, RejectsImpossibleDates) {
  EXPECT_FALSE(parse_date("2022-13-01").ok());
  EXPECT_FALSE(parse_date("2023-02-29").ok());
  EXPECT_FALSE(parse_date("다음주").ok());
  EXPECT_FALSE(parse_date("2024-2-1").ok());
  EXPECT_EQ(parse_date("2022-13-01").error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(parse_date("2022-13-01").error().message.find("YYYY-MM-DD"), std::string::npos);
}

TEST(DateTest, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(parse_date("2024-01-31")->add_months(1).iso(), "2024-02-29");
  EXPECT_EQ(parse_date("2023-01-31")->add_months(1).iso(), "2023-02-28");
  EXPECT_EQ(parse_date("2022-07-11")->add_months(3).iso(), "2022-10-11");
  EXPECT_EQ(parse_date("2024-11-30")->add_months(3).iso(), "2025-02-28");
}

TEST(DateTest, DaysRoundTripThroughEpoch) {
  for (long n = -800000; n < 800000; n += 997) {
    Date d = Date::from_days_since_epoch(n);
    EXPECT_EQ(d.days_since_epoch(), n);
  }
  EXPECT_EQ(days_between(*parse_date("2026-02-20"), *parse_date("2026-03-01")), 9);
}

TEST(DateTest, ParsesDateTime) {
  auto dt = parse_date_time("2026-03-10 14:00");
  ASSERT_TRUE(dt.ok());
  EXPECT_EQ(dt->time->iso(), "14:00");
  EXPECT_FALSE(parse_date_time("2026-03-10").value().time.has_value());
  EXPECT_FALSE(parse_date_time("2026-03-10 25:00").ok());
}

}  // namespace
}  // namespace ijik
