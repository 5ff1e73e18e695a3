#include "domain/decision.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ijik::domain {
namespace {

constexpr double kEps = 1e-9;

double score_at(const DecisionOption& o, size_t c) {
  return c < o.scores.size() && o.scores[c] ? *o.scores[c] : 0.0;
}

}  // namespace

const std::vector<Criterion>& default_criteria() {
  static const std::vector<Criterion> c = {{"보상", 20},    {"성장", 20},   {"기술·도메인", 15},
                                           {"팀·리더", 15}, {"안정성", 15}, {"워라밸", 10},
                                           {"통근", 5}};
  return c;
}

double weighted_score(const std::vector<Criterion>& criteria,
                      const std::vector<std::optional<double>>& scores) {
  double num = 0, den = 0;
  for (size_t c = 0; c < criteria.size(); ++c) {
    den += criteria[c].weight;
    if (c < scores.size() && scores[c]) num += criteria[c].weight * *scores[c];
  }
  return den > 0 ? num / den : 0.0;
}

std::vector<size_t> rank_options(const Decision& d) {
  std::vector<double> s;
  for (const auto& o : d.options) s.push_back(weighted_score(d.criteria, o.scores));
  std::vector<size_t> idx(d.options.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return s[a] > s[b] + kEps; });
  return idx;
}

std::optional<Sensitivity> sensitivity(const Decision& d) {
  const size_t n = d.options.size(), m = d.criteria.size();
  if (n < 2 || m == 0) return std::nullopt;
  const size_t top = rank_options(d).front();
  std::optional<Sensitivity> best;
  double best_delta = std::numeric_limits<double>::infinity();
  for (size_t c = 0; c < m; ++c) {
    const double wc = d.criteria[c].weight;
    double others = 0;
    for (size_t k = 0; k < m; ++k)
      if (k != c) others += d.criteria[k].weight;
    for (size_t o = 0; o < n; ++o) {
      if (o == top) continue;
      // Option o is first when, for every p ≠ o, A_p + B_p·w > 0 (the common
      // positive denominator Σw drops out). The set of such w ≥ 0 is an interval.
      double lo = 0, hi = std::numeric_limits<double>::infinity();
      bool lo_open = others <= kEps;  // w = 0 with no other weight leaves nothing to rank
      bool feasible = true;
      for (size_t p = 0; p < n && feasible; ++p) {
        if (p == o) continue;
        double a = 0;
        for (size_t k = 0; k < m; ++k)
          if (k != c)
            a += d.criteria[k].weight * (score_at(d.options[o], k) - score_at(d.options[p], k));
        const double b = score_at(d.options[o], c) - score_at(d.options[p], c);
        if (std::fabs(b) <= kEps) {
          if (a <= kEps) feasible = false;
        } else if (b > 0) {
          const double t = -a / b;
          if (t >= lo) {
            lo = t;
            lo_open = true;
          }
        } else {
          hi = std::min(hi, -a / b);
        }
      }
      if (!feasible || hi - lo <= kEps || (lo_open && hi <= lo)) continue;
      Sensitivity s;
      s.criterion = c;
      s.old_weight = wc;
      s.new_top = o;
      if (wc <= lo + kEps) {
        s.new_weight = lo;
        s.up = true;
      } else if (wc >= hi - kEps) {
        s.new_weight = hi;
        s.up = false;
      } else {
        continue;  // o is already strictly first at wc: cannot happen for o ≠ top
      }
      const double delta = std::fabs(s.new_weight - wc);
      if (delta < best_delta - kEps) {
        best_delta = delta;
        best = s;
      }
    }
  }
  return best;
}

}  // namespace ijik::domain
