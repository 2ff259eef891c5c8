// The text output of commands that answer each format with text for other tools (check, canon,
// emit): the answer on stdout, so that batch output lines up with its input, and the caret
// displays on stderr, so that they never mix into the answers.
#ifndef PEP3118_CLI_TEXT_ANSWER_HPP
#define PEP3118_CLI_TEXT_ANSWER_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pep3118/diagnostic.hpp"
#include "reports.hpp"
#include "style.hpp"

namespace pep3118::cli {

// `answer` (ending in '\n') when there is one, else the line of the first error, which is
// also the failure --quiet prints:
//   error at offset 1 [stray_brace]: '}' without a matching 'T{' or 'X{'  i}xyz
// The caret display of every diagnostic (warnings too) goes to stderr.
report text_answer(std::string_view format, const std::vector<diagnostic>& diagnostics,
                   std::optional<std::string> answer, const stream_styles& styles);

}  // namespace pep3118::cli

#endif
