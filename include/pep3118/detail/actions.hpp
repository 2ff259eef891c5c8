// Grammar actions: each turns a matched rule into one event on a consumer.
//
// A consumer (taocpp/json style) receives, in source order:
//   byte_order(mark, offset)   begin_shape(offset)   dim(value, offset)   count(value, offset)
//   code(type_code, spelling, offset)   warn(error_code, offset)
//   begin_struct(offset)  end_struct()  begin_pointer(offset)  end_pointer()
//   begin_function(offset)  arrow()  end_function()  name(bytes, offset)
//   fail(error_code, offset)  and answers failed().
// Building a descriptor is one consumer (descriptor_builder); others can validate or print
// without building anything.
//
// The actions are constexpr and ask of their input only what both engines give: begin(),
// string_view(), peek_char() and input().begin(). PEGTL's action input at run time and the
// compile-time interpreter's (detail/interpreter.hpp) both qualify.
#ifndef PEP3118_DETAIL_ACTIONS_HPP
#define PEP3118_DETAIL_ACTIONS_HPP

#include <cstddef>
#include <cstdint>

#include <tao/pegtl.hpp>

#include <pep3118/diagnostic.hpp>
#include <pep3118/grammar.hpp>
#include <pep3118/struct_grammar.hpp>

#include <pep3118/detail/checked.hpp>
#include <pep3118/detail/codes.hpp>

namespace pep3118::detail {

namespace g = pep3118::grammar;

template <typename ActionInput>
constexpr std::size_t offset_of(const ActionInput& in) noexcept {
  return static_cast<std::size_t>(in.begin() - in.input().begin());
}

// Digits to a signed 64-bit size; a number that does not fit is an error at its first digit.
template <typename ActionInput, typename Consumer>
constexpr bool read_number(const ActionInput& in, Consumer& consumer, std::int64_t& value) noexcept {
  value = 0;
  for (const char c : in.string_view()) {
    if (!append_digit(value, c)) {
      consumer.fail(error_code::number_too_large, offset_of(in));
      return false;
    }
  }
  return true;
}

template <typename Rule>
struct action : tao::pegtl::nothing<Rule> {};

struct mark_action {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.byte_order(in.peek_char(), offset_of(in));
  }
};
template <> struct action<g::byte_order> : mark_action {};
template <> struct action<g::struct_module::native_mark> : mark_action {};
template <> struct action<g::struct_module::standard_mark> : mark_action {};

template <>
struct action<g::shape_open> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.begin_shape(offset_of(in));
  }
};

template <>
struct action<g::dim> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    std::int64_t value = 0;
    if (read_number(in, consumer, value)) {
      consumer.dim(value, offset_of(in));
    }
  }
};

template <>
struct action<g::count> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    std::int64_t value = 0;
    if (read_number(in, consumer, value)) {
      consumer.count(value, offset_of(in));
    }
  }
};

struct code_action {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.code(code_from_char(in.peek_char()), 0, offset_of(in));
  }
};
template <> struct action<g::simple_code> : code_action {};
template <> struct action<g::struct_module::standard_code> : code_action {};
template <> struct action<g::struct_module::native_only_code> : code_action {};

template <>
struct action<g::complex_spelling> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.warn(error_code::complex_spelling, offset_of(in));
    consumer.code(code_from_char(in.peek_char()), in.peek_char(), offset_of(in));
  }
};

// Z's events fire on the rule after the 'Z', so the offset is one byte back.
template <>
struct action<g::complex_suffix> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.code(complex_from_suffix(in.peek_char()), 0, offset_of(in) - 1);
  }
};

template <>
struct action<g::wchar_pointer> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.warn(error_code::ctypes_pointer_code, offset_of(in) - 1);
    consumer.code(type_code::wchar_pointer, 0, offset_of(in) - 1);
  }
};

template <>
struct action<g::char_pointer> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.warn(error_code::ctypes_pointer_code, offset_of(in) - 1);
    consumer.code(type_code::char_pointer, 0, offset_of(in) - 1);
  }
};

template <>
struct action<g::struct_open> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.begin_struct(offset_of(in));
  }
};

template <>
struct action<g::struct_type> {
  template <typename Consumer>
  static constexpr void apply0(Consumer& consumer) {
    consumer.end_struct();
  }
};

template <>
struct action<g::pointer_open> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.begin_pointer(offset_of(in));
  }
};

template <>
struct action<g::pointer_type> {
  template <typename Consumer>
  static constexpr void apply0(Consumer& consumer) {
    consumer.end_pointer();
  }
};

template <>
struct action<g::function_open> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.begin_function(offset_of(in));
  }
};

template <>
struct action<g::function_arrow> {
  template <typename Consumer>
  static constexpr void apply0(Consumer& consumer) {
    consumer.arrow();
  }
};

template <>
struct action<g::function_type> {
  template <typename Consumer>
  static constexpr void apply0(Consumer& consumer) {
    consumer.end_function();
  }
};

template <>
struct action<g::name_text> {
  template <typename ActionInput, typename Consumer>
  static constexpr void apply(const ActionInput& in, Consumer& consumer) {
    consumer.name(in.string_view(), offset_of(in));
  }
};

}  // namespace pep3118::detail

#endif
