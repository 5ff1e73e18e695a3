#include "store/table_rows.h"

#include <fmt/format.h>

#include <set>

namespace ijik::store {
namespace {

Result<std::vector<std::string>> columns_of(Database& db, std::string_view table) {
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare(fmt::format("PRAGMA table_info({})", table)));
  std::vector<std::string> cols;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    cols.push_back(st.text(1));
  }
  if (cols.empty()) return internal_error(fmt::format("no table {}", table));
  return cols;
}

}  // namespace

Result<nlohmann::ordered_json> table_rows_json(Database& db, std::string_view table) {
  IJIK_ASSIGN_OR_RETURN(auto cols, columns_of(db, table));
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare(fmt::format("SELECT * FROM {} ORDER BY rowid", table)));
  auto rows = nlohmann::ordered_json::array();
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    nlohmann::ordered_json r = nlohmann::ordered_json::object();
    for (size_t i = 0; i < cols.size(); ++i) {
      const int c = static_cast<int>(i);
      switch (sqlite3_column_type(st.handle(), c)) {
        case SQLITE_NULL:
          r[cols[i]] = nullptr;
          break;
        case SQLITE_INTEGER:
          r[cols[i]] = st.int64(c);
          break;
        case SQLITE_FLOAT:
          r[cols[i]] = st.real(c);
          break;
        default:
          r[cols[i]] = st.text(c);
          break;
      }
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

Result<bool> table_is_empty(Database& db, std::string_view table) {
  IJIK_ASSIGN_OR_RETURN(auto st, db.prepare(fmt::format("SELECT 1 FROM {} LIMIT 1", table)));
  IJIK_ASSIGN_OR_RETURN(bool row, st.step());
  return !row;
}

Status insert_table_rows(Database& db, std::string_view table, const nlohmann::ordered_json& rows,
                         std::string_view where) {
  if (!rows.is_array())
    return bad_file(fmt::format("invalid ijik archive: {} must be an array", where));
  IJIK_ASSIGN_OR_RETURN(auto cols, columns_of(db, table));
  const std::set<std::string> known(cols.begin(), cols.end());
  size_t i = 0;
  for (const auto& r : rows) {
    const std::string at = fmt::format("{}[{}]", where, i++);
    if (!r.is_object() || r.empty())
      return bad_file(fmt::format("invalid ijik archive: {} must be an object", at));
    std::string names, marks;
    for (const auto& [k, v] : r.items()) {
      if (!known.count(k))
        return bad_file(fmt::format("invalid ijik archive: {} has an unknown field '{}'", at, k));
      names += (names.empty() ? "" : ", ") + k;  // k is one of the table's own columns
      marks += marks.empty() ? "?" : ", ?";
    }
    IJIK_ASSIGN_OR_RETURN(
        auto st, db.prepare(fmt::format("INSERT INTO {}({}) VALUES ({})", table, names, marks)));
    int n = 1;
    for (const auto& [k, v] : r.items()) {
      if (v.is_null())
        st.bind_null(n++);
      else if (v.is_number_integer())
        st.bind(n++, v.get<int64_t>());
      else if (v.is_number())
        st.bind(n++, v.get<double>());
      else if (v.is_string())
        st.bind(n++, v.get<std::string>());
      else
        return bad_file(
            fmt::format("invalid ijik archive: {}.{} must be null, a number or a string", at, k));
    }
    auto s = st.run();
    if (!s.ok())
      return bad_file(
          fmt::format("invalid ijik archive: {} cannot be stored: {}", at, s.error().message));
  }
  return {};
}

}  // namespace ijik::store
