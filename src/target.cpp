#include <pep3118/target.hpp>

#include <cstddef>
#include <cstdint>

namespace pep3118 {

namespace {

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

constexpr c_abi lp64_x86_64{{1, 1}, {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {8, 8}};

constexpr target host = make_target("host", host_order(), host_abi);
constexpr target x86_64_linux_gnu = make_target("x86_64-linux-gnu", endian::little, lp64_x86_64);

constexpr const target* targets[] = {&host, &x86_64_linux_gnu};

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
