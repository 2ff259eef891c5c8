// A target's code table from the sizes of the C types behind the codes: shared by the presets,
// target files and the compiler's own target.
#ifndef PEP3118_DETAIL_TARGET_TABLE_HPP
#define PEP3118_DETAIL_TARGET_TABLE_HPP

#include <cstddef>
#include <string_view>

#include <pep3118/target.hpp>

namespace pep3118::detail {

// The C types a target's code table is made of.
struct c_abi {
  c_type bool_, short_, int_, long_, long_long, size, float_, double_, long_double, pointer;
};

constexpr c_type complex_of(c_type part) noexcept { return {2 * part.size, part.alignment}; }

constexpr target make_target(std::string_view name, endian order, const c_abi& abi) noexcept {
  target t;
  t.name = name;
  t.order = order;
  const auto set = [&t](type_code code, c_type type) { t.native[static_cast<std::size_t>(code)] = type; };
  const c_type byte{1, 1};
  const c_type half{2, 2};  // IEEE half; CPython's struct aligns it as a short
  for (type_code code : {type_code::pad, type_code::char_, type_code::signed_char, type_code::unsigned_char,
                         type_code::bytes, type_code::pascal_bytes}) {
    set(code, byte);
  }
  set(type_code::bool_, abi.bool_);
  set(type_code::short_, abi.short_);
  set(type_code::unsigned_short, abi.short_);
  set(type_code::int_, abi.int_);
  set(type_code::unsigned_int, abi.int_);
  set(type_code::long_, abi.long_);
  set(type_code::unsigned_long, abi.long_);
  set(type_code::long_long, abi.long_long);
  set(type_code::unsigned_long_long, abi.long_long);
  set(type_code::ssize, abi.size);
  set(type_code::size, abi.size);
  set(type_code::half, half);
  set(type_code::float_, abi.float_);
  set(type_code::double_, abi.double_);
  set(type_code::long_double, abi.long_double);
  set(type_code::complex_half, complex_of(half));
  set(type_code::complex_float, complex_of(abi.float_));
  set(type_code::complex_double, complex_of(abi.double_));
  set(type_code::complex_long_double, complex_of(abi.long_double));
  set(type_code::ucs2, {2, 2});
  set(type_code::ucs4, {4, 4});
  for (type_code code : {type_code::void_pointer, type_code::object, type_code::char_pointer,
                         type_code::wchar_pointer, type_code::pointer, type_code::function}) {
    set(code, abi.pointer);
  }
  return t;
}

// The C type T as this compiler lays it out as a struct member: wrapping it in a struct gives
// the member alignment, which is not always alignof(T) (i386: double is 8 alone, 4 in a struct).
template <typename T>
constexpr c_type member_type() noexcept {
  struct wrapped {
    T value;
  };
  return {static_cast<std::int64_t>(sizeof(T)), static_cast<std::int64_t>(alignof(wrapped))};
}

// The target this translation unit is compiled for: the library's host target, and the
// target of static.hpp's compile-time layouts.
constexpr target compiler_target() noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  constexpr endian order = endian::big;
#else
  constexpr endian order = endian::little;
#endif
  return make_target("host", order,
                     {member_type<bool>(), member_type<short>(), member_type<int>(), member_type<long>(),
                      member_type<long long>(), member_type<std::size_t>(), member_type<float>(),
                      member_type<double>(), member_type<long double>(), member_type<void*>()});
}

}  // namespace pep3118::detail

#endif
