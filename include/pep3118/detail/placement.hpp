// The layout arithmetic (DESIGN §2): where each member of a struct goes, under NumPy's rules
// for pep3118 and CPython struct's for struct. One piece of code for both engines: the run-time
// layout (src/layout.cpp) and the compile-time one (static.hpp) place members only through here.
#ifndef PEP3118_DETAIL_PLACEMENT_HPP
#define PEP3118_DETAIL_PLACEMENT_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include <pep3118/descriptor.hpp>
#include <pep3118/detail/checked.hpp>
#include <pep3118/detail/codes.hpp>
#include <pep3118/detail/config.hpp>
#include <pep3118/diagnostic.hpp>
#include <pep3118/target.hpp>

namespace pep3118::detail {

// One element of an item's body, before the count and shape repeat it.
struct element {
  std::int64_t size = 0;
  std::int64_t alignment = 1;
};

// Where one member of a struct went.
struct placement {
  node_id id = 0;
  std::int64_t lead = 0;       // alignment padding before it
  std::int64_t offset = 0;     // relative to its struct
  element body;                // one element of its body
  std::int64_t stride = 0;     // bytes per element: the body and the padding each repeat adds
  std::int64_t elements = 1;   // the count (when it repeats) times the product of the shape
  std::int64_t alignment = 1;  // the alignment applied, 1 when unaligned
  std::int64_t deferred = 0;   // padding after a single element whose size is not a multiple
                               // of its alignment (NumPy adds it after the item, not inside)
};

struct scope {
  std::int64_t size = 0;
  std::int64_t alignment = 1;  // NumPy's common alignment: lcm of the aligned members'
  std::int64_t trailing = 0;   // padding added at the end
};

// The shape of an item as the layout reports it: the shape, then the count as the last dim
// when the count repeats the item.
PEP3118_CONSTEXPR20 std::vector<std::int64_t> item_shape(const descriptor& desc, const node& n) {
  const auto dims = desc.shape(n);
  std::vector<std::int64_t> shape(dims.begin(), dims.end());
  if (n.has_count && !count_is_length(n.code)) {
    shape.push_back(n.count);
  }
  return shape;
}

// One element of a code that is neither a struct nor a length (x, s, p, t), under the mark in
// force: its standard size under = < > !, else the target's C type. No standard size (g, P,
// pointers, ...): the native one, as ctypes means it. Its alignment is the C type's.
constexpr element code_element(type_code code, byte_order order, const target& tgt) noexcept {
  const c_type& native = tgt.native_type(code);
  const std::int64_t standard = standard_size(code);
  return {uses_native_sizes(order) || standard == 0 ? native.size : standard, native.alignment};
}

// Places one member at the end of a struct laid out so far up to `offset`, whose common
// alignment so far is `alignment`: fills p's lead, offset, stride, alignment and deferred from
// p.body and p.elements, and advances `offset` and `alignment` past it. `repeats`: the item
// has more than one element (its count or shape), so a struct body's own end padding goes
// inside every element rather than once after it (NumPy; CPython struct has none: `pad_body`
// false). False when a size overflows. The one placing step of both the full engine's placer
// and the fast path's scan.
constexpr bool place_member(std::int64_t& offset, std::int64_t& alignment, bool aligned, bool repeats, bool pad_body,
                            placement& p) noexcept {
  p.stride = p.body.size;
  if (aligned) {
    p.alignment = p.body.alignment;
    p.lead = padding_to(offset, p.alignment);
    if (!checked_add(offset, p.lead, offset) || !checked_lcm(alignment, p.alignment, alignment)) {
      return false;
    }
    // A struct whose size is not a multiple of its alignment (it ended under another mark).
    const std::int64_t intra = pad_body ? padding_to(p.body.size, p.alignment) : 0;
    if (repeats) {
      if (!checked_add(p.stride, intra, p.stride)) {
        return false;
      }
    } else {
      p.deferred = intra;
    }
  }
  p.offset = offset;
  std::int64_t total = 0;
  return checked_mul(p.stride, p.elements, total) && checked_add(offset, total, offset) &&
         checked_add(offset, p.deferred, offset);
}

class placer {
 public:
  PEP3118_CONSTEXPR20 placer(const descriptor& desc, const target& tgt)
      : desc_(desc), target_(tgt), measured_(desc.node_count()), is_measured_(desc.node_count(), 0) {}

  PEP3118_CONSTEXPR20 const descriptor& desc() const noexcept { return desc_; }
  PEP3118_CONSTEXPR20 const target& tgt() const noexcept { return target_; }
  // The first error (size_overflow or bitfield_layout) and the offset of the item it is about.
  PEP3118_CONSTEXPR20 bool failed() const noexcept { return failed_; }
  PEP3118_CONSTEXPR20 error_code error() const noexcept { return error_; }
  PEP3118_CONSTEXPR20 std::size_t error_offset() const noexcept { return error_offset_; }

  // Lays out the members of a struct (or of the top-level sequence) relative to its start,
  // appending one placement per member to `out` when it is given.
  PEP3118_CONSTEXPR20 scope place(const node& s, std::vector<placement>* out) {
    scope result;
    std::int64_t offset = 0;
    for (const node_id id : desc_.children(s)) {
      const node& n = desc_[id];
      placement p;
      p.id = id;
      p.body = body_of(id);
      if (failed_) {
        return result;
      }
      std::int64_t shape_elements = 1;
      for (const std::int64_t dim : desc_.shape(n)) {
        if (!mul(shape_elements, dim, shape_elements, n)) {
          return result;
        }
      }
      const std::int64_t repeat = count_is_length(n.code) ? 1 : n.count;
      if (!mul(shape_elements, repeat, p.elements, n)) {
        return result;
      }
      if (!place_member(offset, result.alignment, aligned(n), repeat > 1 || shape_elements > 1, !struct_rules(), p)) {
        fail(error_code::size_overflow, n);
        return result;
      }
      if (out != nullptr) {
        out->push_back(p);
      }
    }
    // CPython struct never pads the end; NumPy does when the mark in force there is '@'.
    if (!struct_rules() && s.end_order == byte_order::native) {
      result.trailing = padding_to(offset, result.alignment);
      if (!add(offset, result.trailing, offset, s)) {
        return result;
      }
    }
    result.size = offset;
    return result;
  }

 private:
  PEP3118_CONSTEXPR20 void fail(error_code code, const node& at) {
    if (!failed_) {
      failed_ = true;
      error_ = code;
      error_offset_ = at.offset;
    }
  }

  PEP3118_CONSTEXPR20 bool add(std::int64_t a, std::int64_t b, std::int64_t& out, const node& at) {
    if (checked_add(a, b, out)) {
      return true;
    }
    fail(error_code::size_overflow, at);
    return false;
  }

  PEP3118_CONSTEXPR20 bool mul(std::int64_t a, std::int64_t b, std::int64_t& out, const node& at) {
    if (checked_mul(a, b, out)) {
      return true;
    }
    fail(error_code::size_overflow, at);
    return false;
  }

  PEP3118_CONSTEXPR20 bool struct_rules() const noexcept { return desc_.rules() == rule_set::struct_; }

  // NumPy aligns an item when the mark in force after its body is '@' (for a struct that is
  // the mark at its '}'). A pointer or function pointer is aligned by the mark where it
  // starts, as a C compiler would: what it points to does not move it.
  static constexpr bool aligned(const node& n) noexcept {
    const byte_order decisive =
        n.code == type_code::pointer || n.code == type_code::function ? n.order : n.end_order;
    return decisive == byte_order::native;
  }

  PEP3118_CONSTEXPR20 element body_of(node_id id) {
    const node& n = desc_[id];
    switch (n.code) {
      case type_code::structure: {
        // A struct is measured once however often it is repeated or referred to.
        if (is_measured_[id] == 0) {
          const scope s = place(n, nullptr);
          measured_[id] = {s.size, s.alignment};
          is_measured_[id] = 1;
        }
        return measured_[id];
      }
      case type_code::bits:
        fail(error_code::bitfield_layout, n);
        return {};
      case type_code::pad:
      case type_code::bytes:
      case type_code::pascal_bytes: return {n.count, 1};
      default: return code_element(n.code, n.order, target_);
    }
  }

  const descriptor& desc_;
  const target& target_;
  std::vector<element> measured_;  // by node: the size and alignment of a struct's body
  std::vector<char> is_measured_;  // not vector<bool>: see detail/config.hpp
  bool failed_ = false;
  error_code error_ = error_code::size_overflow;
  std::size_t error_offset_ = 0;
};

}  // namespace pep3118::detail

#endif
