// Target ABIs: the size and alignment of the C type behind every code, and the byte order.
#ifndef PEP3118_TARGET_HPP
#define PEP3118_TARGET_HPP

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

#include "result.hpp"
#include "type_code.hpp"

namespace pep3118 {

enum class endian : unsigned char { little, big };

struct c_type {
  std::int64_t size = 0;
  std::int64_t alignment = 1;
};

struct target {
  std::string_view name;
  endian order = endian::little;
  // Indexed by type_code; the C type behind the code under '@' (native sizes). Unused for
  // pad, bytes, pascal_bytes, bits and structure. pointer and function hold the pointer's.
  std::array<c_type, type_code_count> native{};

  constexpr const c_type& native_type(type_code code) const noexcept {
    return native[static_cast<std::size_t>(code)];
  }
};

// The machine this library was compiled for, read from the compiler (sizeof, alignof).
const target& host_target() noexcept;

struct target_list {
  const target* const* items;
  std::size_t size;
  const target* const* begin() const noexcept { return items; }
  const target* const* end() const noexcept { return items + size; }
};
// Every target by name, "host" first.
target_list all_targets() noexcept;
// nullptr when there is no target of that name.
const target* find_target(std::string_view name) noexcept;

// A target described by a target file (docs/targets.md, "Target files"): `name = ...`,
// `byteorder = little|big`, and `size alignment` for each C type behind the codes (bool,
// short, int, long, long long, size_t, float, double, long double, pointer); `#` comments.
// The target owns its name. Errors: bad_target_line at the line, missing_target_key at the end.
result<std::shared_ptr<const target>> read_target_file(std::string_view text);

// The size a code has under '=', '<', '>', '!' (struct's standard sizes); 0 when the code has
// none (g, n, N, P, O, z, Z, Zg): then the native size is used and the parser warns.
constexpr std::int64_t standard_size(type_code code) noexcept {
  switch (code) {
    case type_code::pad:
    case type_code::char_:
    case type_code::signed_char:
    case type_code::unsigned_char:
    case type_code::bool_:
    case type_code::bytes:
    case type_code::pascal_bytes: return 1;
    case type_code::short_:
    case type_code::unsigned_short:
    case type_code::half:
    case type_code::ucs2: return 2;
    case type_code::int_:
    case type_code::unsigned_int:
    case type_code::long_:
    case type_code::unsigned_long:
    case type_code::float_:
    case type_code::ucs4:
    case type_code::complex_half: return 4;
    case type_code::long_long:
    case type_code::unsigned_long_long:
    case type_code::double_:
    case type_code::complex_float: return 8;
    case type_code::complex_double: return 16;
    default: return 0;
  }
}

}  // namespace pep3118

#endif
