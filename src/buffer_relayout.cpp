#include "buffer_relayout.hpp"

#include <algorithm>
#include <unordered_map>

#include <pep3118/detail/checked.hpp>

namespace pep3118::detail {

namespace {

struct extent {
  std::int64_t size = 0;
  std::int64_t alignment = 1;
};

// A struct, or an array of structs (whose entry is a leaf of code T).
bool is_struct(const laid_member& member) noexcept {
  return member.leaf == nullptr || member.leaf->code == type_code::structure;
}

// The C alignment of a field's element: its C type's, except that a code read under a
// standard size smaller than the native one (`<l` on LP64) is aligned as that smaller size.
std::int64_t natural_alignment(const field& leaf, const target& tgt) noexcept {
  const c_type& native = tgt.native_type(leaf.code);
  if (native.size == 0) return 1;  // padding and strings: bytes
  return std::max<std::int64_t>(1, std::min(native.alignment, leaf.size));
}

// Two passes: measure every struct bottom-up (a struct's alignment must be known before it
// is placed), then place the members top-down to find the first field that moved.
class relayouter {
 public:
  relayouter(const laid_tree& tree, const target& tgt, const relayout_rules& rules)
      : tree_(tree), target_(tgt), rules_(rules) {}

  std::optional<relaid> run() {
    const std::optional<extent> whole = measure(tree_.root);
    if (!whole) return std::nullopt;
    relaid out;
    out.itemsize = whole->size;
    place_members(tree_.root, 0, out);
    return out;
  }

 private:
  std::optional<extent> element_of(const laid_member& member) {
    if (is_struct(member)) return measure(member);
    const field& leaf = *member.leaf;
    extent element{leaf.size, natural_alignment(leaf, target_)};
    if (leaf.code == type_code::ucs2) element = {rules_.ucs2_size, rules_.ucs2_size};
    if (!rules_.aligned) element.alignment = 1;
    return element;
  }

  // The struct's members one after the other; its size and alignment are kept for placing.
  std::optional<extent> measure(const laid_member& container) {
    extent whole;
    for (const laid_member& member : container.members) {
      const std::optional<extent> element = element_of(member);
      std::int64_t bytes = 0;
      if (!element || !checked_mul(element->size, element_count(member.shape), bytes) ||
          !checked_add(whole.size, padding_to(whole.size, element->alignment), whole.size) ||
          !checked_add(whole.size, bytes, whole.size)) {
        return std::nullopt;
      }
      whole.alignment = std::max(whole.alignment, element->alignment);
    }
    if (!checked_add(whole.size, padding_to(whole.size, whole.alignment), whole.size)) return std::nullopt;
    measured_[&container] = whole;
    return whole;
  }

  // Sizes cannot overflow here: measure() computed every one of them.
  void place_members(const laid_member& container, std::int64_t start, relaid& out) {
    std::int64_t cursor = start;
    for (const laid_member& member : container.members) {
      if (out.first_moved != nullptr) return;
      const extent element = is_struct(member) ? measured_.at(&member) : *element_of(member);
      cursor += padding_to(cursor, element.alignment);
      if (member.leaf != nullptr && member.leaf->offset != cursor) {
        out.first_moved = member.leaf;
        out.moved_to = cursor;
        return;
      }
      if (is_struct(member)) place_members(member, cursor, out);
      cursor += element.size * element_count(member.shape);
    }
  }

  const laid_tree& tree_;
  const target& target_;
  const relayout_rules& rules_;
  std::unordered_map<const laid_member*, extent> measured_;
};

}  // namespace

std::optional<relaid> relayout(const laid_tree& tree, const target& tgt, const relayout_rules& rules) {
  return relayouter(tree, tgt, rules).run();
}

}  // namespace pep3118::detail
