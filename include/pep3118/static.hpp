// Layouts at compile time (C++20): check a format against a struct in a static_assert.
//
//   struct S { int a; double b; };
//   static_assert(pep3118::describes<S>("T{i:a:d:b:}"));
//   constexpr pep3118::static_layout L("T{i:a:d:b:}");
//   static_assert(L.offset("b") == offsetof(S, b));
//
// The format is read by the same grammar (grammar/, walked by a constexpr interpreter), the
// same builder and the same layout rules as pep3118::check(), for the target this translation
// unit is compiled for. An invalid format, a path that names no field or a struct that does
// not match is a compile error that names the byte offset and the reason (docs/build-time.md).
//
// Unlike the other public headers this one needs C++20 and PEGTL's headers (the grammar is
// made of PEGTL rule types); it needs no linking.
#ifndef PEP3118_STATIC_HPP
#define PEP3118_STATIC_HPP

#if __cplusplus < 202002L
#error "pep3118/static.hpp needs C++20; for C and C++17 use pep3118_layout_header() (docs/build-time.md)"
#endif

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "detail/code_table.hpp"
#include "detail/static_engine.hpp"
#include "detail/target_table.hpp"
#include "parse.hpp"

namespace pep3118 {

namespace compile_error {

// Where a compile error stops. Reading past the end of `value` is not a constant expression,
// so the compiler stops there and prints the index: GCC as "array subscript value 'N'", clang
// as "cannot refer to element N". The frames above it say what N is: the function's name, its
// template argument (the error code) and its constant arguments (GCC), or all its arguments
// with their values (clang).
struct stop_here {
  char anchor;
  __extension__ char value[0];
};
inline constexpr stop_here stop{};

template <error_code Code>
constexpr char invalid_format(std::size_t byte_offset,
                              std::string_view reason = detail::code_table[static_cast<std::size_t>(Code)].message) {
  (void)reason;
  return stop.value[byte_offset];  // the format is invalid at this byte, for the reason above
}

template <std::size_t... Codes>
constexpr void report(error_code code, std::size_t byte_offset, std::index_sequence<Codes...>) {
  ((static_cast<std::size_t>(code) == Codes ? (void)invalid_format<static_cast<error_code>(Codes)>(byte_offset) : void()),
   ...);
}

constexpr char itemsize_is_not_sizeof(std::int64_t format_itemsize, std::size_t size_of) {
  (void)size_of;
  return stop.value[static_cast<std::size_t>(format_itemsize)];  // the format's itemsize
}

constexpr char alignment_is_not_alignof(std::int64_t format_alignment, std::size_t align_of) {
  (void)align_of;
  return stop.value[static_cast<std::size_t>(format_alignment)];  // the format's alignment
}

// Not constexpr: calling it is the compile error, and its argument is the path.
inline void no_field_has_this_path(std::string_view) {}

}  // namespace compile_error

// The layout of a format for the target being compiled for, computed at compile time.
class static_layout {
 public:
  // `options` as for pep3118::parse (rules, strict, limits).
  consteval static_layout(std::string_view format, parse_options options) : format_(format), options_(options) {
    detail::field_counter counter;
    const detail::static_outcome outcome = detail::static_check(format_, options_, target(), counter);
    if (!outcome.ok) {
      compile_error::report(outcome.error.code, outcome.error.offset,
                            std::make_index_sequence<detail::code_table.size()>{});
    }
    itemsize = outcome.itemsize;
    alignment = outcome.alignment;
    field_count = counter.count;
  }
  consteval static_layout(std::string_view format) : static_layout(format, parse_options{}) {}
  // A string literal converts in one step, so describes<T>("...") takes one.
  consteval static_layout(const char* format) : static_layout(std::string_view(format), parse_options{}) {}

  std::int64_t itemsize = 0;
  // The lcm of the aligned members' alignments (NumPy's), 1 when no member is aligned.
  std::int64_t alignment = 1;
  // As many as layout().fields lists: leaves, and an entry for each array of structs.
  std::size_t field_count = 0;

  // The byte offset and the size of one element of the field at `path` ("b", "outer.inner",
  // "arr[*].x", NumPy's "f0" for unnamed fields): the same paths as the CLI's layout prints.
  consteval std::int64_t offset(std::string_view path) const { return find(path).offset; }
  consteval std::int64_t size(std::string_view path) const { return find(path).size; }
  consteval bool has_field(std::string_view path) const { return lookup(path).found; }

  constexpr std::string_view format() const noexcept { return format_; }

  // The target of this translation unit: its compiler's sizes, alignments and byte order.
  static constexpr pep3118::target target() noexcept { return detail::compiler_target(); }

 private:
  constexpr detail::field_finder lookup(std::string_view path) const {
    detail::field_finder finder;
    finder.path = path;
    (void)detail::static_check(format_, options_, target(), finder);
    return finder;
  }

  consteval detail::field_finder find(std::string_view path) const {
    const detail::field_finder finder = lookup(path);
    if (!finder.found) {
      compile_error::no_field_has_this_path(path);
    }
    return finder;
  }

  std::string_view format_;
  parse_options options_;
};

// True when the format describes T as a whole: its itemsize is sizeof(T) and its alignment
// alignof(T); otherwise a compile error that names both numbers. Takes a format string or a
// static_layout (for other parse options); fields are checked with static_layout::offset.
template <typename T>
consteval bool describes(const static_layout& layout) {
  if (layout.itemsize != static_cast<std::int64_t>(sizeof(T))) {
    (void)compile_error::itemsize_is_not_sizeof(layout.itemsize, sizeof(T));
  }
  if (layout.alignment != static_cast<std::int64_t>(alignof(T))) {
    (void)compile_error::alignment_is_not_alignof(layout.alignment, alignof(T));
  }
  return true;
}

}  // namespace pep3118

#endif
