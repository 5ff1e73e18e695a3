#include "retro/extract.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "retro/chrome.h"
#include "text/utf8.h"

namespace ijik::retro {
namespace {

using SvMatch = std::match_results<std::string::const_iterator>;

// ---------------------------------------------------------------- words

bool is_syllable(char32_t c) {
  return c >= 0xAC00 && c <= 0xD7A3;
}
bool has_batchim(char32_t c) {
  return is_syllable(c) && (c - 0xAC00) % 28 != 0;
}
bool rieul_batchim(char32_t c) {
  return is_syllable(c) && (c - 0xAC00) % 28 == 8;
}

bool contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool ends_with(std::string_view s, std::string_view w) {
  return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
}

bool starts_with(std::string_view s, std::string_view w) {
  return s.substr(0, w.size()) == w;
}

// Words that are never a company, whatever their place in the sentence.
bool stop_word(std::string_view w) {
  static const char* kStop[] = {
      "회사",     "스타트업", "대기업", "중견기업",   "중소기업", "기업",   "곳",     "이곳",
      "그곳",     "지금",     "현재",   "다음",       "이번",     "처음",   "여기",   "서류",
      "면접",     "코테",     "과제",   "인적성",     "최종",     "합격",   "포지션", "자리",
      "직무",     "팀",       "신입",   "경력",       "공채",     "채용",   "본격적", "본격적으로",
      "총",       "대부분",   "모두",   "결국",       "그리고",   "그래서", "나",     "저",
      "우리",     "이력서",   "자소서", "포트폴리오", "선배",     "친구",   "지인",   "추천",
      "헤드헌터", "링크드인", "원티드", "사람인",     "잡코리아", "리멤버", "정규직", "계약직",
      "인턴",     "연봉",     "처우",   "시기",       "같은",     "당시",   "넘게",   "정도",
      "가까이",   "많이",     "다시",   "먼저",       "직접",     "같이",   "함께",   "바로",
      "일단",     "새로",     "전",     "후",         "뒤",       "이후",   "이전",   "결과",
      "연락",     "소식",     "메일",   "통보",       "세",       "두",     "네",     "한",
      "다섯",     "여러",     "몇",     "각각",       "또",       "역시",   "사실",   "그",
      "이",       "저희",     "동안",   "만에",       "이직",     "퇴사",   "입사",   "지원",
      "상반기",   "하반기",   "올해",   "작년",       "재작년",   "내년",   "오늘",   "그해",
      "무사히",   "드디어",   "마침내", "겨우",       "준비",     "시작",   "회고",   "그런데",
      "하지만",   "근데",     "그러나", "그래도",     "그때",     "이때"};
  for (const char* s : kStop)
    if (w == s) return true;
  static const char* kLatinStop[] = {"AI",       "ML",   "QA",    "PM",    "SKCT",    "GSAT",
                                     "HR",       "CTO",  "CEO",   "API",   "IT",      "SI",
                                     "AWS",      "PT",   "A",     "B",     "Backend", "Frontend",
                                     "Engineer", "Data", "Offer", "offer", "URL",     "IT"};
  for (const char* s : kLatinStop)
    if (w == s) return true;
  return false;
}

// Words naming a role or a team rather than a company: skipped when looking
// back from a keyword for the company.
bool role_or_filler(std::string_view w) {
  static const char* kRole[] = {
      "백엔드",   "프론트엔드", "프론트",   "서버",         "데이터",     "엔지니어", "개발자",
      "연구원",   "디자이너",   "기획자",   "PM",           "ML",         "AI",       "QA",
      "포지션",   "직무",       "신입",     "경력",         "인턴",       "계약직",   "정규직",
      "개발",     "연구",       "세",       "두",           "네",         "다섯",     "곳",
      "총",       "모두",       "각각",     "막",           "첫",         "iOS",      "안드로이드",
      "웹",       "풀스택",     "머신러닝", "사이언티스트", "애널리스트", "Data",     "Backend",
      "Frontend", "Engineer",   "Developer"};
  for (const char* r : kRole)
    if (w == r) return true;
  for (const char* suffix : {"팀", "연구소", "본부", "부서", "센터", "랩", "곳", "개발자",
                             "엔지니어", "연구원", "포지션"})
    if (ends_with(w, suffix)) return true;
  return false;
}

// A stem with its particle removed, following Korean: 이/은/을/과/으로 after a
// final consonant, 가/는/를/와/로 after a vowel; 에, 에서, 의, 도 … after either.
std::string strip_particle(std::string_view token) {
  static const char* kAny[] = {"에서의", "에서는", "에서도", "에서", "에게", "에는", "에도",
                               "까지",   "부터",   "이랑",   "에",   "의",   "도",   "만"};
  std::u32string w = text::decode_utf8(token);
  auto try_cut = [&](std::u32string_view p, int need) -> bool {
    // need: 0 any, 1 after a final consonant, 2 after a vowel (or ㄹ for 로)
    if (w.size() <= p.size() || std::u32string_view(w).substr(w.size() - p.size()) != p)
      return false;
    char32_t before = w[w.size() - p.size() - 1];
    bool latin = before < 0x80;
    if (need == 1 && !(latin || has_batchim(before))) return false;
    if (need == 2 && !(latin || !has_batchim(before))) return false;
    if (need == 3 && !(latin || !has_batchim(before) || rieul_batchim(before))) return false;
    w.resize(w.size() - p.size());
    return true;
  };
  for (const char* p : kAny)
    if (try_cut(text::decode_utf8(p), 0)) return text::encode_utf8(w);
  if (try_cut(U"으로", 1)) return text::encode_utf8(w);
  for (auto [p, need] : std::initializer_list<std::pair<std::u32string_view, int>>{{U"이", 1},
                                                                                   {U"은", 1},
                                                                                   {U"을", 1},
                                                                                   {U"과", 1},
                                                                                   {U"가", 2},
                                                                                   {U"는", 2},
                                                                                   {U"를", 2},
                                                                                   {U"와", 2},
                                                                                   {U"로", 3}})
    if (try_cut(p, need)) return text::encode_utf8(w);
  return std::string(token);
}

bool has_particle(std::string_view token) {
  return strip_particle(token) != token;
}

bool looks_like_date_or_number(std::string_view w) {
  if (w.empty()) return true;
  if (w[0] >= '0' && w[0] <= '9') return true;
  return false;
}

bool plausible_company(const std::string& stem) {
  if (stem.empty() || looks_like_date_or_number(stem) || stop_word(stem) || role_or_filler(stem))
    return false;
  std::u32string u = text::decode_utf8(stem);
  if (u.size() < 2) return false;
  bool latin = u[0] < 0x80;
  if (latin && !((u[0] >= 'A' && u[0] <= 'Z') || (u[0] >= 'a' && u[0] <= 'z'))) return false;
  // A verb or an adverb: ends in 다, 고, 지만, 서 … (a company rarely does).
  for (std::u32string_view end : {U"다", U"고", U"지만", U"서", U"며", U"면", U"게", U"던", U"한",
                                  U"된", U"는데", U"니", U"히", U"적", U"께", U"닌", U"린"})
    if (u.size() >= end.size() && std::u32string_view(u).substr(u.size() - end.size()) == end)
      return false;
  return true;
}

// ---------------------------------------------------------------- tokens

struct Token {
  std::string raw;     // as written, surrounding punctuation removed
  std::string stem;    // particle removed
  size_t begin = 0;    // bytes in the sentence
  bool comma = false;  // followed by ',' (a list)
  bool quoted = false;
  bool legal = false;  // ㈜, (주), 주식회사 marked it
};

std::string_view strip_marks(std::string_view s, bool& quoted, bool& comma) {
  static const char* kMarks[] = {"‘", "’", "'", "\"", "“", "”", "「", "」", "『", "』", ",", ".",
                                 "!", "?", ":", "→",  "·", "~", "(",  ")",  "[",  "]",  "…"};
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (const char* m : kMarks) {
      std::string_view mv(m);
      if (starts_with(s, mv) && !(mv == "(" && contains(s, ")"))) {
        if (mv != "," && mv != "." && mv != "(" && mv != ")") quoted = true;
        s.remove_prefix(mv.size());
        changed = true;
      }
      if (ends_with(s, mv) && !(mv == ")" && contains(s, "("))) {
        if (mv == ",") comma = true;
        if (mv != "," && mv != "." && mv != "!" && mv != "?" && mv != "(" && mv != ")" && mv != ":")
          quoted = true;
        s.remove_suffix(mv.size());
        changed = true;
      }
    }
  }
  return s;
}

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  size_t i = 0;
  bool legal_next = false;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (b == i) break;
    std::string_view w(s.data() + b, i - b);
    Token t;
    t.begin = b;
    bool quoted = false, comma = false;
    std::string_view inner = strip_marks(w, quoted, comma);
    for (std::string_view mark : {"㈜", "(주)", "(유)"}) {
      if (starts_with(inner, mark)) {
        inner.remove_prefix(mark.size());
        t.legal = true;
      }
      if (ends_with(inner, mark)) {
        inner.remove_suffix(mark.size());
        t.legal = true;
      }
    }
    if (inner == "주식회사" || inner == "유한회사") {
      legal_next = true;
      continue;
    }
    t.legal = t.legal || legal_next;
    legal_next = false;
    t.raw = std::string(inner);
    t.comma = comma;
    t.quoted = quoted;
    t.stem = strip_particle(t.raw);
    if (t.stem != t.raw) {
      // "당근(Daangn)에서": the particle came after a parenthesis.
      bool q = false, c = false;
      t.stem = std::string(strip_marks(t.stem, q, c));
    }
    out.push_back(std::move(t));
  }
  return out;
}

size_t token_at(const std::vector<Token>& toks, size_t pos) {
  size_t k = 0;
  for (size_t i = 0; i < toks.size(); ++i)
    if (toks[i].begin <= pos) k = i;
  return k;
}

// ---------------------------------------------------------------- companies

struct Companies {
  std::vector<std::string> known;  // the user's and those found so far, longest first
  const std::function<std::optional<Workplace>(const std::string&)>* find_public = nullptr;
  mutable std::map<std::string, std::optional<Workplace>> public_cache;

  // The public workplace named `name`, when public workplaces are consulted.
  std::optional<Workplace> public_match(const std::string& name) const {
    if (!find_public || !*find_public || name.empty()) return std::nullopt;
    auto it = public_cache.find(name);
    if (it == public_cache.end()) it = public_cache.emplace(name, (*find_public)(name)).first;
    return it->second;
  }

  void learn(const std::string& name) {
    if (std::find(known.begin(), known.end(), name) != known.end()) return;
    known.push_back(name);
    std::stable_sort(known.begin(), known.end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
  }
  // A known name the stem is, or begins with (당근(Daangn) → Daangn when known).
  std::optional<std::string> match(const std::string& stem) const {
    for (const auto& k : known)
      if (stem == k) return k;
    auto open = stem.find('(');
    if (open != std::string::npos && ends_with(stem, ")")) {
      std::string a = stem.substr(0, open), b = stem.substr(open + 1, stem.size() - open - 2);
      for (const auto& k : known)
        if (a == k || b == k) return k;
    }
    return std::nullopt;
  }
  // A name as written: "당근(Daangn)" keeps its first part.
  static std::string clean(const std::string& stem) {
    auto open = stem.find('(');
    if (open != std::string::npos && open > 0 && ends_with(stem, ")")) return stem.substr(0, open);
    return stem;
  }
};

struct Found {
  std::vector<std::string> names;
  double certainty = 0;  // 1 named in a marked form or known; 0.9 by its place
};

// The company (or the list of companies) a keyword at `pos` is about, read
// backwards from it: "토스에 지원", "쿠팡 백엔드 지원", "A, B, C 세 곳에 지원",
// "뤼이드와 업스테이지에 지원", "네이버 클로바 지원".
Found company_before(const std::vector<Token>& toks, size_t pos, const Companies& cs) {
  Found f;
  if (toks.empty()) return f;
  size_t k = token_at(toks, pos);
  if (toks[k].begin >= pos) {
    if (k == 0) return f;
    --k;
  } else {
    // The keyword sits inside this token (as in "쿠팡에서는"): look before it.
    if (k == 0) return f;
    --k;
  }
  long i = static_cast<long>(k);
  while (i >= 0 && !toks[i].legal && !toks[i].quoted && !cs.match(toks[i].stem) &&
         (role_or_filler(toks[i].stem) || role_or_filler(toks[i].raw) || toks[i].stem == "지원한" ||
          toks[i].stem == "같은"))
    --i;
  if (i < 0) return f;
  auto accept = [&](const Token& t, double& certainty) -> std::optional<std::string> {
    if (auto m = cs.match(t.stem)) {
      certainty = 1.0;
      return m;
    }
    if ((t.legal || t.quoted) && !t.stem.empty() && !stop_word(t.stem) &&
        !contains(t.stem, "스타트업") && !contains(t.stem, "회사")) {
      certainty = 1.0;
      return Companies::clean(t.stem);
    }
    if (plausible_company(Companies::clean(t.stem))) {
      certainty = 0.9;
      return Companies::clean(t.stem);
    }
    // A marked name the word rules drop ((주)교보문고 ends like a verb) is
    // still a company when a public workplace carries it.
    if ((t.legal || t.quoted) && !stop_word(Companies::clean(t.stem)) &&
        cs.public_match(Companies::clean(t.stem))) {
      certainty = 1.0;
      return Companies::clean(t.stem);
    }
    return std::nullopt;
  };
  double c = 0;
  auto first = accept(toks[i], c);
  if (!first) return f;
  f.names.push_back(*first);
  f.certainty = c;
  // A list: "A, B, C" or "A와 B".
  bool listed = false;
  long j = i - 1;
  while (j >= 0) {
    const Token& t = toks[j];
    std::u32string raw = text::decode_utf8(t.raw);
    bool joins = t.comma || (raw.size() > 1 && (ends_with(t.raw, "와") || ends_with(t.raw, "과") ||
                                                ends_with(t.raw, "랑")));
    if (!joins) break;
    double cc = 0;
    auto n = accept(t, cc);
    if (!n) break;
    f.names.insert(f.names.begin(), *n);
    f.certainty = std::min(f.certainty, cc);
    listed = true;
    --j;
  }
  // Two words: "네이버 클로바" (the first without a particle).
  if (!listed && i >= 1 && !toks[i].legal && !toks[i].quoted) {
    const Token& p = toks[i - 1];
    if (!p.comma && !has_particle(p.raw) && plausible_company(p.raw) && !cs.match(f.names[0]))
      f.names[0] = p.raw + " " + f.names[0];
  }
  return f;
}

// Companies named in a marked form anywhere in the sentence: ㈜X, 주식회사 X,
// 'X', and names already known.
Found marked_companies(const std::vector<Token>& toks, const std::string& s, const Companies& cs) {
  Found f;
  f.certainty = 1.0;
  for (const auto& t : toks) {
    if (auto m = cs.match(t.stem)) {
      if (std::find(f.names.begin(), f.names.end(), *m) == f.names.end()) f.names.push_back(*m);
    } else if ((t.legal || t.quoted) &&
               ((plausible_company(Companies::clean(t.stem)) && !contains(t.stem, "스타트업")) ||
                (!stop_word(Companies::clean(t.stem)) &&
                 cs.public_match(Companies::clean(t.stem))))) {
      f.names.push_back(Companies::clean(t.stem));
    }
  }
  // Known names written without a space before the next word (LG전자 AI연구소에).
  for (const auto& k : cs.known)
    if (contains(s, k) && std::find(f.names.begin(), f.names.end(), k) == f.names.end()) {
      bool inside = false;
      for (const auto& n : f.names) inside = inside || contains(n, k);
      if (!inside) f.names.push_back(k);
    }
  return f;
}

// ---------------------------------------------------------------- keywords

struct Hit {
  size_t begin, end;
  std::string what;
};

std::vector<Hit> find_all(const std::string& s, const std::regex& re) {
  std::vector<Hit> out;
  for (std::sregex_iterator it(s.begin(), s.end(), re), end; it != end; ++it)
    out.push_back({static_cast<size_t>(it->position(0)),
                   static_cast<size_t>(it->position(0) + it->length(0)), it->str(0)});
  return out;
}

std::optional<std::string> result_in(std::string_view seg) {
  for (const char* w : {"불합격", "탈락", "떨어", "광탈", "낙방", "고배"})
    if (contains(seg, w)) return "failed";
  for (const char* w : {"합격", "통과", "붙었", "붙어", "패스"})
    if (contains(seg, w)) return "passed";
  return std::nullopt;
}

std::string stage_name(const std::string& hit) {
  static const std::regex round("([1-9])\\s*차\\s*면접");
  std::smatch m;
  if (std::regex_search(hit, m, round)) return m[1].str() + "차 면접";
  if (contains(hit, "코딩") || contains(hit, "코테") || contains(hit, "알고리즘"))
    return "코딩테스트";
  if (contains(hit, "과제")) return "과제";
  if (contains(hit, "인적성") || contains(hit, "GSAT") || contains(hit, "SKCT") ||
      contains(hit, "적성"))
    return "인적성";
  if (contains(hit, "서류")) return "서류";
  if (starts_with(hit, "최종") && !contains(hit, "면접")) return "최종";
  static const std::regex kind(
      "(기술|임원|컬처핏|컬쳐핏|인성|PT|최종|직무|실무|화상|전화)\\s*면접");
  if (std::regex_search(hit, m, kind)) return m[1].str() + " 면접";
  return "면접";
}

std::optional<std::string> find_role(const std::string& s) {
  static const std::regex role(
      "((?:[A-Za-z]+|데이터|백엔드|프론트엔드|프론트|서버|머신러닝|iOS|안드로이드|웹|풀스택|게임|"
      "보안|인프라|플랫폼|검색|추천)\\s*)?(엔지니어|개발자|연구원|디자이너|기획자|사이언티스트|"
      "애널리스트)");
  std::smatch m;
  if (!std::regex_search(s, m, role)) return std::nullopt;
  return m.str(0);
}

std::optional<std::string> job_type_in(const std::string& s) {
  if (contains(s, "인턴")) return "intern";
  if (contains(s, "계약직")) return "contract";
  return std::nullopt;
}

// ---------------------------------------------------------------- the reader

struct DatePick {
  PartialDate date;
  bool computed = false;
  double certainty = 0.9;  // 1 written in full; lower when taken from context or computed
  bool year_unknown = false;
};

DatePick pick(const DateMention& m) {
  DatePick p{m.date, false, 1.0, false};
  if (!m.date.year) {
    p.year_unknown = true;
    p.certainty = 0.8;
  } else if (m.date.year_from_context) {
    p.certainty = 0.85;
  }
  return p;
}

class Reader {
 public:
  explicit Reader(const ExtractOptions& o) : opt_(o) {
    for (const auto& c : o.known_companies)
      if (!c.empty()) cs_.learn(c);
    cs_.find_public = &opt_.find_workplace;
  }

  // A title or heading names what follows: it gives years, never events.
  void read(const Sentence& sentence, bool title) {
    title_ = title;
    s_ = sentence.text;
    toks_ = tokenize(s_);
    dates_ = find_dates(s_, {opt_.entry_date, last_year_});
    if (auto at = s_.find("오늘"); at != std::string::npos) {
      DateMention m;
      m.date = {opt_.entry_date.year, opt_.entry_date.month, opt_.entry_date.day};
      m.begin = at;
      m.end = at + 6;
      m.effective = true;
      dates_.push_back(m);
      std::sort(dates_.begin(), dates_.end(),
                [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
    }
    durations_ = find_durations(s_);
    marked_ = marked_companies(toks_, s_, cs_);
    sentence_company_.reset();
    if (title) {
      note_years();
      return;
    }

    job_start();
    conversion();
    probation();
    job_end();
    applications();
    stages();
    offer();
    layoff_and_pay();

    note_years();
  }

  // The year context for dates written without one: the latest year the text
  // has named so far (a retrospective mostly moves forward).
  void note_years() {
    auto note = [&](int y) { last_year_ = last_year_ ? std::max(*last_year_, y) : y; };
    for (const auto& m : dates_)
      if (m.date.year && !m.date.year_from_context && !starts_with(s_.substr(m.begin), "오늘"))
        note(*m.date.year);
    // A bare year in a title or heading: "이직 메모 (2025)", "## 2022 이직 시도".
    if (title_) {
      static const std::regex bare("(^|[^0-9.\\-])((19|20)[0-9]{2})(?![0-9]|\\s*[.\\-/]\\s*[0-9])");
      for (std::sregex_iterator it(s_.begin(), s_.end(), bare), end; it != end; ++it)
        note(std::stoi((*it)[2].str()));
    }
  }

  std::vector<Event> events() { return std::move(events_); }

 private:
  // The company of a keyword: read back from it, else one named in the
  // sentence, else `context` (marked as such).
  struct Who {
    std::optional<std::string> name;
    double certainty = 0.85;
    bool from_context = false;
  };
  Who who(size_t pos, const std::optional<std::string>& context) {
    Found f = company_before(toks_, pos, cs_);
    if (!f.names.empty()) {
      // A known company named earlier in the sentence wins over an unknown word.
      if (f.certainty < 1.0)
        for (const auto& k : marked_.names)
          if (s_.find(k) < pos) return remember({k, 1.0, false});
      return remember({f.names.back(), f.certainty, false});
    }
    if (sentence_company_) return {sentence_company_, 0.95, false};
    if (!marked_.names.empty()) return remember({marked_.names.front(), 1.0, false});
    if (context) return {context, 0.8, true};
    return {};
  }
  Who remember(Who w) {
    if (w.name) {
      cs_.learn(*w.name);
      sentence_company_ = w.name;
    }
    return w;
  }

  // The date for a keyword: an effective date (자로/부로), else the first in the sentence.
  std::optional<DatePick> date_for_event() const {
    for (const auto& m : dates_)
      if (m.effective) return pick(m);
    if (!dates_.empty()) return pick(dates_.front());
    return std::nullopt;
  }

  void add(Event e, const Who& w, std::optional<DatePick> d, double base = 0.9) {
    e.sentence = s_;
    e.company = w.name;
    double certainty = w.certainty;
    if (w.name && !users_company(*w.name)) {
      e.workplace = cs_.public_match(*w.name);
      // Found by its place only, but a public workplace carries the name.
      if (e.workplace && !w.from_context) certainty = std::max(certainty, 1.0);
    }
    double c = base * (w.name ? certainty : 0.85);
    if (w.from_context) e.uncertain.push_back("company from an earlier sentence");
    if (!w.name && e.type != EventType::kJobEnd) e.uncertain.push_back("company not found");
    if (d) {
      e.date = d->date;
      e.date_computed = d->computed;
      c *= d->certainty;
      if (d->year_unknown) {
        e.uncertain.push_back("year unknown");
      } else if (d->date.year_from_context) {
        e.uncertain.push_back("year from an earlier sentence");
      }
    }
    e.confidence = std::round(c * 100) / 100;
    merge_or_push(std::move(e));
  }

  static bool mergeable(EventType t) {
    return t != EventType::kLayoff && t != EventType::kUnpaidPay;
  }

  void merge_or_push(Event e) {
    if (mergeable(e.type)) {
      for (auto& x : events_) {
        if (x.type != e.type || x.company != e.company || x.stage != e.stage) continue;
        if (x.result && e.result && x.result != e.result) continue;
        if (!x.result) x.result = e.result;
        bool written = !e.date.empty() && !e.date_computed;
        if (x.date.empty() || (!x.date.year && e.date.year) || (x.date_computed && written)) {
          x.date_computed = e.date_computed;
          x.date = e.date;
          x.uncertain = e.uncertain;
        }
        if (!x.role) x.role = e.role;
        if (!x.months) x.months = e.months;
        if (!x.job_type) x.job_type = e.job_type;
        x.confidence = std::max(x.confidence, e.confidence);
        return;
      }
    }
    events_.push_back(std::move(e));
  }

  void job_start() {
    static const std::regex re(
        "입사(했|한다|합니다|해서|하게|하였|할 "
        "|\\s*\\(|\\s*$|\\.)|(에|로)\\s*입사|합류(했|한다|하게|하여|해|,"
        "|\\s*$)|첫\\s*출근|출근(하고 있|한다|을 시작|하기 시작)|들어갔|들어가게 됐|들어왔");
    if (contains(s_, "입사 후") || contains(s_, "입사 지원") || contains(s_, "입사한 뒤") ||
        is_conversion())
      return;
    auto hits = find_all(s_, re);
    if (hits.empty()) return;
    // "토스에 입사": the match starts at the particle, inside the company's
    // word; read back from 입사 so that word is the one before it.
    size_t at = hits.front().begin;
    if (starts_with(hits.front().what, "에") || starts_with(hits.front().what, "로"))
      at = s_.find("입사", at);
    Who w = who(at, offer_company_);
    Event e;
    e.type = EventType::kJobStart;
    e.role = find_role(s_);
    e.job_type = job_type_in(s_);
    auto d = date_for_event();
    add(e, w, d);
    if (w.name) job_company_ = w.name;
    job_start_ = d ? std::optional<PartialDate>(d->date) : std::nullopt;
  }

  bool is_conversion() const {
    static const std::regex re("정규직\\s*(으로\\s*)?전환|정규직이\\s*(됐|되었)");
    return std::regex_search(s_, re);
  }

  void conversion() {
    if (!is_conversion()) return;
    Who w = job_company_ ? Who{job_company_, 0.9, false} : who(0, std::nullopt);
    Event e;
    e.type = EventType::kConversion;
    e.job_type = "full-time";
    std::optional<DatePick> d = date_for_event();
    if (!d && !durations_.empty() && job_start_) {
      if (auto p = add_months(*job_start_, durations_.front().months))
        d = DatePick{*p, true, 0.85, false};
      else if (!job_start_->year)
        d = DatePick{PartialDate{}, true, 0.8, true};
    }
    add(e, w, d);
  }

  void probation() {
    if (!contains(s_, "수습")) return;
    Event e;
    e.type = EventType::kProbation;
    if (contains(s_, "채용 취소") || contains(s_, "채용취소") || contains(s_, "본채용 거부") ||
        contains(s_, "수습 탈락") || contains(s_, "수습에서 탈락"))
      e.result = "cancelled";
    else if (contains(s_, "연장"))
      e.result = "extended";
    else if (contains(s_, "면수습") || contains(s_, "마쳤") || contains(s_, "마치") ||
             contains(s_, "끝났") || contains(s_, "통과"))
      e.result = "passed";
    if (!e.result && (contains(s_, "없") || contains(s_, "않"))) return;
    if (e.result != "extended" && !durations_.empty()) e.months = durations_.front().months;
    Who w = job_company_ ? Who{job_company_, 0.9, false} : who(0, std::nullopt);
    std::optional<DatePick> d;
    if (e.result == "passed" || e.result == "cancelled") d = date_for_event();
    if (!d && e.months && job_start_) {
      if (auto p = add_months(*job_start_, *e.months))
        d = DatePick{*p, true, 0.85, false};
      else if (!job_start_->year)
        d = DatePick{PartialDate{}, true, 0.8, true};
    }
    if (!d && e.result == "passed" && job_start_ && !job_start_->year)
      d = DatePick{PartialDate{}, true, 0.8, true};
    add(e, w, d);
    if (e.result == "cancelled") {
      Event end;
      end.type = EventType::kJobEnd;
      add(end, w, d, 0.85);
    }
  }

  void job_end() {
    static const std::regex re(
        "퇴사(했|한다|하고|하게|하였|합니다|할 |\\s*\\(|,|\\s*$|\\.)|(을|를)\\s*퇴사|나왔다|나왔고|"
        "그만두었|그만뒀|그만두게|퇴직했|떠났|떠난다|떠나게|마지막\\s*출근");
    auto hits = find_all(s_, re);
    if (hits.empty()) return;
    size_t at = hits.front().begin;
    if (auto q = s_.find("퇴사", at); q != std::string::npos && q < hits.front().end) at = q;
    Found f = company_before(toks_, at, cs_);
    Who w;
    if (!f.names.empty())
      w = remember({f.names.back(), f.certainty, false});
    else if (job_company_)
      w = {job_company_, 0.8, true};
    Event e;
    e.type = EventType::kJobEnd;
    add(e, w, date_for_event());
  }

  void applications() {
    static const std::regex re(
        "지원(했|해|하였|하고|한 |서를|을 했|을 "
        "넣)|원서를|서류를\\s*(냈|넣)|\\s지원(\\s|$|,)|^지원");
    for (const auto& h : find_all(s_, re)) {
      if (contains(s_, "지원해 주") || contains(s_, "지원을 시작")) return;
      Found f = company_before(toks_, h.begin + (s_[h.begin] == ' ' ? 1 : 0), cs_);
      std::vector<std::string> names = f.names;
      double certainty = f.certainty;
      if (names.empty()) {
        // "지원한 당근은 …": the company right after the keyword.
        size_t k = token_at(toks_, h.end > 0 ? h.end - 1 : 0);
        if (k + 1 < toks_.size()) {
          const Token& t = toks_[k + 1];
          if (auto m = cs_.match(t.stem))
            names.push_back(*m), certainty = 1.0;
          else if (plausible_company(Companies::clean(t.stem)))
            names.push_back(Companies::clean(t.stem)), certainty = 0.85;
        }
      }
      if (names.empty()) {
        Who w = who(h.begin, std::nullopt);
        if (!w.name) continue;
        names.push_back(*w.name);
        certainty = w.certainty;
      }
      std::optional<DatePick> d;
      for (const auto& m : dates_)
        if (m.begin < h.begin) d = pick(m);
      for (const auto& n : names) {
        Who w = remember({n, certainty, false});
        Event e;
        e.type = EventType::kApplication;
        e.role = find_role(s_);
        add(e, w, d);
        app_company_ = n;
      }
      if (names.size() > 1) sentence_company_.reset();
    }
  }

  void stages() {
    if (contains(s_, "수습")) return;
    static const std::regex re(
        "[1-9]\\s*차\\s*면접|(기술|임원|컬처핏|컬쳐핏|인성|PT|최종|직무|실무)\\s*면접|코딩\\s*"
        "테스트|"
        "코테|알고리즘\\s*테스트|사전\\s*과제|과제\\s*전형|과제|인적성(\\s*검사)?|GSAT|SKCT|"
        "적성\\s*검사|서류(\\s*전형)?|최종\\s*(합격|불합격|탈락)|면접");
    auto hits = find_all(s_, re);
    if (hits.empty()) {
      static const std::regex final_word("합격\\s*(연락|통보|소식|메일|문자)|합격했");
      if (contains(s_, "광탈")) {
        hits.push_back({s_.find("광탈"), s_.find("광탈"), "서류"});
      } else if (std::smatch m; std::regex_search(s_, m, final_word) && !contains(s_, "불합격")) {
        size_t at = static_cast<size_t>(m.position(0));
        hits.push_back({at, at, "최종 합격"});
      }
    }
    if (hits.empty()) return;
    struct Staged {
      Event e;
      size_t begin;
      Who w;
      std::optional<DatePick> d;
    };
    std::vector<Staged> found;
    bool through = false;  // "…을 거쳐": every stage before it passed
    for (size_t i = 0; i < hits.size(); ++i) {
      const Hit& h = hits[i];
      size_t seg_end = i + 1 < hits.size() ? hits[i + 1].begin : s_.size();
      std::string_view seg(s_.data() + h.end, seg_end - h.end);
      if (h.what == "면접") {
        // "면접은 1차, 2차 두 번이었고": the rounds named after the word.
        static const std::regex rounds("([1-9])\\s*차");
        std::string rest(seg);
        bool any = false;
        for (std::sregex_iterator it(rest.begin(), rest.end(), rounds), end; it != end; ++it) {
          Event e;
          e.type = EventType::kStage;
          e.stage = (*it)[1].str() + "차 면접";
          e.result = result_in(seg);
          found.push_back({e, h.begin, who(h.begin, app_company_), std::nullopt});
          any = true;
        }
        if (any) continue;
      }
      Event e;
      e.type = EventType::kStage;
      e.stage = stage_name(h.what);
      e.result =
          result_in(h.what == "최종" || starts_with(h.what, "최종 ") ? h.what + std::string(seg)
                                                                     : std::string(seg));
      if (contains(s_, "광탈") && hits.size() == 1) e.result = "failed";
      if (contains(seg, "거쳐") || contains(seg, "거치고") || contains(seg, "통과하고")) {
        through = true;
        for (auto& st : found)
          if (!st.e.result) st.e.result = "passed";
        if (!e.result) e.result = "passed";
      }
      Who w = who(h.begin, app_company_);
      std::optional<DatePick> d;
      for (const auto& m : dates_) {
        bool before = m.end <= h.begin && h.begin - m.end <= 32;
        bool between = false;
        for (size_t j = 0; j < i; ++j) between = between || (hits[j].begin >= m.end);
        bool after = m.begin >= h.end && m.begin - h.end <= 3;
        if ((before && !between) || after) d = pick(m);
      }
      found.push_back({e, h.begin, w, d});
    }
    (void)through;
    for (auto& st : found) {
      if (!st.w.name && !st.e.result && !st.d) continue;
      add(st.e, st.w, st.d, 0.9);
      if (st.w.name) app_company_ = st.w.name;
      if (st.w.name && st.e.stage == "최종" && st.e.result == "passed") offer_company_ = st.w.name;
    }
  }

  void offer() {
    static const std::regex re("처우\\s*협의|연봉\\s*협상|오퍼|[Oo]ffer|계약서에\\s*서명");
    auto hits = find_all(s_, re);
    if (hits.empty()) return;
    // Offers are rarely introduced by name: a company named in a marked form
    // or known, else the one that last passed.
    Who w;
    if (!marked_.names.empty())
      w = {marked_.names.front(), 1.0, false};
    else if (offer_company_ || app_company_)
      w = {offer_company_ ? offer_company_ : app_company_, 0.8, true};
    Event e;
    e.type = EventType::kOffer;
    add(e, w, std::nullopt, 0.85);
    if (w.name) offer_company_ = w.name;
  }

  void layoff_and_pay() {
    static const std::regex layoff("권고\\s*사직|정리\\s*해고|구조\\s*조정|희망\\s*퇴직|폐업|해고");
    static const std::regex unpaid(
        "임금\\s*체불|체불|(월급|급여|임금)이\\s*(\\S+\\s*){0,2}밀|밀린\\s*(임금|월급|급여)|(월급|"
        "급여|"
        "임금)을\\s*못\\s*받|월급이\\s*안\\s*나");
    Who w = job_company_ ? Who{job_company_, 0.9, false} : Who{};
    // A rumour of one is not a layoff.
    if (!contains(s_, "수습") && !contains(s_, "소문") && std::regex_search(s_, layoff)) {
      Event e;
      e.type = EventType::kLayoff;
      add(e, w, date_for_event(), 0.85);
    }
    if (std::regex_search(s_, unpaid)) {
      Event e;
      e.type = EventType::kUnpaidPay;
      add(e, w, date_for_event(), 0.85);
    }
  }

  const ExtractOptions& opt_;
  Companies cs_;
  std::optional<int> last_year_;
  bool users_company(const std::string& name) const {
    return std::find(opt_.known_companies.begin(), opt_.known_companies.end(), name) !=
           opt_.known_companies.end();
  }

  std::optional<std::string> app_company_, offer_company_, job_company_;
  std::optional<PartialDate> job_start_;
  std::string s_;
  std::vector<Token> toks_;
  std::vector<DateMention> dates_;
  std::vector<Duration> durations_;
  Found marked_;
  std::optional<std::string> sentence_company_;
  bool title_ = false;
  std::vector<Event> events_;
};

}  // namespace

std::string_view to_string(EventType t) {
  switch (t) {
    case EventType::kJobStart:
      return "job-start";
    case EventType::kJobEnd:
      return "job-end";
    case EventType::kConversion:
      return "conversion";
    case EventType::kApplication:
      return "application";
    case EventType::kStage:
      return "stage";
    case EventType::kOffer:
      return "offer";
    case EventType::kProbation:
      return "probation";
    case EventType::kLayoff:
      return "layoff";
    case EventType::kUnpaidPay:
      return "unpaid-pay";
  }
  return "stage";
}

std::vector<Event> extract_events(std::string_view text, const ExtractOptions& options) {
  Reader r(options);
  auto sentences = split_sentences(text);
  for (size_t i = 0; i < sentences.size(); ++i)
    r.read(sentences[i], i == 0 || sentences[i].heading);
  return r.events();
}

}  // namespace ijik::retro
