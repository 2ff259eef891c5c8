#include "words.hpp"

#include <fmt/format.h>

namespace pep3118::cli {

bool has_points_to(type_code code) noexcept {
  return code == type_code::pointer || code == type_code::function;
}

std::int64_t element_count(const std::vector<std::int64_t>& shape) {
  std::int64_t count = 1;
  for (std::int64_t dim : shape) count *= dim;
  return count;
}

std::string shape_text(const std::vector<std::int64_t>& shape) {
  if (shape.empty()) return {};
  return fmt::format("({})", fmt::join(shape, ","));
}

}  // namespace pep3118::cli
