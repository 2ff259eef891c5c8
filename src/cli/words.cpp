#include "words.hpp"

#include <fmt/format.h>

#include "display.hpp"
#include "names.hpp"

namespace pep3118::cli {

namespace {

// A C declarator split where the declared name would go, so that pointers and arrays can be
// wrapped around it: `void (*` name `)(void)`.
struct c_declarator {
  std::string before;
  std::string after;
};

c_declarator pointer_to(const c_declarator& pointee) {
  bool glued = pointee.before.ends_with('*') || pointee.before.ends_with('(');
  if (pointee.after.empty()) return {pointee.before + (glued ? "*" : " *"), ""};
  // Arrays and functions bind tighter than '*': `int (*)[2]`, `void (*(*))(void)`.
  return {pointee.before + (glued ? "(*" : " (*"), ")" + pointee.after};
}

template <typename Dims>
c_declarator array_of(c_declarator element, const Dims& dims) {
  std::string brackets;
  for (std::int64_t dim : dims) fmt::format_to(std::back_inserter(brackets), "[{}]", dim);
  return {std::move(element.before), brackets + element.after};
}

// `int` under native sizes, `int32_t` under standard ones.
c_declarator integer(std::string_view native_name, bool is_signed, type_code code,
                     byte_order order) {
  if (uses_native_sizes(order)) return {std::string(native_name), ""};
  return {fmt::format("{}int{}_t", is_signed ? "" : "u", standard_size(code) * 8), ""};
}

c_declarator node_declarator(const descriptor& desc, const node& item);

// One element of an item. `string_bytes`: the length of one `s`/`p` string or `x` run.
c_declarator element_declarator(const descriptor& desc, const node& item, type_code code,
                                byte_order order, std::int64_t string_bytes) {
  switch (code) {
    case type_code::pad:
    case type_code::bytes:
    case type_code::pascal_bytes: return {"char", fmt::format("[{}]", string_bytes)};
    case type_code::char_: return {"char", ""};
    case type_code::signed_char: return {"signed char", ""};
    case type_code::unsigned_char: return {"unsigned char", ""};
    case type_code::bool_: return {"_Bool", ""};
    case type_code::short_: return integer("short", true, code, order);
    case type_code::unsigned_short: return integer("unsigned short", false, code, order);
    case type_code::int_: return integer("int", true, code, order);
    case type_code::unsigned_int: return integer("unsigned int", false, code, order);
    case type_code::long_: return integer("long", true, code, order);
    case type_code::unsigned_long: return integer("unsigned long", false, code, order);
    case type_code::long_long: return integer("long long", true, code, order);
    case type_code::unsigned_long_long: return integer("unsigned long long", false, code, order);
    case type_code::ssize: return {"Py_ssize_t", ""};
    case type_code::size: return {"size_t", ""};
    case type_code::half: return {"_Float16", ""};
    case type_code::float_: return {"float", ""};
    case type_code::double_: return {"double", ""};
    case type_code::long_double: return {"long double", ""};
    case type_code::complex_half: return {"_Float16 _Complex", ""};
    case type_code::complex_float: return {"float _Complex", ""};
    case type_code::complex_double: return {"double _Complex", ""};
    case type_code::complex_long_double: return {"long double _Complex", ""};
    case type_code::void_pointer: return {"void *", ""};
    case type_code::object: return {"PyObject *", ""};
    case type_code::ucs2: return {"uint16_t", ""};
    case type_code::ucs4: return {"uint32_t", ""};
    case type_code::bits: return {"unsigned int", ""};
    case type_code::char_pointer: return {"char *", ""};
    case type_code::wchar_pointer: return {"wchar_t *", ""};
    case type_code::structure: return {"struct", ""};
    case type_code::pointer: return pointer_to(node_declarator(desc, desc.target_of(item)));
    case type_code::function: return {"void (*", ")(void)"};
  }
  return {};
}

bool count_is_a_dim(type_code code) {
  return code != type_code::pad && code != type_code::bytes && code != type_code::pascal_bytes &&
         code != type_code::bits;
}

// An item as written, with its shape and count: what a pointer points to.
c_declarator node_declarator(const descriptor& desc, const node& item) {
  c_declarator element = element_declarator(desc, item, item.code, item.order, item.count);
  std::vector<std::int64_t> dims(desc.shape(item).begin(), desc.shape(item).end());
  if (item.has_count && count_is_a_dim(item.code)) dims.push_back(item.count);
  return array_of(std::move(element), dims);
}

std::string element_in_words(const field& leaf) {
  std::int64_t bytes = leaf.size;
  switch (leaf.code) {
    case type_code::pad: return counted(bytes, "pad byte");
    case type_code::char_: return "char";
    case type_code::bool_: return "bool";
    case type_code::signed_char:
    case type_code::short_:
    case type_code::int_:
    case type_code::long_:
    case type_code::long_long:
    case type_code::ssize: return fmt::format("signed {}-byte integer", bytes);
    case type_code::unsigned_char:
    case type_code::unsigned_short:
    case type_code::unsigned_int:
    case type_code::unsigned_long:
    case type_code::unsigned_long_long:
    case type_code::size: return fmt::format("unsigned {}-byte integer", bytes);
    case type_code::half: return fmt::format("IEEE 754 half ({} bytes)", bytes);
    case type_code::float_:
    case type_code::double_: return fmt::format("IEEE 754 {}-byte float", bytes);
    case type_code::long_double: return fmt::format("long double ({} bytes)", bytes);
    case type_code::complex_half:
    case type_code::complex_float:
    case type_code::complex_double: return fmt::format("complex of two {}-byte floats", bytes / 2);
    case type_code::complex_long_double:
      return fmt::format("complex of two {}-byte long doubles", bytes / 2);
    case type_code::bytes: return fmt::format("{}-byte string", bytes);
    case type_code::pascal_bytes: return fmt::format("Pascal string of {} bytes", bytes);
    case type_code::void_pointer: return "untyped pointer";
    case type_code::object: return "Python object pointer";
    case type_code::ucs2: return "UCS-2 code unit";
    case type_code::ucs4: return "UCS-4 code point";
    case type_code::bits: return "bit field";
    case type_code::char_pointer: return "pointer to a C string";
    case type_code::wchar_pointer: return "pointer to a wide C string";
    case type_code::structure:
      return fmt::format("struct array of {}, {} bytes each",
                         counted(element_count(leaf.shape), "element"), bytes);
    case type_code::pointer: return "pointer to " + display_escaped(leaf.points_to);
    case type_code::function: return "function pointer";
  }
  return {};
}

}  // namespace

bool has_points_to(type_code code) noexcept {
  return code == type_code::pointer || code == type_code::function;
}

std::int64_t element_count(const std::vector<std::int64_t>& shape) {
  std::int64_t count = 1;
  for (std::int64_t dim : shape) count *= dim;
  return count;
}

std::string shape_text(const std::vector<std::int64_t>& shape) {
  if (shape.empty()) return {};
  return fmt::format("({})", fmt::join(shape, ","));
}

std::string type_in_words(const field& leaf) {
  // An array of structs says its own shape; its elements follow as fields of their own.
  if (leaf.shape.empty() || leaf.code == type_code::structure) return element_in_words(leaf);
  return fmt::format("array {} of {}", shape_text(leaf.shape), element_in_words(leaf));
}

std::string c_type_of(const field& leaf, const descriptor& desc) {
  c_declarator element =
      element_declarator(desc, desc[leaf.node], leaf.code, leaf.order, leaf.size);
  c_declarator declarator = array_of(std::move(element), leaf.shape);
  return declarator.before + declarator.after;
}

}  // namespace pep3118::cli
