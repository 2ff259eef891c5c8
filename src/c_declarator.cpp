#include "c_declarator.hpp"

#include <iterator>
#include <utility>

#include <fmt/format.h>

#include <pep3118/target.hpp>

#include <pep3118/detail/codes.hpp>

namespace pep3118::detail {

namespace {

c_declarator pointer_to(const c_declarator& pointee) {
  bool glued = pointee.before.ends_with('*') || pointee.before.ends_with('(');
  if (pointee.after.empty()) return {pointee.before + (glued ? "*" : " *"), ""};
  // Arrays and functions bind tighter than '*': `int (*)[2]`, `void (*(*))(void)`.
  return {pointee.before + (glued ? "(*" : " (*"), ")" + pointee.after};
}

c_declarator fixed_width_integer(bool is_signed, std::int64_t bytes) {
  return {fmt::format("{}int{}_t", is_signed ? "" : "u", bytes * 8), ""};
}

// An integer code whose C type follows the mark: `int` under native sizes, `int32_t` under
// standard ones. `bytes`: its size, for fixed-width names.
c_declarator sized_integer(std::string_view native_name, bool is_signed, type_code code, byte_order order,
                           std::int64_t bytes, c_names names) {
  if (names == c_names::fixed_width) return fixed_width_integer(is_signed, bytes);
  if (uses_native_sizes(order)) return {std::string(native_name), ""};
  return fixed_width_integer(is_signed, standard_size(code));
}

// An integer code with one C type whatever the mark: `signed char`, `Py_ssize_t`.
c_declarator named_integer(std::string_view name, bool is_signed, std::int64_t bytes, c_names names) {
  if (names == c_names::fixed_width) return fixed_width_integer(is_signed, bytes);
  return {std::string(name), ""};
}

c_declarator node_declarator(const descriptor& desc, const node& item, c_names names);

// One element of an item. `bytes`: the size of one element (for `s`, `p` and `x`: their
// length), used for strings always and for integers under fixed-width names.
c_declarator element_declarator(const descriptor& desc, const node& item, type_code code, byte_order order,
                                std::int64_t bytes, c_names names) {
  switch (code) {
    case type_code::pad:
    case type_code::bytes:
    case type_code::pascal_bytes: return {"char", fmt::format("[{}]", bytes)};
    case type_code::char_: return {"char", ""};
    case type_code::signed_char: return named_integer("signed char", true, bytes, names);
    case type_code::unsigned_char: return named_integer("unsigned char", false, bytes, names);
    case type_code::bool_: return {"_Bool", ""};
    case type_code::short_: return sized_integer("short", true, code, order, bytes, names);
    case type_code::unsigned_short: return sized_integer("unsigned short", false, code, order, bytes, names);
    case type_code::int_: return sized_integer("int", true, code, order, bytes, names);
    case type_code::unsigned_int: return sized_integer("unsigned int", false, code, order, bytes, names);
    case type_code::long_: return sized_integer("long", true, code, order, bytes, names);
    case type_code::unsigned_long: return sized_integer("unsigned long", false, code, order, bytes, names);
    case type_code::long_long: return sized_integer("long long", true, code, order, bytes, names);
    case type_code::unsigned_long_long:
      return sized_integer("unsigned long long", false, code, order, bytes, names);
    case type_code::ssize: return named_integer("Py_ssize_t", true, bytes, names);
    case type_code::size: return named_integer("size_t", false, bytes, names);
    // _Float16 is missing from many C compilers (clang 14 on x86, wasm32, s390x, ppc64le,
    // MSVC): a declaration for another target holds half floats as their bits.
    case type_code::half:
      return names == c_names::fixed_width ? c_declarator{"uint16_t", ""} : c_declarator{"_Float16", ""};
    case type_code::float_: return {"float", ""};
    case type_code::double_: return {"double", ""};
    case type_code::long_double: return {"long double", ""};
    case type_code::complex_half:
      return names == c_names::fixed_width ? c_declarator{"uint16_t", "[2]"} : c_declarator{"_Float16 _Complex", ""};
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
    case type_code::pointer:
      if (names == c_names::fixed_width && final_pointee(desc, item).code == type_code::structure) {
        return {"void *", ""};
      }
      return pointer_to(node_declarator(desc, desc.target_of(item), names));
    case type_code::function: return {"void (*", ")(void)"};
  }
  return {};
}

// An item with its shape and count: what a pointer points to. Its integers keep their C names
// (a fixed width would need the target's sizes, which a pointee, never laid out, lacks), but
// its halves follow `names`: _Float16 is missing from many compilers.
c_declarator node_declarator(const descriptor& desc, const node& item, c_names names) {
  const bool half = item.code == type_code::half || item.code == type_code::complex_half;
  c_declarator element =
      element_declarator(desc, item, item.code, item.order, item.count, half ? names : c_names::as_written);
  std::vector<std::int64_t> dims(desc.shape(item).begin(), desc.shape(item).end());
  if (item.has_count && !count_is_length(item.code)) dims.push_back(item.count);
  return c_array_of(std::move(element), dims);
}

}  // namespace

std::string c_declarator::type_name() const { return before + after; }

std::string c_declarator::declaration(std::string_view name) const {
  bool glued = before.ends_with('*') || before.ends_with('(');
  return fmt::format("{}{}{}{}", before, glued ? "" : " ", name, after);
}

c_declarator c_array_of(c_declarator element, const std::vector<std::int64_t>& dims) {
  std::string brackets;
  for (std::int64_t dim : dims) fmt::format_to(std::back_inserter(brackets), "[{}]", dim);
  return {std::move(element.before), brackets + element.after};
}

const node& final_pointee(const descriptor& desc, const node& pointer) {
  const node* target = &desc.target_of(pointer);
  while (target->code == type_code::pointer) target = &desc.target_of(*target);
  return *target;
}

c_declarator c_field_declarator(const field& leaf, const descriptor& desc, c_names names) {
  c_declarator element = element_declarator(desc, desc[leaf.node], leaf.code, leaf.order, leaf.size, names);
  return c_array_of(std::move(element), leaf.shape);
}

}  // namespace pep3118::detail
