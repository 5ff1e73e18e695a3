// Writes one month of a population as a National Pension workplace file in the
// published layout: 22 columns, every field double-quoted, CRLF line ends.
#pragma once

#include <string>

#include "calendar.h"
#include "common/result.h"
#include "population.h"

namespace ijik::gen_nps {

// The published file name for month `ym`:
// "국민연금공단_국민연금 가입 사업장 내역_20250131.csv".
std::string nps_file_name(YearMonth ym);

// The 22 header names, comma-joined and quoted, UTF-8, without a line end.
std::string nps_header_utf8();

// Writes the listed workplaces of `pop` for month `ym` to `path`; `rows` gets
// the number of data rows and `bytes` the file size.
Status write_nps_month(const Population& pop, YearMonth ym, const std::string& path, size_t& rows,
                       size_t& bytes);

}  // namespace ijik::gen_nps
