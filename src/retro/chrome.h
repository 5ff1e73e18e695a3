// Pasted retrospectives: a blog page's chrome stripped (본문 바로가기,
// category lists, like and comment counts, tag lines, Notion properties),
// and the text cut into sentences.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace ijik::retro {

struct CleanText {
  std::string text;            // Markdown, chrome lines removed
  std::optional<Date> posted;  // a post date found in the chrome (2020. 3. 15. 21:04)
  int lines_dropped = 0;
};

// Removes lines that are page furniture rather than prose. Lines are kept
// whole; nothing inside a prose line is changed.
CleanText strip_chrome(std::string_view page);

struct Sentence {
  std::string text;  // trimmed, list bullets and heading marks dropped
  bool heading = false;
};

// Lines, then sentences within a line (after ". ", "! ", "? " and their
// runs, not after a digit's period as in 2019.11.04.).
std::vector<Sentence> split_sentences(std::string_view text);

}  // namespace ijik::retro
