// ijik contact add | list
#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"
#include "store/contact_repo.h"

namespace ijik::cli {
namespace {

struct ContactArgs {
  std::string name, company, email, phone, note;
  std::vector<std::string> apps;
};

Status contact_add(Context& ctx, const ContactArgs& a) {
  if (a.name.find_first_not_of(" \t") == std::string::npos)
    return invalid_input("contact name is empty: expected a name such as 김민수");
  if (!a.email.empty() &&
      (a.email.find('@') == std::string::npos || a.email.front() == '@' || a.email.back() == '@'))
    return invalid_input(
        fmt::format("invalid email '{}': expected an address such as name@example.com", a.email));
  if (!a.phone.empty() && a.phone.find_first_not_of("0123456789+-() ") != std::string::npos)
    return invalid_input(
        fmt::format("invalid phone '{}': expected digits such as 010-1234-5678", a.phone));
  store::ApplicationRepo apps(ctx.db);
  std::vector<int64_t> app_ids;
  for (const auto& t : a.apps) {
    IJIK_ASSIGN_OR_RETURN(int64_t id, parse_app_id(t));
    IJIK_RETURN_IF_ERROR(apps.get(id).status());
    app_ids.push_back(id);
  }
  domain::Contact c{0, a.name, a.company, a.email, a.phone, a.note, "", {}};
  store::ContactRepo repo(ctx.db);
  IJIK_RETURN_IF_ERROR(repo.add(c));
  for (int64_t id : app_ids) IJIK_RETURN_IF_ERROR(apps.link_contact(id, c.id));
  c.application_ids = app_ids;
  if (ctx.options.json)
    ctx.out << exchange::dump(exchange::contact_json(c));
  else
    ctx.out << fmt::format("Added contact {}: {}\n", c.id, c.name);
  return {};
}

Status contact_list(Context& ctx) {
  store::ContactRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto all, repo.list());
  if (ctx.options.json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& c : all) arr.push_back(exchange::contact_json(c));
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (all.empty()) {
    ctx.out << "No contacts yet. Add one with: ijik contact add NAME --company C --app ID\n";
    return {};
  }
  Table t({"ID", "이름", "회사", "이메일", "전화", "지원"});
  t.align(0, Table::Align::kRight);
  for (const auto& c : all) {
    std::string apps;
    for (auto id : c.application_ids) apps += (apps.empty() ? "#" : ", #") + std::to_string(id);
    t.add({std::to_string(c.id), c.name, c.company, c.email, c.phone, apps});
  }
  ctx.out << t.render(ctx.color);
  return {};
}

}  // namespace

void register_contact_commands(Registry& r) {
  auto* contact = r.app().add_subcommand("contact", "Recruiters, headhunters and referrers");
  contact->require_subcommand(1);
  auto args = std::make_shared<ContactArgs>();
  auto* add = contact->add_subcommand("add", "Add a contact, optionally linked to applications");
  add->add_option("name", args->name, "Name")->required();
  add->add_option("--company", args->company, "Their company (e.g. the search firm)");
  add->add_option("--email", args->email, "Email");
  add->add_option("--phone", args->phone, "Phone");
  add->add_option("--app", args->apps, "Application id to link (repeatable)");
  add->add_option("--note", args->note, "Free-form note");
  examples(add, {"ijik contact add 김민수 --company '커리어앤' --email minsu@example.com --app 3"});
  r.on(add, Access::kWrite, [args](Context& ctx) { return contact_add(ctx, *args); });

  auto* list = contact->add_subcommand("list", "List contacts");
  examples(list, {"ijik contact list --json"});
  r.on(list, Access::kRead, [](Context& ctx) { return contact_list(ctx); });
}

}  // namespace ijik::cli
