// Compatibility of two descriptors (DESIGN §4).
#ifndef PEP3118_COMPARE_HPP
#define PEP3118_COMPARE_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "descriptor.hpp"
#include "result.hpp"
#include "target.hpp"

namespace pep3118 {

// Strongest first; each level implies the ones after it.
enum class compat_level : unsigned char {
  identical,          // the same descriptor; spelling ignored (whitespace, redundant marks, ! vs >)
  equivalent,         // same fields, names and offsets; leaves equal once the target resolves them
  layout_compatible,  // the same bytes mean the same things: flattened leaves and itemsize equal
  size_compatible,    // the same itemsize
  incompatible,
};

// "identical", "equivalent", "layout-compatible", "size-compatible", "incompatible".
std::string_view level_name(compat_level level) noexcept;
// The inverse; nullopt for any other text.
std::optional<compat_level> level_from_name(std::string_view name) noexcept;

// What one side has where the two first differ.
struct difference_side {
  std::string path;  // the field's path ("" for the whole item)
  std::string what;  // in words: "signed 8-byte integer, little-endian", "3 padding bytes before `b`", "none"
};

// Why the next stronger level does not hold: the first place the two differ.
struct difference {
  compat_level level;      // the level that fails here
  std::int64_t offset = 0; // byte offset in the item
  difference_side a;
  difference_side b;
};

struct comparison {
  compat_level level = compat_level::incompatible;
  std::optional<difference> next;  // absent when identical
  // The flattened leaves differ only in byte order: byteswapping fields would make the two
  // layout-compatible.
  bool byteswap_equal = false;
};

// Lays both out for the target and compares them. Errors: the layout error of `a` (else of
// `b`), with its offset into that side's format; too_large_to_compare when unrolling arrays of
// structs would visit more than 2^22 fields (only items of equal itemsize are unrolled).
result<comparison> compare(const descriptor& a, const descriptor& b, const target& tgt = host_target());

}  // namespace pep3118

#endif
