// ijik offer add | list | compare: offers side by side with the current job.
#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "common/clock.h"
#include "common/money.h"
#include "domain/offer.h"
#include "exchange/career_json.h"
#include "exchange/json_view.h"
#include "store/application_repo.h"
#include "store/career_repo.h"
#include "store/offer_repo.h"

namespace ijik::cli {
namespace {

using nlohmann::ordered_json;

struct OfferArgs {
  std::string app, base, signing, bonus, stock, start, probation_pay, deadline, location, note;
  std::vector<std::string> benefits;
  int probation_months = -1, remote_days = -1;
};

Status offer_add(Context& ctx, const OfferArgs& a) {
  IJIK_ASSIGN_OR_RETURN(int64_t id, parse_app_id(a.app));
  domain::Offer o;
  o.application_id = id;
  IJIK_ASSIGN_OR_RETURN(o.base, parse_krw(a.base));
  if (!a.signing.empty()) {
    IJIK_ASSIGN_OR_RETURN(o.signing, parse_krw(a.signing));
  }
  if (!a.bonus.empty()) {
    if (a.bonus.back() == '%') {
      IJIK_ASSIGN_OR_RETURN(o.bonus_pct, domain::parse_percent(a.bonus, "--bonus", 1000));
    } else {
      auto amount = parse_krw(a.bonus);
      if (!amount.ok())
        return invalid_input(fmt::format(
            "invalid --bonus '{}': expected an amount such as 500만 or a percentage of base such "
            "as 10%",
            a.bonus));
      o.bonus = *amount;
    }
  }
  o.stock = a.stock;
  o.benefits = a.benefits;
  if (!a.start.empty()) {
    IJIK_ASSIGN_OR_RETURN(o.start, parse_date(a.start));
  }
  if (a.probation_months >= 0) o.probation_months = a.probation_months;
  if (!a.probation_pay.empty()) {
    IJIK_ASSIGN_OR_RETURN(o.probation_pay_pct,
                          domain::parse_percent(a.probation_pay, "--probation-pay"));
  }
  if (!a.deadline.empty()) {
    IJIK_ASSIGN_OR_RETURN(o.deadline, parse_date(a.deadline));
  }
  o.location = a.location;
  if (a.remote_days >= 0) o.remote_days = a.remote_days;
  o.note = a.note;
  store::ApplicationRepo apps(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto app, apps.get(id));
  store::OfferRepo repo(ctx.db);
  IJIK_ASSIGN_OR_RETURN(bool replaced, repo.put(o));
  ctx.out << fmt::format("{} offer for #{} ({} · {}): base {}, first-year cash {}\n",
                         replaced ? "Updated" : "Added", id, app.company, app.role,
                         format_krw(o.base), format_krw(domain::first_year_cash(o)));
  return {};
}

std::string signed_krw(int64_t v) {
  if (v == 0) return "±0원";
  return (v > 0 ? "+" : "−") + format_krw(v > 0 ? v : -v);
}

std::string signed_pct(double v) {
  return fmt::format("{}{:.1f}%", v > 0 ? "+" : (v < 0 ? "−" : "±"), std::fabs(v));
}

std::string days_left_label(long d) {
  if (d < 0) return fmt::format("마감 지남 ({}일 전)", -d);
  if (d == 0) return "오늘 마감";
  return fmt::format("D-{}", d);
}

struct Row {
  domain::Offer offer;
  domain::Application app;
  int64_t cash = 0;
  std::optional<int64_t> change;
  std::optional<double> change_pct;
};

ordered_json offer_json(const Row& r, const Date& now) {
  const auto& o = r.offer;
  auto opt_date = [](const std::optional<Date>& d) {
    return d ? ordered_json(d->iso()) : ordered_json(nullptr);
  };
  ordered_json benefits = ordered_json::array();
  for (const auto& b : o.benefits) benefits.push_back(b);
  return {{"app", o.application_id},
          {"company", r.app.company},
          {"role", r.app.role},
          {"status", std::string(domain::to_string(domain::derive_status(r.app)))},
          {"base", o.base},
          {"signing", o.signing},
          {"bonus", domain::bonus_amount(o)},
          {"bonus_pct", o.bonus_pct ? ordered_json(*o.bonus_pct) : ordered_json(nullptr)},
          {"first_year_cash", r.cash},
          {"change_vs_current", r.change ? ordered_json(*r.change) : ordered_json(nullptr)},
          {"change_pct",
           r.change_pct ? ordered_json(exchange::round2(*r.change_pct)) : ordered_json(nullptr)},
          {"start", opt_date(o.start)},
          {"probation_months",
           o.probation_months ? ordered_json(*o.probation_months) : ordered_json(nullptr)},
          {"probation_pay_pct",
           o.probation_pay_pct ? ordered_json(*o.probation_pay_pct) : ordered_json(nullptr)},
          {"deadline", opt_date(o.deadline)},
          {"days_left",
           o.deadline ? ordered_json(days_between(now, *o.deadline)) : ordered_json(nullptr)},
          {"location", o.location},
          {"remote_days", o.remote_days ? ordered_json(*o.remote_days) : ordered_json(nullptr)},
          {"stock", o.stock},
          {"benefits", benefits},
          {"note", o.note}};
}

// The offers (all, or those of `ids` in that order) with first-year cash and
// the change against the current job's pay.
Result<std::vector<Row>> load_rows(Context& ctx, const std::vector<std::string>& ids,
                                   const std::optional<domain::Job>& current) {
  store::OfferRepo repo(ctx.db);
  store::ApplicationRepo apps(ctx.db);
  std::vector<domain::Offer> offers;
  if (ids.empty()) {
    IJIK_ASSIGN_OR_RETURN(offers, repo.list());
  } else {
    for (const auto& t : ids) {
      IJIK_ASSIGN_OR_RETURN(int64_t id, parse_app_id(t));
      IJIK_ASSIGN_OR_RETURN(auto app, apps.get(id));
      IJIK_ASSIGN_OR_RETURN(auto o, repo.get(id));
      if (!o)
        return not_found(
            fmt::format("application {} ({}) has no offer: expected one added with 'ijik offer add "
                        "{} --base N'",
                        id, app.company, id));
      offers.push_back(*o);
    }
  }
  std::vector<Row> rows;
  for (auto& o : offers) {
    Row r;
    IJIK_ASSIGN_OR_RETURN(r.app, apps.get(o.application_id));
    r.cash = domain::first_year_cash(o);
    if (current && current->pay) {
      r.change = r.cash - *current->pay;
      if (*current->pay > 0) r.change_pct = 100.0 * static_cast<double>(*r.change) / *current->pay;
    }
    r.offer = std::move(o);
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string probation_terms(const domain::Offer& o) {
  if (!o.probation_months || *o.probation_months == 0) return "없음";
  return fmt::format("{}개월 · {}%", *o.probation_months,
                     fmt::format("{:g}", o.probation_pay_pct.value_or(100.0)));
}

Status offer_list(Context& ctx) {
  store::CareerRepo career(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto current, career.job_held_on(today()));
  IJIK_ASSIGN_OR_RETURN(auto rows, load_rows(ctx, {}, current));
  const Date now = today();
  if (ctx.options.json) {
    auto arr = ordered_json::array();
    for (const auto& r : rows) arr.push_back(offer_json(r, now));
    ctx.out << exchange::dump(arr);
    return {};
  }
  if (rows.empty()) {
    ctx.out << "No offers yet. Add one with: ijik offer add APP_ID --base N\n";
    return {};
  }
  Table t({"ID", "회사", "직무", "기본급", "첫해 현금", "입사일", "마감"});
  t.align(0, Table::Align::kRight).align(3, Table::Align::kRight).align(4, Table::Align::kRight);
  for (const auto& r : rows) {
    const auto& o = r.offer;
    t.add({std::to_string(o.application_id), r.app.company, r.app.role, format_krw(o.base),
           format_krw(r.cash), o.start ? o.start->iso() : "",
           o.deadline ? fmt::format("{} ({})", o.deadline->iso(),
                                    days_left_label(days_between(now, *o.deadline)))
                      : ""});
  }
  ctx.out << t.render(ctx.color);
  return {};
}

Status offer_compare(Context& ctx, const std::vector<std::string>& ids) {
  store::CareerRepo career(ctx.db);
  IJIK_ASSIGN_OR_RETURN(auto current, career.job_held_on(today()));
  IJIK_ASSIGN_OR_RETURN(auto rows, load_rows(ctx, ids, current));
  const Date now = today();
  if (ctx.options.json) {
    ordered_json baseline = nullptr;
    if (current)
      baseline = {
          {"job", current->id},
          {"company", current->company},
          {"title", current->title},
          {"pay", current->pay ? ordered_json(*current->pay) : ordered_json(nullptr)},
          {"first_year_cash", current->pay ? ordered_json(*current->pay) : ordered_json(nullptr)}};
    auto arr = ordered_json::array();
    for (const auto& r : rows) arr.push_back(offer_json(r, now));
    ctx.out << exchange::dump(ordered_json{{"baseline", baseline}, {"offers", arr}});
    return {};
  }
  if (rows.empty()) {
    ctx.out << "No offers to compare. Add one with: ijik offer add APP_ID --base N\n";
    return {};
  }
  std::vector<std::string> headers{""};
  if (current) headers.emplace_back("현재");
  for (const auto& r : rows) headers.push_back(fmt::format("#{} {}", r.app.id, r.app.company));
  Table t(headers);
  for (size_t c = 1; c < headers.size(); ++c) t.align(c, Table::Align::kRight);
  auto row = [&](const std::string& label, const std::string& cur,
                 const std::function<std::string(const Row&)>& f) {
    std::vector<std::string> cells{label};
    if (current) cells.push_back(cur);
    for (const auto& r : rows) cells.push_back(f(r));
    t.add(std::move(cells));
  };
  const std::string cur_pay = current && current->pay ? format_krw(*current->pay) : "?";
  row("직무", current ? current->title : "", [](const Row& r) { return r.app.role; });
  row("기본급", cur_pay, [](const Row& r) { return format_krw(r.offer.base); });
  row("사인온", "", [](const Row& r) {
    return r.offer.signing ? format_krw(r.offer.signing) : std::string("-");
  });
  row("보너스", "", [](const Row& r) {
    const int64_t b = domain::bonus_amount(r.offer);
    if (!b) return std::string("-");
    return r.offer.bonus_pct ? fmt::format("{} ({:g}%)", format_krw(b), *r.offer.bonus_pct)
                             : format_krw(b);
  });
  row("수습", "", [](const Row& r) { return probation_terms(r.offer); });
  row("첫해 현금", cur_pay, [](const Row& r) { return format_krw(r.cash); });
  row("현재 대비", "", [](const Row& r) {
    if (!r.change) return std::string("?");
    return r.change_pct ? fmt::format("{} ({})", signed_krw(*r.change), signed_pct(*r.change_pct))
                        : signed_krw(*r.change);
  });
  row("입사일", "", [](const Row& r) { return r.offer.start ? r.offer.start->iso() : ""; });
  row("마감", "", [&](const Row& r) {
    return r.offer.deadline ? fmt::format("{} ({})", r.offer.deadline->iso(),
                                          days_left_label(days_between(now, *r.offer.deadline)))
                            : std::string("");
  });
  row("근무지", "", [](const Row& r) { return r.offer.location; });
  row("재택", "", [](const Row& r) {
    return r.offer.remote_days ? fmt::format("주 {}일", *r.offer.remote_days) : std::string("");
  });
  bool any_stock = false, any_benefit = false;
  for (const auto& r : rows) {
    any_stock = any_stock || !r.offer.stock.empty();
    any_benefit = any_benefit || !r.offer.benefits.empty();
  }
  if (any_stock) row("주식", "", [](const Row& r) { return r.offer.stock; });
  if (any_benefit)
    row("복지", "", [](const Row& r) {
      std::string s;
      for (const auto& b : r.offer.benefits) s += (s.empty() ? "" : ", ") + b;
      return s;
    });
  ctx.out << t.render(ctx.color);
  if (!current)
    ctx.out << "No current job to compare with: add it with 'ijik job add COMPANY --title T --from "
               "YYYY-MM-DD --pay N'.\n";
  else if (!current->pay)
    ctx.out << fmt::format(
        "The current job has no pay recorded: set it with 'ijik job pay {} N'.\n", current->id);
  return {};
}

}  // namespace

void register_offer_commands(Registry& r) {
  auto* offer = r.app().add_subcommand("offer", "Offers: add, list, compare with the current job");
  offer->require_subcommand(1);

  auto a = std::make_shared<OfferArgs>();
  auto* add = offer->add_subcommand("add", "Record (or replace) the offer of an application");
  add->add_option("app", a->app, "Application id")->required();
  add->add_option("--base", a->base, "Annual base pay: 60000000, 6000만, 1.2억 …")->required();
  add->add_option("--signing", a->signing, "Signing bonus (one-time)");
  add->add_option("--bonus", a->bonus, "Yearly bonus: an amount, or PCT% of base");
  add->add_option("--stock", a->stock, "Stock or options, as text");
  add->add_option("--benefit", a->benefits, "A benefit (repeatable)");
  add->add_option("--start", a->start, "Start date YYYY-MM-DD");
  add->add_option("--probation-months", a->probation_months, "Probation length in months")
      ->check(CLI::Range(0, 12));
  add->add_option("--probation-pay", a->probation_pay, "Pay during probation, PCT% of base");
  add->add_option("--deadline", a->deadline, "Answer deadline YYYY-MM-DD");
  add->add_option("--location", a->location, "Where the work is");
  add->add_option("--remote-days", a->remote_days, "Remote days per week")->check(CLI::Range(0, 7));
  add->add_option("--note", a->note, "Note");
  examples(add, {"ijik offer add 3 --base 7200만 --signing 500만 --bonus 10% --start 2026-04-01 "
                 "--probation-months 3 --probation-pay 90% --deadline 2026-03-12"});
  r.on(add, Access::kWrite, [a](Context& ctx) { return offer_add(ctx, *a); });

  auto* list = offer->add_subcommand("list", "List offers");
  examples(list, {"ijik offer list", "ijik offer list --json"});
  r.on(list, Access::kRead, [](Context& ctx) { return offer_list(ctx); });

  auto ids = std::make_shared<std::vector<std::string>>();
  auto* cmp = offer->add_subcommand("compare", "Offers side by side, the current job as baseline");
  cmp->add_option("apps", *ids, "Application ids (default: every offer)");
  examples(cmp, {"ijik offer compare", "ijik offer compare 3 5 --json"});
  r.on(cmp, Access::kRead, [ids](Context& ctx) { return offer_compare(ctx, *ids); });
}

}  // namespace ijik::cli
