// ijik company search QUERY [--limit N] [--json]
//
// Searches the public workplaces (National Pension data) and the user's own
// companies together, Korean-aware: legal forms, spaces, width and case are
// ignored, a 초성 query (ㄴㅇㅂ) matches by initial consonants, and hits rank
// exact > prefix > substring, then by headcount.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "cli/commands.h"
#include "cli/table.h"
#include "common/stamped_cache.h"
#include "exchange/json_view.h"
#include "search/index_cache.h"
#include "store/company_repo.h"
#include "store/screen_repo.h"
#include "store/search_repo.h"
#include "text/korean.h"

namespace ijik::cli {
namespace {

struct SearchArgs {
  std::string query;
  int limit = 20;
};

struct Row {
  bool company = false;  // the user's own company (else a public workplace)
  int64_t id = 0;
  search::Tier tier = search::Tier::kSubstring;
  std::string name;
  std::optional<std::string> region, industry;
  std::optional<int64_t> headcount, change_12m;
};

bool ranks_before(const Row& a, const Row& b) {
  if (a.tier != b.tier) return a.tier < b.tier;
  int64_t ha = a.headcount.value_or(-1), hb = b.headcount.value_or(-1);
  if (ha != hb) return ha > hb;
  if (a.company != b.company) return a.company;
  return a.id < b.id;
}

std::string trend(const std::optional<int64_t>& v) {
  if (!v) return "";
  return *v > 0 ? fmt::format("+{}", *v) : std::to_string(*v);
}

nlohmann::ordered_json opt_json(const std::optional<std::string>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}
nlohmann::ordered_json opt_json(const std::optional<int64_t>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

Status company_search(Context& ctx, const SearchArgs& a) {
  const search::Query q = search::make_query(a.query);
  if (q.empty())
    return invalid_input(fmt::format(
        "search query '{}' has nothing to match once legal forms and spaces are removed: "
        "expected part of a company name, e.g. 네이버, ㄴㅇㅂ or naver",
        a.query));
  if (a.limit < 1)
    return invalid_input(
        fmt::format("--limit {} is not a positive number: expected e.g. --limit 20", a.limit));
  const auto limit = static_cast<size_t>(a.limit);

  store::SearchRepo repo(ctx.db);
  store::CompanyRepo companies_repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto links, repo.company_links());
  IJIK_ASSIGN_OR_RETURN(auto companies, companies_repo.list());
  std::vector<Row> rows;

  // The user's companies are few: match each directly, by name and aliases,
  // and by its linked workplace's name, which it then stands for.
  std::map<int64_t, bool> linked_workplace;
  for (const auto& c : companies) {
    std::optional<search::Tier> best;
    auto consider = [&](std::string_view key) {
      auto t = search::match(q, key);
      if (t && (!best || *t < *best)) best = t;
    };
    consider(text::normalize_company_name(c.name));
    for (const auto& al : c.aliases) consider(text::normalize_company_name(al));
    Row r{true,         c.id,        search::Tier::kSubstring, c.name, std::nullopt, std::nullopt,
          std::nullopt, std::nullopt};
    if (auto l = links.find(c.id); l != links.end()) {
      IJIK_ASSIGN_OR_RETURN(auto w, repo.workplace(l->second));
      if (w) {
        linked_workplace[w->id] = true;
        consider(w->name_key);
        r.region = w->region;
        r.industry = w->industry;
        r.headcount = w->headcount;
        r.change_12m = w->change_12m;
      }
    }
    if (!best) continue;
    r.tier = *best;
    rows.push_back(std::move(r));
  }

  // Public workplaces: a few more than asked, as linked ones are shown as companies.
  IJIK_ASSIGN_OR_RETURN(auto hits,
                        search::find_workplaces(ctx.db, q, limit + linked_workplace.size()));
  // A long-lived process (the server) keeps the screening table in memory:
  // it holds what a hit shows, so no row lookups.
  std::shared_ptr<const domain::ScreenTable> kept_table;
  if (stamped_caches_enabled()) {
    IJIK_ASSIGN_OR_RETURN(kept_table,
                          store::load_screen_table(ctx.db, domain::ScreenTable::kAllColumns));
  }
  for (const auto& h : hits) {
    const int64_t wid = h.id;
    if (linked_workplace.count(wid)) continue;
    if (auto row = kept_table ? kept_table->row_of(wid) : std::nullopt) {
      const domain::ScreenTable& t = *kept_table;
      rows.push_back({false, wid, h.tier, std::string(t.name(*row)), t.region(*row),
                      t.industry_name(*row), t.headcount(*row), t.change_12m(*row)});
      continue;
    }
    IJIK_ASSIGN_OR_RETURN(auto w, repo.workplace(wid));
    if (!w) continue;  // the snapshot is current within this transaction
    rows.push_back(
        {false, wid, h.tier, w->name, w->region, w->industry, w->headcount, w->change_12m});
  }
  std::stable_sort(rows.begin(), rows.end(), ranks_before);
  if (rows.size() > limit) rows.resize(limit);

  if (ctx.options.json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& r : rows)
      arr.push_back(exchange::object({{"kind", r.company ? "company" : "workplace"},
                                      {"id", r.id},
                                      {"name", r.name},
                                      {"region", opt_json(r.region)},
                                      {"industry", opt_json(r.industry)},
                                      {"headcount", opt_json(r.headcount)},
                                      {"change_12m", opt_json(r.change_12m)}}));
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (rows.empty()) {
    ctx.out << fmt::format("No company or workplace matches '{}'.\n", a.query);
    return {};
  }
  Table t({"구분", "ID", "이름", "지역", "업종", "가입자", "12개월"});
  t.align(1, Table::Align::kRight).align(5, Table::Align::kRight).align(6, Table::Align::kRight);
  t.max_width(2, 30).max_width(4, 24);
  for (const auto& r : rows) {
    t.add({r.company ? "내 회사" : "사업장", std::to_string(r.id), r.name, r.region.value_or(""),
           r.industry.value_or(""), r.headcount ? std::to_string(*r.headcount) : "",
           trend(r.change_12m)});
  }
  ctx.out << t.render(ctx.color);
  return {};
}

}  // namespace

void register_company_search_command(Registry& r) {
  auto* company = r.app().get_subcommand("company");
  auto args = std::make_shared<SearchArgs>();
  auto* sub =
      company->add_subcommand("search", "Search public workplaces and your companies by name");
  sub->add_option("query", args->query,
                  "Part of a name: (주)/주식회사, spaces, case and width are ignored; 초성 such as "
                  "ㄴㅇㅂ work")
      ->required();
  sub->add_option("--limit", args->limit, "At most N hits (default 20)");
  examples(sub, {"ijik company search 네이버", "ijik company search ㄴㅇㅂ --limit 5",
                 "ijik company search '(주)카카오' --json"});
  // A read command, though the first search after an import rewrites the
  // derived snapshot inside its (deferred) transaction; if that write fails
  // (busy), the answer still comes from the index rebuilt in memory.
  r.on(sub, Access::kRead, [args](Context& ctx) { return company_search(ctx, *args); });
}

}  // namespace ijik::cli
