#include <pep3118/target.hpp>

#include <cstddef>
#include <cstdint>

#include <pep3118/detail/target_table.hpp>

namespace pep3118 {

namespace {

using detail::c_abi;
using detail::make_target;

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

constexpr target host = detail::compiler_target();
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

}  // namespace pep3118
