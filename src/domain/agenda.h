// The agenda: upcoming dated stages of open applications, soonest first.
#pragma once

#include <vector>

#include "domain/tracker.h"

namespace ijik::domain {

struct AgendaItem {
  const Application* app = nullptr;
  const Stage* stage = nullptr;
  long days_away = 0;
};

// Pending stages dated from `today` to `today + days` inclusive, of applications
// that are active or hold an offer; sorted by date, time (untimed first), id.
// Items point into `apps`, which must outlive them.
std::vector<AgendaItem> build_agenda(const std::vector<Application>& apps, const Date& today,
                                     int days);

}  // namespace ijik::domain
