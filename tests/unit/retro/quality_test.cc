// The reader's quality on the hand-written retrospectives in
// tests/fixtures/retro (NN-name.md with NN-name.json: the entry date and the
// events a careful human reads in it). An expected event is matched by one
// extracted event of the same type whose company (normalized), stage, result,
// date and role agree wherever the expectation names them. Precision and
// recall over all fixtures must stay at or above 0.8 (docs/retro-import.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "retro/chrome.h"
#include "retro/extract.h"
#include "text/korean.h"

namespace ijik::retro {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<std::string> opt(const std::optional<std::string>& s) {
  return s;
}

bool agrees(const json& want, const Event& got) {
  if (want.at("type").get<std::string>() != to_string(got.type)) return false;
  auto field = [&](const char* key, const std::optional<std::string>& value, bool company) {
    if (!want.contains(key)) return true;
    if (want[key].is_null()) return !value.has_value() || value->empty();
    if (!value) return false;
    if (company)
      return text::normalize_company_name(want[key].get<std::string>()) ==
             text::normalize_company_name(*value);
    return want[key].get<std::string>() == *value;
  };
  std::optional<std::string> date;
  if (!got.date.iso().empty()) date = got.date.iso();
  return field("company", opt(got.company), true) && field("stage", got.stage, false) &&
         field("result", got.result, false) && field("date", date, false) &&
         field("role", got.role, false);
}

std::string describe(const Event& e) {
  std::string s = std::string(to_string(e.type));
  if (e.company) s += " " + *e.company;
  if (e.stage) s += " " + *e.stage;
  if (e.result) s += " " + *e.result;
  if (!e.date.iso().empty()) s += " " + e.date.iso();
  return s + "  ← " + e.sentence;
}

TEST(RetroQuality, PrecisionAndRecallOnTheFixtures) {
  const fs::path dir = fs::path(IJIK_TEST_DATA) / "fixtures" / "retro";
  std::vector<fs::path> files;
  for (const auto& f : fs::directory_iterator(dir))
    if (f.path().extension() == ".md") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 10u) << "at least ten retrospectives";
  int expected = 0, extracted = 0, matched = 0;
  for (const auto& md : files) {
    fs::path js = md;
    js.replace_extension(".json");
    json spec = json::parse(slurp(js));
    CleanText clean = strip_chrome(slurp(md));
    ExtractOptions o;
    o.entry_date = *parse_date(spec.at("entry_date").get<std::string>());
    auto events = extract_events(clean.text, o);
    std::vector<bool> used(events.size(), false);
    int file_matched = 0;
    for (const auto& want : spec.at("events")) {
      bool hit = false;
      for (size_t i = 0; i < events.size() && !hit; ++i)
        if (!used[i] && agrees(want, events[i])) used[i] = hit = true;
      if (hit)
        ++file_matched;
      else
        std::cout << "  missed  " << md.filename().string() << ": " << want.dump() << "\n";
    }
    for (size_t i = 0; i < events.size(); ++i)
      if (!used[i])
        std::cout << "  extra   " << md.filename().string() << ": " << describe(events[i]) << "\n";
    std::cout << md.filename().string() << ": expected " << spec["events"].size() << ", extracted "
              << events.size() << ", matched " << file_matched << "\n";
    expected += static_cast<int>(spec["events"].size());
    extracted += static_cast<int>(events.size());
    matched += file_matched;
  }
  double precision = extracted ? double(matched) / extracted : 0;
  double recall = expected ? double(matched) / expected : 0;
  std::cout << "retro quality: expected " << expected << ", extracted " << extracted << ", matched "
            << matched << ", precision " << precision << ", recall " << recall << "\n";
  EXPECT_GE(precision, 0.8);
  EXPECT_GE(recall, 0.8);
}

}  // namespace
}  // namespace ijik::retro
