// Where the formats come from: the FORMAT arguments, and stdin for each `-`.
#ifndef PEP3118_CLI_INPUT_HPP
#define PEP3118_CLI_INPUT_HPP

#include <cstdio>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pep3118::cli {

// Where a format came from: a FORMAT argument, or a line of stdin.
struct format_origin {
  std::optional<std::size_t> stdin_line;  // from 1; none for an argument
};

// Calls `use` with each format and its origin, in order: the FORMAT arguments, each `-` replaced by the lines
// of `in`, read to its end (so a second `-` adds nothing). Each line is handed on as soon as
// it is read, so an interactive or endless stdin gets its answers line by line. Lines are
// split on '\n' only, with one trailing '\r' stripped; a final '\n' ends the last line rather
// than starting an empty one; every other byte, NUL included, is kept.
void for_each_format(const std::vector<std::string>& format_args, std::FILE* in,
                     const std::function<void(std::string_view format, format_origin origin)>& use);

}  // namespace pep3118::cli

#endif
