#include "domain/agenda.h"

#include <algorithm>

namespace ijik::domain {

std::vector<AgendaItem> build_agenda(const std::vector<Application>& apps, const Date& today,
                                     int days) {
  std::vector<AgendaItem> out;
  const Date last = today.add_days(days);
  for (const auto& app : apps) {
    AppStatus st = derive_status(app);
    if (st != AppStatus::kActive && st != AppStatus::kOffer) continue;
    for (const auto& s : app.stages) {
      if (s.result != StageResult::kPending || !s.date) continue;
      if (*s.date < today || last < *s.date) continue;
      out.push_back({&app, &s, days_between(today, *s.date)});
    }
  }
  std::sort(out.begin(), out.end(), [](const AgendaItem& l, const AgendaItem& r) {
    if (*l.stage->date != *r.stage->date) return *l.stage->date < *r.stage->date;
    const bool lt = l.stage->time.has_value(), rt = r.stage->time.has_value();
    if (lt != rt) return !lt;
    if (lt && *l.stage->time != *r.stage->time) return *l.stage->time < *r.stage->time;
    return l.stage->id < r.stage->id;
  });
  return out;
}

}  // namespace ijik::domain
