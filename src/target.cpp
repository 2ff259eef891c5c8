#include <pep3118/target.hpp>

#include <cstddef>
#include <cstdint>

#include "target_table.hpp"

namespace pep3118 {

namespace {

using detail::c_abi;
using detail::make_target;

template <typename T>
constexpr c_type c_type_of() noexcept {
  return {static_cast<std::int64_t>(sizeof(T)), static_cast<std::int64_t>(alignof(T))};
}

constexpr c_abi host_abi{c_type_of<bool>(),      c_type_of<short>(),    c_type_of<int>(),
                         c_type_of<long>(),      c_type_of<long long>(), c_type_of<std::size_t>(),
                         c_type_of<float>(),     c_type_of<double>(),   c_type_of<long double>(),
                         c_type_of<void*>()};

constexpr endian host_order() noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return endian::big;
#else
  return endian::little;
#endif
}

// The presets (docs/targets.md gives the source of each fact; a test compiles emitted C for
// each with clang --target). Fields: bool, short, int, long, long long, size_t, float,
// double, long double, pointer, each {size, alignment as a struct member}.
constexpr c_abi lp64_quad_long_double{{1, 1}, {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {8, 8}};
constexpr c_abi lp64_double_long_double{{1, 1}, {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {8, 8}, {8, 8}};
constexpr c_abi llp64_msvc{{1, 1}, {2, 2}, {4, 4}, {4, 4}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {8, 8}, {8, 8}};
constexpr c_abi ilp32_i386{{1, 1}, {2, 2}, {4, 4}, {4, 4}, {8, 4}, {4, 4}, {4, 4}, {8, 4}, {12, 4}, {4, 4}};
constexpr c_abi ilp32_aapcs{{1, 1}, {2, 2}, {4, 4}, {4, 4}, {8, 8}, {4, 4}, {4, 4}, {8, 8}, {8, 8}, {4, 4}};
constexpr c_abi ilp32_wasm{{1, 1}, {2, 2}, {4, 4}, {4, 4}, {8, 8}, {4, 4}, {4, 4}, {8, 8}, {16, 16}, {4, 4}};
constexpr c_abi lp64_s390x{{1, 1}, {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 8}, {8, 8}};

constexpr target host = make_target("host", host_order(), host_abi);
constexpr target x86_64_linux_gnu = make_target("x86_64-linux-gnu", endian::little, lp64_quad_long_double);
constexpr target i686_linux_gnu = make_target("i686-linux-gnu", endian::little, ilp32_i386);
constexpr target aarch64_linux_gnu = make_target("aarch64-linux-gnu", endian::little, lp64_quad_long_double);
constexpr target aarch64_apple_darwin = make_target("aarch64-apple-darwin", endian::little, lp64_double_long_double);
constexpr target x86_64_windows_msvc = make_target("x86_64-windows-msvc", endian::little, llp64_msvc);
constexpr target armv7_linux_gnueabihf = make_target("armv7-linux-gnueabihf", endian::little, ilp32_aapcs);
constexpr target wasm32 = make_target("wasm32", endian::little, ilp32_wasm);
constexpr target s390x_linux_gnu = make_target("s390x-linux-gnu", endian::big, lp64_s390x);
constexpr target riscv64_linux_gnu = make_target("riscv64-linux-gnu", endian::little, lp64_quad_long_double);
constexpr target powerpc64le_linux_gnu = make_target("powerpc64le-linux-gnu", endian::little, lp64_quad_long_double);

constexpr const target* targets[] = {&host,
                                     &x86_64_linux_gnu,
                                     &i686_linux_gnu,
                                     &aarch64_linux_gnu,
                                     &aarch64_apple_darwin,
                                     &x86_64_windows_msvc,
                                     &armv7_linux_gnueabihf,
                                     &wasm32,
                                     &s390x_linux_gnu,
                                     &riscv64_linux_gnu,
                                     &powerpc64le_linux_gnu};

}  // namespace

const target& host_target() noexcept { return host; }

target_list all_targets() noexcept { return {targets, std::size(targets)}; }

const target* find_target(std::string_view name) noexcept {
  for (const target* t : targets) {
    if (t->name == name) {
      return t;
    }
  }
  return nullptr;
}

std::int64_t standard_size(type_code code) noexcept {
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
