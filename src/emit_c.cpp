// emit c: a C11 declaration of the layout for the target.
//
// Every struct of the format becomes a struct type (a nested one named after its container
// and member: `item_s`), members in offset order and every gap an explicit
// `unsigned char _padN[k]`, so that C has nothing to add. A struct type is left natural when
// each member sits at a multiple of its C alignment and its size is a multiple of the largest:
// C then lays it out exactly so by itself. Otherwise the format packed it, and the type is
// `__attribute__((packed))` (GCC and Clang): C adds nothing and aligns it to 1.
//
// Zero-size members (empty structs, zero-length arrays) are not declared, only noted: they are
// GNU C, and the MSVC ABI gives them a byte; a zero-size item declares nothing at all.
//
// The asserts hold what C really does: sizeof is the itemsize, every field (element 0 of
// arrays of structs) is at its offset, and _Alignof is C's alignment of the struct (its
// widest member's, 1 when packed), which can differ from pep3118's: NumPy's common alignment
// (`=i` is 1 for pep3118, 4 for C), written beside it in a comment. Integers are fixed-width,
// C has no byte order (a foreign one is a comment), and a pointer leading to a struct is
// `void *`.
#include <pep3118/emit.hpp>

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <pep3118/describe.hpp>
#include <pep3118/layout.hpp>
#include <pep3118/print.hpp>

#include "c_declarator.hpp"
#include "c_identifier.hpp"
#include "emit_tree.hpp"

namespace pep3118 {

namespace {

using detail::c_scope;
using detail::laid_member;

// The alignment of the C integer type of this size on the target (int32_t is an int's).
std::int64_t integer_alignment(const target& tgt, std::int64_t size) {
  for (type_code code : {type_code::signed_char, type_code::short_, type_code::int_, type_code::long_long}) {
    if (tgt.native_type(code).size == size) return tgt.native_type(code).alignment;
  }
  return size;
}

bool has_integer_c_type(type_code code) noexcept {
  switch (code) {
    case type_code::signed_char:
    case type_code::unsigned_char:
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
    case type_code::ucs2:
    case type_code::ucs4: return true;
    default: return false;
  }
}

// The C alignment on the target of a leaf's C type (c_names::fixed_width).
std::int64_t leaf_alignment(const field& leaf, const target& tgt) {
  if (has_integer_c_type(leaf.code)) return integer_alignment(tgt, leaf.size);
  return tgt.native_type(leaf.code).alignment;
}

// Typedefs for the Python types a declaration may name without Python.h.
std::string python_typedefs(const descriptor& desc) {
  bool object = false;
  bool ssize_pointer = false;
  for (node_id id = 0; id < desc.node_count(); ++id) {
    const node& item = desc[id];
    object = object || item.code == type_code::object;
    ssize_pointer = ssize_pointer || (item.code == type_code::pointer &&
                                      detail::final_pointee(desc, item).code == type_code::ssize);
  }
  std::string typedefs;
  if (object) typedefs += "typedef struct _object PyObject;  /* as Python.h declares it */\n";
  if (ssize_pointer) typedefs += "typedef ptrdiff_t Py_ssize_t;  /* ssize_t in Python.h: the same type */\n";
  return typedefs;
}

// A member's comment: its name as written when C could not keep it, a byte order C cannot
// say, what a pointer points to.
std::string member_comment(const laid_member& member, const std::string& c_name, const target& tgt) {
  std::vector<std::string> notes;
  if (c_name != member.name) notes.push_back(fmt::format("name \"{}\"", detail::c_comment_text(member.name)));
  if (member.leaf != nullptr) {
    const field& leaf = *member.leaf;
    const field_order own = tgt.order == endian::big ? field_order::big : field_order::little;
    if (leaf.resolved_order != field_order::none && leaf.resolved_order != own) {
      notes.emplace_back(leaf.resolved_order == field_order::big ? "big-endian" : "little-endian");
    }
    if (leaf.code == type_code::pointer || leaf.code == type_code::function) {
      notes.push_back("-> " + detail::c_comment_text(leaf.points_to));
    }
  }
  if (notes.empty()) return {};
  return fmt::format("  /* {} */", fmt::join(notes, "; "));
}

// A member's offset in the outermost struct: `s[0].a` at 8.
struct offset_check {
  std::string designator;
  std::int64_t offset;
};

class c_writer {
 public:
  c_writer(const descriptor& desc, const target& tgt) : desc_(desc), target_(tgt) {}

  // Defines the struct type `type_name` for `container` (its nested types first), and
  // collects the offset asserts of its fields as seen from the outermost struct through
  // `designator` ("" there; "s." or "s[0]." inside). Returns its C alignment.
  std::int64_t define(const laid_member& container, const std::string& type_name,
                      const std::string& designator) {
    c_scope names;
    std::vector<std::string> member_names;
    for (const laid_member& member : container.members) {
      member_names.push_back(names.claim(detail::c_identifier(member.name)));
    }

    std::string body;
    std::int64_t cursor = container.offset;
    std::int64_t widest = 1;
    bool natural = true;
    for (std::size_t i = 0; i < container.members.size(); ++i) {
      const laid_member& member = container.members[i];
      if (member.extent() == 0) {
        // Empty structs and zero-length arrays are GNU C, and MSVC gives them a byte.
        fmt::format_to(std::back_inserter(body), "  /* \"{}\": 0 bytes at offset {} (C has no zero-size members) */\n",
                       detail::c_comment_text(member.name), member.offset);
        continue;
      }
      padding(body, names, member.offset - cursor);
      const std::int64_t alignment =
          declare(body, member, member_names[i], type_name, designator + member_names[i]);
      natural = natural && (member.offset - container.offset) % alignment == 0;
      widest = std::max(widest, alignment);
      cursor = member.offset + member.extent();
    }
    padding(body, names, container.offset + container.element_size - cursor);
    natural = natural && container.element_size % widest == 0;

    fmt::format_to(std::back_inserter(out_), "struct {}{} {{\n{}}};\n",
                   natural ? "" : "__attribute__((packed)) ", type_name, body);
    fmt::format_to(std::back_inserter(out_),
                   "_Static_assert(sizeof(struct {0}) == {1}, \"sizeof(struct {0})\");\n", type_name,
                   container.element_size);
    return natural ? widest : 1;
  }

  const std::string& text() const noexcept { return out_; }
  const std::vector<offset_check>& offsets() const noexcept { return offsets_; }

 private:
  void padding(std::string& body, c_scope& names, std::int64_t bytes) {
    if (bytes <= 0) return;
    fmt::format_to(std::back_inserter(body), "  unsigned char {}[{}];\n",
                   names.claim(fmt::format("_pad{}", pads_++)), bytes);
  }

  // One member's line; a struct member's type is defined first. Returns its C alignment.
  std::int64_t declare(std::string& body, const laid_member& member, const std::string& c_name,
                       const std::string& container_type, const std::string& designator) {
    offsets_.push_back({designator, member.offset});
    std::int64_t alignment = 1;
    std::string declaration;
    if (member.leaf == nullptr || member.leaf->code == type_code::structure) {
      const std::string type_name = type_names_.claim(container_type + "_" + c_name);
      // An array of structs: its elements' fields are asserted in element 0.
      std::string element = designator;
      for (std::size_t dim = 0; dim < member.shape.size(); ++dim) element += "[0]";
      alignment = define(member, type_name, element + ".");
      declaration = detail::c_array_of({"struct " + type_name, ""}, member.shape).declaration(c_name);
    } else {
      alignment = leaf_alignment(*member.leaf, target_);
      declaration = detail::c_field_declarator(*member.leaf, desc_, c_names::fixed_width).declaration(c_name);
    }
    fmt::format_to(std::back_inserter(body), "  {};{}\n", declaration,
                   member_comment(member, c_name, target_));
    return alignment;
  }

  const descriptor& desc_;
  const target& target_;
  std::string out_;
  c_scope type_names_;
  int pads_ = 0;
  std::vector<offset_check> offsets_;
};

}  // namespace

result<std::string> emit_c(const descriptor& desc, const target& tgt, std::string_view struct_name) {
  result<layout> laid_out = layout_of(desc, tgt);
  if (!laid_out) return result<std::string>(laid_out.diagnostics());
  const detail::laid_tree tree = detail::laid_tree_of(desc, laid_out.value());
  // A format that is one unnamed struct is that struct, as NumPy reads it.
  const laid_member& outermost =
      tree.unwrapped && tree.root.members.front().leaf == nullptr ? tree.root.members.front() : tree.root;

  constexpr std::string_view preamble =
      "/* The layout of the pep3118 format\n"
      "     {}\n"
      "   for {}: itemsize {}, pep3118 (NumPy) alignment {}. */\n"
      "#include <stddef.h>\n"
      "#include <stdint.h>\n\n";
  std::string out = fmt::format(preamble, detail::c_comment_text(canonical(desc)), tgt.name,
                                laid_out->itemsize, laid_out->alignment);
  if (std::string typedefs = python_typedefs(desc); !typedefs.empty()) out += typedefs + "\n";
  if (outermost.element_size == 0) {
    out += "/* Nothing to declare: C has no zero-size types. */\n";
    return result<std::string>(std::move(out), {});
  }
  c_writer writer(desc, tgt);
  const std::string name = detail::c_identifier(struct_name);
  const std::int64_t alignment = writer.define(outermost, name, "");
  out += writer.text();
  fmt::format_to(
      std::back_inserter(out),
      "_Static_assert(_Alignof(struct {0}) == {1}, \"C alignment of struct {0}: its widest member's, "
      "1 when packed\");\n",
      name, alignment);
  for (const offset_check& check : writer.offsets()) {
    fmt::format_to(std::back_inserter(out),
                   "_Static_assert(offsetof(struct {0}, {1}) == {2}, \"offset of {1}\");\n", name,
                   check.designator, check.offset);
  }
  return result<std::string>(std::move(out), {});
}

}  // namespace pep3118
