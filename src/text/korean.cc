#include "text/korean.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "text/utf8.h"

namespace ijik::text {
namespace {

constexpr char32_t kSyllableBase = 0xAC00;
constexpr char32_t kSyllableLast = 0xD7A3;
// Compatibility jamo for the 19 initial consonants, in Unicode syllable order.
constexpr char32_t kChosung[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                   0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                   0x314A, 0x314B, 0x314C, 0x314D, 0x314E};

bool is_syllable(char32_t c) {
  return c >= kSyllableBase && c <= kSyllableLast;
}

std::string nfkc_casefold(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  auto opts = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                             UTF8PROC_CASEFOLD);
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                        static_cast<utf8proc_ssize_t>(s.size()), &out, opts);
  if (n < 0) return std::string(s);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  return std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n));
}

void erase_all(std::string& s, std::string_view what) {
  for (size_t p; (p = s.find(what)) != std::string::npos;) s.erase(p, what.size());
}

// Keeps letters and digits of any script; drops spaces, punctuation and symbols.
std::string keep_alnum(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : decode_utf8(s)) {
    bool keep;
    if (c < 0x80) {
      keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    } else if (c >= 0xAC00 && c <= 0xD7A3) {
      keep = true;  // Hangul syllable
    } else {
      auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
      keep = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
             (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
             (c >= 0x3131 && c <= 0x318E);
    }
    if (keep) append_utf8(out, c);
  }
  return out;
}

// Hangul syllables split into conjoining jamo; other characters kept.
std::u32string to_jamo(std::string_view s) {
  std::u32string out;
  for (char32_t c : decode_utf8(s)) {
    if (is_syllable(c)) {
      char32_t idx = c - kSyllableBase;
      out.push_back(0x1100 + idx / 588);
      out.push_back(0x1161 + (idx % 588) / 28);
      if (idx % 28) out.push_back(0x11A7 + idx % 28);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string fold(std::string_view s) {
  std::string f = nfkc_casefold(s);
  erase_all(f, " ");
  return f;
}

namespace {

// True when NFKC and case folding would leave `s` unchanged but for ASCII
// letters: only ASCII and precomposed Hangul syllables (the common case in
// the public files, worth a fast path: this runs once per imported row).
bool plain_hangul_or_ascii(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    // Hangul syllables U+AC00..U+D7A3 are EA B0 80 .. ED 9E A3 in UTF-8.
    if (i + 2 >= s.size() || b < 0xEA || b > 0xED) return false;
    auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b == 0xEA && b1 < 0xB0) || (b == 0xED && b1 > 0x9E) || (b1 & 0xC0) != 0x80 ||
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) != 0x80)
      return false;
    i += 3;
  }
  return true;
}

}  // namespace

std::string normalize_company_name(std::string_view name) {
  std::string out;
  normalize_company_name(name, out);
  return out;
}

void normalize_company_name(std::string_view name, std::string& out) {
  const bool plain = plain_hangul_or_ascii(name);
  if (plain) {
    out.assign(name);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  } else {
    out = nfkc_casefold(name);  // ㈜ → (주), full-width → ASCII
  }
  // Longest markers first so 유한책임회사 is not left as 책임.
  static constexpr std::string_view kMarkers[] = {
      "유한책임회사", "주식회사", "유한회사",  "합자회사", "합명회사", "사단법인",
      "재단법인",     "(주)",     "(유)",      "(사)",     "(재)",     "(합)",
      "co.,ltd.",     "co.,ltd",  "co., ltd.", "inc.",     "corp."};
  for (auto m : kMarkers) erase_all(out, m);
  if (!plain) {
    out = keep_alnum(out);
    return;
  }
  // Only ASCII and Hangul syllables: keep the syllables and ASCII letters and
  // digits, in place (what keep_alnum keeps, without decoding).
  size_t kept = 0;
  for (size_t i = 0; i < out.size();) {
    const auto b = static_cast<unsigned char>(out[i]);
    if (b >= 0x80) {  // a syllable: three bytes (kept <= i: no byte is overwritten unread)
      for (int k = 0; k < 3; ++k) out[kept++] = out[i++];
      continue;
    }
    if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) out[kept++] = out[i];
    ++i;
  }
  out.resize(kept);
}

std::string chosung(std::string_view s) {
  std::string out;
  for (char32_t c : decode_utf8(s)) {
    append_utf8(out, is_syllable(c) ? kChosung[(c - kSyllableBase) / 588] : c);
  }
  return out;
}

bool is_chosung_query(std::string_view s) {
  auto cps = decode_utf8(s);
  if (cps.empty()) return false;
  return std::all_of(cps.begin(), cps.end(), [](char32_t c) { return c >= 0x3131 && c <= 0x314E; });
}

int jamo_distance(std::string_view a, std::string_view b) {
  auto x = to_jamo(a), y = to_jamo(b);
  std::vector<int> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= y.size(); ++j) {
      int sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

std::vector<std::string> closest_matches(std::string_view query,
                                         const std::vector<std::string>& candidates, size_t limit) {
  const std::string q = normalize_company_name(query);
  const size_t qlen = to_jamo(q).size();
  std::vector<std::pair<double, std::string>> scored;
  for (const auto& c : candidates) {
    const std::string n = normalize_company_name(c);
    double score;
    if (!q.empty() && n == q) {
      score = 0.0;  // the same name: best of all
    } else if (decode_utf8(q).size() >= 2 && decode_utf8(n).size() >= 2 &&
               (n.find(q) != std::string::npos || q.find(n) != std::string::npos)) {
      score = 0.1;  // one contains the other (two characters or more): a strong hint
    } else {
      size_t longest = std::max(qlen, to_jamo(n).size());
      score =
          longest ? static_cast<double>(jamo_distance(q, n)) / static_cast<double>(longest) : 1.0;
    }
    if (score <= 0.4) scored.emplace_back(score, c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& l, const auto& r) { return l.first < r.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace ijik::text
