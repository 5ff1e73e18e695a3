#include "ingest/nps_row.h"

#include <fmt/format.h>

#include <charconv>

#include "ingest/cp949.h"
#include "text/utf8.h"

namespace ijik::ingest {
namespace {

struct ColumnName {
  NpsColumn column;
  std::string_view name;
  bool required;
};

// Longer names first where one is a prefix of another (사업장업종코드명 / 사업장업종코드).
constexpr ColumnName kColumns[] = {
    {NpsColumn::kMonth, "자료생성년월", true},
    {NpsColumn::kName, "사업장명", true},
    {NpsColumn::kBrn, "사업자등록번호", true},
    {NpsColumn::kStatus, "사업장가입상태코드", true},
    {NpsColumn::kZip, "우편번호", false},
    {NpsColumn::kAddressLot, "사업장지번상세주소", false},
    {NpsColumn::kAddressRoad, "사업장도로명상세주소", false},
    {NpsColumn::kLegalDong, "고객법정동주소코드", true},
    {NpsColumn::kAdminDong, "고객행정동주소코드", false},
    {NpsColumn::kSidoCode, "법정동주소광역시도코드", false},
    {NpsColumn::kSidoCode, "법정동주소광역시시도코드", false},  // a variant seen in some releases
    {NpsColumn::kSigunguCode, "법정동주소광역시시군구코드", false},
    {NpsColumn::kEmdCode, "법정동주소광역시시군구읍면동코드", false},
    {NpsColumn::kLegalForm, "사업장형태구분코드", false},
    {NpsColumn::kIndustryName, "사업장업종코드명", false},
    {NpsColumn::kIndustryCode, "사업장업종코드", false},
    {NpsColumn::kAdopted, "적용일자", true},
    {NpsColumn::kReregistered, "재등록일자", false},
    {NpsColumn::kWithdrawn, "탈퇴일자", false},
    {NpsColumn::kHeadcount, "가입자수", true},
    {NpsColumn::kBilled, "당월고지금액", true},
    {NpsColumn::kHires, "신규취득자수", true},
    {NpsColumn::kLeavers, "상실가입자수", true},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  // A full-width or no-break space sometimes leads a header name.
  for (std::string_view ws : {"\xE3\x80\x80", "\xC2\xA0"})
    while (s.substr(0, ws.size()) == ws) s.remove_prefix(ws.size());
  return s;
}

const char* column_label(NpsColumn c) {
  for (const auto& k : kColumns)
    if (k.column == c) return k.name.data();
  return "?";
}

// The field as UTF-8 text; false when its bytes are not valid in the file's encoding.
bool text_field(std::string_view raw, bool cp949, std::string& out) {
  out.clear();
  raw = trim(raw);
  if (cp949) {
    ConvertError err;
    return decode_cp949(raw, out, &err) == raw.size();
  }
  if (!text::is_valid_utf8(raw)) return false;
  out.assign(raw);
  return true;
}

// A non-negative whole number; thousands separators tolerated.
bool count_field(std::string_view raw, int64_t& out) {
  raw = trim(raw);
  if (raw.empty()) return false;
  int64_t v = 0;
  for (char c : raw) {
    if (c == ',') continue;
    if (c < '0' || c > '9') return false;
    if (v > 900'000'000'000'000LL) return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

bool digits_only(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

Result<NpsHeader> map_nps_header(const std::vector<std::string>& names) {
  NpsHeader h;
  h.index.fill(-1);
  h.field_count = names.size();
  for (size_t i = 0; i < names.size(); ++i) {
    std::string_view n = trim(names[i]);
    for (const auto& k : kColumns) {
      if (n.substr(0, k.name.size()) != k.name) continue;
      int& slot = h.index[static_cast<size_t>(k.column)];
      if (slot < 0) slot = static_cast<int>(i);
      break;
    }
  }
  std::string missing;
  for (const auto& k : kColumns)
    if (k.required && h.at(k.column) < 0)
      missing += (missing.empty() ? "" : ", ") + std::string(k.name);
  if (!missing.empty())
    return bad_file(fmt::format(
        "not a National Pension workplace file (국민연금 가입 사업장 내역): the header lacks {}; "
        "expected columns such as 자료생성년월, 사업장명, 사업자등록번호, 가입자수, 당월고지금액",
        missing));
  return h;
}

std::optional<std::string> parse_nps_row(const NpsHeader& h, const std::vector<std::string_view>& f,
                                         bool cp949, NpsRow& row) {
  if (f.size() != h.field_count)
    return fmt::format("{} fields, expected {}", f.size(), h.field_count);
  auto raw = [&](NpsColumn c) -> std::string_view {
    int i = h.at(c);
    return i < 0 ? std::string_view() : trim(f[static_cast<size_t>(i)]);
  };
  // A raw field as UTF-8 for a message (bad bytes become U+FFFD).
  auto shown = [&](std::string_view v) {
    std::string out;
    if (cp949)
      decode_cp949_lossy(v, out);
    else
      out = text::is_valid_utf8(v) ? std::string(v) : std::string("?");
    return out;
  };
  auto text = [&](NpsColumn c, std::string& out) -> std::optional<std::string> {
    int i = h.at(c);
    if (i < 0) return out.clear(), std::nullopt;
    if (!text_field(f[static_cast<size_t>(i)], cp949, out))
      return fmt::format("{}: bytes that are not valid {}", column_label(c),
                         cp949 ? "CP949" : "UTF-8");
    return std::nullopt;
  };
  auto date = [&](NpsColumn c, std::optional<Date>& out) -> std::optional<std::string> {
    std::string_view v = raw(c);
    out.reset();
    if (v.empty()) return std::nullopt;
    auto d = parse_date(v);
    if (!d.ok()) return fmt::format("{}: impossible date '{}'", column_label(c), shown(v));
    out = *d;
    return std::nullopt;
  };
  auto count = [&](NpsColumn c, int64_t& out) -> std::optional<std::string> {
    if (!count_field(raw(c), out))
      return fmt::format("{}: not a whole number: '{}'", column_label(c), shown(raw(c)));
    return std::nullopt;
  };

  auto month = parse_year_month(raw(NpsColumn::kMonth));
  if (!month.ok())
    return fmt::format("자료생성년월: not a month: '{}'", shown(raw(NpsColumn::kMonth)));
  row.month = *month;
  for (auto [c, out] : {std::pair{NpsColumn::kName, &row.name},
                        {NpsColumn::kAddressLot, &row.address_lot},
                        {NpsColumn::kAddressRoad, &row.address_road},
                        {NpsColumn::kIndustryName, &row.industry_name}})
    if (auto e = text(c, *out)) return e;
  if (row.name.empty()) return std::string("사업장명 is empty");

  std::string_view brn = raw(NpsColumn::kBrn);
  if (brn.size() < 6 || !digits_only(brn.substr(0, 6)))
    return fmt::format("사업자등록번호: expected its first 6 digits, got '{}'", shown(brn));
  row.brn6.assign(brn.substr(0, 6));

  std::string_view status = raw(NpsColumn::kStatus);
  if (status != "1" && status != "2")
    return fmt::format("사업장가입상태코드: expected 1 or 2, got '{}'", shown(status));
  row.status = status[0] - '0';
  std::string_view form = raw(NpsColumn::kLegalForm);
  if (!form.empty() && form != "1" && form != "2")
    return fmt::format("사업장형태구분코드: expected 1 or 2, got '{}'", shown(form));
  row.legal_form = form == "2" ? 2 : 1;

  std::string_view dong = raw(NpsColumn::kLegalDong);
  if (!digits_only(dong))
    return fmt::format("고객법정동주소코드: expected digits, got '{}'", shown(dong));
  row.legal_dong.assign(dong);
  std::string_view sido = raw(NpsColumn::kSidoCode);
  row.sido_code.assign(!sido.empty() ? sido : dong.substr(0, 2));
  std::string_view industry = raw(NpsColumn::kIndustryCode);
  if (!digits_only(industry))
    return fmt::format("사업장업종코드: expected digits, got '{}'", shown(industry));
  row.industry_code.assign(industry);

  if (auto e = date(NpsColumn::kAdopted, row.adopted)) return e;
  if (auto e = date(NpsColumn::kReregistered, row.reregistered)) return e;
  if (auto e = date(NpsColumn::kWithdrawn, row.withdrawn)) return e;
  if (auto e = count(NpsColumn::kHeadcount, row.headcount)) return e;
  if (auto e = count(NpsColumn::kBilled, row.billed)) return e;
  if (auto e = count(NpsColumn::kHires, row.hires)) return e;
  if (auto e = count(NpsColumn::kLeavers, row.leavers)) return e;
  return std::nullopt;
}

std::string region_from_address(std::string_view address) {
  std::string out;
  region_from_address(address, out);
  return out;
}

void region_from_address(std::string_view address, std::string& out) {
  struct Sido {
    std::string_view full, short_name;
  };
  static constexpr Sido kSido[] = {
      {"서울특별시", "서울"},     {"부산광역시", "부산"},     {"대구광역시", "대구"},
      {"인천광역시", "인천"},     {"광주광역시", "광주"},     {"대전광역시", "대전"},
      {"울산광역시", "울산"},     {"세종특별자치시", "세종"}, {"경기도", "경기"},
      {"강원특별자치도", "강원"}, {"강원도", "강원"},         {"충청북도", "충북"},
      {"충청남도", "충남"},       {"전북특별자치도", "전북"}, {"전라북도", "전북"},
      {"전라남도", "전남"},       {"경상북도", "경북"},       {"경상남도", "경남"},
      {"제주특별자치도", "제주"},
  };
  out.clear();
  std::string_view tokens[3];
  size_t count = 0;
  size_t i = 0;
  while (i < address.size() && count < 3) {
    while (i < address.size() && (address[i] == ' ' || address[i] == ',')) ++i;
    size_t j = i;
    while (j < address.size() && address[j] != ' ' && address[j] != ',') ++j;
    if (j > i) tokens[count++] = address.substr(i, j - i);
    i = j;
  }
  if (count == 0) return;
  std::string_view sido;
  for (const auto& s : kSido)
    if (tokens[0] == s.full || tokens[0] == s.short_name) sido = s.short_name;
  if (sido.empty()) return;
  out.assign(sido);
  auto ends_with = [](std::string_view t, std::string_view suffix) {
    return t.size() >= suffix.size() && t.substr(t.size() - suffix.size()) == suffix;
  };
  if (count > 1 &&
      (ends_with(tokens[1], "시") || ends_with(tokens[1], "군") || ends_with(tokens[1], "구"))) {
    out.append(" ").append(tokens[1]);
    if (ends_with(tokens[1], "시") && count > 2 && ends_with(tokens[2], "구"))
      out.append(" ").append(tokens[2]);
  }
}

}  // namespace ijik::ingest
