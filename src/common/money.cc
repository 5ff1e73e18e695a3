#include "common/money.h"

#include <fmt/format.h>

#include <vector>

namespace ijik {
namespace {

constexpr std::string_view kForms =
    "expected an amount in KRW such as 60000000, 6000만, 6,000만원, 6천만원 or 1.2억";

Error bad_amount(std::string_view text, std::string_view why) {
  return invalid_input(fmt::format("invalid amount '{}': {}; {}", text, why, kForms));
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// A decimal number read from the text: value = mantissa / 10^scale.
struct Decimal {
  int64_t mantissa = 0;
  int scale = 0;
};

// Reads digits with optional well-formed thousands separators and an optional fraction.
bool read_decimal(std::string_view& s, Decimal& out, bool& bad_commas) {
  size_t i = 0;
  std::string digits;
  std::vector<size_t> groups;  // sizes of comma-separated groups
  size_t group = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == ',')) {
    if (s[i] == ',') {
      groups.push_back(group);
      group = 0;
    } else {
      digits += s[i];
      ++group;
    }
    ++i;
  }
  if (digits.empty()) return false;
  if (!groups.empty()) {
    groups.push_back(group);
    bool ok = groups.front() >= 1 && groups.front() <= 3;
    for (size_t g = 1; g < groups.size(); ++g) ok = ok && groups[g] == 3;
    if (!ok) {
      bad_commas = true;
      return false;
    }
  }
  int scale = 0;
  if (i < s.size() && s[i] == '.') {
    size_t j = i + 1;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') digits += s[j++], ++scale;
    if (scale == 0) return false;
    i = j;
  }
  if (digits.size() > 17) return false;
  out.mantissa = std::stoll(digits);
  out.scale = scale;
  s.remove_prefix(i);
  return true;
}

}  // namespace

Result<int64_t> parse_krw(std::string_view text) {
  std::string compact;
  for (char c : text)
    if (c != ' ' && c != '\t') compact += c;
  std::string_view s = compact;
  if (starts_with(s, "₩")) s.remove_prefix(std::string_view("₩").size());
  bool explicit_won = false;
  if (s.size() >= 3 && s.substr(s.size() - 3) == "원") s.remove_suffix(3), explicit_won = true;
  if (s.empty()) return bad_amount(text, "empty");
  if (s.front() == '-') return bad_amount(text, "negative");

  struct Unit {
    std::string_view word;
    int64_t factor;
  };
  static constexpr Unit kBig[] = {{"조", 1'000'000'000'000}, {"억", 100'000'000}, {"만", 10'000}};
  static constexpr Unit kSmall[] = {{"천", 1000}, {"백", 100}, {"십", 10}};

  int64_t total = 0;  // in 1/10^18 won would overflow; accumulate in won with exact checks
  int64_t last_big = INT64_MAX;
  bool any_unit = false;
  bool ended = false;  // a group without a big unit must be the last one
  while (!s.empty()) {
    if (ended) return bad_amount(text, "unexpected text after the amount");
    // One group: terms with decreasing small units (6천5백), then an optional big unit (만).
    struct Term {
      Decimal d;
      int64_t factor = 1;
    };
    std::vector<Term> terms;
    int64_t last_small = INT64_MAX;
    while (true) {
      Term t;
      bool bad_commas = false;
      if (!read_decimal(s, t.d, bad_commas))
        return bad_amount(text, bad_commas ? "misplaced thousands separator" : "not a number");
      for (const auto& u : kSmall)
        if (starts_with(s, u.word)) {
          t.factor = u.factor, s.remove_prefix(u.word.size()), any_unit = true;
          break;
        }
      if (t.factor >= last_small) return bad_amount(text, "units out of order");
      last_small = t.factor;
      terms.push_back(t);
      if (t.factor == 1 || s.empty() || s.front() < '0' || s.front() > '9') break;
    }
    int64_t big = 1;
    for (const auto& u : kBig)
      if (starts_with(s, u.word)) {
        big = u.factor, s.remove_prefix(u.word.size()), any_unit = true;
        break;
      }
    if (big == 1) ended = true;
    if (big >= last_big) return bad_amount(text, "units out of order");
    // "1억 2천" or "1억 5000" usually means 1억 2천만: refuse to guess.
    if (big == 1 && last_big >= 100'000'000 && last_big != INT64_MAX && !explicit_won)
      return bad_amount(text, "ambiguous after 억 (write …만 or …원 for the rest)");
    last_big = big;
    for (const Term& t : terms) {
      // value = mantissa * factor * big / 10^scale, which must be a whole number of won.
      __int128 v = static_cast<__int128>(t.d.mantissa) * t.factor * big;
      __int128 div = 1;
      for (int k = 0; k < t.d.scale; ++k) div *= 10;
      if (v % div != 0) return bad_amount(text, "not a whole number of won");
      v /= div;
      if (v + total > static_cast<__int128>(1'000'000'000'000'000LL))
        return bad_amount(text, "too large");
      total += static_cast<int64_t>(v);
    }
  }
  if (!any_unit && !explicit_won && total < 100'000 && compact != "0")
    return bad_amount(
        text, fmt::format("ambiguous without a unit (write {}만 or {}원)", compact, compact));
  return total;
}

std::string group_thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count && count % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++count;
  }
  return n < 0 ? "-" + out : out;
}

std::string format_krw(int64_t amount) {
  if (amount == 0) return "0원";
  std::string sign = amount < 0 ? "-" : "";
  int64_t a = amount < 0 ? -amount : amount;
  int64_t eok = a / 100'000'000, man = a / 10'000 % 10'000, won = a % 10'000;
  std::vector<std::string> parts;
  if (eok) parts.push_back(group_thousands(eok) + "억");
  if (man) parts.push_back(group_thousands(man) + "만");
  if (won) parts.push_back(group_thousands(won));
  std::string out = sign;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? " " : "") + parts[i];
  return out + "원";
}

}  // namespace ijik
