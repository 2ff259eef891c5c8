#include "field_names.hpp"

namespace pep3118::detail {

std::vector<std::string> numpy_names(const descriptor& desc, const node& container) {
  std::vector<std::string> names;
  for (const member_name& name : member_names(desc, container)) {
    std::string text;
    render_path({}, &name, text);
    names.push_back(std::move(text));
  }
  return names;
}

}  // namespace pep3118::detail
