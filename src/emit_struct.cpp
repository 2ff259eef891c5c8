// emit struct: one flat CPython struct-module format with the same layout.
//
// struct has no nesting, names or per-item byte order: nested structs and arrays of structs
// are unrolled into their leaves, every gap (trailing padding included) is explicit `Nx`, and
// one leading mark gives the byte order of every multi-byte field. That mark is '<' or '>':
// standard sizes (the code picked by the field's size: a native 8-byte `l` is `q`) and no
// alignment. n, N and P exist only under '@' (native sizes and alignment): with them the mark
// is '@', which needs every field in the target's own order and at a multiple of its native
// alignment, so that the explicit padding is all the padding there is.
#include <pep3118/emit.hpp>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <pep3118/layout.hpp>

#include "emit_tree.hpp"

namespace pep3118 {

namespace {

using detail::laid_member;

// Unrolling arrays of structs, and arrays of strings (struct has no array of `s`: `(3)4s` is
// `4s4s4s`), stops here: a format this long is no use to anyone, and the bound keeps a huge
// array from exhausting memory and time.
constexpr std::size_t max_unrolled_leaves = std::size_t{1} << 20;

// Codes CPython's struct module (3.11) does not have: x c b B ? h H i I l L q Q n N e f d s
// p P is all it reads.
bool struct_lacks(const node& item) noexcept {
  switch (item.code) {
    case type_code::long_double:
    case type_code::complex_half:
    case type_code::complex_float:
    case type_code::complex_double:
    case type_code::complex_long_double:
    case type_code::object:
    case type_code::ucs2:
    case type_code::ucs4:
    case type_code::bits:
    case type_code::char_pointer:
    case type_code::wchar_pointer:
    case type_code::pointer:
    case type_code::function: return true;
    default: return false;
  }
}

bool is_native_only(type_code code) noexcept {
  return code == type_code::ssize || code == type_code::size || code == type_code::void_pointer;
}

// One leaf of the item, unrolled: where it is and what it is.
struct flat_leaf {
  std::int64_t offset;
  const field* leaf;
};

// What struct spells one by one for a leaf: the leaf, or each string of an array of strings.
std::uint64_t spelled_items(const field& leaf) noexcept {
  const bool strings = leaf.code == type_code::bytes || leaf.code == type_code::pascal_bytes;
  return strings ? static_cast<std::uint64_t>(std::max<std::int64_t>(1, element_count(leaf.shape))) : 1;
}

// Every leaf in offset order, each array of structs repeated element by element.
class flattener {
 public:
  // False when struct would spell more than max_unrolled_leaves items; then too_long() is the
  // array.
  bool flatten(const laid_member& container, std::int64_t shift) {
    for (const laid_member& member : container.members) {
      if (member.leaf == nullptr) {  // a struct that is not an array
        if (!flatten(member, shift)) return false;
      } else if (member.leaf->code != type_code::structure) {
        const std::uint64_t spelled = spelled_items(*member.leaf);
        if (spelled > max_unrolled_leaves - spelled_) return fail(member);
        spelled_ += spelled;
        leaves_.push_back({member.offset + shift, member.leaf});
      } else if (!repeat(member, shift)) {
        return false;
      }
    }
    return true;
  }

  const std::vector<flat_leaf>& leaves() const noexcept { return leaves_; }
  node_id too_long() const noexcept { return too_long_; }

 private:
  // An array of structs: element 0's leaves, then copies of them shifted by the stride.
  bool repeat(const laid_member& array, std::int64_t shift) {
    const std::size_t first = leaves_.size();
    const std::uint64_t spelled_before = spelled_;
    if (!flatten(array, shift)) return false;
    const std::size_t per_element = leaves_.size() - first;
    const std::uint64_t spelled_per_element = spelled_ - spelled_before;
    const std::int64_t elements = element_count(array.shape);
    if (elements == 0) {  // element 0 is there only to be measured
      leaves_.resize(first);
      spelled_ = spelled_before;
    }
    if (per_element == 0) return true;
    for (std::int64_t i = 1; i < elements; ++i) {
      if (max_unrolled_leaves - spelled_ < spelled_per_element) return fail(array);
      spelled_ += spelled_per_element;
      for (std::size_t k = first; k < first + per_element; ++k) {
        leaves_.push_back({leaves_[k].offset + i * array.element_size, leaves_[k].leaf});
      }
    }
    return true;
  }

  bool fail(const laid_member& member) {
    too_long_ = member.id;
    return false;
  }

  std::vector<flat_leaf> leaves_;
  std::uint64_t spelled_ = 0;  // items struct spells for the leaves so far (at least one a leaf)
  node_id too_long_ = 0;
};

// A struct code and the code it means in our terms (whose native alignment '@' applies).
struct struct_code {
  type_code code;
  char letter;
};

// The struct code of the leaf's kind whose size is the leaf's, under the chosen mark; nullopt
// when there is none.
class code_picker {
 public:
  code_picker(const target& tgt, bool native) : target_(tgt), native_(native) {}

  std::optional<struct_code> code_of(const field& leaf) const {
    switch (leaf.code) {
      case type_code::char_: return struct_code{leaf.code, 'c'};
      case type_code::bytes: return struct_code{leaf.code, 's'};
      case type_code::pascal_bytes: return struct_code{leaf.code, 'p'};
      case type_code::bool_: return sized(leaf, {{type_code::bool_, '?'}});
      case type_code::ssize: return struct_code{leaf.code, 'n'};
      case type_code::size: return struct_code{leaf.code, 'N'};
      case type_code::void_pointer: return struct_code{leaf.code, 'P'};
      case type_code::half:
      case type_code::float_:
      case type_code::double_:
        return sized(leaf, {{type_code::half, 'e'}, {type_code::float_, 'f'}, {type_code::double_, 'd'}});
      case type_code::signed_char:
      case type_code::short_:
      case type_code::int_:
      case type_code::long_:
      case type_code::long_long:
        return sized(leaf, {{type_code::signed_char, 'b'},
                            {type_code::short_, 'h'},
                            {type_code::int_, 'i'},
                            {type_code::long_, 'l'},
                            {type_code::long_long, 'q'}});
      case type_code::unsigned_char:
      case type_code::unsigned_short:
      case type_code::unsigned_int:
      case type_code::unsigned_long:
      case type_code::unsigned_long_long:
        return sized(leaf, {{type_code::unsigned_char, 'B'},
                            {type_code::unsigned_short, 'H'},
                            {type_code::unsigned_int, 'I'},
                            {type_code::unsigned_long, 'L'},
                            {type_code::unsigned_long_long, 'Q'}});
      default: return std::nullopt;
    }
  }

 private:
  std::int64_t size_of(type_code code) const {
    return native_ ? target_.native_type(code).size : standard_size(code);
  }

  std::optional<struct_code> sized(const field& leaf, std::initializer_list<struct_code> candidates) const {
    for (const struct_code& candidate : candidates) {
      if (size_of(candidate.code) == leaf.size) return candidate;
    }
    return std::nullopt;
  }

  const target& target_;
  const bool native_;
};

class struct_writer {
 public:
  // `mark`: '@' (native sizes and alignment), '<' or '>'.
  struct_writer(const target& tgt, char mark)
      : picker_(tgt, mark == '@'), target_(tgt), native_(mark == '@'), out_(1, mark) {}

  // The format, or nullopt with failed() the leaf struct cannot hold.
  std::optional<std::string> write(const std::vector<flat_leaf>& leaves, std::int64_t itemsize) {
    std::int64_t cursor = 0;
    for (const flat_leaf& flat : leaves) {
      const field& leaf = *flat.leaf;
      const std::int64_t bytes = leaf.size * element_count(leaf.shape);
      // Named padding and empty arrays are bytes like any gap (or none).
      if (leaf.code == type_code::pad || bytes == 0) continue;
      std::optional<struct_code> code = picker_.code_of(leaf);
      if (!code || (native_ && flat.offset % target_.native_type(code->code).alignment != 0)) {
        failed_ = leaf.node;
        return std::nullopt;
      }
      padding(flat.offset - cursor);
      put(leaf, code->letter);
      cursor = flat.offset + bytes;
    }
    padding(itemsize - cursor);
    return std::move(out_);
  }

  node_id failed() const noexcept { return failed_; }

 private:
  void padding(std::int64_t bytes) {
    if (bytes > 0) fmt::format_to(std::back_inserter(out_), "{}x", bytes);
  }

  void put(const field& leaf, char code) {
    const std::int64_t elements = element_count(leaf.shape);
    if (code == 's' || code == 'p') {  // a count is the length of one string
      for (std::int64_t i = 0; i < elements; ++i)
        fmt::format_to(std::back_inserter(out_), "{}{}", leaf.size, code);
    } else if (elements == 1) {
      out_ += code;
    } else {
      fmt::format_to(std::back_inserter(out_), "{}{}", elements, code);
    }
  }

  code_picker picker_;
  const target& target_;
  const bool native_;
  std::string out_;
  node_id failed_ = 0;
};

result<std::string> cannot_express(const descriptor& desc, node_id id) {
  return result<std::string>(
      {diagnostic{severity::error, error_code::struct_cannot_express, desc[id].offset}});
}

// The leading mark: '@' with a native-only code, else the byte order of the multi-byte
// fields (the target's when there are none); or the first field that does not fit it.
struct mark_choice {
  char mark = 0;
  std::optional<node_id> misfit;
};

mark_choice choose_mark(const std::vector<flat_leaf>& leaves, const target& tgt) {
  bool native = false;
  std::optional<field_order> order;
  for (const flat_leaf& flat : leaves) {
    native = native || is_native_only(flat.leaf->code);
    if (!order && flat.leaf->resolved_order != field_order::none) order = flat.leaf->resolved_order;
  }
  const field_order target_order = tgt.order == endian::big ? field_order::big : field_order::little;
  if (native) order = target_order;
  const field_order wanted = order.value_or(target_order);
  for (const flat_leaf& flat : leaves) {
    if (flat.leaf->resolved_order != field_order::none && flat.leaf->resolved_order != wanted) {
      return {.mark = 0, .misfit = flat.leaf->node};
    }
  }
  return {.mark = native ? '@' : wanted == field_order::big ? '>' : '<', .misfit = std::nullopt};
}

}  // namespace

result<std::string> emit_struct(const descriptor& desc, const target& tgt) {
  if (const node* lacking = detail::first_item(desc, desc.root(), struct_lacks)) {
    return result<std::string>(
        {diagnostic{severity::error, error_code::struct_cannot_express, lacking->offset}});
  }
  result<layout> laid_out = layout_of(desc, tgt);
  if (!laid_out) return result<std::string>(laid_out.diagnostics());
  const detail::laid_tree tree = detail::laid_tree_of(desc, laid_out.value());
  flattener flat;
  if (!flat.flatten(tree.root, 0)) return cannot_express(desc, flat.too_long());
  const mark_choice choice = choose_mark(flat.leaves(), tgt);
  if (choice.misfit) return cannot_express(desc, *choice.misfit);
  struct_writer writer(tgt, choice.mark);
  std::optional<std::string> text = writer.write(flat.leaves(), laid_out->itemsize);
  if (!text) return cannot_express(desc, writer.failed());
  return result<std::string>(std::move(*text), {});
}

}  // namespace pep3118
