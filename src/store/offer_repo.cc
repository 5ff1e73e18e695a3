#include "store/offer_repo.h"

#include <fmt/format.h>

#include "common/clock.h"

namespace ijik::store {
namespace {

std::optional<Date> read_date(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  auto d = parse_date(*s);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

std::optional<std::string> iso(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

std::optional<int64_t> opt_int(const std::optional<int>& v) {
  return v ? std::optional<int64_t>(*v) : std::nullopt;
}

}  // namespace

Result<bool> OfferRepo::put(const domain::Offer& o) {
  IJIK_ASSIGN_OR_RETURN(auto existing, get(o.application_id));
  IJIK_ASSIGN_OR_RETURN(auto del, db_.prepare("DELETE FROM offers WHERE application_id = ?"));
  IJIK_RETURN_IF_ERROR(del.bind(1, o.application_id).run());
  IJIK_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT INTO offers(application_id, base, signing, bonus, bonus_pct, "
                           "stock, start_date, probation_months, probation_pay_pct, deadline, "
                           "location, remote_days, note, created_at) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  st.bind(1, o.application_id)
      .bind(2, o.base)
      .bind(3, o.signing)
      .bind(4, o.bonus)
      .bind(5, o.bonus_pct)
      .bind(6, o.stock)
      .bind(7, iso(o.start))
      .bind(8, opt_int(o.probation_months))
      .bind(9, o.probation_pay_pct)
      .bind(10, iso(o.deadline))
      .bind(11, o.location)
      .bind(12, opt_int(o.remote_days))
      .bind(13, o.note)
      .bind(14, now_utc_iso());
  IJIK_RETURN_IF_ERROR(st.run());
  IJIK_ASSIGN_OR_RETURN(auto ben, db_.prepare("INSERT INTO offer_benefits(application_id, "
                                              "position, text) VALUES (?,?,?)"));
  for (size_t i = 0; i < o.benefits.size(); ++i) {
    ben.reset();
    IJIK_RETURN_IF_ERROR(ben.bind(1, o.application_id)
                             .bind(2, static_cast<int64_t>(i))
                             .bind(3, o.benefits[i])
                             .run());
  }
  return existing.has_value();
}

Result<std::vector<domain::Offer>> OfferRepo::query(const char* where, int64_t id) {
  IJIK_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(fmt::format("SELECT application_id, base, signing, bonus, bonus_pct, stock, "
                              "start_date, probation_months, probation_pay_pct, deadline, "
                              "location, remote_days, note FROM offers {} ORDER BY application_id",
                              where)));
  if (id) st.bind(1, id);
  std::vector<domain::Offer> out;
  while (true) {
    IJIK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::Offer o;
    o.application_id = st.int64(0);
    o.base = st.int64(1);
    o.signing = st.int64(2);
    o.bonus = st.optional_int64(3);
    if (!st.is_null(4)) o.bonus_pct = st.real(4);
    o.stock = st.text(5);
    o.start = read_date(st.optional_text(6));
    if (!st.is_null(7)) o.probation_months = static_cast<int>(st.int64(7));
    if (!st.is_null(8)) o.probation_pay_pct = st.real(8);
    o.deadline = read_date(st.optional_text(9));
    o.location = st.text(10);
    if (!st.is_null(11)) o.remote_days = static_cast<int>(st.int64(11));
    o.note = st.text(12);
    out.push_back(std::move(o));
  }
  IJIK_ASSIGN_OR_RETURN(auto ben, db_.prepare("SELECT text FROM offer_benefits WHERE "
                                              "application_id = ? ORDER BY position"));
  for (auto& o : out) {
    ben.reset();
    ben.bind(1, o.application_id);
    while (true) {
      IJIK_ASSIGN_OR_RETURN(bool row, ben.step());
      if (!row) break;
      o.benefits.push_back(ben.text(0));
    }
  }
  return out;
}

Result<std::optional<domain::Offer>> OfferRepo::get(int64_t application_id) {
  IJIK_ASSIGN_OR_RETURN(auto v, query("WHERE application_id = ?", application_id));
  if (v.empty()) return std::optional<domain::Offer>();
  return std::optional<domain::Offer>(std::move(v.front()));
}

Result<std::vector<domain::Offer>> OfferRepo::list() {
  return query("", 0);
}

}  // namespace ijik::store
