// Showing arbitrary bytes (format strings, names) on a terminal, one display column per
// printable character, so that a caret can point at a byte.
#ifndef PEP3118_CLI_DISPLAY_HPP
#define PEP3118_CLI_DISPLAY_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace pep3118::cli {

// Printable ASCII as is, every other byte as \xNN.
std::string display_escaped(std::string_view bytes);

// The columns one byte takes in display_escaped text: 1 or 4.
std::size_t display_width(char byte) noexcept;

}  // namespace pep3118::cli

#endif
