// Columns of text for people: each column as wide as its widest cell, two spaces between
// columns, numbers right-aligned, no trailing spaces.
#ifndef PEP3118_CLI_TEXT_TABLE_HPP
#define PEP3118_CLI_TEXT_TABLE_HPP

#include <string>
#include <utility>
#include <vector>

#include "style.hpp"

namespace pep3118::cli {

enum class align { left, right };

struct column {
  std::string header;  // an empty header row is not printed
  align alignment = align::left;
};

class text_table {
 public:
  explicit text_table(std::vector<column> columns);
  // One cell per column.
  void add_row(std::vector<std::string> cells);
  // Every line ends in '\n'; the header row is painted as a heading.
  std::string render(const style& shown) const;

 private:
  std::vector<column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Lines of `label  value`, the values lined up: the header lines of a block.
std::string labelled_lines(const std::vector<std::pair<std::string, std::string>>& lines);

}  // namespace pep3118::cli

#endif
