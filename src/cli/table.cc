#include "cli/table.h"

#include <algorithm>

#include "text/width.h"

namespace ijik::cli {

Table& Table::max_width(size_t col, int width) {
  if (max_.size() < headers_.size()) max_.resize(headers_.size(), 0);
  max_.at(col) = width;
  return *this;
}

std::string Table::render(bool color) const {
  const size_t n = headers_.size();
  auto cell = [&](const std::vector<std::string>& row, size_t c) {
    std::string s = c < row.size() ? row[c] : "";
    if (c < max_.size() && max_[c] > 0) s = text::truncate_to_width(s, max_[c]);
    return s;
  };
  std::vector<int> w(n, 0);
  for (size_t c = 0; c < n; ++c) {
    w[c] = text::display_width(headers_[c]);
    for (const auto& r : rows_) w[c] = std::max(w[c], text::display_width(cell(r, c)));
  }
  auto line = [&](const std::vector<std::string>& row, bool header) {
    std::string out;
    for (size_t c = 0; c < n; ++c) {
      std::string s = header ? headers_[c] : cell(row, c);
      bool last = c + 1 == n;
      std::string padded = align_[c] == Align::kRight ? text::pad_left(s, w[c])
                           : last                     ? s
                                                      : text::pad_right(s, w[c]);
      out += (c ? "  " : "") + padded;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return header ? bold(out, color) : out;
  };
  std::string out = line(headers_, true) + "\n";
  int total = 0;
  for (size_t c = 0; c < n; ++c) total += w[c] + (c ? 2 : 0);
  std::string rule;
  for (int i = 0; i < total; ++i) rule += "─";
  out += dim(rule, color) + "\n";
  for (const auto& r : rows_) out += line(r, false) + "\n";
  return out;
}

std::string bold(const std::string& s, bool color) {
  return color ? "\x1b[1m" + s + "\x1b[0m" : s;
}
std::string dim(const std::string& s, bool color) {
  return color ? "\x1b[2m" + s + "\x1b[0m" : s;
}

}  // namespace ijik::cli
