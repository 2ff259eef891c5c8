#include "caret.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "display.hpp"
#include "names.hpp"

namespace pep3118::cli {

namespace {

constexpr std::size_t widest_full_display = 100;
constexpr std::size_t window_half_width = 40;
constexpr std::string_view cut_mark = "...";

// columns[i]: the display column where byte i starts; columns[size]: the total width.
std::vector<std::size_t> byte_columns(std::string_view format) {
  std::vector<std::size_t> columns(format.size() + 1, 0);
  for (std::size_t i = 0; i < format.size(); ++i)
    columns[i + 1] = columns[i] + display_width(format[i]);
  return columns;
}

}  // namespace

std::string error_label(const style& shown) { return shown.paint(tone::error, "error"); }

std::string headline(severity level, std::string_view code, std::string_view message, const style& shown) {
  return fmt::format("{}: {}\n", shown.paint(tone_of(level), fmt::format("{}[{}]", severity_name(level), code)),
                     message);
}

std::string caret_display(std::string_view format, const diagnostic& diag, const style& shown) {
  std::size_t offset = std::min(diag.offset, format.size());
  std::vector<std::size_t> columns = byte_columns(format);
  std::size_t caret_column = columns[offset];

  // The bytes [first, last) shown: all of them, or those wholly inside the window (the caret's
  // column and 40 either side), so that no \xNN escape is cut in two. Columns only grow, so
  // the caret's byte is always inside.
  std::size_t first = 0;
  std::size_t last = format.size();
  if (columns.back() > widest_full_display) {
    std::size_t window_start = caret_column - std::min(caret_column, window_half_width);
    std::size_t window_end = caret_column + 1 + window_half_width;
    first =
        static_cast<std::size_t>(std::ranges::lower_bound(columns, window_start) - columns.begin());
    last =
        static_cast<std::size_t>(std::ranges::upper_bound(columns, window_end) - columns.begin()) -
        1;
  }
  std::string_view before_cut = first > 0 ? cut_mark : "";
  std::string_view after_cut = last < format.size() ? cut_mark : "";
  std::size_t caret_indent = before_cut.size() + caret_column - columns[first];

  return fmt::format("{}  {}{}{}\n  {:{}}{} offset {}\n", headline(diag.level, diag.name(), diag.message(), shown),
                     before_cut, display_escaped(format.substr(first, last - first)), after_cut, "",
                     caret_indent, shown.paint(tone_of(diag.level), "^"), diag.offset);
}

std::string caret_displays(std::string_view format, const std::vector<diagnostic>& diagnostics,
                           const style& shown) {
  std::string displays;
  for (const diagnostic& diag : diagnostics) displays += caret_display(format, diag, shown);
  return displays;
}

std::string first_error_line(std::string_view format, const std::vector<diagnostic>& diagnostics,
                             const style& shown) {
  const diagnostic& error = *std::ranges::find(diagnostics, severity::error, &diagnostic::level);
  return fmt::format("{} at offset {} [{}]: {}  {}\n", error_label(shown), error.offset, error.name(),
                     error.message(), display_escaped(format));
}

}  // namespace pep3118::cli
