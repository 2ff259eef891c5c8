// Diagnostics: what went wrong (or looks suspicious), where, and a stable code to match on.
#ifndef PEP3118_DIAGNOSTIC_HPP
#define PEP3118_DIAGNOSTIC_HPP

#include <cstddef>
#include <string_view>

namespace pep3118 {

enum class severity : unsigned char { warning, error };

// Stable codes: their names (code_name) are part of the CLI's JSON contract, so a code is
// never renamed or reused; new ones are appended.
enum class error_code : unsigned char {
  // syntax
  nul_byte,
  unknown_code,
  missing_code,
  stray_brace,
  unterminated_struct,
  unterminated_function,
  expected_brace,
  empty_shape,
  expected_dim,
  expected_shape_close,
  shape_after_count,
  mark_after_count,
  name_without_item,
  unterminated_name,
  invalid_utf8,
  bad_complex,
  pointer_code_not_at_end,
  missing_return,
  // CPython struct rules only
  space_after_count,
  mark_not_first,
  not_in_struct,
  native_only,
  // limits
  format_too_long,
  number_too_large,
  too_deep,
  too_many_dims,
  size_overflow,
  // meaning
  duplicate_name,
  bitfield_layout,
  // warnings: producer spellings the PEP does not define
  complex_spelling,
  ctypes_pointer_code,
  no_standard_size,
  // compare and emit
  too_large_to_compare,
  numpy_cannot_express,
  struct_cannot_express,
  // target files
  bad_target_line,
  missing_target_key,
};

// The stable snake_case name of a code, e.g. "stray_brace".
std::string_view code_name(error_code code) noexcept;
// The fixed English message of a code; its offset says where.
std::string_view code_message(error_code code) noexcept;
// Codes that are warnings unless strict parsing turns them into errors.
bool is_warning_code(error_code code) noexcept;

struct diagnostic {
  severity level;
  error_code code;
  std::size_t offset;  // byte offset into the format string
  std::string_view message() const noexcept { return code_message(code); }
  std::string_view name() const noexcept { return code_name(code); }
};

}  // namespace pep3118

#endif
