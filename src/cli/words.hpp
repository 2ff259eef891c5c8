// What a field is, said for people: in words, and as a C type.
#ifndef PEP3118_CLI_WORDS_HPP
#define PEP3118_CLI_WORDS_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "pep3118/descriptor.hpp"
#include "pep3118/layout.hpp"

namespace pep3118::cli {

// Pointers and function pointers: their fields say what they point to.
bool has_points_to(type_code code) noexcept;

// The number of elements of an array of this shape; 1 for no dims.
std::int64_t element_count(const std::vector<std::int64_t>& shape);

// "(2,3)"; "" for no dims.
std::string shape_text(const std::vector<std::int64_t>& shape);

// "signed 4-byte integer", "array (2,3) of IEEE 754 8-byte float", "pointer to <i".
std::string type_in_words(const field& leaf);

// "int" (native `i`), "int32_t" (standard-size `i`), "char[5]", "double[2][3]",
// "void (*)(void)", "int *" (a pointer to `i`). `desc` is the descriptor the layout of
// `leaf` came from: a pointer's C type is built from what it points to.
std::string c_type_of(const field& leaf, const descriptor& desc);

}  // namespace pep3118::cli

#endif
