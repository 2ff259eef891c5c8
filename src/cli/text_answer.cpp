#include "text_answer.hpp"

#include "caret.hpp"

namespace pep3118::cli {

report text_answer(std::string_view format, const std::vector<diagnostic>& diagnostics,
                   std::optional<std::string> answer, const stream_styles& styles) {
  std::string displays = caret_displays(format, diagnostics, styles.err);
  if (answer) return {std::move(*answer), std::move(displays), true, ""};
  std::string error = first_error_line(format, diagnostics, styles.out);
  return {error, std::move(displays), false, error};
}

}  // namespace pep3118::cli
