// ijik stage ID STAGE [--on …] [--result …] [--note …] [--question …]…
#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"

namespace ijik::cli {
namespace {

struct StageArgs {
  std::string id, stage, on, result, note;
  std::vector<std::string> questions;
  bool has_note = false;
};

// The stage of `app` that `name` refers to: same name (case and spaces
// ignored), else the only stage of the same specific kind (코테 ↔ 코딩테스트).
domain::Stage* find_stage(domain::Application& app, const std::string& name) {
  for (auto& s : app.stages)
    if (domain::same_stage_name(s.name, name)) return &s;
  domain::StageKind k = domain::classify_stage_name(name);
  if (k.base == domain::StageBase::kOther) return nullptr;
  if (k.base == domain::StageBase::kInterview && k.round == 0) return nullptr;  // which interview?
  domain::Stage* hit = nullptr;
  for (auto& s : app.stages) {
    if (!(s.kind == k)) continue;
    if (hit) return nullptr;
    hit = &s;
  }
  return hit;
}

Status stage(Context& ctx, const StageArgs& a) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_app_id(a.id));
  if (a.stage.find_first_not_of(" \t") == std::string::npos)
    return invalid_input("stage name is empty: expected a name such as '1차 면접' or 서류");
  std::optional<DateTime> when;
  if (!a.on.empty()) {
    IJIK_ASSIGN_OR_RETURN(when, parse_date_time(a.on));
  }
  std::optional<domain::StageResult> result;
  if (!a.result.empty()) {
    IJIK_ASSIGN_OR_RETURN(result, domain::parse_stage_result(a.result));
  }
  store::ApplicationRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto app, repo.get(id));
  domain::Stage* s = find_stage(app, a.stage);
  bool created = s == nullptr;
  if (created) {
    domain::Stage fresh;
    fresh.name = a.stage;
    if (when) fresh.date = when->date, fresh.time = when->time;
    if (result) fresh.result = *result;
    fresh.note = a.note;
    fresh.questions = a.questions;
    IJIK_RETURN_IF_ERROR(repo.add_stage(app.id, fresh));
  } else {
    if (when) s->date = when->date, s->time = when->time;
    if (result) s->result = *result;
    if (a.has_note) s->note = a.note;
    IJIK_RETURN_IF_ERROR(repo.update_stage(*s, a.questions));
  }
  IJIK_ASSIGN_OR_RETURN(auto after, repo.get(id));
  if (ctx.options.json) {
    ctx.out << exchange::dump(exchange::application_json(after));
    return {};
  }
  const std::string name = created ? a.stage : s->name;
  const domain::Stage* now = nullptr;
  for (const auto& st : after.stages)
    if (st.name == name) now = &st;
  std::string detail;
  if (now) {
    detail = stage_when(*now);
    detail += (detail.empty() ? "" : ", ") + result_label(now->result);
  }
  ctx.out << fmt::format("{} {}: {} · {} — {} ({}); application is {}\n",
                         created ? "Added stage to" : "Updated", fmt::format("#{}", after.id),
                         after.company, name, detail, now ? now->kind.key() : "",
                         domain::to_string(domain::derive_status(after)));
  return {};
}

}  // namespace

void register_stage_command(Registry& r) {
  auto args = std::make_shared<StageArgs>();
  auto* sub = r.app().add_subcommand(
      "stage",
      "Add or update a hiring stage of an application (an existing stage name updates it)");
  sub->add_option("id", args->id, "Application id")->required();
  sub->add_option("stage", args->stage,
                  "Stage name: 서류, 코딩테스트, 1차 면접, 임원 면접, 처우협의, 최종합격 …")
      ->required();
  sub->add_option("--on", args->on, "Date and optional time: 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM'");
  sub->add_option("--result", args->result,
                  "pending, passed, failed, withdrawn or no-show (합격/불합격 also accepted)");
  auto* note =
      sub->add_option("--note", args->note, "Note for the stage (replaces the previous note)");
  sub->add_option("--question", args->questions,
                  "A question you were asked (repeatable; appended)");
  examples(sub,
           {"ijik stage 3 '1차 면접' --on '2026-03-10 14:00'", "ijik stage 3 서류 --result passed",
            "ijik stage 3 '1차 면접' --result passed --question 'Kafka 파티션 설계는?' --question "
            "'최근 장애 경험'"});
  r.on(sub, Access::kWrite, [args, note](Context& ctx) {
    args->has_note = note->count() > 0;
    return stage(ctx, *args);
  });
}

}  // namespace ijik::cli
