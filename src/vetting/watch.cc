#include "vetting/watch.h"

#include "store/career_repo.h"

namespace ijik::vetting {

Result<std::vector<Watched>> watched(store::Database& db) {
  std::vector<Watched> out;
  store::CareerRepo career(db);
  IJIK_ASSIGN_OR_RETURN(auto employer, career.current_employer());
  store::WatchRepo repo(db);
  IJIK_ASSIGN_OR_RETURN(auto list, repo.list());
  if (employer) {
    Watched w;
    IJIK_ASSIGN_OR_RETURN(w.subject, company_subject(db, *employer));
    w.current = true;
    w.why = "current employer (career timeline)";
    out.push_back(std::move(w));
  }
  for (const auto& rec : list) {
    if (employer && rec.target.company_id == employer) {
      out.front().watch_id = rec.id;
      out.front().added_at = rec.added_at;
      continue;
    }
    Watched w;
    if (rec.target.company_id) {
      IJIK_ASSIGN_OR_RETURN(w.subject, company_subject(db, *rec.target.company_id));
    } else {
      auto s = workplace_subject(db, *rec.target.workplace_id);
      if (!s.ok()) continue;  // the workplace left the data (a month was replaced)
      w.subject = std::move(*s);
    }
    w.watch_id = rec.id;
    w.added_at = rec.added_at;
    // The career timeline wins: a marked company is current only when it has no current job.
    w.current = rec.is_current && !employer;
    w.why = w.current ? "marked current (watch add --current)" : "added";
    out.push_back(std::move(w));
  }
  return out;
}

Result<std::vector<store::AlertRecord>> refresh_alerts(store::Database& db, const RuleConfig& rules,
                                                       const std::string& now) {
  IJIK_ASSIGN_OR_RETURN(auto list, watched(db));
  store::WatchRepo repo(db);
  std::vector<store::AlertRecord> raised;
  for (const auto& w : list) {
    IJIK_ASSIGN_OR_RETURN(auto report, build_report(db, w.subject, rules));
    for (const auto& f : report.flags) {
      if (f.kind != FlagKind::kRed || !f.month) continue;
      store::AlertRecord a;
      a.target = w.subject.target;
      a.subject = w.subject.name;
      a.rule = f.rule;
      a.severity = to_string(f.severity);
      a.month = f.month->iso();
      a.evidence = f.evidence;
      a.message_ko = f.message_ko;
      a.message_en = f.message_en;
      a.raised_at = now;
      IJIK_ASSIGN_OR_RETURN(bool fresh, repo.add_alert(a));
      if (fresh) raised.push_back(std::move(a));
    }
  }
  return raised;
}

}  // namespace ijik::vetting
