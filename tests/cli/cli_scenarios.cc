// Runs every tests/cli/scenarios/*.scn as one test.
//
// A scenario is a cram-style transcript. Unindented lines are comments.
// Indented "  $ command" lines run in one bash session whose working folder
// is a fresh temporary directory, with IJIK_HOME pointing there, `ijik`
// being the built binary, NO_COLOR=1 and IJIK_TODAY/IJIK_NOW pinned (a
// scenario may export others). The indented lines after a command are its
// expected output (stdout and stderr together), compared exactly; a line
// ending in " (re)" is a regular expression. "  [N]" expects exit code N
// (default 0). A command expected to fail must leave the workspace exactly
// as it was: the runner dumps it with sqlite3 before and after and compares.
//
// IJIK_SCENARIO_UPDATE=1 rewrites the files with the actual output (review
// the diff before committing).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Step {
  std::vector<std::string> comments;  // unindented lines before the command
  std::string command;
  std::vector<std::string> expected;
  int expected_rc = 0;
};

struct Scenario {
  std::vector<Step> steps;
  std::vector<std::string> trailing;  // comments after the last step
};

Scenario parse(const fs::path& file) {
  std::ifstream in(file);
  Scenario sc;
  std::vector<std::string> comments;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("  $ ", 0) == 0) {
      Step s;
      s.comments = std::move(comments);
      comments.clear();
      s.command = line.substr(4);
      sc.steps.push_back(std::move(s));
    } else if (line.rfind("  ", 0) == 0 && !sc.steps.empty() && comments.empty()) {
      std::string body = line.substr(2);
      std::smatch m;
      static const std::regex rc_re(R"(^\[(\d+)\]$)");
      if (std::regex_match(body, m, rc_re))
        sc.steps.back().expected_rc = std::stoi(m[1]);
      else
        sc.steps.back().expected.push_back(body);
    } else {
      comments.push_back(line);
    }
  }
  sc.trailing = std::move(comments);
  return sc;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Outcome {
  std::vector<std::string> output;
  int rc = 0;
  bool workspace_changed = false;
};

std::vector<Outcome> run(const Scenario& sc, const fs::path& dir) {
  const std::string marker = "@@IJIK-SCENARIO@@";
  std::ostringstream script;
  script << "cd " << shell_quote(dir.string()) << "\n"
         << "export IJIK_HOME=" << shell_quote(dir.string()) << " NO_COLOR=1 LC_ALL=C.UTF-8\n"
         << "export IJIK_TODAY=2026-03-05 IJIK_NOW=2026-03-05T09:00:00Z TZ=Asia/Seoul\n"
         << "export IJIK_TESTS=" << shell_quote(IJIK_TESTS_DIR) << "\n"
         << "ijik() { " << shell_quote(IJIK_BINARY) << " \"$@\"; }\n"
         << "__dump() { if [ -f \"$IJIK_HOME/ijik.db\" ]; then sqlite3 \"$IJIK_HOME/ijik.db\" "
            ".dump; fi; }\n";
  for (size_t i = 0; i < sc.steps.size(); ++i) {
    const Step& s = sc.steps[i];
    bool check = s.expected_rc != 0;
    script << "echo " << marker << "BEGIN\n";
    if (check) script << "__dump > .before." << i << "\n";
    script << s.command << " 2>&1\n__rc=$?\n";
    if (check)
      script << "__dump > .after." << i << "\ncmp -s .before." << i << " .after." << i
             << " || echo " << marker << "CHANGED\n";
    // A newline first: output without a final newline must not swallow the marker.
    script << "printf '\\n%sRC %s\\n' " << marker << " \"$__rc\"\n";
  }
  fs::path script_file = dir / ".scenario.sh";
  std::ofstream(script_file) << script.str();
  std::string cmd = "bash " + shell_quote(script_file.string()) + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string all;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) all.append(buf.data(), n);
  pclose(p);

  std::vector<Outcome> out;
  std::istringstream lines(all);
  std::string line;
  Outcome cur;
  while (std::getline(lines, line)) {
    if (line == marker + "BEGIN") {
      cur = Outcome{};
    } else if (line == marker + "CHANGED") {
      cur.workspace_changed = true;
    } else if (line.rfind(marker + "RC ", 0) == 0) {
      cur.rc = std::stoi(line.substr(marker.size() + 3));
      // Drop the newline printed before the marker (an empty line, or it ended a partial line).
      if (!cur.output.empty() && cur.output.back().empty()) cur.output.pop_back();
      out.push_back(cur);
    } else {
      cur.output.push_back(line);
    }
  }
  return out;
}

bool line_matches(const std::string& expected, const std::string& actual) {
  const std::string re_suffix = " (re)";
  if (expected.size() > re_suffix.size() &&
      expected.compare(expected.size() - re_suffix.size(), re_suffix.size(), re_suffix) == 0) {
    try {
      return std::regex_match(actual,
                              std::regex(expected.substr(0, expected.size() - re_suffix.size())));
    } catch (const std::regex_error&) {
      return false;
    }
  }
  return expected == actual;
}

std::vector<std::string> trim_trailing_blank(std::vector<std::string> v) {
  while (!v.empty() && v.back().empty()) v.pop_back();
  return v;
}

bool outputs_match(const std::vector<std::string>& expected,
                   const std::vector<std::string>& actual) {
  auto e = trim_trailing_blank(expected), a = trim_trailing_blank(actual);
  if (e.size() != a.size()) return false;
  for (size_t i = 0; i < e.size(); ++i)
    if (!line_matches(e[i], a[i])) return false;
  return true;
}

std::string indent(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "  " + l + "\n";
  return out;
}

void write_updated(const fs::path& file, const Scenario& sc, const std::vector<Outcome>& got) {
  std::ofstream out(file);
  for (size_t i = 0; i < sc.steps.size(); ++i) {
    for (const auto& c : sc.steps[i].comments) out << c << "\n";
    out << "  $ " << sc.steps[i].command << "\n";
    if (i < got.size()) {
      std::vector<std::string> lines = trim_trailing_blank(got[i].output);
      // Keep regex lines the author wrote where they still match.
      const auto& exp = sc.steps[i].expected;
      for (size_t k = 0; k < lines.size(); ++k)
        out << "  " << (k < exp.size() && line_matches(exp[k], lines[k]) ? exp[k] : lines[k])
            << "\n";
      if (got[i].rc != 0) out << "  [" << got[i].rc << "]\n";
    }
  }
  for (const auto& c : sc.trailing) out << c << "\n";
}

std::vector<fs::path> scenario_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(IJIK_SCENARIO_DIR))
    if (e.path().extension() == ".scn") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

class Scenarios : public ::testing::TestWithParam<fs::path> {};

TEST_P(Scenarios, Transcript) {
  const fs::path file = GetParam();
  Scenario sc = parse(file);
  ASSERT_FALSE(sc.steps.empty()) << file << " has no commands";
  char tmpl[] = "/tmp/ijik-scenario-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  fs::path dir(tmpl);
  auto got = run(sc, dir);
  ASSERT_EQ(got.size(), sc.steps.size()) << "the scenario script stopped early";
  if (std::getenv("IJIK_SCENARIO_UPDATE")) write_updated(file, sc, got);
  for (size_t i = 0; i < sc.steps.size(); ++i) {
    const Step& s = sc.steps[i];
    EXPECT_TRUE(outputs_match(s.expected, got[i].output))
        << file.filename().string() << ": $ " << s.command << "\n--- expected\n"
        << indent(s.expected) << "--- actual\n"
        << indent(got[i].output);
    EXPECT_EQ(s.expected_rc, got[i].rc)
        << file.filename().string() << ": exit code of $ " << s.command;
    EXPECT_FALSE(got[i].workspace_changed)
        << file.filename().string() << ": $ " << s.command << " failed but changed the workspace";
  }
  if (!::testing::Test::HasFailure()) fs::remove_all(dir);
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cli, Scenarios, ::testing::ValuesIn(scenario_files()), test_name);

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
