// ijik agenda [--days N]: upcoming interviews and deadlines.
#include <fmt/format.h>

#include <algorithm>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "common/clock.h"
#include "domain/agenda.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"
#include "store/career_repo.h"

namespace ijik::cli {
namespace {

std::string weekday_ko(const Date& d) {
  static const char* kDays[] = {"목", "금", "토", "일",
                                "월", "화", "수"};  // 1970-01-01 was a Thursday
  long n = d.days_since_epoch() % 7;
  return kDays[n < 0 ? n + 7 : n];
}

std::string when_label(long days) {
  if (days == 0) return "오늘";
  if (days == 1) return "내일";
  return fmt::format("D-{}", days);
}

}  // namespace

void register_agenda_command(Registry& r) {
  auto days = std::make_shared<int>(14);
  auto* sub = r.app().add_subcommand("agenda", "Upcoming dated stages, soonest first");
  sub->add_option("--days", *days, "How many days ahead (default 14)")->check(CLI::Range(0, 3660));
  examples(sub, {"ijik agenda", "ijik agenda --days 30 --json"});
  r.on(sub, Access::kRead, [days](Context& ctx) -> Status {
    store::ApplicationRepo repo(ctx.db);
    IJIK_ASSIGN_OR_RETURN(auto apps, repo.list());
    const Date now = today();
    auto items = domain::build_agenda(apps, now, *days);
    // Probation ends in the window (pending or extended), shown as kind "probation-end".
    store::CareerRepo career(ctx.db);
    IJIK_ASSIGN_OR_RETURN(auto jobs, career.jobs());
    std::vector<const domain::Job*> probations;
    for (const auto& j : jobs) {
      if (!j.probation || j.to) continue;
      const auto o = j.probation->outcome;
      if (o != domain::ProbationOutcome::kPending && o != domain::ProbationOutcome::kExtended)
        continue;
      const Date end = j.probation->ends();
      if (end < now || now.add_days(*days) < end) continue;
      probations.push_back(&j);
    }
    std::stable_sort(probations.begin(), probations.end(),
                     [](const domain::Job* a, const domain::Job* b) {
                       return a->probation->ends() < b->probation->ends();
                     });
    // Merged by date: a probation end comes before the stages of its day.
    struct Row {
      const domain::AgendaItem* item = nullptr;
      const domain::Job* job = nullptr;
      Date date() const { return item ? *item->stage->date : job->probation->ends(); }
    };
    std::vector<Row> rows;
    size_t pi = 0;
    for (const auto& i : items) {
      while (pi < probations.size() && probations[pi]->probation->ends() <= *i.stage->date)
        rows.push_back({nullptr, probations[pi++]});
      rows.push_back({&i, nullptr});
    }
    while (pi < probations.size()) rows.push_back({nullptr, probations[pi++]});
    if (ctx.options.json) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& row : rows) {
        if (row.job) {
          arr.push_back({{"app", nullptr},
                         {"company", row.job->company},
                         {"role", row.job->title},
                         {"stage", "수습 종료"},
                         {"kind", "probation-end"},
                         {"date", row.date().iso()},
                         {"time", nullptr},
                         {"days_away", days_between(now, row.date())},
                         {"job", row.job->id}});
          continue;
        }
        const auto& i = *row.item;
        arr.push_back({{"app", i.app->id},
                       {"company", i.app->company},
                       {"role", i.app->role},
                       {"stage", i.stage->name},
                       {"kind", i.stage->kind.key()},
                       {"date", i.stage->date->iso()},
                       {"time", i.stage->time ? nlohmann::ordered_json(i.stage->time->iso())
                                              : nlohmann::ordered_json(nullptr)},
                       {"days_away", i.days_away}});
      }
      ctx.out << exchange::dump(arr);
      return {};
    }
    if (rows.empty()) {
      ctx.out << fmt::format("Nothing scheduled in the next {} days.\n", *days);
      return {};
    }
    Table t({"날짜", "", "시간", "회사", "단계", "직무", "ID"});
    t.align(6, Table::Align::kRight).max_width(5, 28);
    for (const auto& row : rows) {
      if (row.job) {
        const Date d = row.date();
        t.add({fmt::format("{} ({})", d.iso(), weekday_ko(d)), when_label(days_between(now, d)), "",
               row.job->company,
               row.job->probation->outcome == domain::ProbationOutcome::kExtended
                   ? "수습 종료 (연장)"
                   : "수습 종료",
               row.job->title, fmt::format("job {}", row.job->id)});
        continue;
      }
      const auto& i = *row.item;
      t.add({fmt::format("{} ({})", i.stage->date->iso(), weekday_ko(*i.stage->date)),
             when_label(i.days_away), i.stage->time ? i.stage->time->iso() : "", i.app->company,
             i.stage->name, i.app->role, std::to_string(i.app->id)});
    }
    ctx.out << t.render(ctx.color);
    return {};
  });
}

}  // namespace ijik::cli
