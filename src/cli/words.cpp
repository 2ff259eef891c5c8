#include "words.hpp"

#include <fmt/format.h>

namespace pep3118::cli {

bool has_points_to(type_code code) noexcept {
  return code == type_code::pointer || code == type_code::function;
}

std::string shape_text(const std::vector<std::int64_t>& shape) {
  if (shape.empty()) return {};
  return fmt::format("({})", fmt::join(shape, ","));
}

}  // namespace pep3118::cli
