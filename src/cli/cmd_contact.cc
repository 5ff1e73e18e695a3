// ijik contact add | list | edit | rm
#include <fmt/format.h>

#include <charconv>
#include <functional>
#include <tuple>

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

// The checks of a contact's fields, shared by add and edit.
Status check_contact(const std::string& name, const std::string& email, const std::string& phone) {
  if (name.find_first_not_of(" \t") == std::string::npos)
    return invalid_input("contact name is empty: expected a name such as 김민수");
  if (!email.empty() &&
      (email.find('@') == std::string::npos || email.front() == '@' || email.back() == '@'))
    return invalid_input(
        fmt::format("invalid email '{}': expected an address such as name@example.com", email));
  if (!phone.empty() && phone.find_first_not_of("0123456789+-() ") != std::string::npos)
    return invalid_input(
        fmt::format("invalid phone '{}': expected digits such as 010-1234-5678", phone));
  return {};
}

Result<int64_t> parse_contact_id(const std::string& text) {
  int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0)
    return invalid_input(fmt::format(
        "contact id '{}' is not a number: expected an id from 'ijik contact list'", text));
  return id;
}

Status contact_add(Context& ctx, const ContactArgs& a) {
  IJIK_RETURN_IF_ERROR(check_contact(a.name, a.email, a.phone));
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

// Options given are written ('' clears, except --name); at least one.
Status contact_edit(Context& ctx, const std::string& id_text, const ContactArgs& a,
                    const std::function<bool(const char*)>& given) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_contact_id(id_text));
  store::ContactRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto c, repo.get(id));
  int changed = 0;
  for (auto [flag, from, to] : {std::tuple{"--name", &a.name, &c.name},
                                {"--company", &a.company, &c.company},
                                {"--email", &a.email, &c.email},
                                {"--phone", &a.phone, &c.phone},
                                {"--note", &a.note, &c.note}})
    if (given(flag)) *to = *from, ++changed;
  if (changed == 0)
    return invalid_input(
        "nothing to change: expected at least one of --name, --company, --email, --phone, --note");
  IJIK_RETURN_IF_ERROR(check_contact(c.name, c.email, c.phone));
  IJIK_RETURN_IF_ERROR(repo.update(c));
  if (ctx.options.json)
    ctx.out << exchange::dump(exchange::contact_json(c));
  else
    ctx.out << fmt::format("Updated contact {}: {}\n", c.id, c.name);
  return {};
}

Status contact_rm(Context& ctx, const std::string& id_text) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_contact_id(id_text));
  store::ContactRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto c, repo.get(id));
  IJIK_RETURN_IF_ERROR(repo.remove(id));
  ctx.out << fmt::format("Removed contact {}: {}\n", c.id, c.name);
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

  auto edit_id = std::make_shared<std::string>();
  auto edit = std::make_shared<ContactArgs>();
  auto* ed =
      contact->add_subcommand("edit", "Change a contact's name, company, email, phone or note");
  ed->add_option("id", *edit_id, "Contact id (see 'ijik contact list')")->required();
  ed->add_option("--name", edit->name, "Name");
  ed->add_option("--company", edit->company, "Their company ('' clears)");
  ed->add_option("--email", edit->email, "Email ('' clears)");
  ed->add_option("--phone", edit->phone, "Phone ('' clears)");
  ed->add_option("--note", edit->note, "Note (replaces it; '' clears)");
  examples(ed,
           {"ijik contact edit 1 --phone 010-9876-5432", "ijik contact edit 1 --note '' --json"});
  r.on(ed, Access::kWrite, [edit_id, edit, ed](Context& ctx) {
    return contact_edit(ctx, *edit_id, *edit,
                        [ed](const char* flag) { return ed->get_option(flag)->count() > 0; });
  });

  auto rm_id = std::make_shared<std::string>();
  auto* rm = contact->add_subcommand("rm", "Remove a contact (its applications stay)");
  rm->add_option("id", *rm_id, "Contact id")->required();
  examples(rm, {"ijik contact rm 2"});
  r.on(rm, Access::kWrite, [rm_id](Context& ctx) { return contact_rm(ctx, *rm_id); });
}

}  // namespace ijik::cli
