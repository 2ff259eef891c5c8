// The name and message of every error code, as data: read by code_name/code_message at run
// time and by static.hpp, whose compile errors quote the message.
#ifndef PEP3118_DETAIL_CODE_TABLE_HPP
#define PEP3118_DETAIL_CODE_TABLE_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include <pep3118/diagnostic.hpp>

namespace pep3118::detail {

struct code_entry {
  std::string_view name;
  std::string_view message;
};

// In error_code order; a static_assert below keeps the table and the enum the same length.
inline constexpr std::array code_table{
    code_entry{"nul_byte", "NUL byte in the format"},
    code_entry{"unknown_code", "unknown type code"},
    code_entry{"missing_code", "expected a type code, 'T{', '&' or 'X{' after the count, shape or '&'"},
    code_entry{"stray_brace", "'}' without a matching 'T{' or 'X{'"},
    code_entry{"unterminated_struct", "expected '}' to close 'T{'"},
    code_entry{"unterminated_function", "expected '}' to close 'X{'"},
    code_entry{"expected_brace", "expected '{' right after 'T' or 'X'"},
    code_entry{"empty_shape", "a shape needs at least one dimension"},
    code_entry{"expected_dim", "expected a dimension (digits) in the shape"},
    code_entry{"expected_shape_close", "expected ',' or ')' in the shape"},
    code_entry{"shape_after_count", "the shape must come before the count: write (3)2i, not 2(3)i"},
    code_entry{"mark_after_count", "a byte-order mark must come before the count"},
    code_entry{"name_without_item", "a name must follow an item"},
    code_entry{"unterminated_name", "expected ':' to close the name"},
    code_entry{"invalid_utf8", "invalid UTF-8 in a name"},
    code_entry{"bad_complex", "'Z' must be followed by f, d, g or e, or end the item (ctypes' wchar_t pointer)"},
    code_entry{"pointer_code_not_at_end", "ctypes' 'z' must end the item"},
    code_entry{"missing_return", "expected a return type after '->'"},
    code_entry{"space_after_count", "struct rules: no whitespace between a count and its code"},
    code_entry{"mark_not_first", "struct rules: a byte-order mark may only be the first character"},
    code_entry{"not_in_struct", "struct rules: not part of CPython struct's language (use the pep3118 rules)"},
    code_entry{"native_only", "struct rules: n, N and P exist only in native mode ('@' or no mark)"},
    code_entry{"format_too_long", "the format is longer than 4 GiB"},
    code_entry{"number_too_large", "number does not fit a signed 64-bit size"},
    code_entry{"too_deep", "T{, & and X{ nest deeper than the limit (parse_options::max_depth)"},
    code_entry{"too_many_dims", "more dimensions in one item than the limit (64, as PyBUF_MAX_NDIM)"},
    code_entry{"size_overflow", "the size does not fit a signed 64-bit integer"},
    code_entry{"duplicate_name", "this name is already used by a field of the same struct"},
    code_entry{"bitfield_layout", "bit fields (t) have no agreed layout"},
    code_entry{"complex_spelling", "F, D and G are CPython 3.14's spellings of Zf, Zd and Zg, not PEP 3118"},
    code_entry{"ctypes_pointer_code", "z and Z alone are ctypes' char * and wchar_t *, not PEP 3118"},
    code_entry{"no_standard_size", "this code has no standard size: its native size is used, as ctypes means it"},
    code_entry{"too_large_to_compare", "too large to compare: unrolling its arrays of structs visits more than 2^22 fields"},
    code_entry{"numpy_cannot_express", "NumPy's parser cannot read this item (pointers, function pointers, u, t, p, P, n, N, z, Z)"},
    code_entry{"struct_cannot_express", "CPython's struct module cannot express this item"},
    code_entry{"bad_target_line", "target file: expected `key = value` with a known key, once, sizes above 0 and alignments powers of two"},
    code_entry{"missing_target_key", "target file: a key is missing (name, byteorder and the ten C types are all required)"},
};
static_assert(code_table.size() == static_cast<std::size_t>(error_code::missing_target_key) + 1);

}  // namespace pep3118::detail

#endif
