#include "field_names.hpp"

#include <string_view>
#include <unordered_set>

namespace pep3118::detail {

// The numbers only grow, so a new name can only clash with a written one.
std::vector<std::string> numpy_names(const descriptor& desc, const node& container) {
  std::unordered_set<std::string_view> written;
  for (const node_id id : desc.children(container)) {
    if (desc[id].has_name) {
      written.insert(desc.name(desc[id]));
    }
  }
  std::vector<std::string> names;
  names.reserve(desc.children(container).size());
  std::size_t next = 0;
  for (const node_id id : desc.children(container)) {
    const node& item = desc[id];
    std::string name;
    if (item.has_name) {
      name = desc.name(item);
    } else if (!is_unnamed_pad(item)) {
      do {
        name = "f" + std::to_string(next++);
      } while (written.count(name) != 0);
    }
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace pep3118::detail
