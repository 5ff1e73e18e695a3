// ijik vet COMPANY [--workplace] [--json] [--html FILE] [--rules FILE]
//
// The risk report of a company: workforce, pay, finances, funding, red and
// green flags with their evidence, a grade and what is missing.
#include <fmt/format.h>

#include <fstream>

#include "cli/commands.h"
#include "cli/vet_subject.h"
#include "cli/vet_view.h"
#include "exchange/json_view.h"

namespace ijik::cli {
namespace {

struct VetArgs {
  std::string company, html, rules;
  bool workplace = false;
};

Status write_html(const std::string& path, const std::string& html) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    return bad_file(
        fmt::format("cannot write the HTML report to '{}': expected a writable file "
                    "path, e.g. --html report.html",
                    path));
  out << html;
  out.close();
  if (!out) return bad_file(fmt::format("cannot write '{}': the disk may be full", path));
  return {};
}

Status vet(Context& ctx, const VetArgs& a) {
  IJIK_ASSIGN_OR_RETURN(auto rules, rules_for(ctx, a.rules));
  IJIK_ASSIGN_OR_RETURN(auto subject,
                        resolve_subject(ctx, a.company, subject_scope(false, a.workplace)));
  IJIK_ASSIGN_OR_RETURN(auto report, vetting::build_report(ctx.db, subject, rules));
  if (!a.html.empty()) IJIK_RETURN_IF_ERROR(write_html(a.html, vet_html(report)));
  if (ctx.options.json) {
    ctx.out << exchange::dump(vet_json(report));
    return {};
  }
  print_vet(ctx.out, report, ctx.color);
  if (!a.html.empty()) ctx.out << "\nHTML report written to " << a.html << "\n";
  return {};
}

}  // namespace

void register_vet_command(Registry& r) {
  auto args = std::make_shared<VetArgs>();
  auto* sub = r.app().add_subcommand(
      "vet", "Vet an employer: workforce, pay, finances, red and green flags, a grade");
  sub->add_option("company", args->company,
                  "Your company (name, alias or id) or a public workplace (id or name)")
      ->required();
  sub->add_flag("--workplace", args->workplace,
                "COMPANY is a public workplace (id or name), never one of your companies");
  sub->add_option("--html", args->html, "Also write the report as a standalone HTML page");
  sub->add_option("--rules", args->rules,
                  "Rules file (TOML) overriding the built-in thresholds (default: rules.toml "
                  "beside the workspace, if present)");
  examples(sub, {"ijik vet 네이버", "ijik vet '(주)카카오' --json",
                 "ijik vet 123456 --workplace --html report.html",
                 "ijik vet 네이버 --rules strict.toml"});
  r.on(sub, Access::kRead, [args](Context& ctx) { return vet(ctx, *args); });
}

}  // namespace ijik::cli
