#include <algorithm>

#include <fmt/format.h>

#include "caret.hpp"
#include "display.hpp"
#include "names.hpp"
#include "pep3118/layout.hpp"
#include "reports.hpp"

namespace pep3118::cli {

namespace {

std::string valid_line(const layout& laid_out, std::size_t warnings, std::string_view format) {
  std::string line = fmt::format("ok  itemsize {}  alignment {}  {}", laid_out.itemsize,
                                 laid_out.alignment, display_escaped(format));
  if (warnings > 0)
    line += fmt::format("  ({})", counted(static_cast<std::int64_t>(warnings), "warning"));
  return line + '\n';
}

std::string invalid_line(const diagnostic& error, std::string_view format) {
  return fmt::format("error at offset {} [{}]: {}  {}\n", error.offset, error.name(),
                     error.message(), display_escaped(format));
}

}  // namespace

report check_report(const options& opts, std::string_view format) {
  result<layout> laid_out = check(format, *opts.tgt, parse_options_of(opts));
  const std::vector<diagnostic>& diagnostics = laid_out.diagnostics();
  std::string displays = caret_displays(format, diagnostics);
  if (laid_out.ok()) {
    return {valid_line(laid_out.value(), diagnostics.size(), format), std::move(displays), true};
  }
  auto first_error = std::ranges::find(diagnostics, severity::error, &diagnostic::level);
  return {invalid_line(*first_error, format), std::move(displays), false};
}

}  // namespace pep3118::cli
