// A format's fields laid out the way a producer may have meant them: to test a likely cause
// when the exporter's itemsize disagrees with the format.
#ifndef PEP3118_SRC_BUFFER_RELAYOUT_HPP
#define PEP3118_SRC_BUFFER_RELAYOUT_HPP

#include <cstdint>
#include <optional>

#include <pep3118/layout.hpp>
#include <pep3118/target.hpp>

#include "emit_tree.hpp"

namespace pep3118::detail {

struct relayout_rules {
  // true: as a C compiler lays out a struct of these fields (each at a multiple of its
  // alignment, every struct padded at its end to its widest member's), whatever the marks say;
  // false: packed, every field right after the one before.
  bool aligned = true;
  // The bytes of one `u`: 2 as PEP 3118 says, 4 for ctypes' c_wchar on Linux and macOS.
  std::int64_t ucs2_size = 2;
};

struct relaid {
  std::int64_t itemsize = 0;
  // The first field (in layout order) these rules put elsewhere than the format's layout, and
  // where; nullptr when every field stays.
  const field* first_moved = nullptr;
  std::int64_t moved_to = 0;
};

// The fields of `tree` (which points into a layout for `tgt`) under `rules`; unnamed padding
// is dropped (the rules place the fields themselves). nullopt when a size overflows.
std::optional<relaid> relayout(const laid_tree& tree, const target& tgt, const relayout_rules& rules);

}  // namespace pep3118::detail

#endif
