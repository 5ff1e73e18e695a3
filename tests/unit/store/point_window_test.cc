// The packed latest points stored beside a workplace's metrics.
#include "store/point_window.h"

#include <gtest/gtest.h>

namespace ijik::store {
namespace {

using domain::MonthlyPoint;

bool same(const MonthlyPoint& a, const MonthlyPoint& b) {
  return a.month == b.month && a.headcount == b.headcount && a.billed == b.billed &&
         a.hires == b.hires && a.leavers == b.leavers && a.status == b.status;
}

TEST(PointWindow, RoundTripsPointsWithGapsAndLargeAmounts) {
  std::vector<MonthlyPoint> points = {
      {{2024, 11}, 120, 987'654'321'000, 3, 0, 1},
      {{2024, 12}, 0, 0, 0, 120, 2},
      {{2025, 5}, 7, 1'234'560, 7, 0, 1},  // re-registered after a gap
  };
  auto back = decode_points(encode_points(points));
  ASSERT_TRUE(back.has_value());
  ASSERT_EQ(back->size(), points.size());
  for (size_t i = 0; i < points.size(); ++i) EXPECT_TRUE(same((*back)[i], points[i])) << i;
}

TEST(PointWindow, EmptyWindowRoundTrips) {
  auto back = decode_points(encode_points({}));
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(back->empty());
}

TEST(PointWindow, RefusesDamagedBytes) {
  std::string good = encode_points({{{2025, 1}, 10, 100, 1, 1, 1}, {{2025, 2}, 11, 110, 1, 0, 1}});
  EXPECT_FALSE(decode_points("").has_value());
  EXPECT_FALSE(decode_points(std::string(1, '\x07')).has_value());           // unknown version
  EXPECT_FALSE(decode_points(good.substr(0, good.size() - 1)).has_value());  // truncated
  EXPECT_FALSE(decode_points(good + "x").has_value());                       // trailing bytes
  std::string too_many = good;
  too_many[1] = static_cast<char>(2 * (kRecentPoints + 1));  // zigzag count 14
  EXPECT_FALSE(decode_points(too_many).has_value());
  // Months out of order: a zero gap.
  std::string repeated = encode_points({{{2025, 1}, 1, 1, 0, 0, 1}, {{2025, 1}, 1, 1, 0, 0, 1}});
  EXPECT_FALSE(decode_points(repeated).has_value());
}

}  // namespace
}  // namespace ijik::store
