#include "cli/alerts_view.h"

#include <fmt/format.h>

#include "cli/table.h"
#include "cli/vet_subject.h"
#include "common/clock.h"
#include "vetting/watch.h"

namespace ijik::cli {

nlohmann::ordered_json alert_json(const store::AlertRecord& a) {
  const bool company = a.target.company_id.has_value();
  return {{"company", a.subject},
          {"rule", a.rule},
          {"severity", a.severity},
          {"month", a.month},
          {"raised_at", a.raised_at},
          {"evidence", a.evidence},
          {"message_ko", a.message_ko},
          {"message_en", a.message_en},
          // Which subject, as in `watch list --json`: "company" or "workplace" and its id.
          {"kind", company ? "company" : "workplace"},
          {"id", company ? a.target.company_id.value_or(0) : a.target.workplace_id.value_or(0)}};
}

void print_alerts(std::ostream& out, const std::vector<store::AlertRecord>& alerts, bool color) {
  Table t({"월", "회사", "심각도", "규칙", "근거"});
  t.max_width(1, 24).max_width(4, 60);
  for (const auto& a : alerts) t.add({a.month, a.subject, a.severity, a.rule, a.evidence});
  out << t.render(color);
}

void print_new_alerts(std::ostream& out, const std::vector<store::AlertRecord>& alerts) {
  if (alerts.empty()) return;
  out << fmt::format("New alert{} for watched companies:\n", alerts.size() > 1 ? "s" : "");
  for (const auto& a : alerts) {
    out << fmt::format("  {}  {}  {} {}: {}\n", a.month, a.subject, a.severity, a.rule, a.evidence);
    out << "    " << a.message_ko << "\n";
  }
}

namespace {

Result<std::vector<store::AlertRecord>> raise_alerts(Context& ctx) {
  IJIK_ASSIGN_OR_RETURN(auto rules, rules_for(ctx, ""));
  IJIK_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(ctx.db, true));
  IJIK_ASSIGN_OR_RETURN(auto raised, vetting::refresh_alerts(ctx.db, rules, now_utc_iso()));
  IJIK_RETURN_IF_ERROR(tx.commit());
  return raised;
}

}  // namespace

void reevaluate_watched(Context& ctx) {
  auto raised = raise_alerts(ctx);
  if (!raised.ok()) {
    ctx.err << "ijik: note: watched companies were not re-evaluated: " << raised.error().message
            << "\n";
    return;
  }
  if (!ctx.options.json) print_new_alerts(ctx.out, *raised);
}

}  // namespace ijik::cli
