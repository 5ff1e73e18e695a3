// Getting a journal entry's text from the user: a file, standard input, or
// their editor ($VISUAL, else $EDITOR) on a temporary Markdown file.
#pragma once

#include <string>

#include "common/result.h"

namespace ijik::cli {

// Opens `editor` (a shell command line such as "vim" or "code --wait") on a
// temporary .md file holding `initial`, waits for it and returns the file's
// text. The temporary file is removed afterwards.
Result<std::string> edit_in_editor(const std::string& editor, const std::string& initial);

// The text of an entry, from the first source that applies: `file` when
// given ("-" for standard input); standard input when it is not a terminal;
// else the editor from $VISUAL or $EDITOR on `initial`. A usage error when
// none applies (a terminal and no editor set).
Result<std::string> read_entry_text(const std::string& file, const std::string& initial);

}  // namespace ijik::cli
