// What the two writers of a pep3118::layout (the field walk's sink in layout.cpp and the fast
// path's emission) both decide: a field's byte order on the target, and when a padding run
// extends the one before it.
#ifndef PEP3118_SRC_LAYOUT_PARTS_HPP
#define PEP3118_SRC_LAYOUT_PARTS_HPP

#include <cstdint>
#include <string_view>

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

// Runs of the same kind that touch are one run: `xxx` is 3 bytes of padding, not 3 runs.
inline bool extends(const padding& last, std::int64_t offset, bool written, std::string_view before,
                    std::string_view within) noexcept {
  return last.offset + last.size == offset && last.written == written && last.before == before &&
         last.within == within;
}

}  // namespace pep3118::detail

#endif
