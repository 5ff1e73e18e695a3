// Realistic workplace names: legal-form markers in their many spellings
// ((주), ㈜, 주식회사, before or after), Latin names, spaces, and the odd
// comma or double quote.
#pragma once

#include <string>

#include "rng.h"
#include "vocab.h"

namespace ijik::gen_nps {

// A random UTF-8 name for a workplace in `industry`; `corporation` selects a
// company name with a legal-form marker, otherwise a sole proprietor's shop name.
std::string make_name(Rng& rng, const Industry& industry, bool corporation);

// The same company under another spelling of its legal form ("(주)한빛테크" ->
// "한빛테크 주식회사"), as seen when a workplace re-files its name.
std::string respell_legal_form(Rng& rng, const std::string& name);

}  // namespace ijik::gen_nps
