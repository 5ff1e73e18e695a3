// Fixed vocabularies for the NPS generator: regions with their codes and
// postal ranges, industries with names and pay levels, and name parts.
#pragma once

#include <string>
#include <vector>

namespace ijik::gen_nps {

struct District {
  std::string name;  // 강남구, 성남시 분당구
  int code;          // 3-digit city/district code
};

struct Region {
  std::string name;  // 서울특별시
  int code;          // 2-digit province code (data-formats.md)
  int postal_lo, postal_hi;
  double weight;  // share of workplaces
  std::vector<District> districts;
};

struct Industry {
  std::string code;                // 6 digits
  std::string name;                // may contain commas
  double income;                   // typical average standard monthly income, KRW
  bool sole;                       // typical of sole proprietorships
  std::vector<std::string> words;  // name words fitting the trade
};

// Regions with codes from data-formats.md. `gangwon_new`/`jeonbuk_new` pick the
// post-reform codes 51 and 52 over 42 and 45.
const std::vector<Region>& regions(bool gangwon_new, bool jeonbuk_new);
const std::vector<Industry>& industries();

// Name parts.
const std::vector<std::string>& korean_roots();    // 한빛, 미래, 똠방 …
const std::vector<std::string>& latin_roots();     // Nova, Apex …
const std::vector<std::string>& latin_suffixes();  // Labs, Korea, "Co., Ltd." …
const std::vector<std::string>& surnames();
const std::vector<std::string>& given_names();
const std::vector<std::string>& dongs();
const std::vector<std::string>& roads();

}  // namespace ijik::gen_nps
