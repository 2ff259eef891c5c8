// Layout: itemsize, alignment and where every field lies, for a target.
#ifndef PEP3118_LAYOUT_HPP
#define PEP3118_LAYOUT_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "descriptor.hpp"
#include "parse.hpp"
#include "result.hpp"
#include "target.hpp"

namespace pep3118 {

// Byte order of a field resolved for the target; `none` for one-byte codes, strings, padding
// and arrays of structs.
enum class field_order : unsigned char { none, little, big };
std::string_view field_order_name(field_order order) noexcept;  // "none", "little", "big"

// One leaf of the layout (DESIGN §6): a scalar or string (array), a pointer or function
// pointer, a named pad run, or the entry that introduces an array of structs.
struct field {
  std::string path;                 // dotted; "name[*].member" inside arrays of structs
  std::int64_t offset = 0;          // absolute byte offset (element 0 inside arrays)
  std::int64_t size = 0;            // bytes of one element
  std::int64_t alignment = 1;       // the alignment the rules applied (1 when none)
  type_code code = type_code::int_;
  char spelling = 0;                // as node::spelling
  byte_order order = byte_order::native;  // the mark in force, as written
  field_order resolved_order = field_order::none;
  std::vector<std::int64_t> shape;  // the shape, then the count as the last dim
  std::string points_to;            // pointers and function pointers: canonical target text
  node_id node = 0;                 // the descriptor node this field comes from
  std::uint32_t depth = 0;          // struct nesting, for indented display
};

// A run of bytes no field covers.
struct padding {
  std::int64_t offset = 0;
  std::int64_t size = 0;
  bool written = false;   // true: an unnamed `x` in the format; false: alignment or trailing
  std::string before;     // path of the field that follows, "" at the end of its struct
  std::string within;     // path of the enclosing struct, "" at top level
};

struct layout {
  std::int64_t itemsize = 0;
  // The alignment the format demands of its container: the lcm of its members' alignments
  // under '@' (NumPy's "common alignment"), 1 when no member is aligned.
  std::int64_t alignment = 1;
  std::vector<field> fields;
  std::vector<padding> paddings;  // in offset order
};

// The number of elements of a field's shape (1 for no dims). Every shape of a layout fits:
// the layout checked the product.
std::int64_t element_count(const std::vector<std::int64_t>& shape) noexcept;

// Lays out a descriptor under its own rule set.
result<layout> layout_of(const descriptor& desc, const target& tgt = host_target());

// parse, then layout_of; the diagnostics of both (warnings of the parse included).
result<layout> check(std::string_view format, const target& tgt = host_target(),
                     const parse_options& options = {});

// What a format demands of the memory it describes: check()'s layout without its fields.
struct item_size {
  std::int64_t itemsize = 0;
  std::int64_t alignment = 1;  // as layout::alignment
};

// check() without the fields, for the consumer that needs to know that a format is valid and
// how large its items are (a bytes view, a buffer's length against its shape): the same
// validity, diagnostics, itemsize and alignment as check(format, tgt, options), at a fraction of
// the cost, since no path or field is written. Once the thread has checked a format as large
// (up to 4 KiB), a valid format of the fast path's subset (marks, counts, codes, names, T{};
// docs/performance.md) costs no allocation; a failure allocates its diagnostic, and what the
// fast path declines costs what check() costs.
result<item_size> check_size(std::string_view format, const target& tgt = host_target(),
                             const parse_options& options = {});

}  // namespace pep3118

#endif
