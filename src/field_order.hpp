// The byte order a field has on a target: shared by the layout sink and the fast path.
#ifndef PEP3118_SRC_FIELD_ORDER_HPP
#define PEP3118_SRC_FIELD_ORDER_HPP

#include <pep3118/layout.hpp>
#include <pep3118/target.hpp>

namespace pep3118::detail {

// Byte order matters for every code wider than one byte: the codes whose standard size is 1
// (chars, bool, strings, padding) have none, and nor does a struct as a whole.
constexpr bool has_byte_order(type_code code) noexcept {
  return code != type_code::structure && standard_size(code) != 1;
}

constexpr field_order resolved_order(type_code code, byte_order order, const target& tgt) noexcept {
  if (!has_byte_order(code)) {
    return field_order::none;
  }
  switch (order) {
    case byte_order::little: return field_order::little;
    case byte_order::big:
    case byte_order::network: return field_order::big;
    default: return tgt.order == endian::big ? field_order::big : field_order::little;
  }
}

}  // namespace pep3118::detail

#endif
