// NumPy 1.24's parser (numpy.core._internal._dtype_from_pep3118) as a reader for
// portability_of: pep3118's default rules are NumPy's layout (the conformance tests hold them
// to it), so NumPy reads a format with pep3118's itemsize unless it stops somewhere first: on
// syntax and type codes (portability_numpy_syntax.cpp), on a layout pep3118 refuses too, or on
// a size its C ints cannot hold.
#include <cstdint>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "emit_tree.hpp"
#include "portability_readers.hpp"

namespace pep3118::detail {

namespace {

refusal too_large(std::int64_t bytes, std::optional<std::size_t> offset) {
  return refusal{offset, fmt::format("{} bytes: NumPy 1.24 keeps sizes in a C int (at most 2^31-1)", bytes)};
}

// A shape on a repeated struct of size 0 (`(2)2T{}`): NumPy wraps the struct in the count's
// sub-array, which has size 0 and no fields, and then takes it for a type without a size when
// it wraps it in the shape's. (A count of 0 under a shape is refused by the syntax pass.)
bool is_shaped_empty_struct_array(const node& item, const laid_member& member) {
  return item.code == type_code::structure && item.shape_size > 0 && item.has_count && item.count > 1 &&
         member.element_size == 0;
}

// The first member (depth first) NumPy cannot build: it builds a dtype for each member, each
// array of it and each struct, and each must fit a C int.
std::optional<refusal> size_refusal(const descriptor& desc, const laid_member& container) {
  for (const laid_member& member : container.members) {
    const node& item = desc[member.id];
    const std::size_t offset = item.offset;
    if (is_shaped_empty_struct_array(item, member)) {
      return refusal{offset, "a shape on repeated structs of size 0: NumPy cannot build that sub-array "
                             "(invalid itemsize in generic type tuple)"};
    }
    if (member.element_size > numpy_int_max) return too_large(member.element_size, offset);
    if (member.extent() > numpy_int_max) return too_large(member.extent(), offset);
    if (std::optional<refusal> inner = size_refusal(desc, member)) return inner;
  }
  return std::nullopt;
}

}  // namespace

reading numpy_reading(std::string_view format, const descriptor& desc, const result<layout>& laid_out) {
  if (std::optional<refusal> syntax = numpy_syntax_refusal(format)) return refused(reader::numpy, *syntax);
  if (!laid_out) return refused(reader::numpy, refusal_of(laid_out.diagnostics()));
  const laid_tree tree = laid_tree_of(desc, laid_out.value());
  if (std::optional<refusal> size = size_refusal(desc, tree.root)) return refused(reader::numpy, *size);
  // The whole item's dtype is built last, when the format ends.
  if (laid_out->itemsize > numpy_int_max) return refused(reader::numpy, too_large(laid_out->itemsize, format.size()));
  return accepted(reader::numpy, laid_out->itemsize);
}

}  // namespace pep3118::detail
