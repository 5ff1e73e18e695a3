#include "text/search_tokens.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <vector>

#include "text/utf8.h"

namespace ijik::text {
namespace {

bool is_hangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3131 && c <= 0x318E) ||
         (c >= 0x1100 && c <= 0x11FF);
}

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
         cat == UTF8PROC_CATEGORY_MN;
}

struct Char {
  char32_t cp;
  size_t begin, end;  // bytes
  bool valid;
};

std::vector<Char> decode(std::string_view s) {
  std::vector<Char> out;
  size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      out.push_back({0xFFFD, i, i + 1, false});
      ++i;
    } else {
      out.push_back({static_cast<char32_t>(cp), i, i + static_cast<size_t>(n), true});
      i += static_cast<size_t>(n);
    }
  }
  return out;
}

// Particles and endings stripped from the end of a query word to find its stem.
// Longest first so 에서 is tried before 서 would be (there is no 서 here).
constexpr std::array<std::u32string_view, 22> kParticles = {
    U"으로", U"에서", U"에게", U"까지", U"부터", U"이랑", U"에는", U"이나",
    U"처럼", U"보다", U"을",   U"를",   U"은",   U"는",   U"이",   U"가",
    U"의",   U"에",   U"도",   U"로",   U"와",   U"과"};

bool all_hangul(std::u32string_view w) {
  for (char32_t c : w)
    if (!is_hangul(c)) return false;
  return !w.empty();
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

void for_each_search_token(
    std::string_view s,
    const std::function<void(std::string_view token, size_t begin, size_t end)>& emit) {
  auto chars = decode(s);
  std::string token;
  size_t i = 0;
  while (i < chars.size()) {
    const Char& c = chars[i];
    if (c.valid && is_hangul(c.cp)) {
      size_t j = i;
      while (j < chars.size() && chars[j].valid && is_hangul(chars[j].cp)) ++j;
      if (j - i == 1) {
        emit(s.substr(c.begin, c.end - c.begin), c.begin, c.end);
      } else {
        for (size_t k = i; k + 1 < j; ++k) {
          size_t b = chars[k].begin, e = chars[k + 1].end;
          emit(s.substr(b, e - b), b, e);
        }
      }
      i = j;
    } else if (c.valid && is_word_char(c.cp)) {
      size_t j = i;
      token.clear();
      while (j < chars.size() && chars[j].valid && is_word_char(chars[j].cp) &&
             !is_hangul(chars[j].cp)) {
        append_utf8(token, static_cast<char32_t>(
                               utf8proc_tolower(static_cast<utf8proc_int32_t>(chars[j].cp))));
        ++j;
      }
      emit(token, c.begin, chars[j - 1].end);
      i = j;
    } else {
      ++i;
    }
  }
}

FtsQuery fts_query(std::string_view query) {
  // Words are what the user separated by spaces or punctuation; each must match.
  FtsQuery q;
  std::string& out = q.match;
  std::u32string word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string w = encode_utf8(word);
    q.terms.push_back(w);
    std::string term;
    if (all_hangul(word) && word.size() == 1) {
      term = quote(w) + "*";
    } else {
      term = quote(w);
      if (all_hangul(word) && word.size() >= 3) {
        for (auto p : kParticles) {
          if (word.size() >= p.size() + 2 &&
              std::u32string_view(word).substr(word.size() - p.size()) == p) {
            std::string stem =
                encode_utf8(std::u32string_view(word).substr(0, word.size() - p.size()));
            q.terms.push_back(stem);
            term = "(" + term + " OR " + quote(stem) + ")";
            break;
          }
        }
      }
    }
    out += (out.empty() ? "" : " AND ") + term;
    word.clear();
  };
  for (const Char& c : decode(query)) {
    if (c.valid && (is_hangul(c.cp) || is_word_char(c.cp))) {
      // A switch between Hangul and Latin inside one word (AI팀) splits it too.
      if (!word.empty() && is_hangul(word.back()) != is_hangul(c.cp)) flush();
      word.push_back(c.cp);
    } else {
      flush();
    }
  }
  flush();
  return q;
}

namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Byte offset `n` characters before `pos` (not before 0).
size_t back_chars(std::string_view s, size_t pos, size_t n) {
  while (pos > 0 && n > 0) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
    --n;
  }
  return pos;
}

// Byte offset `n` characters after `pos` (not past the end).
size_t forward_chars(std::string_view s, size_t pos, size_t n) {
  while (pos < s.size() && n > 0) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    --n;
  }
  return pos;
}

void append_flat(std::string& out, std::string_view s) {
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string highlight_snippet(std::string_view original, const std::vector<std::string>& terms,
                              size_t context) {
  // Markdown heading marks at the start of a line become spaces (same bytes,
  // so offsets hold) and fold away with the other whitespace.
  std::string plain(original);
  bool line_start = true;
  for (auto& c : plain) {
    if (line_start && c == '#') {
      c = ' ';
      continue;
    }
    line_start = c == '\n' || (line_start && c == ' ');
  }
  std::string_view text = plain;
  const std::string lower = ascii_lower(text);
  std::vector<std::pair<size_t, size_t>> ranges;
  for (const auto& t : terms) {
    if (t.empty()) continue;
    const std::string needle = ascii_lower(t);
    const bool latin = static_cast<unsigned char>(needle.front()) < 0x80;
    for (size_t at = lower.find(needle); at != std::string::npos; at = lower.find(needle, at + 1)) {
      size_t end = at + needle.size();
      if (latin && ((at > 0 && ascii_alnum(static_cast<unsigned char>(lower[at - 1]))) ||
                    (end < lower.size() && ascii_alnum(static_cast<unsigned char>(lower[end])))))
        continue;
      ranges.push_back({at, end});
    }
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  size_t from = 0, to = forward_chars(text, 0, 3 * context);
  if (!merged.empty()) {
    from = back_chars(text, merged.front().first, context);
    to = forward_chars(text, merged.front().second, 2 * context);
  }
  std::string out;
  if (from > 0) out += "…";
  size_t pos = from;
  for (const auto& [b, e] : merged) {
    if (e <= from || b >= to) continue;
    size_t hb = std::max(b, from), he = std::min(e, to);
    append_flat(out, text.substr(pos, hb - pos));
    out += "[";
    append_flat(out, text.substr(hb, he - hb));
    out += "]";
    pos = he;
  }
  append_flat(out, text.substr(pos, to - pos));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  if (to < text.size()) out += "…";
  return out;
}

}  // namespace ijik::text
