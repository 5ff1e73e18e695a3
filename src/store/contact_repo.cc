#include "store/contact_repo.h"

#include <fmt/format.h>

#include <map>

#include "common/clock.h"
#include "store/ids.h"

namespace ijik::store {

Status ContactRepo::add(domain::Contact& c) {
  if (c.created_at.empty()) c.created_at = now_utc_iso();
  IJIK_ASSIGN_OR_RETURN(c.id, keep_id_if_free(db_, "contacts", c.id));
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO contacts(id, name, company, email, "
                                             "phone, note, created_at) VALUES (?,?,?,?,?,?,?)"));
  if (c.id)
    st.bind(1, c.id);
  else
    st.bind_null(1);
  IJIK_RETURN_IF_ERROR(st.bind(2, c.name)
                           .bind(3, c.company)
                           .bind(4, c.email)
                           .bind(5, c.phone)
                           .bind(6, c.note)
                           .bind(7, c.created_at)
                           .run());
  c.id = db_.last_insert_id();
  return {};
}

Result<std::vector<domain::Contact>> ContactRepo::list() {
  std::vector<domain::Contact> out;
  std::map<int64_t, size_t> index;
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(
          "SELECT id, name, company, email, phone, note, created_at FROM contacts ORDER BY id"));
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::Contact c;
    c.id = st.int64(0);
    c.name = st.text(1);
    c.company = st.text(2);
    c.email = st.text(3);
    c.phone = st.text(4);
    c.note = st.text(5);
    c.created_at = st.text(6);
    index[c.id] = out.size();
    out.push_back(std::move(c));
  }
  IJIK_ASSIGN_OR_RETURN(auto links,
                        db_.prepare("SELECT contact_id, application_id FROM application_contacts "
                                    "ORDER BY contact_id, application_id"));
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, links.step());
    if (!row) break;
    if (auto it = index.find(links.int64(0)); it != index.end())
      out[it->second].application_ids.push_back(links.int64(1));
  }
  return out;
}

Result<domain::Contact> ContactRepo::get(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto all, list());
  for (auto& c : all)
    if (c.id == id) return std::move(c);
  return not_found(fmt::format("no contact with id {}: see 'ijik contact list'", id));
}

Status ContactRepo::update(const domain::Contact& c) {
  IJIK_ASSIGN_OR_RETURN(auto st,
                        db_.prepare("UPDATE contacts SET name = ?, company = ?, email = ?, "
                                    "phone = ?, note = ? WHERE id = ?"));
  return st.bind(1, c.name)
      .bind(2, c.company)
      .bind(3, c.email)
      .bind(4, c.phone)
      .bind(5, c.note)
      .bind(6, c.id)
      .run();
}

Status ContactRepo::remove(int64_t id) {
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("DELETE FROM contacts WHERE id = ?"));
  return st.bind(1, id).run();  // application_contacts rows go with it (ON DELETE CASCADE)
}

}  // namespace ijik::store
