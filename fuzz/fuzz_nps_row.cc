// libFuzzer target: the NPS header and row mapper. The input is CSV: its first
// record is tried as a header (map_nps_header), else the published header is
// used; every other record goes through parse_nps_row, as UTF-8 or CP949 (the
// first byte's low bit). A mapped row must hold sane values.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/csv_reader.h"
#include "ingest/nps_row.h"

using namespace ijik;
using namespace ijik::ingest;

namespace {
const std::vector<std::string> kPublished = {"자료생성년월",
                                             "사업장명",
                                             "사업자등록번호",
                                             "사업장가입상태코드 1 등록 2 탈퇴",
                                             "우편번호",
                                             "사업장지번상세주소",
                                             "사업장도로명상세주소",
                                             "고객법정동주소코드",
                                             "고객행정동주소코드",
                                             "법정동주소광역시시도코드",
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
                                             "상실가입자수"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool cp949 = data[0] & 1;
  std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  static const NpsHeader published = *map_nps_header(kPublished);
  NpsHeader header = published;
  CsvReader reader(in);
  CsvRecord rec;
  CsvError err;
  bool first = true;
  NpsRow row;
  while (true) {
    CsvRead r = reader.next(rec, err);
    if (r == CsvRead::kEnd) break;
    if (r == CsvRead::kMalformed) continue;
    if (first) {
      first = false;
      std::vector<std::string> names(rec.fields.begin(), rec.fields.end());
      if (auto h = map_nps_header(names); h.ok()) {
        header = *h;
        continue;
      }
    }
    if (parse_nps_row(header, rec.fields, cp949, row)) continue;  // set aside, with a reason
    if (row.month.month < 1 || row.month.month > 12) std::abort();
    if (row.status != 1 && row.status != 2) std::abort();
    if (row.headcount < 0 || row.hires < 0 || row.leavers < 0 || row.billed < 0) std::abort();
    (void)region_from_address(row.address_road);
    (void)region_from_address(row.address_lot);
  }
  return 0;
}
