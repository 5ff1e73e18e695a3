// ijik process list | add NAME STAGE...
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/table.h"
#include "exchange/json_view.h"
#include "store/process_repo.h"

namespace ijik::cli {

void register_process_commands(Registry& r) {
  auto* process =
      r.app().add_subcommand("process", "Hiring-process templates (named stage sequences)");
  process->require_subcommand(1);

  auto* list = process->add_subcommand("list", "List the templates");
  examples(list, {"ijik process list"});
  r.on(list, Access::kRead, [](Context& ctx) -> Status {
    store::ProcessRepo repo(ctx.db);
    IJIK_ASSIGN_OR_RETURN(auto all, repo.list());
    if (ctx.options.json) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& t : all)
        arr.push_back({{"name", t.name}, {"builtin", t.builtin}, {"stages", t.stages}});
      ctx.out << exchange::dump(arr);
      return {};
    }
    Table t({"템플릿", "단계", ""});
    for (const auto& p : all) {
      std::string stages;
      for (const auto& s : p.stages) stages += (stages.empty() ? "" : " → ") + s;
      t.add({p.name, stages, p.builtin ? "(built-in)" : ""});
    }
    ctx.out << t.render(ctx.color);
    return {};
  });

  auto name = std::make_shared<std::string>();
  auto stages = std::make_shared<std::vector<std::string>>();
  auto* add = process->add_subcommand("add", "Add your own template");
  add->add_option("name", *name, "Template name")->required();
  add->add_option("stages", *stages, "Stage names in order")->required();
  examples(
      add,
      {"ijik process add 외국계 '폰 스크린' '코딩 인터뷰' '시스템 디자인' '최종 면접' 처우협의"});
  r.on(add, Access::kWrite, [name, stages](Context& ctx) -> Status {
    domain::ProcessTemplate t{0, *name, *stages, false};
    if (name->find_first_not_of(" \t") == std::string::npos)
      return invalid_input("template name is empty: expected a name such as 외국계");
    for (const auto& s : *stages)
      if (s.find_first_not_of(" \t") == std::string::npos)
        return invalid_input("a stage name is empty: expected names such as 서류 '1차 면접'");
    store::ProcessRepo repo(ctx.db);
    IJIK_RETURN_IF_ERROR(repo.add(t));
    ctx.out << fmt::format("Added template {} with {} stages\n", t.name, t.stages.size());
    return {};
  });
}

}  // namespace ijik::cli
