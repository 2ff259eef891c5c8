// Consistency of a whole buffer description: whether what a Py_buffer carries besides its
// format (itemsize, shape, strides, suboffsets) agrees with the format and with itself, and if
// not, the likely cause in words.
#ifndef PEP3118_BUFFER_HPP
#define PEP3118_BUFFER_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "layout.hpp"
#include "parse.hpp"
#include "result.hpp"
#include "target.hpp"

namespace pep3118 {

// What an exporter's Py_buffer says. ndim is the length of `shape`; an absent list is a NULL
// pointer in the Py_buffer (an empty shape is ndim 0, a scalar).
struct buffer_view {
  std::string_view format;
  // Absent: take the format's own itemsize and check shape, strides and suboffsets only.
  std::optional<std::int64_t> itemsize;
  std::optional<std::vector<std::int64_t>> shape;
  std::optional<std::vector<std::int64_t>> strides;     // in bytes, one per dimension
  std::optional<std::vector<std::int64_t>> suboffsets;  // negative: no indirection there
};

// Stable codes of buffer findings: their names (buffer_code_name) are part of the CLI's JSON
// contract, so a code is never renamed or reused; new ones are appended. They are not
// error_code values: a finding concerns the whole buffer, not a byte of the format.
enum class buffer_code : unsigned char {
  // the exporter's itemsize against the size the format describes
  itemsize_negative,
  itemsize_zero,
  itemsize_mismatch,           // no likelier cause recognised
  trailing_bytes_undescribed,  // NumPy (explicit itemsize), ctypes before 3.12
  padding_undescribed,         // ctypes before 3.12: fields packed, item laid out as C
  union_as_bytes,              // ctypes: unions (and packed structs before 3.12) as `B`
  bitfields_as_whole_fields,   // ctypes: each bitfield as its whole base type
  wchar_as_ucs2,               // ctypes: 4-byte c_wchar as `u`, which is 2 bytes
  packed_item_read_aligned,    // NumPy: scalars of packed structured dtypes without `=`
  // shape, strides, suboffsets
  ndim_too_large,
  shape_negative,
  buffer_too_large,
  strides_without_shape,
  strides_length,
  suboffsets_without_strides,
  suboffsets_length,
  stride_overlap,
  stride_not_multiple,
  suboffset_last_dimension,
};

// The stable snake_case name of a code, e.g. "padding_undescribed".
std::string_view buffer_code_name(buffer_code code) noexcept;
// Whether a finding of this code is an error or a warning (before strict parsing raises
// warnings to errors).
severity buffer_code_severity(buffer_code code) noexcept;

struct buffer_finding {
  buffer_code code;
  severity level;
  // One sentence with the numbers and field names, and the likely cause: "the format describes
  // 5 bytes, the exporter says 8: 3 trailing bytes after `b` are not described (...)".
  std::string message;
  std::string_view name() const noexcept { return buffer_code_name(code); }
};

struct buffer_check {
  // The format's layout: format_layout.itemsize is the size the format describes.
  layout format_layout;
  // The itemsize findings first, then shape, strides and suboffsets.
  std::vector<buffer_finding> findings;
  // As CPython's PyBuffer_IsContiguous(view, 'C') and (view, 'F'): false when any suboffsets
  // are given or the shape and strides do not fit together; true for an empty buffer.
  bool c_contiguous = false;
  bool f_contiguous = false;

  // No finding is an error: the format, itemsize, shape, strides and suboffsets agree.
  bool consistent() const noexcept;
};

// Parses and lays out the format (its diagnostics, warnings included, travel with the result;
// an invalid format is the failure), then checks the rest of the view against it. With
// options.strict, warning findings are errors, as the format's own warnings are.
result<buffer_check> check_buffer(const buffer_view& view, const target& tgt = host_target(),
                                  const parse_options& options = {});

}  // namespace pep3118

#endif
