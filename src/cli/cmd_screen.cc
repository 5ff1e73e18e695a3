// ijik screen: find workplaces by region, industry, size, growth, attrition, pay.
#include <fmt/format.h>

#include <cmath>

#include "cli/commands.h"
#include "cli/table.h"
#include "common/money.h"
#include "exchange/json_view.h"
#include "store/screen_repo.h"

namespace ijik::cli {
namespace {

struct ScreenArgs {
  std::string region, industry, growth, attrition, pay, status, sort = "headcount";
  std::optional<int64_t> min_headcount, max_headcount;
  int limit = 50;
};

// Splits ">=10%" into ("> =", "10%"); a bare value means ">=".
std::pair<std::string, std::string> split_op(const std::string& text) {
  size_t n = 0;
  while (n < text.size() && (text[n] == '<' || text[n] == '>' || text[n] == '=')) ++n;
  std::string op = n ? text.substr(0, n) : ">=";
  if (op == "==") op = "=";
  std::string rest = text.substr(n);
  while (!rest.empty() && rest.front() == ' ') rest.erase(rest.begin());
  return {op, rest};
}

bool valid_op(const std::string& op) {
  return op == "<" || op == "<=" || op == ">" || op == ">=" || op == "=";
}

// "--growth-12m '>=10%'": a percentage, negative allowed ("<-20%").
Result<domain::Bound> parse_percent_bound(const char* flag, const std::string& text) {
  auto [op, rest] = split_op(text);
  auto bad = [&] {
    return invalid_input(fmt::format(
        "invalid {} '{}': expected a comparison and a percentage such as '>=10%' or '<-20%'", flag,
        text));
  };
  if (!valid_op(op) || rest.empty()) return bad();
  if (rest.back() == '%') rest.pop_back();
  try {
    size_t used = 0;
    double v = std::stod(rest, &used);
    if (used != rest.size() || !std::isfinite(v)) return bad();
    return domain::Bound{op, v / 100.0};
  } catch (...) {
    return bad();
  }
}

// "--pay '>=5000만'": an annual amount in KRW in any form parse_krw takes.
Result<domain::Bound> parse_money_bound(const std::string& text) {
  auto [op, rest] = split_op(text);
  if (!valid_op(op) || rest.empty())
    return invalid_input(fmt::format(
        "invalid --pay '{}': expected a comparison and an annual amount such as '>=5000만'", text));
  auto amount = parse_krw(rest);
  if (!amount.ok())
    return invalid_input(fmt::format("invalid --pay '{}': {}", text, amount.error().message));
  return domain::Bound{op, static_cast<double>(*amount)};
}

std::string percent(const std::optional<double>& v) {
  return v ? fmt::format("{:+.0f}%", *v * 100.0) : "—";
}

Status screen(Context& ctx, const ScreenArgs& a) {
  domain::ScreenQuery q;
  if (!a.region.empty()) {
    q.region_prefix = a.region;
    for (char& c : q.region_prefix)
      if (c == '/') c = ' ';
  }
  if (!a.industry.empty()) {
    if (a.industry.find_first_not_of("0123456789") == std::string::npos)
      q.industry_code = a.industry;
    else
      q.industry_name = a.industry;
  }
  q.min_headcount = a.min_headcount;
  q.max_headcount = a.max_headcount;
  if (q.min_headcount && q.max_headcount && *q.min_headcount > *q.max_headcount)
    return invalid_input(
        "--min-headcount is above --max-headcount: expected a range such as --min-headcount 50 "
        "--max-headcount 300");
  if (!a.growth.empty()) {
    IJIK_ASSIGN_OR_RETURN(q.growth_12m, parse_percent_bound("--growth-12m", a.growth));
  }
  if (!a.attrition.empty()) {
    IJIK_ASSIGN_OR_RETURN(q.attrition_12m, parse_percent_bound("--attrition", a.attrition));
  }
  if (!a.pay.empty()) {
    IJIK_ASSIGN_OR_RETURN(q.pay_year, parse_money_bound(a.pay));
  }
  if (!a.status.empty()) {
    if (a.status == "active" || a.status == "등록")
      q.status = 1;
    else if (a.status == "withdrawn" || a.status == "탈퇴")
      q.status = 2;
    else
      return invalid_input(
          fmt::format("unknown status '{}': expected active or withdrawn", a.status));
  }
  q.sort = a.sort;
  if (!q.sort.empty() && (q.sort[0] == '-' || q.sort[0] == '+')) {
    q.reverse = q.sort[0] == '-' ? false : true;  // "-x" = the natural order, stated; "+x" flips it
    q.sort.erase(q.sort.begin());
  }
  q.limit = a.limit;
  IJIK_ASSIGN_OR_RETURN(auto found, store::screen_workplaces(ctx.db, q));
  const auto& rows = found.rows;
  const int64_t total = found.total;

  if (ctx.options.json) {
    auto arr = nlohmann::ordered_json::array();
    auto opt_real = [](const std::optional<double>& v) {
      return v ? nlohmann::ordered_json(std::round(*v * 10000.0) / 10000.0)
               : nlohmann::ordered_json(nullptr);
    };
    for (const auto& r : rows)
      arr.push_back({{"id", r.id},
                     {"name", r.name},
                     {"region", r.region},
                     {"industry", r.industry_name},
                     {"headcount", r.headcount},
                     {"change_12m_pct", opt_real(r.change_12m_pct)},
                     {"attrition_12m", opt_real(r.attrition_12m)},
                     {"pay_month_est", r.pay_month_est ? nlohmann::ordered_json(*r.pay_month_est)
                                                       : nlohmann::ordered_json(nullptr)},
                     {"status", r.status == 2 ? "withdrawn" : "active"}});
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (rows.empty()) {
    ctx.out << "No workplace matches. Loosen a filter, or import data first (ijik data status).\n";
    return {};
  }
  Table t({"ID", "사업장", "지역", "업종", "인원", "12개월", "퇴사율", "추정 월급", "상태"});
  for (size_t c : {0, 4, 5, 6, 7}) t.align(c, Table::Align::kRight);
  t.max_width(1, 24).max_width(3, 20);
  for (const auto& r : rows) {
    std::string pay = r.pay_month_est
                          ? fmt::format("{}{}", group_thousands(*r.pay_month_est / 10000 * 10000),
                                        r.pay_is_lower_bound ? "+" : "")
                          : "—";
    // Rates on a handful of people mislead: below 10 members no rate is shown.
    std::string attrition = r.headcount >= 10 && r.attrition_12m
                                ? fmt::format("{:.0f}%", *r.attrition_12m * 100.0)
                                : "—";
    t.add({std::to_string(r.id), r.name, r.region, r.industry_name, group_thousands(r.headcount),
           percent(r.change_12m_pct), attrition, pay, r.status == 2 ? "탈퇴" : "등록"});
  }
  ctx.out << t.render(ctx.color);
  ctx.out << fmt::format("{} of {} matching workplaces", rows.size(), group_thousands(total));
  ctx.out << " · 추정 월급: 기준소득월액 estimate, + = at the ceiling (a lower bound)\n";
  return {};
}

}  // namespace

void register_screen_command(Registry& r) {
  auto a = std::make_shared<ScreenArgs>();
  auto* sub = r.app().add_subcommand(
      "screen", "Screen public workplaces by region, industry, size, growth, attrition and pay");
  sub->add_option("--region", a->region, "Region: 서울, or 서울/강남구");
  sub->add_option("--industry", a->industry, "Industry code (or its prefix) or part of its name");
  sub->add_option("--min-headcount", a->min_headcount, "At least this many members")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--max-headcount", a->max_headcount, "At most this many members")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--growth-12m", a->growth,
                  "Headcount change over 12 months, e.g. '>=10%' or '<-20%'");
  sub->add_option("--attrition", a->attrition,
                  "Leavers over 12 months ÷ mean headcount, e.g. '<20%'");
  sub->add_option("--pay", a->pay, "Estimated annual pay, e.g. '>=5000만'");
  sub->add_option("--status", a->status, "active or withdrawn");
  sub->add_option("--sort", a->sort,
                  "headcount (default), growth, attrition, pay or name; prefix + to reverse");
  sub->add_option("--limit", a->limit, "How many rows (default 50)")->check(CLI::Range(1, 100000));
  examples(sub, {"ijik screen --region 서울/강남구 --industry 소프트웨어 --min-headcount 50 "
                 "--growth-12m '>=10%'",
                 "ijik screen --industry 620 --attrition '<15%' --pay '>=6000만' --sort pay",
                 "ijik screen --region 경기 --status withdrawn --json"});
  r.on(sub, Access::kRead, [a](Context& ctx) { return screen(ctx, *a); });
}

}  // namespace ijik::cli
