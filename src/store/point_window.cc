#include "store/point_window.h"

#include <cstdint>

namespace ijik::store {
namespace {

// Format: a version byte, the point count, then per point the month (index of
// the first, then the gap to the previous), headcount, billed, hires, leavers
// and status, each a zigzag LEB128 varint.
constexpr unsigned char kVersion = 1;

void put(std::string& out, int64_t v) {
  uint64_t z = (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
  while (z >= 0x80) {
    out.push_back(static_cast<char>((z & 0x7F) | 0x80));
    z >>= 7;
  }
  out.push_back(static_cast<char>(z));
}

bool get(std::string_view& in, int64_t& v) {
  uint64_t z = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    z |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) {
      v = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
      return true;
    }
  }
  return false;
}

}  // namespace

std::string encode_points(const std::vector<domain::MonthlyPoint>& points) {
  std::string out;
  encode_points(points, out);
  return out;
}

void encode_points(const std::vector<domain::MonthlyPoint>& points, std::string& out) {
  out.clear();
  out.reserve(2 + points.size() * 10);
  out.push_back(static_cast<char>(kVersion));
  put(out, static_cast<int64_t>(points.size()));
  int previous = 0;
  for (const auto& p : points) {
    int index = p.month.index();
    put(out, index - previous);
    previous = index;
    put(out, p.headcount);
    put(out, p.billed);
    put(out, p.hires);
    put(out, p.leavers);
    put(out, p.status);
  }
}

std::optional<std::vector<domain::MonthlyPoint>> decode_points(std::string_view in) {
  if (in.empty() || static_cast<unsigned char>(in.front()) != kVersion) return std::nullopt;
  in.remove_prefix(1);
  int64_t count = 0;
  if (!get(in, count) || count < 0 || count > static_cast<int64_t>(kRecentPoints))
    return std::nullopt;
  std::vector<domain::MonthlyPoint> out(static_cast<size_t>(count));
  int64_t index = 0;
  for (auto& p : out) {
    int64_t gap = 0, status = 0;
    if (!get(in, gap) || !get(in, p.headcount) || !get(in, p.billed) || !get(in, p.hires) ||
        !get(in, p.leavers) || !get(in, status))
      return std::nullopt;
    index += gap;
    // Months stay within years 1900..2999 and strictly increase.
    if ((&p != out.data() && gap <= 0) || index < 1900 * 12 || index >= 3000 * 12)
      return std::nullopt;
    p.month = YearMonth::from_index(static_cast<int>(index));
    p.status = static_cast<int>(status);
  }
  if (!in.empty()) return std::nullopt;
  return out;
}

}  // namespace ijik::store
