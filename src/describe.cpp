// Fields said for people: in words, and as C types.
#include <pep3118/describe.hpp>

#include <fmt/format.h>

#include "c_declarator.hpp"

namespace pep3118 {

namespace {

// "1 element", "3 elements".
std::string counted(std::int64_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

std::string element_in_words(const field& leaf) {
  std::int64_t bytes = leaf.size;
  switch (leaf.code) {
    case type_code::pad: return counted(bytes, "pad byte");
    case type_code::char_: return "char";
    case type_code::bool_: return "bool";
    case type_code::signed_char:
    case type_code::short_:
    case type_code::int_:
    case type_code::long_:
    case type_code::long_long:
    case type_code::ssize: return fmt::format("signed {}-byte integer", bytes);
    case type_code::unsigned_char:
    case type_code::unsigned_short:
    case type_code::unsigned_int:
    case type_code::unsigned_long:
    case type_code::unsigned_long_long:
    case type_code::size: return fmt::format("unsigned {}-byte integer", bytes);
    case type_code::half: return fmt::format("IEEE 754 half ({} bytes)", bytes);
    case type_code::float_:
    case type_code::double_: return fmt::format("IEEE 754 {}-byte float", bytes);
    case type_code::long_double: return fmt::format("long double ({} bytes)", bytes);
    case type_code::complex_half:
    case type_code::complex_float:
    case type_code::complex_double: return fmt::format("complex of two {}-byte floats", bytes / 2);
    case type_code::complex_long_double: return fmt::format("complex of two {}-byte long doubles", bytes / 2);
    case type_code::bytes: return fmt::format("{}-byte string", bytes);
    case type_code::pascal_bytes: return fmt::format("Pascal string of {} bytes", bytes);
    case type_code::void_pointer: return "untyped pointer";
    case type_code::object: return "Python object pointer";
    case type_code::ucs2: return "UCS-2 code unit";
    case type_code::ucs4: return "UCS-4 code point";
    case type_code::bits: return "bit field";
    case type_code::char_pointer: return "pointer to a C string";
    case type_code::wchar_pointer: return "pointer to a wide C string";
    case type_code::structure:
      if (leaf.shape.empty()) return fmt::format("struct of {} without fields", counted(bytes, "byte"));
      return fmt::format("struct array of {}, {} bytes each", counted(element_count(leaf.shape), "element"),
                         bytes);
    case type_code::pointer: return "pointer to " + leaf.points_to;
    case type_code::function: return "function pointer";
  }
  return {};
}

}  // namespace

std::string type_in_words(const field& leaf) {
  // An array of structs says its own shape; its elements follow as fields of their own.
  if (leaf.shape.empty() || leaf.code == type_code::structure) return element_in_words(leaf);
  return fmt::format("array ({}) of {}", fmt::join(leaf.shape, ","), element_in_words(leaf));
}

std::string c_type_of(const field& leaf, const descriptor& desc, c_names names) {
  return detail::c_field_declarator(leaf, desc, names).type_name();
}

}  // namespace pep3118
