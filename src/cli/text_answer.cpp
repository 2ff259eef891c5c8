#include "text_answer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "caret.hpp"
#include "display.hpp"

namespace pep3118::cli {

namespace {

std::string error_line(const diagnostic& error, std::string_view format) {
  return fmt::format("error at offset {} [{}]: {}  {}\n", error.offset, error.name(),
                     error.message(), display_escaped(format));
}

}  // namespace

report text_answer(std::string_view format, const std::vector<diagnostic>& diagnostics,
                   std::optional<std::string> answer) {
  std::string displays = caret_displays(format, diagnostics);
  if (answer) return {std::move(*answer), std::move(displays), true};
  auto first_error = std::ranges::find(diagnostics, severity::error, &diagnostic::level);
  return {error_line(*first_error, format), std::move(displays), false};
}

}  // namespace pep3118::cli
