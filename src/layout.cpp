// The layout engine: NumPy's rules under pep3118, CPython struct's under struct (DESIGN §2).
#include <pep3118/layout.hpp>

#include <string>
#include <utility>
#include <vector>

#include <pep3118/print.hpp>

#include <pep3118/detail/checked.hpp>
#include <pep3118/detail/codes.hpp>
#include "field_names.hpp"

namespace pep3118 {

namespace {

using detail::checked_add;
using detail::checked_mul;
using detail::padding_to;

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

// Byte order matters for every code wider than one byte: the codes whose standard size is 1
// (chars, bool, strings, padding) have none, and nor does a struct as a whole.
bool has_byte_order(type_code code) noexcept {
  return code != type_code::structure && standard_size(code) != 1;
}

class engine {
 public:
  engine(const descriptor& desc, const target& tgt)
      : desc_(desc), target_(tgt), measured_(desc.node_count()), is_measured_(desc.node_count(), false) {}

  result<layout> run() {
    layout out;
    const scope root = emit_scope(desc_.root(), 0, "", "", 0, true, out);
    if (failed_) {
      return result<layout>({diagnostic{severity::error, error_, error_offset_}});
    }
    out.itemsize = root.size;
    out.alignment = root.alignment;
    return result<layout>(std::move(out), {});
  }

 private:
  void fail(error_code code, const node& at) {
    if (!failed_) {
      failed_ = true;
      error_ = code;
      error_offset_ = at.offset;
    }
  }

  bool add(std::int64_t a, std::int64_t b, std::int64_t& out, const node& at) {
    if (checked_add(a, b, out)) {
      return true;
    }
    fail(error_code::size_overflow, at);
    return false;
  }

  bool mul(std::int64_t a, std::int64_t b, std::int64_t& out, const node& at) {
    if (checked_mul(a, b, out)) {
      return true;
    }
    fail(error_code::size_overflow, at);
    return false;
  }

  bool struct_rules() const noexcept { return desc_.rules() == rule_set::struct_; }

  // NumPy aligns an item when the mark in force after its body is '@' (for a struct that is
  // the mark at its '}'). A pointer or function pointer is aligned by the mark where it
  // starts, as a C compiler would: what it points to does not move it.
  static bool aligned(const node& n) noexcept {
    const byte_order decisive =
        n.code == type_code::pointer || n.code == type_code::function ? n.order : n.end_order;
    return decisive == byte_order::native;
  }

  element body_of(const node& n) {
    switch (n.code) {
      case type_code::structure: {
        if (!is_measured_[index_of(n)]) {
          const scope s = place(n, nullptr);
          measured_[index_of(n)] = {s.size, s.alignment};
          is_measured_[index_of(n)] = true;
        }
        return measured_[index_of(n)];
      }
      case type_code::bits:
        fail(error_code::bitfield_layout, n);
        return {};
      case type_code::pad:
      case type_code::bytes:
      case type_code::pascal_bytes: return {n.count, 1};
      default: {
        const c_type& native = target_.native_type(n.code);
        const std::int64_t standard = standard_size(n.code);
        // No standard size (g, P, pointers, ...): the native one, as ctypes means it.
        const bool native_size = uses_native_sizes(n.order) || standard == 0;
        return {native_size ? native.size : standard, native.alignment};
      }
    }
  }

  node_id index_of(const node& n) const noexcept { return static_cast<node_id>(&n - &desc_[0]); }

  // Lays out the members of a struct (or of the top-level sequence) relative to its start.
  scope place(const node& s, std::vector<placement>* out) {
    scope result;
    std::int64_t offset = 0;
    for (const node_id id : desc_.children(s)) {
      const node& n = desc_[id];
      placement p;
      p.id = id;
      p.body = body_of(n);
      if (failed_) {
        return result;
      }
      p.stride = p.body.size;
      std::int64_t shape_elements = 1;
      for (const std::int64_t dim : desc_.shape(n)) {
        if (!mul(shape_elements, dim, shape_elements, n)) {
          return result;
        }
      }
      const std::int64_t repeat = detail::count_is_length(n.code) ? 1 : n.count;
      if (!mul(shape_elements, repeat, p.elements, n)) {
        return result;
      }
      if (aligned(n)) {
        p.alignment = p.body.alignment;
        p.lead = padding_to(offset, p.alignment);
        if (!add(offset, p.lead, offset, n) || !detail::checked_lcm(result.alignment, p.alignment, result.alignment)) {
          fail(error_code::size_overflow, n);
          return result;
        }
        // A struct whose size is not a multiple of its alignment (it ended under another
        // mark): NumPy pads each element when the item repeats, else once after it.
        const std::int64_t intra = struct_rules() ? 0 : padding_to(p.body.size, p.alignment);
        if (repeat > 1 || shape_elements > 1) {
          p.stride += intra;
        } else {
          p.deferred = intra;
        }
      }
      p.offset = offset;
      std::int64_t total = 0;
      if (!mul(p.stride, p.elements, total, n) || !add(offset, total, offset, n) ||
          !add(offset, p.deferred, offset, n)) {
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

  field_order resolve(const node& n) const noexcept {
    if (!has_byte_order(n.code)) {
      return field_order::none;
    }
    switch (n.order) {
      case byte_order::little: return field_order::little;
      case byte_order::big:
      case byte_order::network: return field_order::big;
      default: return target_.order == endian::big ? field_order::big : field_order::little;
    }
  }

  std::vector<std::int64_t> shape_of(const node& n) const {
    const auto dims = desc_.shape(n);
    std::vector<std::int64_t> shape(dims.begin(), dims.end());
    if (n.has_count && !detail::count_is_length(n.code)) {
      shape.push_back(n.count);
    }
    return shape;
  }

  void add_padding(layout& out, std::int64_t offset, std::int64_t size, bool written, std::string before,
                   const std::string& within) {
    if (size <= 0) {
      return;
    }
    // Runs of the same kind that touch are one run: `xxx` is 3 bytes of padding, not 3 runs.
    if (!out.paddings.empty()) {
      padding& last = out.paddings.back();
      if (last.offset + last.size == offset && last.written == written && last.before == before &&
          last.within == within) {
        last.size += size;
        return;
      }
    }
    out.paddings.push_back({offset, size, written, std::move(before), within});
  }

  // Places a struct's members at `base` and appends their fields and padding runs.
  // `top` is the top-level sequence, whose single unnamed item NumPy unwraps (empty path).
  scope emit_scope(const node& s, std::int64_t base, const std::string& prefix, const std::string& within,
                   std::uint32_t depth, bool top, layout& out) {
    std::vector<placement> placed;
    const scope size = place(s, &placed);
    if (failed_) {
      return size;
    }
    // place() lists the members in order, one placement each, as numpy_names names them.
    std::vector<std::string> names = detail::numpy_names(desc_, s);
    const bool unwrap = top && placed.size() == 1 && !desc_[placed[0].id].has_name &&
                        !detail::is_unnamed_pad(desc_[placed[0].id]) && placed[0].lead == 0 &&
                        placed[0].deferred == 0 && size.trailing == 0 &&
                        placed[0].stride * placed[0].elements == size.size;
    // The field each padding run comes before: the next member that is a field.
    std::vector<std::string> next_field(placed.size() + 1);
    for (std::size_t i = placed.size(); i-- > 0;) {
      next_field[i] = detail::is_unnamed_pad(desc_[placed[i].id]) ? next_field[i + 1] : prefix + names[i];
    }
    for (std::size_t i = 0; i < placed.size(); ++i) {
      const placement& p = placed[i];
      const node& n = desc_[p.id];
      const std::int64_t at = base + p.offset;
      add_padding(out, at - p.lead, p.lead, false, next_field[i], within);
      if (detail::is_unnamed_pad(n)) {
        add_padding(out, at, p.stride * p.elements, true, next_field[i + 1], within);
        continue;
      }
      const std::string path = unwrap ? std::string() : prefix + names[i];
      if (n.code == type_code::structure) {
        emit_struct(n, p, at, path, unwrap, depth, out);
      } else {
        field f;
        f.path = path;
        f.offset = at;
        f.size = p.body.size;
        f.alignment = p.alignment;
        f.code = n.code;
        f.spelling = n.spelling;
        f.order = n.order;
        f.resolved_order = resolve(n);
        f.shape = shape_of(n);
        if (n.code == type_code::pointer) {
          f.points_to = canonical(desc_, desc_.target_of(n));
        } else if (n.code == type_code::function) {
          f.points_to = canonical_body(desc_, n);
        }
        f.node = p.id;
        f.depth = depth;
        out.fields.push_back(std::move(f));
      }
      add_padding(out, at + p.stride * p.elements, p.deferred, false, next_field[i + 1], within);
    }
    add_padding(out, base + size.size - size.trailing, size.trailing, false, "", within);
    return size;
  }

  // A nested struct: its members with dotted paths, or for an array of structs an entry
  // (code T) followed by the members of element 0 as "path[*].member". A struct with no fields
  // of its own (`T{}`, `T{4x}`) gets an entry too, so that its name shows (and compares).
  void emit_struct(const node& n, const placement& p, std::int64_t at, const std::string& path, bool unwrapped,
                   std::uint32_t depth, layout& out) {
    std::vector<std::int64_t> shape = shape_of(n);
    if (shape.empty()) {
      const std::size_t first_field = out.fields.size();
      const std::string prefix = unwrapped ? std::string() : path + ".";
      emit_scope(n, at, prefix, path, unwrapped ? depth : depth + 1, false, out);
      if (out.fields.size() == first_field && !unwrapped) {
        out.fields.insert(out.fields.begin() + static_cast<std::ptrdiff_t>(first_field),
                          struct_entry(n, p, at, path, {}, depth));
      }
      add_padding(out, at + p.body.size, p.stride - p.body.size, false, "", path);
      return;
    }
    out.fields.push_back(struct_entry(n, p, at, path, std::move(shape), depth));
    const std::string element = path + "[*]";
    emit_scope(n, at, element + ".", element, depth + 1, false, out);
    add_padding(out, at + p.body.size, p.stride - p.body.size, false, "", element);
  }

  static field struct_entry(const node& n, const placement& p, std::int64_t at, const std::string& path,
                            std::vector<std::int64_t> shape, std::uint32_t depth) {
    field entry;
    entry.path = path;
    entry.offset = at;
    entry.size = p.stride;
    entry.alignment = p.alignment;
    entry.code = type_code::structure;
    entry.order = n.order;
    entry.shape = std::move(shape);
    entry.node = p.id;
    entry.depth = depth;
    return entry;
  }

  const descriptor& desc_;
  const target& target_;
  std::vector<element> measured_;  // by node: the size and alignment of a struct's body
  std::vector<bool> is_measured_;
  bool failed_ = false;
  error_code error_ = error_code::size_overflow;
  std::size_t error_offset_ = 0;
};

}  // namespace

result<layout> layout_of(const descriptor& desc, const target& tgt) { return engine(desc, tgt).run(); }

std::int64_t element_count(const std::vector<std::int64_t>& shape) noexcept {
  std::int64_t count = 1;
  for (const std::int64_t dim : shape) {
    count *= dim;
  }
  return count;
}

result<layout> check(std::string_view format, const target& tgt, const parse_options& options) {
  auto parsed = parse(format, options);
  if (!parsed) {
    return result<layout>(parsed.diagnostics());
  }
  auto laid_out = layout_of(parsed.value(), tgt);
  std::vector<diagnostic> diagnostics = parsed.diagnostics();
  diagnostics.insert(diagnostics.end(), laid_out.diagnostics().begin(), laid_out.diagnostics().end());
  if (!laid_out) {
    return result<layout>(std::move(diagnostics));
  }
  return result<layout>(std::move(laid_out).value(), std::move(diagnostics));
}

}  // namespace pep3118
