#include "retro/chrome.h"

#include <regex>

namespace ijik::retro {
namespace {

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

bool is_chrome(std::string_view line) {
  static const char* kExact[] = {"본문 바로가기", "블로그",   "카테고리 이동", "검색 MY메뉴 열기",
                                 "이웃추가",      "공유하기", "구독하기",      "관련글",
                                 "태그",          "목록",     "이전글",        "다음글",
                                 "카테고리 없음", "맨 위로",  "URL 복사",      "신고하기",
                                 "댓글쓰기",      "인쇄",     "전체보기",      "프로필",
                                 "메뉴 바로가기", "글쓰기",   "구독",          "좋아요",
                                 "공감",          "댓글",     "카테고리",      "방문자"};
  for (const char* e : kExact)
    if (line == e) return true;
  static const std::regex counts(
      R"(^(공감|댓글|좋아요|조회|조회수|방문|추천)\s*[\d,]+$|^[\d,]+\s*개의 댓글$|^댓글\s*[\d,]+\s*(?:개)?$)");
  static const std::regex tags(R"(^#[^\s#]+(\s+#[^\s#]+)*$)");
  static const std::regex notion(
      R"(^(Created|Last edited time|Last edited by|Tags|Status|Type|Property|Created by)\s*:.*$)");
  static const std::regex image(R"(^!\[[^\]]*\]\([^)]*\)$)");
  static const std::regex byline(R"(^>?\s*(velog|brunch|tistory|티스토리)\s*·.*$)");
  std::string s(line);
  return std::regex_match(s, counts) || std::regex_match(s, tags) || std::regex_match(s, notion) ||
         std::regex_match(s, image) || std::regex_match(s, byline);
}

}  // namespace

CleanText strip_chrome(std::string_view page) {
  static const std::regex post_date(
      R"(^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?(\s+\d{1,2}:\d{2})?$)");
  CleanText out;
  size_t i = 0;
  bool blank = true;  // the last kept line was blank (no runs of blank lines)
  while (i <= page.size()) {
    size_t nl = page.find('\n', i);
    std::string_view raw = page.substr(i, nl == std::string_view::npos ? page.size() - i : nl - i);
    i = nl == std::string_view::npos ? page.size() + 1 : nl + 1;
    std::string_view line = trim(raw);
    std::smatch m;
    std::string s(line);
    if (std::regex_match(s, m, post_date)) {
      if (!out.posted) {
        Date d{std::stoi(m[1].str()), std::stoi(m[2].str()), std::stoi(m[3].str())};
        if (d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month))
          out.posted = d;
      }
      ++out.lines_dropped;
      continue;
    }
    if (!line.empty() && is_chrome(line)) {
      ++out.lines_dropped;
      continue;
    }
    if (line.empty()) {
      if (blank) continue;
      blank = true;
      out.text += "\n";
      continue;
    }
    blank = false;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    out.text += std::string(raw) + "\n";
  }
  while (out.text.size() >= 2 && out.text[out.text.size() - 1] == '\n' &&
         out.text[out.text.size() - 2] == '\n')
    out.text.pop_back();
  return out;
}

std::vector<Sentence> split_sentences(std::string_view text) {
  std::vector<Sentence> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    std::string_view line = text.substr(i, nl == std::string_view::npos ? text.size() - i : nl - i);
    i = nl == std::string_view::npos ? text.size() : nl + 1;
    line = trim(line);
    bool heading = false;
    if (!line.empty() && line.front() == '#') {
      heading = true;
      while (!line.empty() && line.front() == '#') line.remove_prefix(1);
    } else if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '>') &&
               line[1] == ' ') {
      line.remove_prefix(2);
    }
    line = trim(line);
    size_t start = 0;
    for (size_t k = 0; k < line.size(); ++k) {
      char c = line[k];
      if (c != '.' && c != '!' && c != '?') continue;
      size_t end = k;
      while (end + 1 < line.size() &&
             (line[end + 1] == '.' || line[end + 1] == '!' || line[end + 1] == '?'))
        ++end;
      bool at_break = end + 1 == line.size() || line[end + 1] == ' ';
      bool after_digit = c == '.' && k > 0 && line[k - 1] >= '0' && line[k - 1] <= '9';
      if (at_break && !after_digit) {
        auto s = trim(line.substr(start, end + 1 - start));
        if (!s.empty()) out.push_back({std::string(s), heading});
        start = end + 1;
      }
      k = end;
    }
    auto s = trim(line.substr(start));
    if (!s.empty()) out.push_back({std::string(s), heading});
  }
  return out;
}

}  // namespace ijik::retro
