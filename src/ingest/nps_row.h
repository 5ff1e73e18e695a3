// The National Pension workplace file ("국민연금공단_국민연금 가입 사업장 내역"):
// its header and one row, mapped from raw CSV fields to typed values.
// Layout and variants: shared/docs/data-formats.md §1.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/month.h"
#include "common/result.h"

namespace ijik::ingest {

// The published columns, in the published order.
enum class NpsColumn {
  kMonth,
  kName,
  kBrn,
  kStatus,
  kZip,
  kAddressLot,
  kAddressRoad,
  kLegalDong,
  kAdminDong,
  kSidoCode,
  kSigunguCode,
  kEmdCode,
  kLegalForm,
  kIndustryCode,
  kIndustryName,
  kAdopted,
  kReregistered,
  kWithdrawn,
  kHeadcount,
  kBilled,
  kHires,
  kLeavers,
};
constexpr size_t kNpsColumnCount = 22;

// Where each column sits in a file, found from its header.
struct NpsHeader {
  std::array<int, kNpsColumnCount> index{};  // -1 when absent
  size_t field_count = 0;
  int at(NpsColumn c) const { return index[static_cast<size_t>(c)]; }
};

// Maps header names (already UTF-8) to columns by the start of the trimmed
// name, so "사업장가입상태코드 1 등록 2 탈퇴" and " 사업장명" match. A header that
// lacks a column the import needs is a BadFile error naming what was expected.
Result<NpsHeader> map_nps_header(const std::vector<std::string>& names);

// One row, typed. Text is UTF-8.
struct NpsRow {
  YearMonth month;
  std::string name;
  std::string brn6;  // the published prefix of 사업자등록번호
  int status = 1;    // 1 등록, 2 탈퇴
  std::string address_lot;
  std::string address_road;
  std::string legal_dong;  // 10 digits
  std::string sido_code;
  int legal_form = 1;  // 1 법인, 2 개인
  std::string industry_code;
  std::string industry_name;
  std::optional<Date> adopted;       // 적용일자
  std::optional<Date> reregistered;  // 재등록일자
  std::optional<Date> withdrawn;     // 탈퇴일자
  int64_t headcount = 0;
  int64_t billed = 0;
  int64_t hires = 0;
  int64_t leavers = 0;
};

// Maps one record's raw fields (CP949 when `cp949`, else UTF-8) to `row`.
// Returns the reason when the row must be set aside: wrong number of fields,
// bytes that are not valid text, a non-numeric count, an impossible date or
// month, an unknown status code.
std::optional<std::string> parse_nps_row(const NpsHeader& header,
                                         const std::vector<std::string_view>& fields, bool cp949,
                                         NpsRow& row);

// "서울 강남구", "경기 수원시 장안구" from an address; "" when it names no region.
std::string region_from_address(std::string_view address);
// The same into `out` (its room reused: the importer runs it once per row).
void region_from_address(std::string_view address, std::string& out);

}  // namespace ijik::ingest
