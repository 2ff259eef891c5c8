// check_size(): check() without the fields. The fast path's scan keeps no records of fields or
// padding under scan_mode::sizes; what it declines takes the full engine, whose layout is then
// reduced to its size.
#include <utility>

#include <pep3118/layout.hpp>

#include "fast_path.hpp"

namespace pep3118 {

result<item_size> check_size(std::string_view format, const target& tgt, const parse_options& options) {
  return detail::fast_or_full<item_size>(format, tgt, options, [](result<layout>&& full) {
    if (!full) {
      return result<item_size>(full.diagnostics());
    }
    return result<item_size>(item_size{full->itemsize, full->alignment}, full.diagnostics());
  });
}

}  // namespace pep3118
