// Fields said for people: in words and as C types (used by explain, compare and emit c).
#ifndef PEP3118_DESCRIBE_HPP
#define PEP3118_DESCRIBE_HPP

#include <string>

#include "descriptor.hpp"
#include "layout.hpp"

namespace pep3118 {

// "signed 4-byte integer", "array (2,3) of IEEE 754 8-byte float", "pointer to <i",
// "struct array of 3 elements, 8 bytes each". A pointer's target is its canonical text, names
// included as the format wrote them (UTF-8): escape it for display.
std::string type_in_words(const field& leaf);

// How C names a field's type.
enum class c_names : unsigned char {
  as_written,   // `int` for native `i`, `int32_t` under standard sizes (explain)
  fixed_width,  // `int32_t` wherever a fixed-width type exists, and IEEE halves as their
                // bits (`uint16_t`): many C compilers lack _Float16 (emit c)
};
// Under fixed_width every integer code (b B h H i I l L q Q n N) is intN_t/uintN_t of the
// field's size, whatever the mark; `_Bool`, `char`, the floats and the pointer codes keep
// their C names. What a pointer points to is spelt as written under both (`int *` for `&i`),
// except that under fixed_width a pointer leading to a struct is `void *`: C would need a
// declared struct type for it.

// The C type of a field: "int", "char[5]", "double[2][3]", "int *", "void (*)(void)".
// `desc` is the descriptor the layout of `leaf` came from.
std::string c_type_of(const field& leaf, const descriptor& desc, c_names names = c_names::as_written);

}  // namespace pep3118

#endif
