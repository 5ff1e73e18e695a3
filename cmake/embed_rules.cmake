# Writes OUT: a C++ file holding IN (the built-in vetting rules.toml) as a raw string.
file(READ ${IN} text)
set(body "// Generated from src/vetting/rules.toml. Do not edit.\n#include \"vetting/rule_config.h\"\n\nnamespace ijik::vetting {\nstd::string_view default_rules_text() {\n  static constexpr std::string_view text = R\"ijikrules(${text})ijikrules\";\n  return text;\n}\n}  // namespace ijik::vetting\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
