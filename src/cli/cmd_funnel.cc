// ijik funnel [--since DATE] [--by source]
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/table.h"
#include "common/clock.h"
#include "domain/funnel.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"

namespace ijik::cli {
namespace {

std::string percent(double rate) {
  return fmt::format("{:.0f}%", rate * 100.0);
}

std::string render_funnel(const domain::Funnel& f, bool color) {
  std::string out =
      fmt::format("지원 {} · 오퍼 {} · 입사 {}\n", f.applications, f.offers, f.accepted);
  if (f.stages.empty()) return out;
  Table t({"단계", "도달", "통과", "통과율", "지원 후 일수(중앙값)"});
  for (size_t c = 1; c < 5; ++c) t.align(c, Table::Align::kRight);
  for (const auto& s : f.stages) {
    std::string median =
        s.median_days_from_apply ? fmt::format("{:g}", *s.median_days_from_apply) : "—";
    t.add({s.kind.label(), std::to_string(s.reached), std::to_string(s.passed),
           s.reached ? percent(s.pass_rate) : "—", median});
  }
  return out + t.render(color);
}

}  // namespace

void register_funnel_command(Registry& r) {
  auto since = std::make_shared<std::string>();
  auto by = std::make_shared<std::string>();
  auto* sub = r.app().add_subcommand("funnel", "How applications convert, stage by stage");
  sub->add_option("--since", *since, "Only applications applied on or after YYYY-MM-DD");
  sub->add_option("--by", *by, "Split the funnel: source");
  examples(sub,
           {"ijik funnel", "ijik funnel --since 2026-01-01", "ijik funnel --by source --json"});
  r.on(sub, Access::kRead, [since, by](Context& ctx) -> Status {
    std::optional<Date> since_date;
    if (!since->empty()) {
      IJIK_ASSIGN_OR_RETURN(since_date, parse_date(*since));
    }
    if (!by->empty() && *by != "source")
      return invalid_input(
          fmt::format("cannot split the funnel by '{}': expected --by source", *by));
    store::ApplicationRepo repo(ctx.db);
    IJIK_ASSIGN_OR_RETURN(auto apps, repo.list());
    const Date now = today();
    if (*by == "source") {
      auto split = domain::compute_funnel_by_source(apps, now, since_date);
      if (ctx.options.json) {
        ctx.out << exchange::dump(exchange::funnel_by_source_json(split));
        return {};
      }
      bool first = true;
      for (const auto& [src, f] : split) {
        ctx.out << (first ? "" : "\n")
                << bold(fmt::format("■ {}", domain::to_string(src)), ctx.color) << "\n"
                << render_funnel(f, ctx.color);
        first = false;
      }
      if (split.empty()) ctx.out << "No applications.\n";
      return {};
    }
    auto f = domain::compute_funnel(apps, now, since_date);
    if (ctx.options.json)
      ctx.out << exchange::dump(exchange::funnel_json(f));
    else
      ctx.out << render_funnel(f, ctx.color);
    return {};
  });
}

}  // namespace ijik::cli
