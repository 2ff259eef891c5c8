// The mapping between type-code characters and type_code values, shared by every engine.
#ifndef PEP3118_DETAIL_CODES_HPP
#define PEP3118_DETAIL_CODES_HPP

#include <pep3118/type_code.hpp>

namespace pep3118::detail {

// A one-character code as the grammar accepted it (never 'Z', 'T', '&' or 'X').
constexpr type_code code_from_char(char c) noexcept {
  switch (c) {
    case 'x': return type_code::pad;
    case 'c': return type_code::char_;
    case 'b': return type_code::signed_char;
    case 'B': return type_code::unsigned_char;
    case '?': return type_code::bool_;
    case 'h': return type_code::short_;
    case 'H': return type_code::unsigned_short;
    case 'i': return type_code::int_;
    case 'I': return type_code::unsigned_int;
    case 'l': return type_code::long_;
    case 'L': return type_code::unsigned_long;
    case 'q': return type_code::long_long;
    case 'Q': return type_code::unsigned_long_long;
    case 'n': return type_code::ssize;
    case 'N': return type_code::size;
    case 'e': return type_code::half;
    case 'f': return type_code::float_;
    case 'd': return type_code::double_;
    case 'g': return type_code::long_double;
    case 's': return type_code::bytes;
    case 'p': return type_code::pascal_bytes;
    case 'P': return type_code::void_pointer;
    case 'O': return type_code::object;
    case 'u': return type_code::ucs2;
    case 'w': return type_code::ucs4;
    case 't': return type_code::bits;
    case 'z': return type_code::char_pointer;
    case 'F': return type_code::complex_float;
    case 'D': return type_code::complex_double;
    default: return type_code::complex_long_double;  // 'G'
  }
}

// The code after 'Z': f, d, g or e.
constexpr type_code complex_from_suffix(char c) noexcept {
  switch (c) {
    case 'f': return type_code::complex_float;
    case 'd': return type_code::complex_double;
    case 'g': return type_code::complex_long_double;
    default: return type_code::complex_half;  // 'e'
  }
}

// Codes whose count is a length or a width rather than a repeat.
constexpr bool count_is_length(type_code code) noexcept {
  return code == type_code::pad || code == type_code::bytes || code == type_code::pascal_bytes ||
         code == type_code::bits;
}

}  // namespace pep3118::detail

#endif
