#include "common/clock.h"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

namespace ijik {

Date today() {
  if (const char* fixed = std::getenv("IJIK_TODAY")) {
    if (auto d = parse_date(fixed); d.ok()) return *d;
  }
  std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::string now_utc_iso() {
  if (const char* fixed = std::getenv("IJIK_NOW")) return fixed;
  if (const char* fixed_day = std::getenv("IJIK_TODAY")) {
    if (auto d = parse_date(fixed_day); d.ok()) return d->iso() + "T00:00:00Z";
  }
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

}  // namespace ijik
