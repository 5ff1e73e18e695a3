#include "domain/funnel.h"

#include <algorithm>

namespace ijik::domain {
namespace {

bool reached(const Stage& s, const Date& today) {
  return s.result != StageResult::kPending || (s.date && *s.date <= today);
}

std::optional<double> median(std::vector<long> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  if (n % 2) return static_cast<double>(v[n / 2]);
  return (static_cast<double>(v[n / 2 - 1]) + static_cast<double>(v[n / 2])) / 2.0;
}

}  // namespace

Funnel compute_funnel(const std::vector<Application>& apps, const Date& today,
                      const std::optional<Date>& since) {
  struct Acc {
    StageKind kind;
    int reached = 0, passed = 0;
    std::vector<long> days;
  };
  std::vector<Acc> acc;  // few kinds: linear search keeps it simple
  auto slot = [&](const StageKind& k) -> Acc& {
    for (auto& a : acc)
      if (a.kind == k) return a;
    acc.push_back(Acc{k});
    return acc.back();
  };

  Funnel f;
  for (const auto& app : apps) {
    if (since && app.applied < *since) continue;
    ++f.applications;
    if (has_passed_offer(app)) ++f.offers;
    if (derive_status(app) == AppStatus::kAccepted) ++f.accepted;
    // One count per kind per application: the first stage of that kind decides.
    std::vector<StageKind> seen;
    for (const auto& s : app.stages) {
      if (std::find(seen.begin(), seen.end(), s.kind) != seen.end()) continue;
      Acc& a = slot(s.kind);  // listed even when not reached, so the order is known
      if (!reached(s, today)) continue;
      seen.push_back(s.kind);  // the first reached stage of a kind decides
      ++a.reached;
      if (s.result == StageResult::kPassed) ++a.passed;
      if (s.date) a.days.push_back(days_between(app.applied, *s.date));
    }
  }
  std::sort(acc.begin(), acc.end(),
            [](const Acc& l, const Acc& r) { return l.kind.rank() < r.kind.rank(); });
  for (auto& a : acc) {
    if (a.reached == 0) continue;
    FunnelStage fs;
    fs.kind = a.kind;
    fs.reached = a.reached;
    fs.passed = a.passed;
    fs.pass_rate = a.reached ? static_cast<double>(a.passed) / a.reached : 0.0;
    fs.median_days_from_apply = median(std::move(a.days));
    f.stages.push_back(fs);
  }
  return f;
}

std::map<Source, Funnel> compute_funnel_by_source(const std::vector<Application>& apps,
                                                  const Date& today,
                                                  const std::optional<Date>& since) {
  std::map<Source, std::vector<Application>> split;
  for (const auto& a : apps) split[a.source].push_back(a);
  std::map<Source, Funnel> out;
  for (auto& [src, list] : split) {
    Funnel f = compute_funnel(list, today, since);
    if (f.applications > 0) out[src] = std::move(f);
  }
  return out;
}

}  // namespace ijik::domain
