// The records the fast path's scan leaves for its emission (fast_path.hpp): what was read,
// placed relative to its struct, with names as spans of the format.
#ifndef PEP3118_SRC_FAST_RECORDS_HPP
#define PEP3118_SRC_FAST_RECORDS_HPP

#include <cstdint>
#include <string_view>

#include <pep3118/detail/member_names.hpp>

#include "fast_path.hpp"

namespace pep3118::detail {

// A member's name as the scan knows it: bytes of the format, a generated fN, or none (an
// unnamed `x`, or a run's end of struct).
struct span_name {
  std::uint32_t begin = 0;
  std::uint32_t size = 0;
  std::int64_t number = -1;  // N of fN; -1: written, or none when `written` is false
  std::uint32_t hash = 0;    // of a written name's bytes, for the duplicate check
  bool written = false;

  bool exists() const noexcept { return written || number >= 0; }
  member_name in(std::string_view format) const noexcept {
    return {written ? format.substr(begin, size) : std::string_view(), number};
  }
};


// A struct (the root is scope 0): what the emission needs of it.
struct fast_scratch::scope {
  std::uint32_t parent = 0;
  node_id node = 0;
  span_name name;             // read after its '}'
  std::int64_t offset = 0;    // in its parent, once closed
  std::int64_t size = 0;      // once closed
  std::int64_t alignment = 1;
  // Filled by the emission.
  std::int64_t base = 0;
  std::uint32_t depth = 0;
};

// A struct while it is open: the scan keeps the innermost in locals, the others here.
struct fast_scratch::frame {
  std::uint32_t scope = 0;         // its record
  byte_order order = byte_order::native;  // at its T{: the order its entry reports
  std::int64_t size = 0;           // the running offset
  std::int64_t alignment = 1;
  std::uint32_t first_field = 0;
  std::uint32_t pending_from = 0;  // runs from here on may wait for the next field's name
  std::uint32_t pending = 0;       // runs waiting for the next field's name
  std::uint32_t members = 0;
  std::int64_t unnamed = 0;        // unnamed members so far: the next fN
  bool generated_like = false;     // a written name that reads fN
  bool lone_unwrappable = false;   // its first member may be unwrapped (the root's only)
};

struct fast_scratch::member {
  std::uint32_t scope = 0;
  span_name name;
  node_id node = 0;
  std::int64_t offset = 0;  // in its scope
  std::int64_t size = 0;
  std::int64_t alignment = 1;
  std::int64_t count = 1;
  bool has_count = false;
  bool entry = false;  // a struct without fields of its own
  type_code code = type_code::int_;
  byte_order order = byte_order::native;
};

struct fast_scratch::pad_run {
  std::uint32_t scope = 0;
  std::int64_t offset = 0;  // in its scope until the emission makes it absolute
  std::int64_t size = 0;
  span_name before;         // none: the end of its struct
  bool written = false;
  bool pending = false;     // `before` is the next field of its struct, not read yet
};

struct fast_scratch::name_slot {
  std::uint32_t stamp = 0;  // its struct's in its call; 0: empty
  std::uint32_t hash = 0;
  std::uint32_t begin = 0;  // the name's first byte in the format
};

// What the scan records: everything the emission needs, or the structs alone (check_size()).
enum class scan_mode : unsigned char { layout, sizes };

// Reads and places the format into scratch's records; laid_out, failed (with `error`) or
// declined. `unwrap`: the format is a lone unnamed item, which NumPy unwraps. The root's size
// and alignment are scratch.scopes[0]'s in either mode (both are instantiated in fast_scan.cpp).
template <scan_mode Mode>
fast_verdict scan_format(std::string_view format, const target& tgt, const parse_options& options,
                         fast_scratch& scratch, diagnostic& error, bool& unwrap);

// Writes the layout the records describe into `out`, reusing its storage.
void emit_layout(std::string_view format, const target& tgt, fast_scratch& scratch, bool unwrap, layout& out);

}  // namespace pep3118::detail

#endif
