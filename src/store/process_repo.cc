#include "store/process_repo.h"

#include <fmt/format.h>

#include <map>

#include "text/korean.h"

namespace ijik::store {

Result<std::vector<domain::ProcessTemplate>> ProcessRepo::list() {
  std::vector<domain::ProcessTemplate> out;
  std::map<int64_t, size_t> index;
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT id, name, builtin FROM processes ORDER BY builtin DESC, id"));
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    index[st.int64(0)] = out.size();
    out.push_back({st.int64(0), st.text(1), {}, st.int64(2) != 0});
  }
  IJIK_ASSIGN_OR_RETURN(
      auto stages,
      db_.prepare("SELECT process_id, name FROM process_stages ORDER BY process_id, position"));
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, stages.step());
    if (!row) break;
    if (auto it = index.find(stages.int64(0)); it != index.end())
      out[it->second].stages.push_back(stages.text(1));
  }
  return out;
}

Result<domain::ProcessTemplate> ProcessRepo::resolve(const std::string& name) {
  IJIK_ASSIGN_OR_RETURN(auto all, list());
  for (const auto& t : all)
    if (t.name == name) return t;
  for (const auto& t : all)
    if (text::fold(t.name) == text::fold(name)) return t;
  std::string names;
  for (const auto& t : all) names += (names.empty() ? "" : ", ") + t.name;
  return not_found(
      fmt::format("no hiring-process template named '{}': expected one of {}", name, names));
}

Status ProcessRepo::add(domain::ProcessTemplate& t) {
  IJIK_ASSIGN_OR_RETURN(auto all, list());
  for (const auto& e : all)
    if (text::fold(e.name) == text::fold(t.name))
      return conflict(fmt::format("a hiring-process template named '{}' already exists", e.name));
  IJIK_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO processes(name, builtin) VALUES (?, 0)"));
  IJIK_RETURN_IF_ERROR(st.bind(1, t.name).run());
  t.id = db_.last_insert_id();
  IJIK_ASSIGN_OR_RETURN(
      auto ins,
      db_.prepare("INSERT INTO process_stages(process_id, position, name) VALUES (?,?,?)"));
  for (size_t i = 0; i < t.stages.size(); ++i) {
    ins.reset();
    IJIK_RETURN_IF_ERROR(
        ins.bind(1, t.id).bind(2, static_cast<int64_t>(i)).bind(3, t.stages[i]).run());
  }
  return {};
}

}  // namespace ijik::store
