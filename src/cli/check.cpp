#include <optional>

#include <fmt/format.h>

#include "display.hpp"
#include "names.hpp"
#include "pep3118/layout.hpp"
#include "reports.hpp"
#include "text_answer.hpp"

namespace pep3118::cli {

namespace {

std::string valid_line(const item_size& laid_out, std::size_t warnings, std::string_view format) {
  std::string line = fmt::format("ok  itemsize {}  alignment {}  {}", laid_out.itemsize,
                                 laid_out.alignment, display_escaped(format));
  if (warnings > 0)
    line += fmt::format("  ({})", counted(static_cast<std::int64_t>(warnings), "warning"));
  return line + '\n';
}

}  // namespace

// `check` shows the itemsize and alignment alone, so it asks for nothing more: check_size()
// gives check()'s verdict and diagnostics without writing the fields.
report check_report(const options& opts, std::string_view format) {
  result<item_size> laid_out = check_size(format, *opts.tgt, parse_options_of(opts));
  const std::vector<diagnostic>& diagnostics = laid_out.diagnostics();
  std::optional<std::string> answer;
  if (laid_out.ok()) answer = valid_line(laid_out.value(), diagnostics.size(), format);
  return text_answer(format, diagnostics, std::move(answer), opts.styles);
}

}  // namespace pep3118::cli
