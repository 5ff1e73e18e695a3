#include "exchange/json_view.h"

#include <cmath>

namespace ijik::exchange {

using nlohmann::ordered_json;

namespace {
ordered_json opt_date(const std::optional<Date>& d) {
  return d ? ordered_json(d->iso()) : ordered_json(nullptr);
}
ordered_json opt_int(const std::optional<int64_t>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}
// Whole numbers print without a fraction (3, not 3.0).
ordered_json number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return static_cast<int64_t>(v);
  return v;
}
}  // namespace

ordered_json company_json(const domain::Company& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"brn", c.brn ? ordered_json(*c.brn) : ordered_json(nullptr)},
          {"aliases", c.aliases},
          {"url", c.url},
          {"note", c.note}};
}

ordered_json stage_json(const domain::Stage& s) {
  return {{"id", s.id},
          {"name", s.name},
          {"kind", s.kind.key()},
          {"date", opt_date(s.date)},
          {"time", s.time ? ordered_json(s.time->iso()) : ordered_json(nullptr)},
          {"result", std::string(domain::to_string(s.result))},
          {"note", s.note},
          {"questions", s.questions}};
}

ordered_json application_json(const domain::Application& a) {
  ordered_json stages = ordered_json::array();
  for (const auto& s : a.stages) stages.push_back(stage_json(s));
  const domain::Stage* cur = domain::current_stage(a);
  return {{"id", a.id},
          {"company", a.company},
          {"company_id", a.company_id},
          {"role", a.role},
          {"team", a.team},
          {"source", std::string(domain::to_string(a.source))},
          {"via", a.via},
          {"applied", a.applied.iso()},
          {"url", a.url},
          {"salary_min", opt_int(a.salary_min)},
          {"salary_max", opt_int(a.salary_max)},
          {"note", a.note},
          {"status", std::string(domain::to_string(domain::derive_status(a)))},
          {"current_stage", cur ? ordered_json(cur->name) : ordered_json(nullptr)},
          {"closed_on", opt_date(a.closed_on)},
          {"stages", stages},
          {"contacts", a.contact_ids}};
}

ordered_json contact_json(const domain::Contact& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"company", c.company},
          {"email", c.email},
          {"phone", c.phone},
          {"note", c.note},
          {"applications", c.application_ids}};
}

ordered_json funnel_json(const domain::Funnel& f) {
  ordered_json stages = ordered_json::array();
  for (const auto& s : f.stages) {
    stages.push_back(
        {{"kind", s.kind.key()},
         {"label", s.kind.label()},
         {"reached", s.reached},
         {"passed", s.passed},
         {"pass_rate", number(std::round(s.pass_rate * 10000.0) / 10000.0)},
         {"median_days_from_apply",
          s.median_days_from_apply ? number(*s.median_days_from_apply) : ordered_json(nullptr)}});
  }
  return {{"applications", f.applications},
          {"offers", f.offers},
          {"accepted", f.accepted},
          {"stages", stages}};
}

ordered_json funnel_by_source_json(const std::map<domain::Source, domain::Funnel>& by) {
  ordered_json m = ordered_json::object();
  for (const auto& [src, f] : by) m[std::string(domain::to_string(src))] = funnel_json(f);
  return {{"by_source", m}};
}

ordered_json board_json(const std::vector<domain::BoardColumn>& columns) {
  ordered_json cols = ordered_json::array();
  for (const auto& c : columns) {
    ordered_json ids = ordered_json::array();
    ordered_json cards = ordered_json::array();
    for (const auto& card : c.cards) {
      ids.push_back(card.app->id);
      ordered_json next = nullptr;
      if (card.next)
        next = {{"name", card.next->name},
                {"date", opt_date(card.next->date)},
                {"time",
                 card.next->time ? ordered_json(card.next->time->iso()) : ordered_json(nullptr)}};
      cards.push_back({{"id", card.app->id},
                       {"company", card.app->company},
                       {"role", card.app->role},
                       {"status", std::string(domain::to_string(card.status))},
                       {"at", card.at ? ordered_json(card.at->name) : ordered_json(nullptr)},
                       {"next", next}});
    }
    cols.push_back({{"stage", c.label}, {"key", c.key}, {"applications", ids}, {"cards", cards}});
  }
  return {{"columns", cols}};
}

namespace {
thread_local bool t_compact = false;
}  // namespace

CompactJson::CompactJson() : was_(t_compact) {
  t_compact = true;
}
CompactJson::~CompactJson() {
  t_compact = was_;
}

ordered_json object(std::initializer_list<std::pair<const char*, ordered_json>> fields) {
  ordered_json o = ordered_json::object();
  auto& members = o.get_ref<ordered_json::object_t&>();
  members.reserve(fields.size());
  for (const auto& [key, value] : fields) members.emplace_back(key, value);
  return o;
}

std::string dump(const ordered_json& j) {
  return j.dump(t_compact ? -1 : 2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace ijik::exchange
