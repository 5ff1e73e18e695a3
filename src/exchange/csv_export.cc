#include <fmt/format.h>

#include "exchange/csv_table.h"

namespace ijik::exchange {
namespace {

std::string escape_stage_part(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ';' || c == '=' || c == '@' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string stages_cell(const domain::Application& a) {
  std::string out;
  for (const auto& s : a.stages) {
    if (!out.empty()) out += "; ";
    out += escape_stage_part(s.name) + "=" + std::string(domain::to_string(s.result));
    if (s.date) out += "@" + s.date->iso() + (s.time ? " " + s.time->iso() : "");
  }
  return out;
}

std::string opt(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : "";
}

}  // namespace

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string export_csv(const std::vector<domain::Application>& apps) {
  std::string out = "\xEF\xBB\xBF";
  out +=
      "id,company,role,team,source,via,applied,status,url,salary_min,salary_max,note,current_stage,"
      "stages\r\n";
  for (const auto& a : apps) {
    const domain::Stage* cur = domain::current_stage(a);
    std::vector<std::string> row = {std::to_string(a.id),
                                    a.company,
                                    a.role,
                                    a.team,
                                    std::string(domain::to_string(a.source)),
                                    a.via,
                                    a.applied.iso(),
                                    std::string(domain::to_string(domain::derive_status(a))),
                                    a.url,
                                    opt(a.salary_min),
                                    opt(a.salary_max),
                                    a.note,
                                    cur ? cur->name : "",
                                    stages_cell(a)};
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace ijik::exchange
