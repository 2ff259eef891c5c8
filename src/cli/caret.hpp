// Showing a diagnostic to a person: what went wrong, and a caret under the byte.
#ifndef PEP3118_CLI_CARET_HPP
#define PEP3118_CLI_CARET_HPP

#include <string>
#include <string_view>
#include <vector>

#include "pep3118/diagnostic.hpp"

namespace pep3118::cli {

// Three lines, each ending in '\n':
//   error[stray_brace]: '}' without a matching 'T{' or 'X{'
//     i}xyz
//      ^ offset 1
// A format wider than 100 columns is shown as a window of 40 columns either side of the
// caret, with "..." where it was cut.
std::string caret_display(std::string_view format, const diagnostic& diag);

// The displays of all of them, in order.
std::string caret_displays(std::string_view format, const std::vector<diagnostic>& diagnostics);

}  // namespace pep3118::cli

#endif
