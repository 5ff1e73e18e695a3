#include "names.h"

#include <string_view>

namespace ijik::gen_nps {
namespace {

std::string company_base(Rng& rng, const Industry& ind) {
  double r = rng.uniform();
  if (r < 0.12) {
    std::string s = rng.pick(latin_roots());
    return s + " " + rng.pick(latin_suffixes());
  }
  std::string s = rng.pick(korean_roots());
  if (rng.chance(0.2)) s += rng.pick(korean_roots());
  if (r < 0.15) return s + " " + rng.pick(latin_suffixes());
  if (rng.chance(0.15)) s += " ";
  s += rng.pick(ind.words);
  if (rng.chance(0.002)) s = "\"" + s + "\"";                      // quoted brand
  if (rng.chance(0.002)) s = rng.pick(korean_roots()) + ", " + s;  // comma
  return s;
}

std::string with_legal_form(Rng& rng, const std::string& base) {
  double r = rng.uniform();
  if (r < 0.30) return "(주)" + base;
  if (r < 0.45) return "㈜" + base;
  if (r < 0.60) return "주식회사 " + base;
  if (r < 0.72) return base + " 주식회사";
  if (r < 0.80) return base + "(주)";
  if (r < 0.83) return base + "㈜";
  if (r < 0.86) return "(주) " + base;
  if (r < 0.89) return "유한회사 " + base;
  if (r < 0.91) return "(유)" + base;
  return base;
}

// Removes one known legal-form marker from the start or end of `name`.
std::string strip_legal_form(std::string name) {
  static const std::string_view kMarks[] = {"주식회사 ", " 주식회사", "(주) ", "(주)",
                                            "㈜",        "유한회사 ", "(유)"};
  for (std::string_view m : kMarks) {
    if (name.size() > m.size() && name.compare(0, m.size(), m) == 0) return name.substr(m.size());
    if (name.size() > m.size() && name.compare(name.size() - m.size(), m.size(), m) == 0) {
      return name.substr(0, name.size() - m.size());
    }
  }
  return name;
}

}  // namespace

std::string make_name(Rng& rng, const Industry& industry, bool corporation) {
  if (corporation) return with_legal_form(rng, company_base(rng, industry));
  double r = rng.uniform();
  if (r < 0.5) return rng.pick(surnames()) + rng.pick(given_names()) + rng.pick(industry.words);
  std::string s = rng.pick(korean_roots());
  if (r > 0.9) s += " ";
  return s + rng.pick(industry.words);
}

std::string respell_legal_form(Rng& rng, const std::string& name) {
  std::string base = strip_legal_form(name);
  for (int i = 0; i < 8; ++i) {
    std::string s = with_legal_form(rng, base);
    if (s != name) return s;
  }
  return "주식회사 " + base;
}

}  // namespace ijik::gen_nps
