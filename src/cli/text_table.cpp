#include "text_table.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace pep3118::cli {

namespace {

// The row without its '\n', so that a heading's paint ends before it.
std::string render_row(const std::vector<column>& columns, const std::vector<std::size_t>& widths,
                       const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) line += "  ";
    if (columns[i].alignment == align::right) {
      fmt::format_to(std::back_inserter(line), "{:>{}}", cells[i], widths[i]);
    } else {
      fmt::format_to(std::back_inserter(line), "{:<{}}", cells[i], widths[i]);
    }
  }
  line.erase(line.find_last_not_of(' ') + 1);
  return line;
}

}  // namespace

text_table::text_table(std::vector<column> columns) : columns_(std::move(columns)) {}

void text_table::add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

std::string text_table::render(const style& shown) const {
  bool has_header =
      std::ranges::any_of(columns_, [](const column& c) { return !c.header.empty(); });
  std::vector<std::size_t> widths;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    std::size_t width = has_header ? columns_[i].header.size() : 0;
    for (const auto& row : rows_) width = std::max(width, row[i].size());
    widths.push_back(width);
  }
  std::string text;
  if (has_header) {
    std::vector<std::string> headers;
    for (const column& c : columns_) headers.push_back(c.header);
    text += shown.paint(tone::heading, render_row(columns_, widths, headers)) + '\n';
  }
  for (const auto& row : rows_) text += render_row(columns_, widths, row) + '\n';
  return text;
}

std::string labelled_lines(const std::vector<std::pair<std::string, std::string>>& lines) {
  text_table table({{}, {}});
  for (const auto& [label, value] : lines) table.add_row({label, value});
  return table.render(style{});
}

}  // namespace pep3118::cli
