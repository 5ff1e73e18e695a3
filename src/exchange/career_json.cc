#include "exchange/career_json.h"

#include <cmath>

namespace ijik::exchange {

using nlohmann::ordered_json;

namespace {
ordered_json date_or_null(const std::optional<Date>& d) {
  return d ? ordered_json(d->iso()) : ordered_json(nullptr);
}
}  // namespace

double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

int tenure_months(const domain::Job& j, const Date& today) {
  const Date last = j.to ? *j.to : today;
  return domain::whole_months_between(j.from, last.add_days(1));
}

ordered_json probation_json(const std::optional<domain::Probation>& p) {
  if (!p) return nullptr;
  return {{"months", p->months},
          {"ends", p->ends().iso()},
          {"original_end", p->original_end.iso()},
          {"outcome", std::string(domain::to_string(p->outcome))},
          {"decided_on", date_or_null(p->decided_on)}};
}

ordered_json job_json(const domain::Job& j, const Date& today) {
  ordered_json conv = ordered_json::array();
  for (const auto& c : j.conversions)
    conv.push_back({{"to", std::string(domain::to_string(c.to))}, {"on", c.on.iso()}});
  return {
      {"id", j.id},
      {"company", j.company},
      {"company_id", j.company_id},
      {"title", j.title},
      {"team", j.team},
      {"type", std::string(domain::to_string(j.type()))},
      {"start_type", std::string(domain::to_string(j.start_type))},
      {"from", j.from.iso()},
      {"to", date_or_null(j.to)},
      {"tenure_months", tenure_months(j, today)},
      {"conversions", conv},
      {"probation", probation_json(j.probation)},
      {"reason", j.reason},
      {"pay", j.pay ? ordered_json(*j.pay) : ordered_json(nullptr)},
      {"application", j.application_id ? ordered_json(*j.application_id) : ordered_json(nullptr)}};
}

ordered_json search_json(const domain::Search& s) {
  ordered_json ids = ordered_json::array();
  for (const auto* a : s.applications) ids.push_back(a->id);
  ordered_json stages = ordered_json::array();
  for (const auto& st : s.funnel.stages)
    stages.push_back({{"kind", st.kind.key()},
                      {"label", st.kind.label()},
                      {"reached", st.reached},
                      {"passed", st.passed}});
  return {{"before_job", s.before_job ? ordered_json(*s.before_job) : ordered_json(nullptr)},
          {"after", date_or_null(s.after)},
          {"until", date_or_null(s.until)},
          {"count", s.funnel.applications},
          {"applications", ids},
          {"stages", stages},
          {"offers", s.funnel.offers},
          {"accepted", s.funnel.accepted}};
}

ordered_json timeline_json(const std::vector<domain::Job>& jobs,
                           const std::vector<domain::Phase>& phases,
                           const std::vector<domain::Search>& searches, const Date& today) {
  ordered_json js = ordered_json::array();
  std::optional<int64_t> current;
  for (size_t k = 0; k < jobs.size(); ++k) {
    auto j = job_json(jobs[k], today);
    if (k > 0 && jobs[k - 1].to)
      j["gap_days_before"] = domain::gap_days(*jobs[k - 1].to, jobs[k].from);
    else
      j["gap_days_before"] = nullptr;
    js.push_back(std::move(j));
    if (!jobs[k].to) current = jobs[k].company_id;
  }
  ordered_json ps = ordered_json::array();
  for (const auto& p : phases)
    ps.push_back({{"id", p.id},
                  {"name", p.name},
                  {"from", p.from},
                  {"to", p.to ? ordered_json(*p.to) : ordered_json(nullptr)}});
  ordered_json ss = ordered_json::array();
  for (const auto& s : searches) ss.push_back(search_json(s));
  return {{"jobs", js},
          {"phases", ps},
          {"searches", ss},
          {"current_employer", current ? ordered_json(*current) : ordered_json(nullptr)}};
}

}  // namespace ijik::exchange
