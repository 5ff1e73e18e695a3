// Plain-text tables for the terminal, aligned by display width so Hangul
// (two columns per syllable) lines up.
#pragma once

#include <string>
#include <vector>

namespace ijik::cli {

class Table {
 public:
  enum class Align { kLeft, kRight };
  explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {
    align_.assign(headers_.size(), Align::kLeft);
  }
  Table& align(size_t col, Align a) {
    align_.at(col) = a;
    return *this;
  }
  // Caps a column's width; longer cells are cut with "…".
  Table& max_width(size_t col, int width);
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  // Header, a rule of '─', then rows; columns two spaces apart; no trailing spaces.
  std::string render(bool color = false) const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<int> max_;
  std::vector<std::vector<std::string>> rows_;
};

// ANSI bold/dim helpers that do nothing when colour is off.
std::string bold(const std::string& s, bool color);
std::string dim(const std::string& s, bool color);

}  // namespace ijik::cli
