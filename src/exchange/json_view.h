// The documented JSON shapes of ijik's read commands (docs/cli.md), shared by
// the CLI's --json and, later, the web API. Field names are a public contract.
#pragma once

#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "domain/board.h"
#include "domain/funnel.h"
#include "domain/tracker.h"

namespace ijik::exchange {

nlohmann::ordered_json company_json(const domain::Company& c);
nlohmann::ordered_json stage_json(const domain::Stage& s);
nlohmann::ordered_json application_json(const domain::Application& a);
nlohmann::ordered_json contact_json(const domain::Contact& c);
nlohmann::ordered_json funnel_json(const domain::Funnel& f);
nlohmann::ordered_json funnel_by_source_json(const std::map<domain::Source, domain::Funnel>& by);
nlohmann::ordered_json board_json(const std::vector<domain::BoardColumn>& columns);

// An object of the given fields, in order; the keys must differ. Cheaper
// than nlohmann's initializer-list form (which builds a two-element array
// for every field first): for objects made on every request.
nlohmann::ordered_json object(
    std::initializer_list<std::pair<const char*, nlohmann::ordered_json>> fields);

// Pretty-prints with two-space indent, UTF-8 kept as is, and a final newline.
std::string dump(const nlohmann::ordered_json& j);

// While one lives, dump() on this thread writes compact JSON on one line:
// the server sends a command's --json as it is, without parsing it again.
class CompactJson {
 public:
  CompactJson();
  ~CompactJson();
  CompactJson(const CompactJson&) = delete;
  CompactJson& operator=(const CompactJson&) = delete;

 private:
  bool was_;
};

}  // namespace ijik::exchange
