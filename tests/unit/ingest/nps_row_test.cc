// The NPS workplace file's header mapping and row parsing
// (shared/docs/data-formats.md §1).
#include "ingest/nps_row.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/cp949.h"

namespace ijik::ingest {
namespace {

// The header as published, in the published order.
const std::vector<std::string> kPublished = {
    "자료생성년월",
    "사업장명",
    "사업자등록번호",
    "사업장가입상태코드 1 등록 2 탈퇴",
    "우편번호",
    "사업장지번상세주소",
    "사업장도로명상세주소",
    "고객법정동주소코드",
    "고객행정동주소코드",
    "법정동주소광역시도코드",
    "법정동주소광역시시군구코드",
    "법정동주소광역시시군구읍면동코드",
    "사업장형태구분코드 1 법인 2 개인",
    "사업장업종코드",
    "사업장업종코드명",
    "적용일자",
    "재등록일자",
    "탈퇴일자",
    "가입자수",
    "당월고지금액",
    "신규취득자수",
    "상실가입자수",
};

NpsHeader published_header() {
  auto h = map_nps_header(kPublished);
  EXPECT_TRUE(h.ok()) << h.error().message;
  return *h;
}

// A good row in the published order.
std::vector<std::string> good_fields() {
  return {
      "2025-03",
      "(주)알파소프트",
      "123456",
      "1",
      "06236",
      "서울특별시 강남구 역삼동 123-4",
      "서울특별시 강남구 테헤란로 1, 5층",
      "1168010100",
      "1168064000",
      "11",
      "680",
      "101",
      "1",
      "722000",
      "소프트웨어 개발 및 공급업",
      "2015-03-01",
      "",
      "",
      "120",
      "32400000",
      "5",
      "2",
  };
}

std::optional<std::string> parse(const NpsHeader& h, const std::vector<std::string>& fields,
                                 NpsRow& row, bool cp949 = false) {
  std::vector<std::string_view> views(fields.begin(), fields.end());
  return parse_nps_row(h, views, cp949, row);
}

std::string to_cp949(std::string_view utf8) {
  std::string out;
  ConvertError e;
  EXPECT_EQ(encode_cp949(utf8, out, &e), utf8.size()) << describe(e);
  return out;
}

// ---------------------------------------------------------------- header

TEST(NpsHeaderTest, PublishedNamesInOrder) {
  NpsHeader h = published_header();
  EXPECT_EQ(h.field_count, 22u);
  for (size_t i = 0; i < kNpsColumnCount; ++i) EXPECT_EQ(h.index[i], static_cast<int>(i)) << i;
}

TEST(NpsHeaderTest, LeadingSpacesAndCodeTableSuffixes) {
  std::vector<std::string> names = kPublished;
  names[1] = " 사업장명";
  names[2] = "  사업자등록번호 ";
  names[18] = "\t가입자수";
  names[19] = "\xE3\x80\x80당월고지금액";  // a full-width space
  names[3] = "사업장가입상태코드";         // without its code table
  names[12] = "사업장형태구분코드 1 법인 2 개인";
  auto h = map_nps_header(names);
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(h->at(NpsColumn::kName), 1);
  EXPECT_EQ(h->at(NpsColumn::kBrn), 2);
  EXPECT_EQ(h->at(NpsColumn::kStatus), 3);
  EXPECT_EQ(h->at(NpsColumn::kLegalForm), 12);
  EXPECT_EQ(h->at(NpsColumn::kHeadcount), 18);
  EXPECT_EQ(h->at(NpsColumn::kBilled), 19);
}

TEST(NpsHeaderTest, SidoCodeVariant) {
  std::vector<std::string> names = kPublished;
  names[9] = "법정동주소광역시시도코드";
  auto h = map_nps_header(names);
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(h->at(NpsColumn::kSidoCode), 9);
  EXPECT_EQ(h->at(NpsColumn::kSigunguCode), 10);
  EXPECT_EQ(h->at(NpsColumn::kEmdCode), 11);
}

TEST(NpsHeaderTest, ColumnsInAnotherOrder) {
  std::vector<std::string> names(kPublished.rbegin(), kPublished.rend());
  auto h = map_nps_header(names);
  ASSERT_TRUE(h.ok()) << h.error().message;
  for (size_t i = 0; i < kNpsColumnCount; ++i)
    EXPECT_EQ(h->index[i], static_cast<int>(kNpsColumnCount - 1 - i)) << i;
  // 사업장업종코드명 is not taken for 사업장업종코드 (one is a prefix of the other).
  EXPECT_EQ(h->at(NpsColumn::kIndustryName), 21 - 14);
  EXPECT_EQ(h->at(NpsColumn::kIndustryCode), 21 - 13);

  // A row in that order parses to the same values.
  std::vector<std::string> f = good_fields();
  std::reverse(f.begin(), f.end());
  NpsRow row;
  EXPECT_EQ(parse(*h, f, row), std::nullopt);
  EXPECT_EQ(row.name, "(주)알파소프트");
  EXPECT_EQ(row.headcount, 120);
  EXPECT_EQ(row.industry_code, "722000");
  EXPECT_EQ(row.industry_name, "소프트웨어 개발 및 공급업");
}

TEST(NpsHeaderTest, OptionalColumnsMayBeAbsent) {
  std::vector<std::string> names = {
      "자료생성년월", "사업장명", "사업자등록번호", "사업장가입상태코드", "고객법정동주소코드",
      "적용일자",     "가입자수", "당월고지금액",   "신규취득자수",       "상실가입자수",
      "비고"};
  auto h = map_nps_header(names);
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(h->field_count, 11u);
  EXPECT_EQ(h->at(NpsColumn::kZip), -1);
  EXPECT_EQ(h->at(NpsColumn::kIndustryName), -1);
  EXPECT_EQ(h->at(NpsColumn::kWithdrawn), -1);
  EXPECT_EQ(h->at(NpsColumn::kLeavers), 9);

  NpsRow row;
  row.industry_name = "left over from an earlier row";
  EXPECT_EQ(
      parse(*h,
            {"202503", "베타", "2220812345", "2", "4113510900", "20100101", "0", "0", "0", "3", ""},
            row),
      std::nullopt);
  EXPECT_EQ(row.brn6, "222081");
  EXPECT_EQ(row.status, 2);
  EXPECT_EQ(row.sido_code, "41");  // from the 법정동 code
  EXPECT_EQ(row.industry_name, "");
  EXPECT_EQ(row.legal_form, 1);
  EXPECT_FALSE(row.withdrawn.has_value());
}

TEST(NpsHeaderTest, MissingRequiredColumnsAreNamed) {
  std::vector<std::string> names = kPublished;
  names.erase(names.begin() + 18);  // 가입자수
  names.erase(names.begin() + 15);  // 적용일자
  auto h = map_nps_header(names);
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.error().code, ErrorCode::kBadFile);
  EXPECT_NE(h.error().message.find("lacks 적용일자, 가입자수;"), std::string::npos)
      << h.error().message;

  auto sheet = map_nps_header({"회사", "직무"});
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.error().code, ErrorCode::kBadFile);
  EXPECT_NE(
      sheet.error().message.find(
          "lacks 자료생성년월, 사업장명, 사업자등록번호, 사업장가입상태코드, "
          "고객법정동주소코드, 적용일자, 가입자수, 당월고지금액, 신규취득자수, 상실가입자수;"),
      std::string::npos)
      << sheet.error().message;
}

// ---------------------------------------------------------------- rows

void expect_good(const NpsRow& row) {
  EXPECT_EQ(row.month, (YearMonth{2025, 3}));
  EXPECT_EQ(row.name, "(주)알파소프트");
  EXPECT_EQ(row.brn6, "123456");
  EXPECT_EQ(row.status, 1);
  EXPECT_EQ(row.address_lot, "서울특별시 강남구 역삼동 123-4");
  EXPECT_EQ(row.address_road, "서울특별시 강남구 테헤란로 1, 5층");
  EXPECT_EQ(row.legal_dong, "1168010100");
  EXPECT_EQ(row.sido_code, "11");
  EXPECT_EQ(row.legal_form, 1);
  EXPECT_EQ(row.industry_code, "722000");
  EXPECT_EQ(row.industry_name, "소프트웨어 개발 및 공급업");
  ASSERT_TRUE(row.adopted.has_value());
  EXPECT_EQ(row.adopted->iso(), "2015-03-01");
  EXPECT_FALSE(row.reregistered.has_value());
  EXPECT_FALSE(row.withdrawn.has_value());
  EXPECT_EQ(row.headcount, 120);
  EXPECT_EQ(row.billed, 32'400'000);
  EXPECT_EQ(row.hires, 5);
  EXPECT_EQ(row.leavers, 2);
}

TEST(NpsRowTest, GoodRowUtf8) {
  NpsRow row;
  EXPECT_EQ(parse(published_header(), good_fields(), row), std::nullopt);
  expect_good(row);
}

TEST(NpsRowTest, GoodRowCp949) {
  std::vector<std::string> f;
  for (const auto& s : good_fields()) f.push_back(to_cp949(s));
  ASSERT_NE(f[1], good_fields()[1]);  // really re-encoded
  NpsRow row;
  EXPECT_EQ(parse(published_header(), f, row, true), std::nullopt);
  expect_good(row);
}

TEST(NpsRowTest, CompactMonthAndDateForms) {
  std::vector<std::string> f = good_fields();
  f[0] = "202503";
  f[15] = "20150301";
  f[16] = "20240102";
  f[17] = "20231130";
  NpsRow row;
  EXPECT_EQ(parse(published_header(), f, row), std::nullopt);
  EXPECT_EQ(row.month, (YearMonth{2025, 3}));
  EXPECT_EQ(row.adopted->iso(), "2015-03-01");
  EXPECT_EQ(row.reregistered.value_or(Date{}).iso(), "2024-01-02");
  EXPECT_EQ(row.withdrawn.value_or(Date{}).iso(), "2023-11-30");
}

TEST(NpsRowTest, WithdrawnRow) {
  std::vector<std::string> f = good_fields();
  f[3] = "2";
  f[12] = "2";
  f[17] = "2025-03-15";
  f[18] = "0";
  f[19] = "0";
  f[21] = "120";
  NpsRow row;
  EXPECT_EQ(parse(published_header(), f, row), std::nullopt);
  EXPECT_EQ(row.status, 2);
  EXPECT_EQ(row.legal_form, 2);
  EXPECT_EQ(row.withdrawn.value_or(Date{}).iso(), "2025-03-15");
  EXPECT_EQ(row.headcount, 0);
  EXPECT_EQ(row.leavers, 120);
}

TEST(NpsRowTest, SpacesAndThousandsSeparatorsInNumbers) {
  std::vector<std::string> f = good_fields();
  f[18] = " 120 ";
  f[19] = "32,400,000";
  f[2] = " 123456 ";
  NpsRow row;
  EXPECT_EQ(parse(published_header(), f, row), std::nullopt);
  EXPECT_EQ(row.headcount, 120);
  EXPECT_EQ(row.billed, 32'400'000);
  EXPECT_EQ(row.brn6, "123456");
}

// The reason a row is set aside, for one field changed from the good row.
std::string reject_reason(size_t field, std::string value, bool cp949 = false) {
  std::vector<std::string> f = good_fields();
  if (cp949)
    for (auto& s : f) s = to_cp949(s);
  f[field] = std::move(value);
  NpsRow row;
  auto why = parse(published_header(), f, row, cp949);
  EXPECT_TRUE(why.has_value()) << "field " << field << " accepted";
  return why.value_or("");
}

TEST(NpsRowTest, WrongFieldCount) {
  NpsHeader h = published_header();
  std::vector<std::string> f = good_fields();
  f.pop_back();
  NpsRow row;
  EXPECT_EQ(parse(h, f, row).value_or(""), "21 fields, expected 22");
  f = good_fields();
  f.push_back("extra");
  EXPECT_EQ(parse(h, f, row).value_or(""), "23 fields, expected 22");
}

TEST(NpsRowTest, InvalidBytes) {
  EXPECT_EQ(reject_reason(1, "\xFF\xFE알파"), "사업장명: bytes that are not valid UTF-8");
  EXPECT_EQ(reject_reason(6, "서울 \xC0"), "사업장도로명상세주소: bytes that are not valid UTF-8");
  // CP949: 0x80 starts no character; a lead byte with a bad trail.
  EXPECT_EQ(reject_reason(1, "\x80\xB0\xA1", true), "사업장명: bytes that are not valid CP949");
  EXPECT_EQ(reject_reason(14, "\xB0\x20", true),
            "사업장업종코드명: bytes that are not valid CP949");
}

TEST(NpsRowTest, NonNumericCounts) {
  EXPECT_EQ(reject_reason(18, "열두명"), "가입자수: not a whole number: '열두명'");
  EXPECT_EQ(reject_reason(19, "-5"), "당월고지금액: not a whole number: '-5'");
  EXPECT_EQ(reject_reason(20, "1.5"), "신규취득자수: not a whole number: '1.5'");
  EXPECT_EQ(reject_reason(21, ""), "상실가입자수: not a whole number: ''");
  // The message shows CP949 text decoded.
  EXPECT_EQ(reject_reason(18, to_cp949("열두명"), true), "가입자수: not a whole number: '열두명'");
}

TEST(NpsRowTest, ImpossibleDates) {
  EXPECT_EQ(reject_reason(15, "2015-02-30"), "적용일자: impossible date '2015-02-30'");
  EXPECT_EQ(reject_reason(16, "2024-13-01"), "재등록일자: impossible date '2024-13-01'");
  EXPECT_EQ(reject_reason(17, "어제"), "탈퇴일자: impossible date '어제'");
  EXPECT_EQ(reject_reason(15, "20230229"), "적용일자: impossible date '20230229'");
}

TEST(NpsRowTest, BadMonth) {
  EXPECT_EQ(reject_reason(0, "2025-13"), "자료생성년월: not a month: '2025-13'");
  EXPECT_EQ(reject_reason(0, "202500"), "자료생성년월: not a month: '202500'");
  EXPECT_EQ(reject_reason(0, ""), "자료생성년월: not a month: ''");
}

TEST(NpsRowTest, StatusMustBeOneOrTwo) {
  EXPECT_EQ(reject_reason(3, "3"), "사업장가입상태코드: expected 1 or 2, got '3'");
  EXPECT_EQ(reject_reason(3, ""), "사업장가입상태코드: expected 1 or 2, got ''");
  EXPECT_EQ(reject_reason(3, "등록"), "사업장가입상태코드: expected 1 or 2, got '등록'");
  EXPECT_EQ(reject_reason(12, "3"), "사업장형태구분코드: expected 1 or 2, got '3'");
}

TEST(NpsRowTest, BusinessNumberMustStartWithSixDigits) {
  EXPECT_EQ(reject_reason(2, "12A456"),
            "사업자등록번호: expected its first 6 digits, got '12A456'");
  EXPECT_EQ(reject_reason(2, "12345"), "사업자등록번호: expected its first 6 digits, got '12345'");
  EXPECT_EQ(reject_reason(2, ""), "사업자등록번호: expected its first 6 digits, got ''");
  // More than six digits (a full number): the prefix is kept.
  std::vector<std::string> f = good_fields();
  f[2] = "1234567890";
  NpsRow row;
  EXPECT_EQ(parse(published_header(), f, row), std::nullopt);
  EXPECT_EQ(row.brn6, "123456");
}

TEST(NpsRowTest, OtherRejects) {
  EXPECT_EQ(reject_reason(1, "  "), "사업장명 is empty");
  EXPECT_EQ(reject_reason(7, "11680-101"), "고객법정동주소코드: expected digits, got '11680-101'");
  EXPECT_EQ(reject_reason(13, "72200A"), "사업장업종코드: expected digits, got '72200A'");
}

// ---------------------------------------------------------------- region

TEST(NpsRegionTest, FromAddress) {
  EXPECT_EQ(region_from_address("서울특별시 강남구 테헤란로 1, 5층"), "서울 강남구");
  EXPECT_EQ(region_from_address("경기도 수원시 장안구 정자로 10"), "경기 수원시 장안구");
  EXPECT_EQ(region_from_address("경기도 화성시 향남읍 발안로 5"), "경기 화성시");
  EXPECT_EQ(region_from_address("세종특별자치시 한누리대로 2130"), "세종");
  EXPECT_EQ(region_from_address("부산광역시 기장군 기장읍"), "부산 기장군");
  EXPECT_EQ(region_from_address("제주특별자치도 제주시 첨단로 242"), "제주 제주시");
  EXPECT_EQ(region_from_address("강원도 춘천시 중앙로 1"), "강원 춘천시");
  EXPECT_EQ(region_from_address("  서울특별시,중구 세종대로 110"), "서울 중구");
  EXPECT_EQ(region_from_address("서울 마포구 월드컵북로 396"), "서울 마포구");
  EXPECT_EQ(region_from_address("Seoul Gangnam-gu"), "");
  EXPECT_EQ(region_from_address("테헤란로 1"), "");
  EXPECT_EQ(region_from_address(""), "");
  // Into a reused string: what was there goes.
  std::string out = "경기 수원시 장안구";
  region_from_address("부산광역시 기장군 기장읍", out);
  EXPECT_EQ(out, "부산 기장군");
  region_from_address("테헤란로 1", out);
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace ijik::ingest
