#include "ingest/cp949.h"

#include <gtest/gtest.h>

#include <string>

namespace ijik::ingest {
namespace {

std::string decode_ok(std::string_view in) {
  std::string out;
  ConvertError e;
  EXPECT_EQ(decode_cp949(in, out, &e), in.size()) << describe(e);
  return out;
}

std::string encode_ok(std::string_view in) {
  std::string out;
  ConvertError e;
  EXPECT_EQ(encode_cp949(in, out, &e), in.size()) << describe(e);
  return out;
}

TEST(Cp949Test, DecodesKnownBytes) {
  EXPECT_EQ(decode_ok("\xB0\xA1"), "가");
  EXPECT_EQ(decode_ok("\xC6\x52"), "힣");
  EXPECT_EQ(decode_ok("\xF9\xD3"), "漢");
  EXPECT_EQ(decode_ok("abc \xB0\xA1,\"x\""), "abc 가,\"x\"");
  EXPECT_EQ(decode_ok(""), "");
}

TEST(Cp949Test, DecodesUhcExtensionSyllables) {
  // 똠 and 햏 are not in KS X 1001 (EUC-KR) but are in CP949's UHC area.
  EXPECT_EQ(decode_ok("\x8C\x63"), "똠");
  EXPECT_EQ(decode_ok("\xC1\x64"), "햏");
  EXPECT_EQ(encode_ok("똠햏"), "\x8C\x63\xC1\x64");
}

TEST(Cp949Test, RoundTripsHangulHanjaAsciiAndSymbols) {
  const std::string text =
      "국민연금공단_국민연금 가입 사업장 내역 ㈜한국전자 (주)삼성 주식회사 ABC-123 "
      "大韓民國 漢字 ①②③ ※ · ㎡ \"quoted\", comma 똠방각하 햏";
  std::string cp = encode_ok(text);
  EXPECT_NE(cp, text);
  EXPECT_EQ(decode_ok(cp), text);
}

TEST(Cp949Test, RoundTripsEveryMappedPairAndAllSyllables) {
  // All 11,172 modern Hangul syllables are in CP949.
  std::string all;
  for (char32_t cp = 0xAC00; cp <= 0xD7A3; ++cp) {
    all += static_cast<char>(0xE0 | (cp >> 12));
    all += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    all += static_cast<char>(0x80 | (cp & 0x3F));
  }
  std::string cp = encode_ok(all);
  EXPECT_EQ(cp.size(), 11172u * 2);
  EXPECT_EQ(decode_ok(cp), all);

  // Every decodable pair encodes back to itself.
  int mapped = 0;
  for (int lead = 0x81; lead <= 0xFE; ++lead) {
    for (int trail = 0x41; trail <= 0xFE; ++trail) {
      std::string in{static_cast<char>(lead), static_cast<char>(trail)};
      std::string out;
      if (decode_cp949(in, out, nullptr) != 2) continue;
      ++mapped;
      std::string back;
      ASSERT_EQ(encode_cp949(out, back, nullptr), out.size());
      ASSERT_EQ(back, in) << std::hex << lead << trail;
    }
  }
  EXPECT_EQ(mapped, 17048);  // Microsoft's table without the user-defined rows
}

TEST(Cp949Test, ReportsInvalidLeadWithOffset) {
  std::string out;
  ConvertError e;
  EXPECT_EQ(decode_cp949("ab\xB0\xA1\x80z", out, &e), 4u);
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.kind, ConvertErrorKind::kInvalidLead);
  EXPECT_EQ(out, "ab가");  // the prefix before the bad byte
  EXPECT_EQ(describe(e), "invalid CP949 byte 0x80 at byte 4");

  EXPECT_EQ(decode_cp949("\xFF", out, &e), 0u);
  EXPECT_EQ(e.kind, ConvertErrorKind::kInvalidLead);
}

TEST(Cp949Test, ReportsInvalidTrailTruncatedAndUnmapped) {
  std::string out;
  ConvertError e;
  EXPECT_EQ(decode_cp949("0123456789\xB0\"", out, &e), 10u);
  EXPECT_EQ(e.kind, ConvertErrorKind::kInvalidTrail);
  EXPECT_EQ(e.offset, 10u);
  EXPECT_EQ(e.value, 0xB022u);

  EXPECT_EQ(decode_cp949("abcdefghijk\xB0", out, &e), 11u);
  EXPECT_EQ(e.kind, ConvertErrorKind::kTruncated);
  EXPECT_EQ(e.offset, 11u);

  EXPECT_EQ(decode_cp949("x\xC9\xA1", out, &e), 1u);  // user-defined row: rejected
  EXPECT_EQ(e.kind, ConvertErrorKind::kUnmapped);
  EXPECT_EQ(e.offset, 1u);
  EXPECT_EQ(describe(e), "unmapped CP949 sequence 0xC9A1 at byte 1");

  EXPECT_EQ(decode_cp949("\xA2\xE8", out, &e), 0u);  // gap in the symbol rows
  EXPECT_EQ(e.kind, ConvertErrorKind::kUnmapped);
}

TEST(Cp949Test, AppendsAndWorksPerField) {
  std::string out = "prefix:";
  EXPECT_EQ(decode_cp949("\xB0\xA1", out, nullptr), 2u);
  EXPECT_EQ(out, "prefix:가");
}

TEST(Cp949Test, LossyReplacesBadSequences) {
  std::string out;
  EXPECT_EQ(decode_cp949_lossy("a\x80"
                               "b\xB0\"c\xC9\xA1\xB0\xA1\xB0",
                               out),
            4u);
  EXPECT_EQ(out, "a\uFFFDb\uFFFD\"c\uFFFD가\uFFFD");
}

TEST(Cp949Test, EncoderReportsUnrepresentableAndInvalidUtf8) {
  std::string out;
  ConvertError e;
  EXPECT_EQ(encode_cp949("ab😀", out, &e), 2u);
  EXPECT_EQ(e.kind, ConvertErrorKind::kNotInCp949);
  EXPECT_EQ(e.value, 0x1F600u);
  out.clear();
  EXPECT_EQ(encode_cp949("가\xC0\x80", out, &e), 3u);
  EXPECT_EQ(e.kind, ConvertErrorKind::kInvalidUtf8);
  EXPECT_EQ(e.offset, 3u);

  EXPECT_FALSE(utf8_to_cp949("\xED\xA0\x80").ok());  // a surrogate
  auto r = cp949_to_utf8("\xB0");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kBadFile);
  EXPECT_EQ(*cp949_to_utf8("\xB0\xA1"), "가");
}

TEST(Cp949Test, DetectsUtf8BomAndCp949) {
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBF\"a\",\"b\""), Encoding::kUtf8Bom);
  EXPECT_EQ(detect_encoding("\"자료생성년월\",\"사업장명\"\r\n"), Encoding::kUtf8);
  EXPECT_EQ(detect_encoding("plain ascii,1,2\r\n"), Encoding::kUtf8);
  EXPECT_EQ(detect_encoding(""), Encoding::kUtf8);

  std::string cp =
      encode_ok("\"자료생성년월\",\"사업장명\",\"사업자등록번호\"\r\n\"2025-01\",\"㈜똠방\"");
  EXPECT_EQ(detect_encoding(cp), Encoding::kCp949);
  // Cut in the middle of a character: still decided.
  EXPECT_EQ(detect_encoding(std::string_view(cp).substr(0, 8)), Encoding::kCp949);
  std::string utf = "\"자료생성년월\",\"사업장명\"";
  EXPECT_EQ(detect_encoding(std::string_view(utf).substr(0, utf.size() - 2)), Encoding::kUtf8);

  // One corrupt byte among many CP949 characters is still CP949.
  std::string long_cp =
      encode_ok(std::string(40, 'x') + "가나다라마바사아자차카타파하가나다라마바사아자차");
  long_cp += "\x80";
  EXPECT_EQ(detect_encoding(long_cp), Encoding::kCp949);

  EXPECT_EQ(detect_encoding(std::string("\xFF\xFE"
                                        "a\0b\0",
                                        6)),
            Encoding::kUnknown);
  EXPECT_EQ(encoding_name(Encoding::kCp949), "CP949");
}

}  // namespace
}  // namespace ijik::ingest
