#include "text/korean.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ijik::text {
namespace {

TEST(KoreanTest, NormalizesLegalFormMarkers) {
  EXPECT_EQ(normalize_company_name("네이버"), "네이버");
  EXPECT_EQ(normalize_company_name("㈜ 네이버"), "네이버");
  EXPECT_EQ(normalize_company_name("㈜네이버"), "네이버");
  EXPECT_EQ(normalize_company_name("네이버 주식회사"), "네이버");
  EXPECT_EQ(normalize_company_name("주식회사 네이버"), "네이버");
  EXPECT_EQ(normalize_company_name("(주)네이버"), "네이버");
  EXPECT_EQ(normalize_company_name("（주）카카오"), "카카오");
  EXPECT_EQ(normalize_company_name("라인플러스(유)"), "라인플러스");
  EXPECT_EQ(normalize_company_name("유한책임회사 구글코리아"), "구글코리아");
  EXPECT_EQ(normalize_company_name("유한회사 한국오라클"), "한국오라클");
  EXPECT_EQ(normalize_company_name("사단법인 한국정보과학회"), "한국정보과학회");
  EXPECT_EQ(normalize_company_name("재단법인 네이버문화재단"), "네이버문화재단");
}

TEST(KoreanTest, NormalizesLatinCaseWidthAndPunctuation) {
  EXPECT_EQ(normalize_company_name("NAVER Corp."), "naver");
  EXPECT_EQ(normalize_company_name("Naver"), "naver");
  EXPECT_EQ(normalize_company_name("Ｎａｖｅｒ"), "naver");
  EXPECT_EQ(normalize_company_name("Kakao Inc."), "kakao");
  EXPECT_EQ(normalize_company_name("Samsung Electronics Co., Ltd."), "samsungelectronics");
  EXPECT_EQ(normalize_company_name("LG CNS"), "lgcns");
  EXPECT_EQ(normalize_company_name("11번가"), "11번가");
  EXPECT_EQ(normalize_company_name("우아한형제들 (배달의민족)"), "우아한형제들배달의민족");
  EXPECT_EQ(normalize_company_name(""), "");
  EXPECT_EQ(normalize_company_name("㈜"), "");
  // Different ways to write the same company meet on one key.
  EXPECT_EQ(normalize_company_name("㈜ 네이버"), normalize_company_name("네이버 주식회사"));
}

// The plain-text fast path (ASCII and Hangul syllables only, filtered in
// place) against keep_alnum's general path: names that take each, written
// into a string that held a longer name before.
TEST(KoreanTest, NormalizesIntoAReusedString) {
  std::string out = "이전에 담겨 있던 아주 긴 사업장 이름 (주) 0123456789";
  for (const char* name :
       {"네이버", "(주)네이버 클라우드", "A&B 코리아 co.,ltd.", "Samsung-Electronics 2",
        "㈜ 카카오", "Ｎａｖｅｒ", "우아한형제들 (배달의민족)", "!!!", "", "ㄱㄴ상사"}) {
    normalize_company_name(name, out);
    EXPECT_EQ(out, normalize_company_name(name)) << name;
  }
  normalize_company_name("가-나 다_1A", out);
  EXPECT_EQ(out, "가나다1a");
}

TEST(KoreanTest, Fold) {
  EXPECT_EQ(fold("Ｎａｖｅｒ  Corp"), "navercorp");
  EXPECT_EQ(fold("1차 면접"), "1차면접");
  EXPECT_EQ(fold("Co-Op!"), "co-op!");  // punctuation kept
  EXPECT_EQ(fold(""), "");
}

TEST(KoreanTest, Chosung) {
  EXPECT_EQ(chosung("네이버"), "ㄴㅇㅂ");
  EXPECT_EQ(chosung("카카오 뱅크"), "ㅋㅋㅇ ㅂㅋ");
  EXPECT_EQ(chosung("쌍용"), "ㅆㅇ");
  EXPECT_EQ(chosung("LG전자"), "LGㅈㅈ");
  EXPECT_EQ(chosung("가힣"), "ㄱㅎ");  // first and last syllables
  EXPECT_EQ(chosung(""), "");
}

TEST(KoreanTest, IsChosungQuery) {
  EXPECT_TRUE(is_chosung_query("ㄴㅇㅂ"));
  EXPECT_TRUE(is_chosung_query("ㄱ"));
  EXPECT_TRUE(is_chosung_query("ㅎ"));
  EXPECT_TRUE(is_chosung_query("ㄲㅆ"));
  EXPECT_TRUE(is_chosung_query(chosung("카카오")));
  EXPECT_FALSE(is_chosung_query(""));
  EXPECT_FALSE(is_chosung_query("네이버"));
  EXPECT_FALSE(is_chosung_query("ㄴㅇ버"));
  EXPECT_FALSE(is_chosung_query("ㅏ"));  // a vowel
  EXPECT_FALSE(is_chosung_query("abc"));
  EXPECT_FALSE(is_chosung_query("ㄴ ㅇ"));
}

TEST(KoreanTest, JamoDistance) {
  EXPECT_EQ(jamo_distance("네이버", "네이부"), 1);
  EXPECT_EQ(jamo_distance("네이부", "네이버"), 1);
  EXPECT_EQ(jamo_distance("네이버", "네이버"), 0);
  EXPECT_EQ(jamo_distance("각", "가"), 1);            // a final consonant
  EXPECT_EQ(jamo_distance("카카오", "카카오톡"), 3);  // ㅌ ㅗ ㄱ
  EXPECT_EQ(jamo_distance("", "네이버"), 6);
  EXPECT_EQ(jamo_distance("abc", "abd"), 1);
  EXPECT_EQ(jamo_distance("", ""), 0);
}

TEST(KoreanTest, ClosestMatches) {
  const std::vector<std::string> companies = {"네이버파이낸셜", "㈜ 네이버",   "카카오",
                                              "쿠팡",           "NAVER Cloud", "카카오뱅크"};
  EXPECT_EQ(closest_matches("네이부", companies), (std::vector<std::string>{"㈜ 네이버"}));
  EXPECT_EQ(closest_matches("쿠팽", companies), (std::vector<std::string>{"쿠팡"}));
  // An exact match comes first, before names that merely contain the query.
  auto naver = closest_matches("네이버", companies);
  ASSERT_FALSE(naver.empty());
  EXPECT_EQ(naver.front(), "㈜ 네이버");
  EXPECT_EQ(naver.size(), 2u);
  auto kakao = closest_matches("(주)카카오", companies);
  EXPECT_EQ(kakao, (std::vector<std::string>{"카카오", "카카오뱅크"}));
  EXPECT_EQ(closest_matches("카카오", companies, 1), (std::vector<std::string>{"카카오"}));
  EXPECT_EQ(closest_matches("naver", companies), (std::vector<std::string>{"NAVER Cloud"}));
  EXPECT_TRUE(closest_matches("삼성전자", companies).empty());
  EXPECT_TRUE(closest_matches("네이버", {}).empty());
  EXPECT_TRUE(closest_matches("네이버", companies, 0).empty());
}

}  // namespace
}  // namespace ijik::text
