// emit numpy: a format that NumPy 1.24's parser (numpy.core._internal._dtype_from_pep3118)
// reads back with the same itemsize, field offsets and field paths.
//
// NumPy aligns and pads only under '@', so nothing is written under '@': every gap, trailing
// padding included, is explicit `Nx` padding, and NumPy's own rules cannot move anything.
// Multi-byte codes carry their byte order ('<' or '>', standard sizes, the code picked by the
// field's size: a native 8-byte `l` is `q`). NumPy knows g, Zg and O only natively: they are
// written under '^', which NumPy reads as the host's order and sizes, so they are expressible
// only when the field's order and size are the host's.
#include <pep3118/emit.hpp>

#include <iterator>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include <pep3118/layout.hpp>

#include "emit_tree.hpp"

namespace pep3118 {

namespace {

using detail::laid_member;

endian order_of(const node& item, const target& tgt) noexcept {
  switch (item.order) {
    case byte_order::little: return endian::little;
    case byte_order::big:
    case byte_order::network: return endian::big;
    default: return tgt.order;
  }
}

// NumPy 1.24 reads no pointers, function pointers, u, t, p, P, z, Z or Ze (n and N are
// written as the integers they are), and g, Zg and O only as the host's own.
bool numpy_lacks(const node& item, const target& tgt) noexcept {
  switch (item.code) {
    case type_code::pointer:
    case type_code::function:
    case type_code::ucs2:
    case type_code::bits:
    case type_code::pascal_bytes:
    case type_code::void_pointer:
    case type_code::char_pointer:
    case type_code::wchar_pointer:
    case type_code::complex_half: return true;
    case type_code::long_double:
    case type_code::complex_long_double:
    case type_code::object: {
      const target& host = host_target();
      return order_of(item, tgt) != host.order ||
             tgt.native_type(item.code).size != host.native_type(item.code).size;
    }
    default: return false;
  }
}

// How NumPy spells one element of a leaf, and the mark it must stand under.
struct numpy_code {
  std::string text;
  char mark = 0;  // '<', '>', '^'; 0: any mark but '@'
};

std::optional<numpy_code> integer_code(const field& leaf, bool is_signed, char mark) {
  switch (leaf.size) {
    case 1: return numpy_code{is_signed ? "b" : "B", 0};
    case 2: return numpy_code{is_signed ? "h" : "H", mark};
    case 4: return numpy_code{is_signed ? "i" : "I", mark};
    case 8: return numpy_code{is_signed ? "q" : "Q", mark};
    default: return std::nullopt;
  }
}

// The code with NumPy's standard size equal to the field's, of the field's kind.
std::optional<numpy_code> code_of(const field& leaf) {
  const char mark = leaf.resolved_order == field_order::big ? '>' : '<';
  switch (leaf.code) {
    case type_code::pad: return numpy_code{fmt::format("{}x", leaf.size), 0};
    case type_code::bytes: return numpy_code{fmt::format("{}s", leaf.size), 0};
    case type_code::char_: return numpy_code{"c", 0};
    case type_code::bool_:
      if (leaf.size != 1) return std::nullopt;
      return numpy_code{"?", 0};
    case type_code::signed_char:
    case type_code::short_:
    case type_code::int_:
    case type_code::long_:
    case type_code::long_long:
    case type_code::ssize: return integer_code(leaf, true, mark);
    case type_code::unsigned_char:
    case type_code::unsigned_short:
    case type_code::unsigned_int:
    case type_code::unsigned_long:
    case type_code::unsigned_long_long:
    case type_code::size: return integer_code(leaf, false, mark);
    case type_code::half:
    case type_code::float_:
    case type_code::double_:
      if (leaf.size == 2) return numpy_code{"e", mark};
      if (leaf.size == 4) return numpy_code{"f", mark};
      if (leaf.size == 8) return numpy_code{"d", mark};
      return std::nullopt;
    case type_code::complex_float:
    case type_code::complex_double:
      if (leaf.size == 8) return numpy_code{"Zf", mark};
      if (leaf.size == 16) return numpy_code{"Zd", mark};
      return std::nullopt;
    case type_code::ucs4: return numpy_code{"w", mark};
    case type_code::long_double: return numpy_code{"g", '^'};
    case type_code::complex_long_double: return numpy_code{"Zg", '^'};
    case type_code::object: return numpy_code{"O", '^'};
    default: return std::nullopt;
  }
}

class numpy_writer {
 public:
  numpy_writer(const descriptor& desc, const target& tgt)
      : desc_(desc), default_mark_(tgt.order == endian::big ? '>' : '<') {}

  // The format, or the item whose field has no NumPy code of its size.
  std::optional<std::string> write(const laid_member& root) {
    members(root);
    if (failed_ != nullptr) return std::nullopt;
    return std::move(out_);
  }

  const node* failed() const noexcept { return failed_; }

 private:
  // A struct's members at their offsets, each gap and the tail as explicit padding.
  void members(const laid_member& container) {
    std::int64_t cursor = container.offset;
    for (const laid_member& member : container.members) {
      padding(member.offset - cursor);
      item(member);
      cursor = member.offset + member.extent();
    }
    padding(container.offset + container.element_size - cursor);
  }

  void padding(std::int64_t bytes) {
    if (bytes <= 0) return;
    mark(0);
    fmt::format_to(std::back_inserter(out_), "{}x", bytes);
  }

  void item(const laid_member& member) {
    const node& item = desc_[member.id];
    if (item.code == type_code::structure) {
      shape(member.shape);
      mark(0);
      out_ += "T{";
      members(member);
      out_ += '}';
    } else {
      leaf(member, item);
    }
    if (item.has_name) fmt::format_to(std::back_inserter(out_), ":{}:", desc_.name(item));
  }

  void leaf(const laid_member& member, const node& item) {
    std::optional<numpy_code> code = code_of(*member.leaf);
    if (!code) {
      if (failed_ == nullptr) failed_ = &item;
      return;
    }
    std::vector<std::int64_t> dims = member.shape;
    std::string count;
    // NumPy reads a count on `w` as a string length (`2w` is U2, as NumPy itself writes it):
    // keep it there rather than in the shape.
    if (item.code == type_code::ucs4 && item.has_count) {
      count = std::to_string(dims.back());
      dims.pop_back();
    }
    shape(dims);
    mark(code->mark);
    out_ += count;
    out_ += code->text;
  }

  // NumPy reads a shape before the mark, and one shape only: counts are folded into it.
  void shape(const std::vector<std::int64_t>& dims) {
    if (!dims.empty()) fmt::format_to(std::back_inserter(out_), "({})", fmt::join(dims, ","));
  }

  // NumPy starts under '@': the first item sets another mark, and later ones change it only
  // when they need another.
  void mark(char wanted) {
    if (wanted == 0) {
      if (mark_ != '@') return;
      wanted = default_mark_;
    }
    if (mark_ != wanted) out_ += wanted;
    mark_ = wanted;
  }

  const descriptor& desc_;
  const char default_mark_;
  std::string out_;
  char mark_ = '@';
  const node* failed_ = nullptr;
};

result<std::string> cannot_express(const node& item) {
  return result<std::string>({diagnostic{severity::error, error_code::numpy_cannot_express, item.offset}});
}

}  // namespace

result<std::string> emit_numpy(const descriptor& desc, const target& tgt) {
  if (const node* lacking =
          detail::first_item(desc, desc.root(), [&](const node& item) { return numpy_lacks(item, tgt); })) {
    return cannot_express(*lacking);
  }
  result<layout> laid_out = layout_of(desc, tgt);
  if (!laid_out) return result<std::string>(laid_out.diagnostics());
  numpy_writer writer(desc, tgt);
  std::optional<std::string> text = writer.write(detail::laid_tree_of(desc, laid_out.value()).root);
  if (!text) return cannot_express(*writer.failed());
  return result<std::string>(std::move(*text), {});
}

}  // namespace pep3118
