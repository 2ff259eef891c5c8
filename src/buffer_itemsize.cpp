#include "buffer_itemsize.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "buffer_codes.hpp"
#include "buffer_relayout.hpp"
#include "buffer_words.hpp"
#include "emit_tree.hpp"

namespace pep3118::detail {

namespace {

// How a message names a field: its path, or for the format's one unnamed item its code.
std::string label(const field& leaf) {
  return fmt::format("`{}`", leaf.path.empty() ? code_text(leaf.code) : std::string_view(leaf.path));
}

// The field's code with the mark in force, as a producer writes it: `<i`, `B`.
std::string spelling(const field& leaf) {
  const std::string_view code = code_text(leaf.code);
  if (leaf.order == byte_order::native) return std::string(code);
  return fmt::format("{}{}", static_cast<char>(leaf.order), code);
}

bool is_mark(char c) noexcept { return std::string_view("@=<>!^").find(c) != std::string_view::npos; }
bool is_space(char c) noexcept { return std::string_view(" \t\n\r\v\f").find(c) != std::string_view::npos; }

// The mark written with the item itself (before it, or between its shape and its body), or 0.
// The descriptor keeps only the mark in force, which a previous item may have set: ctypes
// writes a mark on every field, so the text is what tells its fields apart.
char written_mark(std::string_view format, const node& item) {
  std::size_t at = item.offset;
  while (at < format.size() && (format[at] == '(' || is_space(format[at]))) {
    at = format[at] == '(' ? std::min(format.find(')', at), format.size() - 1) + 1 : at + 1;
  }
  if (at < format.size() && is_mark(format[at])) return format[at];
  for (std::size_t before = item.offset; before > 0; --before) {
    if (is_mark(format[before - 1])) return format[before - 1];
    if (!is_space(format[before - 1])) break;
  }
  return 0;
}

bool is_integer(type_code code) noexcept {
  switch (code) {
    case type_code::char_:
    case type_code::signed_char:
    case type_code::unsigned_char:
    case type_code::bool_:
    case type_code::short_:
    case type_code::unsigned_short:
    case type_code::int_:
    case type_code::unsigned_int:
    case type_code::long_:
    case type_code::unsigned_long:
    case type_code::long_long:
    case type_code::unsigned_long_long:
    case type_code::ssize:
    case type_code::size:
      return true;
    default:
      return false;
  }
}

// A scalar field, not an array and not a struct.
bool is_scalar(const laid_member& member) noexcept {
  return member.leaf != nullptr && member.leaf->code != type_code::structure && member.shape.empty();
}

// Calls `visit` with every member that has a field of its own in the layout (leaves, and the
// entries of arrays of structs), depth first in layout order.
template <typename Visit>
void for_each_field(const laid_member& container, Visit&& visit) {
  for (const laid_member& member : container.members) {
    if (member.leaf != nullptr) visit(member);
    for_each_field(member, visit);
  }
}

// Why a format and an itemsize disagree: each cause is a hypothesis about the producer,
// tested on the format's fields; the first that explains the exporter's itemsize is said.
class cause_finder {
 public:
  cause_finder(const described_item& item, std::int64_t itemsize)
      : item_(item),
        tree_(laid_tree_of(item.desc, item.laid_out)),
        described_(item.laid_out.itemsize),
        itemsize_(itemsize) {}

  buffer_finding format_smaller() const {
    if (std::optional<buffer_finding> found = union_as_bytes()) return std::move(*found);
    if (std::optional<buffer_finding> found = wchar_as_ucs2()) return std::move(*found);
    const std::optional<relaid> as_c = relayout(tree_, item_.tgt, {true, 2});
    const bool c_explains = as_c && as_c->itemsize == itemsize_;
    if (c_explains && as_c->first_moved != nullptr) {
      return make_finding(
          buffer_code::padding_undescribed,
          fmt::format("{}, what these fields take as an aligned C struct: the format writes no padding ("
                      "ctypes before Python 3.12 never does), so {} is at offset {} in the format but at {} in C",
                      sizes(), label(*as_c->first_moved), as_c->first_moved->offset, as_c->moved_to));
    }
    return trailing_bytes(c_explains);
  }

  buffer_finding format_larger() const {
    if (std::optional<buffer_finding> found = bitfields()) return std::move(*found);
    const std::optional<relaid> packed = relayout(tree_, item_.tgt, {false, 2});
    if (packed && packed->itemsize == itemsize_) {
      return make_finding(
          buffer_code::packed_item_read_aligned,
          fmt::format("{}, what its fields take packed: the format is laid out with `@` alignment but the item "
                      "has no padding (NumPy exports a scalar of a packed structured dtype without `=`); "
                      "`=` or `^` at the start of the format would make them agree",
                      sizes()));
    }
    return make_finding(buffer_code::itemsize_mismatch,
                        fmt::format("{}: reading an item by the format runs {} past its end", sizes(),
                                    counted_bytes(described_ - itemsize_)));
  }

 private:
  std::string sizes() const {
    return fmt::format("the format describes {}, the exporter says {}", counted_bytes(described_), itemsize_);
  }

  // ctypes writes a union, and before 3.12 a packed struct, as a bare `B` with the real size:
  // alone as the whole format, or as a field among fields that carry ctypes' explicit marks
  // (a NumPy uint8 field is a bare `B` too, but NumPy writes no `<` or `>` on native data).
  std::optional<buffer_finding> union_as_bytes() const {
    const laid_member* bare_bytes = nullptr;
    bool ctypes_marks = false;
    for_each_field(tree_.root, [&](const laid_member& member) {
      const node& item = item_.desc[member.id];
      const char mark = written_mark(item_.format, item);
      if (bare_bytes == nullptr && is_scalar(member) && member.leaf->code == type_code::unsigned_char &&
          !item.has_count && mark == 0) {
        bare_bytes = &member;
      } else if (mark == '<' || mark == '>' || mark == '!') {
        ctypes_marks = true;
      }
    });
    if (bare_bytes == nullptr) return std::nullopt;
    const array_view<node_id> items = item_.desc.children(item_.desc.root());
    if (items.size() == 1 && items[0] == bare_bytes->id) {
      return make_finding(buffer_code::union_as_bytes,
                          fmt::format("the format is `B` (1 byte), the exporter says {}: ctypes exports a union, "
                                      "and before Python 3.12 a packed struct, as `B` with the real itemsize, so "
                                      "the format does not say what the item holds",
                                      itemsize_));
    }
    if (!ctypes_marks) return std::nullopt;
    return make_finding(
        buffer_code::union_as_bytes,
        fmt::format("{}: field {} is a bare `B` among fields with explicit byte orders, the way ctypes "
                    "exports a union (and before Python 3.12 a packed struct) inside a struct, so "
                    "its real size is not in the format",
                    sizes(), label(*bare_bytes->leaf)));
  }

  // ctypes exports its c_wchar, 4 bytes on Linux and macOS, as `u`.
  std::optional<buffer_finding> wchar_as_ucs2() const {
    bool has_ucs2 = false;
    for_each_field(tree_.root,
                   [&](const laid_member& member) { has_ucs2 |= member.leaf->code == type_code::ucs2; });
    if (!has_ucs2) return std::nullopt;
    const std::optional<relaid> wide = relayout(tree_, item_.tgt, {true, 4});
    if (!wide || wide->itemsize != itemsize_) return std::nullopt;
    return make_finding(buffer_code::wchar_as_ucs2,
                        fmt::format("{}, what it takes with a 4-byte `u`: PEP 3118 makes `u` UCS-2 (2 bytes), but "
                                    "ctypes exports its 4-byte `c_wchar` (Linux, macOS) as `u`; the 4-byte code "
                                    "is `w`",
                                    sizes()));
  }

  // ctypes exports every bitfield as its whole base type, so bitfields sharing one int show
  // up as neighbouring fields of the same integer type that together overflow the item.
  std::optional<buffer_finding> bitfields() const {
    std::optional<std::pair<const field*, const field*>> neighbours = same_integer_neighbours(tree_.root);
    if (!neighbours) return std::nullopt;
    const auto [first, second] = *neighbours;
    return make_finding(
        buffer_code::bitfields_as_whole_fields,
        fmt::format("bitfields: the format lists {} of whole fields, the exporter says {}: ctypes "
                    "exports each bitfield as its whole base type ({} and {} are both `{}`), so the "
                    "format cannot say where the bits are",
                    counted_bytes(described_), itemsize_, label(*first), label(*second), spelling(*first)));
  }

  static std::optional<std::pair<const field*, const field*>> same_integer_neighbours(
      const laid_member& container) {
    const std::vector<laid_member>& members = container.members;
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i + 1 < members.size() && is_scalar(members[i]) && is_scalar(members[i + 1])) {
        const field& first = *members[i].leaf;
        const field& second = *members[i + 1].leaf;
        if (is_integer(first.code) && first.code == second.code && first.order == second.order) {
          return std::pair{&first, &second};
        }
      }
      if (auto inner = same_integer_neighbours(members[i])) return inner;
    }
    return std::nullopt;
  }

  buffer_finding trailing_bytes(bool c_explains) const {
    const std::string cause =
        c_explains ? fmt::format(
                         "ctypes before Python 3.12 writes no padding, and these fields take {} as an "
                         "aligned C struct",
                         counted_bytes(itemsize_))
                   : std::string(
                         "NumPy drops the trailing padding of a dtype whose itemsize is larger than its "
                         "fields, and ctypes before Python 3.12 drops all padding");
    const field* last = last_field();
    const std::string where =
        last != nullptr ? "after " + label(*last) : fmt::format("from offset {}", described_);
    return make_finding(buffer_code::trailing_bytes_undescribed,
                        fmt::format("{}: {} {} {} not described ({})", sizes(),
                                    counted(itemsize_ - described_, "trailing byte", "trailing bytes"), where,
                                    itemsize_ - described_ == 1 ? "is" : "are", cause));
  }

  // The last field that ends where the format does, if one does (the format may end in padding).
  const field* last_field() const {
    const field* last = nullptr;
    for_each_field(tree_.root, [&](const laid_member& member) {
      if (member.offset + member.extent() == described_) last = member.leaf;
    });
    return last;
  }

  const described_item& item_;
  const laid_tree tree_;
  const std::int64_t described_;
  const std::int64_t itemsize_;
};

}  // namespace

void add_itemsize_findings(const described_item& item, std::int64_t itemsize,
                           std::vector<buffer_finding>& findings) {
  const std::int64_t described = item.laid_out.itemsize;
  if (itemsize == described) return;
  if (itemsize < 0) {
    findings.push_back(make_finding(
        buffer_code::itemsize_negative,
        fmt::format("the exporter says itemsize {}: an itemsize counts bytes and cannot be negative", itemsize)));
  } else if (itemsize == 0) {
    findings.push_back(make_finding(
        buffer_code::itemsize_zero,
        fmt::format(
            "the exporter says itemsize 0, but the format describes {}: Py_buffer.itemsize must be the size "
            "of one item",
            counted_bytes(described))));
  } else {
    const cause_finder causes(item, itemsize);
    findings.push_back(itemsize > described ? causes.format_smaller() : causes.format_larger());
  }
}

}  // namespace pep3118::detail
