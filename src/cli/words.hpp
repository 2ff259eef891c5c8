// Small helpers for showing fields: shapes, element counts, what points somewhere.
// (The type in words and the C type are the library's: pep3118/describe.hpp.)
#ifndef PEP3118_CLI_WORDS_HPP
#define PEP3118_CLI_WORDS_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "pep3118/type_code.hpp"

namespace pep3118::cli {

// Pointers and function pointers: their fields say what they point to.
bool has_points_to(type_code code) noexcept;

// "(2,3)"; "" for no dims.
std::string shape_text(const std::vector<std::int64_t>& shape);

}  // namespace pep3118::cli

#endif
