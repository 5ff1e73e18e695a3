// The current date and time. Tests pin them with IJIK_TODAY=YYYY-MM-DD and
// IJIK_NOW=YYYY-MM-DDTHH:MM:SSZ so scenario outputs are reproducible.
#pragma once

#include <string>

#include "common/date.h"

namespace ijik {

// Today in the user's local time zone (or IJIK_TODAY).
Date today();

// Now in UTC as "YYYY-MM-DDTHH:MM:SSZ" (or IJIK_NOW, else IJIK_TODAY at midnight).
std::string now_utc_iso();

}  // namespace ijik
