// Showing a diagnostic to a person: as a caret display (what went wrong, and a caret under the
// byte) or as the one line of an error. Labels and carets are painted by the style given.
#ifndef PEP3118_CLI_CARET_HPP
#define PEP3118_CLI_CARET_HPP

#include <string>
#include <string_view>
#include <vector>

#include "pep3118/diagnostic.hpp"
#include "style.hpp"

namespace pep3118::cli {

// `error[stray_brace]: '}' without a matching 'T{' or 'X{'` and '\n', `error[stray_brace]`
// painted: the first line of a caret display, and all that is shown of what is said of no byte
// (a finding about a whole buffer, a pair too large to compare).
std::string headline(severity level, std::string_view code, std::string_view message, const style& shown);

// "error", painted: the label of a line that says an error in words.
std::string error_label(const style& shown);

// Three lines, each ending in '\n':
//   error[stray_brace]: '}' without a matching 'T{' or 'X{'
//     i}xyz
//      ^ offset 1
// A format wider than 100 columns is shown as a window of 40 columns either side of the
// caret, with "..." where it was cut. The label and the caret are painted.
std::string caret_display(std::string_view format, const diagnostic& diag, const style& shown);

// The displays of all of them, in order.
std::string caret_displays(std::string_view format, const std::vector<diagnostic>& diagnostics,
                           const style& shown);

// The one line of the first error among `diagnostics` (there must be one), "error" painted:
//   error at offset 1 [stray_brace]: '}' without a matching 'T{' or 'X{'  i}xyz
std::string first_error_line(std::string_view format, const std::vector<diagnostic>& diagnostics,
                             const style& shown);

}  // namespace pep3118::cli

#endif
