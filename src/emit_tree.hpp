// A layout seen as the tree of structs it came from, for the emitters.
//
// A layout lists leaves and padding runs (DESIGN §6) but not where a nested struct begins and
// ends; every emitter writes structs (NumPy's T{...}, C's struct types) or flattens them, so
// this puts the struct boundaries back: each member of each struct with its offset and size.
#ifndef PEP3118_SRC_EMIT_TREE_HPP
#define PEP3118_SRC_EMIT_TREE_HPP

#include <cstdint>
#include <string>
#include <vector>

#include <pep3118/descriptor.hpp>
#include <pep3118/layout.hpp>

namespace pep3118::detail {


struct laid_member {
  node_id id = 0;                    // the item in the descriptor
  std::string name;                  // as written, else NumPy's `fN`
  std::int64_t offset = 0;           // absolute, of element 0
  std::int64_t element_size = 0;     // one element; a struct's with its padding inside
  std::vector<std::int64_t> shape;   // dims, the count last when it repeats
  const field* leaf = nullptr;       // the layout's field; for an array of structs its entry;
                                     // nullptr for a struct that is not an array
  std::vector<laid_member> members;  // a struct's, without unnamed padding (padding is what
                                     // no member covers)

  std::int64_t extent() const noexcept;  // element_size times the elements of shape
};

struct laid_tree {
  laid_member root;  // the whole item: itemsize and the format's items
  // The format is one unnamed item, which NumPy returns as a plain dtype: its fields' paths
  // do not start with its name.
  bool unwrapped = false;
};

// `laid_out` is layout_of(desc, some target); the tree points into it.
laid_tree laid_tree_of(const descriptor& desc, const layout& laid_out);

// The first item of `container`'s subtree (members, depth first, in source order; pointer
// targets and function signatures not entered) for which `rejects` is true, or nullptr.
template <typename Predicate>
const node* first_item(const descriptor& desc, const node& container, Predicate rejects) {
  for (node_id id : desc.children(container)) {
    const node& item = desc[id];
    if (rejects(item)) return &item;
    if (item.code == type_code::structure) {
      if (const node* found = first_item(desc, item, rejects)) return found;
    }
  }
  return nullptr;
}

}  // namespace pep3118::detail

#endif
