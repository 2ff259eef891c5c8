#include "emit_tree.hpp"

#include "field_names.hpp"

#include <string_view>

namespace pep3118::detail {

namespace {

// A struct that is not an array: its members' leaves follow without an entry of its own.
bool is_plain_struct(const descriptor& desc, const node& item) noexcept {
  return item.code == type_code::structure && desc.shape(item).empty() && !item.has_count;
}

// Walks the descriptor in the order the layout listed its fields and padding runs, taking
// each field for its item, and each padding run where it starts: a struct begins where the
// runs before it (in its container) end, and ends where its own trailing runs end.
class tree_builder {
 public:
  tree_builder(const descriptor& desc, const layout& laid_out) : desc_(desc), laid_out_(laid_out) {}

  laid_tree build() {
    laid_tree tree;
    const auto items = desc_.children(desc_.root());
    // NumPy unwraps a format that is one unnamed item without padding; in NumPy's rules such
    // an item never needs padding (an aligned struct's size is a multiple of its alignment).
    tree.unwrapped = items.size() == 1 && !desc_[items[0]].has_name && !is_unnamed_pad(desc_[items[0]]);
    tree.root.id = desc_.root_id();
    place_members(desc_.root(), 0, "", "", tree.unwrapped, tree.root.members);
    tree.root.element_size = laid_out_.itemsize;
    return tree;
  }

 private:
  // Places the members of `container`, which starts at `start`; `prefix` begins their paths
  // and `within` is the path its own padding runs carry. Returns where it ends.
  std::int64_t place_members(const node& container, std::int64_t start, const std::string& prefix,
                             const std::string& within, bool unwrapped, std::vector<laid_member>& out) {
    const std::vector<std::string> names = numpy_names(desc_, container);
    std::int64_t cursor = start;
    const auto ids = desc_.children(container);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const node& item = desc_[ids[i]];
      if (is_unnamed_pad(item)) continue;  // its run is taken as padding
      // The lone unwrapped item shares the empty path with the top level: every run is its.
      if (!unwrapped) cursor = skip_padding(cursor, within);
      laid_member member;
      member.id = ids[i];
      member.name = names[i];
      const std::string path = unwrapped ? std::string() : prefix + names[i];
      if (is_plain_struct(desc_, item)) {
        member.offset = cursor;
        const std::string inner_prefix = unwrapped ? std::string() : path + ".";
        const std::size_t fields_before = next_field_;
        member.element_size = place_members(item, cursor, inner_prefix, path, false, member.members) - cursor;
        // The layout lists a struct without fields of its own as an entry: it is this member.
        if (next_field_ == fields_before && !unwrapped) ++next_field_;
      } else {
        const field& leaf = laid_out_.fields[next_field_++];
        member.leaf = &leaf;
        member.offset = leaf.offset;
        member.element_size = leaf.size;
        member.shape = leaf.shape;
        if (item.code == type_code::structure) {
          const std::string element = path + "[*]";
          place_members(item, leaf.offset, element + ".", element, false, member.members);
        }
      }
      cursor = member.offset + member.extent();
      out.push_back(std::move(member));
    }
    return unwrapped ? cursor : skip_padding(cursor, within);
  }

  // Past the padding runs of one struct (`within`) that start at `cursor`.
  std::int64_t skip_padding(std::int64_t cursor, const std::string& within) {
    while (next_run_ < laid_out_.paddings.size() && laid_out_.paddings[next_run_].offset == cursor &&
           laid_out_.paddings[next_run_].within == within) {
      cursor += laid_out_.paddings[next_run_++].size;
    }
    return cursor;
  }

  const descriptor& desc_;
  const layout& laid_out_;
  std::size_t next_field_ = 0;
  std::size_t next_run_ = 0;
};

}  // namespace

std::int64_t laid_member::extent() const noexcept { return element_size * element_count(shape); }

laid_tree laid_tree_of(const descriptor& desc, const layout& laid_out) {
  return tree_builder(desc, laid_out).build();
}

}  // namespace pep3118::detail
