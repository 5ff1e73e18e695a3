#include "nps_writer.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>

namespace ijik::gen_nps {
namespace {

const char* const kHeader[] = {
    "자료생성년월",
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
    "상실가입자수",
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

void put_quoted(std::string& out, const char* s) {
  out += '"';
  out += s;
  out += '"';
}

void put_number(std::string& out, int64_t v) {
  char b[24];
  auto r = std::to_chars(b, b + sizeof b, v);
  out += '"';
  out.append(b, r.ptr);
  out += '"';
}

}  // namespace

std::string nps_file_name(YearMonth ym) {
  return "국민연금공단_국민연금 가입 사업장 내역_" + ym.file_stamp() + ".csv";
}

std::string nps_header_utf8() {
  std::string h;
  for (const char* name : kHeader) {
    if (!h.empty()) h += ',';
    put_quoted(h, name);
  }
  return h;
}

Status write_nps_month(const Population& pop, YearMonth ym, const std::string& path, size_t& rows,
                       size_t& bytes) {
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "wb"));
  if (!f) return bad_file("cannot write " + path);
  std::string buf = pop.encode(nps_header_utf8(), false) + "\r\n";
  const std::string month = "\"" + ym.label() + "\",";
  rows = 0;
  bytes = 0;
  auto flush = [&]() -> bool {
    bytes += buf.size();
    bool ok = std::fwrite(buf.data(), 1, buf.size(), f.get()) == buf.size();
    buf.clear();
    return ok;
  };
  for (const Workplace& w : pop.workplaces()) {
    if (!w.listed) continue;
    ++rows;
    buf += month;
    buf += '"';
    buf += w.name;
    buf += "\",\"";
    buf.append(w.brn, 6);
    buf += w.status == 1 ? "\",\"1\"," : "\",\"2\",";
    buf += w.fixed;
    buf += ',';
    put_quoted(buf, w.applied);
    buf += ',';
    put_quoted(buf, w.rereg);
    buf += ',';
    put_quoted(buf, w.withdrawn);
    buf += ',';
    put_number(buf, w.size);
    buf += ',';
    put_number(buf, w.billed);
    buf += ',';
    put_number(buf, w.hires);
    buf += ',';
    put_number(buf, w.leavers);
    buf += "\r\n";
    if (buf.size() > (8u << 20) && !flush()) return bad_file("write failed: " + path);
  }
  if (!flush() || std::fflush(f.get()) != 0) return bad_file("write failed: " + path);
  return {};
}

}  // namespace ijik::gen_nps
