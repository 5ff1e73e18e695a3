#include "domain/stage_kind.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>

#include "text/korean.h"

namespace ijik::domain {
namespace {

struct BaseInfo {
  StageBase base;
  std::string_view key;
  std::string_view label;
  int rank;
};

constexpr BaseInfo kBases[] = {
    {StageBase::kDocument, "document", "서류", 10},
    {StageBase::kCodingTest, "coding-test", "코딩테스트", 20},
    {StageBase::kAptitude, "aptitude", "인적성", 30},
    {StageBase::kAssignment, "assignment", "과제", 40},
    {StageBase::kInterview, "interview", "면접", 100},
    {StageBase::kCultureFit, "culture-fit", "컬처핏", 200},
    {StageBase::kExecutiveInterview, "executive-interview", "임원 면접", 210},
    {StageBase::kReferenceCheck, "reference-check", "평판조회", 300},
    {StageBase::kNegotiation, "negotiation", "처우협의", 310},
    {StageBase::kOffer, "offer", "최종합격", 320},
    {StageBase::kOther, "other", "기타", 400},
};

const BaseInfo& info(StageBase b) {
  for (const auto& i : kBases)
    if (i.base == b) return i;
  return kBases[std::size(kBases) - 1];
}

bool contains_any(const std::string& s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (s.find(w) != std::string::npos) return true;
  return false;
}

// The round a name states: "2차", "2nd", "round 2", "interview 2" → 2.
int explicit_round(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') continue;
    size_t j = i;
    int n = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
      if (n < 1000) n = n * 10 + (s[j] - '0');  // rounds are small; long digit runs are not rounds
      ++j;
    }
    std::string_view rest = std::string_view(s).substr(j);
    bool before_is_word = i >= 5 && (s.compare(i - 5, 5, "round") == 0 ||
                                     (i >= 9 && s.compare(i - 9, 9, "interview") == 0));
    if (rest.substr(0, 3) == "차" || rest.substr(0, 2) == "st" || rest.substr(0, 2) == "nd" ||
        rest.substr(0, 2) == "rd" || rest.substr(0, 2) == "th" || before_is_word)
      return n > 0 && n < 100 ? n : 0;
    i = j;
  }
  return 0;
}

}  // namespace

std::string StageKind::key() const {
  if (base == StageBase::kInterview) return fmt::format("interview-{}", round > 0 ? round : 1);
  return std::string(info(base).key);
}

std::string StageKind::label() const {
  if (base == StageBase::kInterview) return fmt::format("{}차 면접", round > 0 ? round : 1);
  return std::string(info(base).label);
}

int StageKind::rank() const {
  return info(base).rank + (base == StageBase::kInterview ? round : 0);
}

StageKind classify_stage_name(std::string_view name) {
  const std::string s = text::fold(name);  // lower case, no spaces
  StageKind k;
  if (contains_any(s, {"임원", "executive", "ceo면접", "대표면접"})) {
    k.base = StageBase::kExecutiveInterview;
  } else if (contains_any(s, {"컬처핏", "컬쳐핏", "culture", "컬처", "컬쳐"})) {
    k.base = StageBase::kCultureFit;
  } else if (contains_any(s, {"평판", "레퍼런스", "reference", "레퍼체크"})) {
    k.base = StageBase::kReferenceCheck;
  } else if (contains_any(s, {"처우", "연봉협상", "연봉협의", "negotiat", "컨펌"})) {
    k.base = StageBase::kNegotiation;
  } else if (contains_any(s, {"면접", "interview", "인터뷰", "폰스크린", "phonescreen", "전화",
                              "시스템디자인", "systemdesign", "onsite", "온사이트", "pt발표"})) {
    k.base = StageBase::kInterview;
    k.round = explicit_round(s);
  } else if (contains_any(
                 s, {"코딩테스트", "코테", "coding", "알고리즘", "라이브코딩", "codingtest"})) {
    k.base = StageBase::kCodingTest;
  } else if (contains_any(s, {"인적성", "적성", "aptitude", "gsat", "ssat", "hmat", "lgway"})) {
    k.base = StageBase::kAptitude;
  } else if (contains_any(s, {"과제", "assignment", "take-home", "takehome", "홈워크"})) {
    k.base = StageBase::kAssignment;
  } else if (contains_any(s, {"서류", "document", "resume", "이력서", "cv", "screening"})) {
    k.base = StageBase::kDocument;
  } else if (contains_any(s, {"최종합격", "합격", "offer", "오퍼", "입사제안"})) {
    k.base = StageBase::kOffer;
  } else if (int r = explicit_round(s); r > 0) {
    k.base = StageBase::kInterview;  // "2차" alone is an interview round in practice
    k.round = r;
  }
  return k;
}

std::vector<StageKind> classify_stages(const std::vector<std::string>& names) {
  std::vector<StageKind> out;
  int last_round = 0;  // an unnumbered interview follows the highest round so far
  for (const auto& n : names) {
    StageKind k = classify_stage_name(n);
    if (k.base == StageBase::kInterview) {
      if (k.round == 0) k.round = last_round + 1;
      last_round = std::max(last_round, k.round);
    }
    out.push_back(k);
  }
  return out;
}

bool parse_stage_kind_key(std::string_view key, StageKind& out) {
  if (key.substr(0, 10) == "interview-") {
    int r = 0;
    for (char c : key.substr(10)) {
      if (c < '0' || c > '9') return false;
      r = r * 10 + (c - '0');
    }
    if (r <= 0) return false;
    out = {StageBase::kInterview, r};
    return true;
  }
  for (const auto& i : kBases) {
    if (i.key == key && i.base != StageBase::kInterview) {
      out = {i.base, 0};
      return true;
    }
  }
  return false;
}

}  // namespace ijik::domain
