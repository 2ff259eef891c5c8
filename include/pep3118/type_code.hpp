// The type codes of the language and the byte-order marks, as values.
#ifndef PEP3118_TYPE_CODE_HPP
#define PEP3118_TYPE_CODE_HPP

#include <cstddef>
#include <string_view>

namespace pep3118 {

// One enumerator per meaning; spellings that mean the same (`F` and `Zf`) share one.
enum class type_code : unsigned char {
  pad,                 // x
  char_,               // c
  signed_char,         // b
  unsigned_char,       // B
  bool_,               // ?
  short_,              // h
  unsigned_short,      // H
  int_,                // i
  unsigned_int,        // I
  long_,               // l
  unsigned_long,       // L
  long_long,           // q
  unsigned_long_long,  // Q
  ssize,               // n
  size,                // N
  half,                // e
  float_,              // f
  double_,             // d
  long_double,         // g
  complex_half,        // Ze
  complex_float,       // Zf (also F)
  complex_double,      // Zd (also D)
  complex_long_double, // Zg (also G)
  bytes,               // s: count is the byte length
  pascal_bytes,        // p: count is the byte length
  void_pointer,        // P
  object,              // O
  ucs2,                // u
  ucs4,                // w
  bits,                // t: count is the number of bits
  char_pointer,        // z (ctypes)
  wchar_pointer,       // Z (ctypes)
  structure,           // T{...}
  pointer,             // &item
  function,            // X{args->ret}
};

inline constexpr std::size_t type_code_count = static_cast<std::size_t>(type_code::function) + 1;

// The canonical spelling: "i", "Zf", "T", "&", "X".
std::string_view code_text(type_code code) noexcept;

// The byte-order mark in force, exactly as the format spelt it.
enum class byte_order : char {
  native = '@',            // native order, sizes and alignment
  native_unaligned = '^',  // native order and sizes, no alignment
  native_standard = '=',   // native order, standard sizes, no alignment
  little = '<',
  big = '>',
  network = '!',           // the same as '>'
};

// '@' and '^' use native sizes; the other marks standard sizes.
constexpr bool uses_native_sizes(byte_order order) noexcept {
  return order == byte_order::native || order == byte_order::native_unaligned;
}

}  // namespace pep3118

#endif
