#include "population.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "ingest/cp949.h"
#include "names.h"
#include "vocab.h"

namespace ijik::gen_nps {
namespace {

// Planted names use roots absent from the random vocabulary, so they are unique.
const char* const kPlantedNames[] = {
    "(주)하늘정원테크",
    "주식회사 바람결소프트",
    "㈜별빛항해",
    "(주)구름다리랩스",
    "주식회사 물방울바이오",
    "(주)솔바람물류",
    "㈜달무리식품",
    "(주)새벽이슬에너지",
    "(주)은하수게임즈",
    "주식회사 너울엔지니어링",
    "노을빛커머스 주식회사",
    "(주)산들바람모빌리티",
    "㈜여울데이터",
    "(주)아침햇살제약",
    "주식회사 반딧불미디어",
    "(주)꽃샘정밀",
    "주식회사 함박눈로보틱스",
    "(주)시냇물클라우드",
    "㈜무지개핀테크",
    "(주)소나기건설",
};

void copy_date(char (&dst)[11], const std::string& s) {
  std::memset(dst, 0, sizeof dst);
  std::memcpy(dst, s.data(), std::min(s.size(), sizeof dst - 1));
}

// Heavy-tailed size: Pareto with minimum 1.
int pareto_size(Rng& rng, double alpha) {
  double u = 1.0 - rng.uniform();
  double x = std::pow(u, -1.0 / alpha);
  return static_cast<int>(std::min(x, 30000.0));
}

}  // namespace

const char* plant_kind_name(PlantKind k) {
  switch (k) {
    case PlantKind::kGrowing:
      return "growing";
    case PlantKind::kCollapsing:
      return "collapsing";
    case PlantKind::kBleeding:
      return "bleeding";
    case PlantKind::kSeasonal:
      return "seasonal";
    case PlantKind::kHealthy:
      return "healthy";
  }
  return "?";
}

std::string Population::encode(const std::string& utf8, bool escape) const {
  std::string escaped;
  escaped.reserve(utf8.size());
  for (char c : utf8) {
    escaped += c;
    if (escape && c == '"') escaped += '"';
  }
  if (opt_.utf8) return escaped;
  std::string out;
  ingest::ConvertError e;
  if (ingest::encode_cp949(escaped, out, &e) != escaped.size()) {
    std::fprintf(stderr, "ijik-gen-nps: cannot encode '%s': %s\n", utf8.c_str(),
                 ingest::describe(e).c_str());
    std::abort();
  }
  return out;
}

Population::Population(const PopulationOptions& opt) : opt_(opt), rng_(opt.seed) {
  // Business-number prefixes: tax office (3 digits) + type (2) + one digit.
  // Corporations use types 81/86/87/88; sole proprietors 01-79. A limited
  // pool makes many workplaces share a prefix, as in the real file.
  std::vector<int> offices;
  for (int i = 0; i < 120; ++i) offices.push_back(101 + static_cast<int>(rng_.below(600)));
  static const int kCorpTypes[] = {81, 81, 81, 86, 87, 88};
  char buf[8];
  for (int i = 0; i < 3000; ++i) {
    std::snprintf(buf, sizeof buf, "%03d%02d%d", rng_.pick(offices), kCorpTypes[rng_.below(6)],
                  static_cast<int>(rng_.below(10)));
    prefixes_corp_.push_back(buf);
    std::snprintf(buf, sizeof buf, "%03d%02d%d", rng_.pick(offices), 1 + rng_.range(0, 78),
                  static_cast<int>(rng_.below(10)));
    prefixes_sole_.push_back(buf);
  }

  wps_.reserve(opt_.workplaces + opt_.workplaces / 10);
  std::string name;
  while (wps_.size() < static_cast<size_t>(opt_.workplaces)) {
    bool corp = rng_.chance(0.55);
    wps_.push_back(make_workplace(opt_.first, false, corp, &name));
    Workplace& w = wps_.back();
    if (rng_.chance(0.01)) {  // already withdrawn, still listed for a while
      w.status = 2;
      copy_date(w.withdrawn, opt_.first.plus(-1 - rng_.range(0, 2)).date(rng_.range(1, 28)));
      w.linger = static_cast<int8_t>(rng_.range(1, 3));
      w.size = 0;
    } else if (corp && w.size > 20 && rng_.chance(0.05)) {
      // A second workplace (branch, plant) of the same company: same prefix.
      add_branch(w, name);
    }
  }
  plant_companies();
}

Workplace Population::make_workplace(YearMonth born, bool newborn, bool corp,
                                     std::string* name_utf8) {
  const auto& inds = industries();
  uint16_t ind_idx;
  do {
    ind_idx = static_cast<uint16_t>(rng_.below(static_cast<uint32_t>(inds.size())));
  } while (inds[ind_idx].sole == corp && !(corp == false && rng_.chance(0.15)));
  const Industry& ind = inds[ind_idx];

  const YearMonth now = opt_.first;
  const auto& regs = regions(!(now < YearMonth{2023, 6}), !(now < YearMonth{2024, 1}));
  double total = 0;
  for (const auto& r : regs) total += r.weight;
  double pick = rng_.uniform() * total;
  const Region* reg = &regs.back();
  for (const auto& r : regs) {
    if ((pick -= r.weight) < 0) {
      reg = &r;
      break;
    }
  }
  const District& dist = rng_.pick(reg->districts);
  const std::string& dong = rng_.pick(dongs());
  int emd = 101 + static_cast<int>(rng_.below(40));
  int hdong = 500 + 10 * static_cast<int>(rng_.below(40));
  int lot = rng_.range(1, 999);
  char postal[8], ldong[16], hd[16], num[32];
  std::snprintf(postal, sizeof postal, "%05d", rng_.range(reg->postal_lo, reg->postal_hi));
  std::snprintf(ldong, sizeof ldong, "%02d%03d%03d00", reg->code, dist.code, emd);
  std::snprintf(hd, sizeof hd, "%02d%03d%03d00", reg->code, dist.code, hdong);

  std::string place = reg->name + " " + dist.name + " ";
  std::string jibun = place + dong + " " + std::to_string(lot);
  if (rng_.chance(0.6)) jibun += "-" + std::to_string(rng_.range(1, 80));
  std::string road = place + rng_.pick(roads()) + " " + std::to_string(rng_.range(1, 600));
  double r = rng_.uniform();
  if (r < 0.45) {
    std::snprintf(num, sizeof num, ", %d층", rng_.range(1, 25));
    road += num;
  } else if (r < 0.65) {
    std::snprintf(num, sizeof num, ", %d층 %d호", rng_.range(1, 25),
                  rng_.range(1, 20) * 100 + rng_.range(1, 15));
    road += num;
  } else if (r < 0.7) {
    road += ", 지하1층";
  }
  road += " (" + dong + ")";

  Workplace w;
  std::string name = make_name(rng_, ind, corp);
  w.name = encode(name);
  char sgg[8], emds[8];
  std::snprintf(sgg, sizeof sgg, "%03d", dist.code);
  std::snprintf(emds, sizeof emds, "%03d", emd);
  std::string fixed;
  for (const std::string& f :
       {std::string(postal), jibun, road, std::string(ldong), std::string(hd),
        std::to_string(reg->code), std::string(sgg), std::string(emds),
        std::string(corp ? "1" : "2"), ind.code, ind.name}) {
    if (!fixed.empty()) fixed += ',';
    fixed += '"';
    for (char c : f) fixed += c == '"' ? std::string("\"\"") : std::string(1, c);
    fixed += '"';
  }
  w.fixed = encode(fixed, false);
  const std::string& prefix = corp ? rng_.pick(prefixes_corp_) : rng_.pick(prefixes_sole_);
  std::memcpy(w.brn, prefix.data(), 6);

  if (newborn) {
    copy_date(w.applied, born.date(rng_.range(1, born.last_day())));
    w.size = rng_.range(1, 6);
  } else {
    int years_back = static_cast<int>(-8.0 * std::log(1.0 - rng_.uniform()));
    YearMonth a = born.plus(-1 - rng_.range(0, 11) - 12 * years_back);
    if (a < YearMonth{1988, 1}) a = {1988, 1};
    copy_date(w.applied, a.date(rng_.range(1, a.last_day())));
    w.size = pareto_size(rng_, corp ? 1.05 : 1.5);
  }
  double scale = w.size > 300 ? 1.2 : w.size > 50 ? 1.1 : w.size < 5 ? 0.9 : 1.0;
  w.income = static_cast<float>(ind.income * scale * std::exp(0.25 * rng_.normal()));
  w.growth = static_cast<float>(0.01 * rng_.normal());
  w.industry = ind_idx;
  w.form = corp ? 1 : 2;

  if (name_utf8) *name_utf8 = name;
  return w;
}

void Population::add_branch(const Workplace& head, const std::string& name_utf8) {
  static const char* const kKinds[] = {" 부산지사", " 대전지점", " 공장", " 연구소", " 제2공장"};
  Workplace b = head;
  b.name = encode(name_utf8 + kKinds[rng_.below(5)]);
  b.size = std::max(1, head.size / (2 + static_cast<int>(rng_.below(6))));
  wps_.push_back(b);
}

void Population::plant_companies() {
  const PlantKind kinds[] = {PlantKind::kGrowing, PlantKind::kCollapsing, PlantKind::kBleeding,
                             PlantKind::kSeasonal, PlantKind::kHealthy};
  int n = 0;
  const int start_offset = opt_.months / 3;
  for (int k = 0; k < opt_.planted_per_kind; ++k) {
    for (PlantKind kind : kinds) {
      size_t idx = rng_.below(static_cast<uint32_t>(wps_.size()));
      while (wps_[idx].plant >= 0) idx = (idx + 1) % wps_.size();
      Workplace w = make_workplace(opt_.first, false, true);
      std::string name = kPlantedNames[n % 20];
      if (n >= 20) name += " " + std::to_string(n / 20 + 1) + "호";
      w.name = encode(name);
      int lo = 30, hi = 60;
      if (kind == PlantKind::kCollapsing) lo = 80, hi = 200;
      if (kind == PlantKind::kBleeding) lo = 120, hi = 200;
      if (kind == PlantKind::kSeasonal) lo = 150, hi = 300;
      if (kind == PlantKind::kHealthy) lo = 50, hi = 300;
      w.size = rng_.range(lo, hi);
      w.status = 1;
      w.plant = static_cast<int16_t>(planted_.size());
      Planted p;
      p.kind = kind;
      p.names = {name};
      p.brn_prefix = std::string(w.brn, 6);
      p.trend_start = kind == PlantKind::kSeasonal ? opt_.first : opt_.first.plus(start_offset);
      p.initial_members = w.size;
      p.index = idx;
      // The province code leads the legal-dong code, the fourth field of `fixed`.
      size_t q = 0;
      for (int f = 0; f < 3; ++f) q = w.fixed.find("\",\"", q) + 3;
      p.region_code = std::atoi(w.fixed.substr(q, 2).c_str());
      planted_.push_back(p);
      wps_[idx] = std::move(w);
      ++n;
    }
  }
}

void Population::report(Workplace& w, int hires, int leavers) {
  // Reports lag and get corrected: new/lost are only roughly consistent.
  if (rng_.chance(0.03)) hires = std::max(0, hires + (rng_.chance(0.5) ? 1 : -1));
  if (rng_.chance(0.03)) leavers = std::max(0, leavers + (rng_.chance(0.5) ? 1 : -1));
  w.hires = hires;
  w.leavers = leavers;
}

void Population::set_billed(Workplace& w, YearMonth ym) {
  PayBounds b = pay_bounds(ym);
  double pay = std::clamp(static_cast<double>(w.income), static_cast<double>(b.floor),
                          static_cast<double>(b.ceiling));
  w.billed = static_cast<int64_t>(w.size * pay * contribution_rate(ym.year) / 10) * 10;
}

void Population::withdraw(Workplace& w, YearMonth ym) {
  w.hires = 0;
  w.leavers = w.size;
  w.size = 0;
  w.billed = 0;
  w.status = 2;
  copy_date(w.withdrawn, ym.date(rng_.range(1, ym.last_day())));
  w.months_since_withdrawal = 0;
  w.linger = static_cast<int8_t>(rng_.range(0, 3));
  w.listed = true;
}

void Population::evolve(Workplace& w, int /*m*/, YearMonth ym) {
  if (rng_.chance(0.02)) w.growth = static_cast<float>(0.01 * rng_.normal());
  double t = w.size < 10 ? 0.025 : 0.018;
  int hires = rng_.poisson(w.size * (t + std::max(0.0f, w.growth)));
  int leavers = std::min(w.size, rng_.poisson(w.size * (t + std::max(0.0f, -w.growth))));
  double hazard = w.size <= 2 ? 0.006 : w.size < 10 ? 0.003 : 0.0008;
  int next = w.size + hires - leavers;
  if (next <= 0 || rng_.chance(hazard)) {
    withdraw(w, ym);
    return;
  }
  w.size = next;
  w.income =
      std::clamp(w.income * static_cast<float>(1.003 + 0.01 * rng_.normal()), 1.0e6f, 2.0e7f);
  report(w, hires, leavers);
  set_billed(w, ym);
  // Renames: a new spelling of the legal form, or a new name altogether.
  if (rng_.chance(0.0008)) {
    w.name = encode(make_name(rng_, industries()[w.industry], w.form == 1));
  }
}

void Population::evolve_planted(Workplace& w, int m, YearMonth ym) {
  Planted& p = planted_[w.plant];
  const bool on = !(ym < p.trend_start);
  const int since = (ym.year * 12 + ym.month) - (p.trend_start.year * 12 + p.trend_start.month);
  int hires = 0, leavers = 0;
  auto base = [&](double rate) { return rng_.poisson(w.size * rate); };
  switch (on ? p.kind : PlantKind::kHealthy) {
    case PlantKind::kGrowing:
      hires = base(0.07) + 1;
      leavers = base(0.015);
      break;
    case PlantKind::kCollapsing:
      if (since >= 2) {
        withdraw(w, ym);
        w.linger = 6;
        return;
      }
      hires = 0;
      leavers = w.size / 2;  // halving
      break;
    case PlantKind::kBleeding:
      hires = base(0.01);
      leavers = std::max(base(0.035) + 1, hires + 1);
      break;
    case PlantKind::kSeasonal: {
      static const double kHire[13] = {0,    0.01, 0.01, 0.2,  0.01, 0.01, 0.01,
                                       0.01, 0.01, 0.15, 0.01, 0.01, 0.01};
      static const double kLeave[13] = {0,    0.1,  0.08, 0.01, 0.01, 0.01, 0.01,
                                        0.01, 0.07, 0.01, 0.01, 0.01, 0.1};
      hires = base(kHire[ym.month]);
      leavers = base(kLeave[ym.month]);
      break;
    }
    case PlantKind::kHealthy:
      hires = base(0.02);
      leavers = base(0.018);
      break;
  }
  leavers = std::min(leavers, w.size - 1);
  w.size += hires - leavers;
  w.hires = hires;
  w.leavers = leavers;
  set_billed(w, ym);
  // The first healthy company re-files its name halfway through the run.
  if (p.kind == PlantKind::kHealthy && w.plant == 4 && opt_.months >= 2 && m == opt_.months / 2) {
    std::string renamed = respell_legal_form(rng_, p.names.back());
    p.names.push_back(renamed);
    w.name = encode(renamed);
  }
}

void Population::advance(int m) {
  const YearMonth ym = opt_.first.plus(m);
  size_t listed = 0;
  const size_t existing = wps_.size();
  for (size_t i = 0; i < existing; ++i) {
    Workplace& w = wps_[i];
    if (w.status == 2) {
      ++w.months_since_withdrawal;
      if (w.plant < 0 && w.months_since_withdrawal <= 6 && rng_.chance(0.02)) {
        // Re-registration.
        w.status = 1;
        std::memset(w.withdrawn, 0, sizeof w.withdrawn);
        copy_date(w.rereg, ym.date(rng_.range(1, ym.last_day())));
        w.size = rng_.range(1, 5);
        w.hires = w.size;
        w.leavers = 0;
        w.listed = true;
        set_billed(w, ym);
        ++listed;
        continue;
      }
      w.listed = w.months_since_withdrawal <= w.linger;
      w.hires = w.leavers = 0;
      w.size = 0;
      w.billed = 0;
      listed += w.listed;
      continue;
    }
    if (w.plant >= 0) {
      evolve_planted(w, m, ym);
    } else {
      evolve(w, m, ym);
    }
    ++listed;
  }
  // Births keep the file near the requested size.
  const long target = std::lround(opt_.workplaces * (1.0 + 0.002 * rng_.normal()));
  for (long i = static_cast<long>(listed); i < target; ++i) {
    wps_.push_back(make_workplace(ym, true, rng_.chance(0.55)));
    Workplace& w = wps_.back();
    w.hires = w.size;
    set_billed(w, ym);
  }
}

}  // namespace ijik::gen_nps
