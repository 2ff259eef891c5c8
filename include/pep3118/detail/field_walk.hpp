// The fields and padding runs of a layout, in order (DESIGN §6), handed to a sink: the run-time
// layout's sink builds pep3118::layout, the compile-time engine's count fields and look paths
// up. Which leaves there are, their paths and which struct entries exist is decided here only.
//
// A sink has
//   void field(const field_view&)
//   void padding(std::int64_t offset, std::int64_t size, bool written,
//                const std::vector<path_segment>& within, const member_name* before)
// `before` is the name of the field that follows the run in the same struct (its path is
// `within` then that name), nullptr at the end of a struct.
#ifndef PEP3118_DETAIL_FIELD_WALK_HPP
#define PEP3118_DETAIL_FIELD_WALK_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include <pep3118/descriptor.hpp>
#include <pep3118/detail/config.hpp>
#include <pep3118/detail/member_names.hpp>
#include <pep3118/detail/placement.hpp>

namespace pep3118::detail {

// One field as the walk finds it: a leaf, or the entry (code T) of an array of structs or of
// a struct without fields of its own.
struct field_view {
  const std::vector<path_segment>& path;
  node_id id;
  const node& item;
  std::int64_t offset;     // absolute, element 0 inside arrays
  std::int64_t size;       // one element
  std::int64_t alignment;  // applied, 1 when none
  std::uint32_t depth;
  bool entry;
};

template <typename Sink>
class field_walk {
 public:
  PEP3118_CONSTEXPR20 field_walk(placer& places, Sink& sink) : places_(places), desc_(places.desc()), sink_(sink) {}

  // Walks the whole format; the root's size and alignment, unless places.failed().
  PEP3118_CONSTEXPR20 scope run() { return walk_scope(desc_.root(), 0, 0, true); }

 private:
  static constexpr std::size_t none = static_cast<std::size_t>(-1);

  PEP3118_CONSTEXPR20 void pad(std::int64_t offset, std::int64_t size, bool written, const member_name* before) {
    if (size > 0) {
      sink_.padding(offset, size, written, path_, before);
    }
  }

  PEP3118_CONSTEXPR20 void emit(node_id id, std::int64_t offset, std::int64_t size, std::int64_t alignment,
                                std::uint32_t depth, bool entry) {
    sink_.field(field_view{path_, id, desc_[id], offset, size, alignment, depth, entry});
    ++fields_;
  }

  // Places a struct's members at `base`. `top` is the top-level sequence, whose single unnamed
  // item NumPy unwraps (its path is empty, as NumPy returns a plain dtype).
  PEP3118_CONSTEXPR20 scope walk_scope(const node& s, std::int64_t base, std::uint32_t depth, bool top) {
    std::vector<placement> placed;
    const scope size = places_.place(s, &placed);
    if (places_.failed()) {
      return size;
    }
    // place() lists the members in order, one placement each, as member_names names them.
    const std::vector<member_name> names = member_names(desc_, s);
    const bool unwrap = top && placed.size() == 1 && !desc_[placed[0].id].has_name &&
                        !is_unnamed_pad(desc_[placed[0].id]) && placed[0].lead == 0 && placed[0].deferred == 0 &&
                        size.trailing == 0 && placed[0].stride * placed[0].elements == size.size;
    // The field each padding run comes before: the next member that is a field.
    std::vector<std::size_t> next_field(placed.size() + 1, none);
    for (std::size_t i = placed.size(); i-- > 0;) {
      next_field[i] = is_unnamed_pad(desc_[placed[i].id]) ? next_field[i + 1] : i;
    }
    const auto before = [&](std::size_t i) { return next_field[i] == none ? nullptr : &names[next_field[i]]; };
    for (std::size_t i = 0; i < placed.size(); ++i) {
      const placement& p = placed[i];
      const node& n = desc_[p.id];
      const std::int64_t at = base + p.offset;
      pad(at - p.lead, p.lead, false, before(i));
      if (is_unnamed_pad(n)) {
        pad(at, p.stride * p.elements, true, before(i + 1));
        continue;
      }
      if (!unwrap) {
        path_.push_back({names[i], false});
      }
      if (n.code == type_code::structure) {
        walk_struct(p, at, unwrap, depth);
      } else {
        emit(p.id, at, p.body.size, p.alignment, depth, false);
      }
      if (!unwrap) {
        path_.pop_back();
      }
      pad(at + p.stride * p.elements, p.deferred, false, before(i + 1));
    }
    pad(base + size.size - size.trailing, size.trailing, false, nullptr);
    return size;
  }

  // A nested struct: its members under its path, or for an array of structs an entry followed
  // by the members of element 0 under "path[*]". A struct with no fields of its own (`T{}`,
  // `T{4x}`) gets an entry too, so that its name shows (and compares).
  PEP3118_CONSTEXPR20 void walk_struct(const placement& p, std::int64_t at, bool unwrapped, std::uint32_t depth) {
    const node& n = desc_[p.id];
    if (desc_.shape(n).empty() && !n.has_count) {
      const std::size_t first_field = fields_;
      walk_scope(n, at, unwrapped ? depth : depth + 1, false);
      if (fields_ == first_field && !unwrapped) {
        emit(p.id, at, p.stride, p.alignment, depth, true);
      }
      pad(at + p.body.size, p.stride - p.body.size, false, nullptr);
      return;
    }
    emit(p.id, at, p.stride, p.alignment, depth, true);
    path_.push_back({{}, true});
    walk_scope(n, at, depth + 1, false);
    pad(at + p.body.size, p.stride - p.body.size, false, nullptr);
    path_.pop_back();
  }

  placer& places_;
  const descriptor& desc_;
  Sink& sink_;
  std::vector<path_segment> path_;  // of the struct being walked, then of the field
  std::size_t fields_ = 0;
};

}  // namespace pep3118::detail

#endif
