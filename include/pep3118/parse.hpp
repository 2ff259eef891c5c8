// Reading a format string into a descriptor.
#ifndef PEP3118_PARSE_HPP
#define PEP3118_PARSE_HPP

#include <cstddef>
#include <string_view>

#include "descriptor.hpp"
#include "result.hpp"

namespace pep3118 {

struct parse_options {
  rule_set rules = rule_set::pep3118;
  // Turn the warnings for producer spellings (F, <g, bare Z, ...) into errors.
  bool strict = false;
  // How deep T{, & and X{ may nest. Values above max_depth_limit are clamped to it: parsing
  // and layout recurse once per level, and at the ceiling a Debug build with AddressSanitizer
  // still needs under 3 MiB of stack (measured), so no input can exhaust a thread's stack.
  std::size_t max_depth = 256;
  // Dims in one item, shape and count together (PyBUF_MAX_NDIM).
  std::size_t max_dims = 64;
};

inline constexpr std::size_t max_depth_limit = 1024;

// Never throws for bad input (only std::bad_alloc can escape); the error path uses no
// exceptions. On failure the diagnostics hold exactly one error: the first one found.
result<descriptor> parse(std::string_view format, const parse_options& options = {});

// The throwing convenience: the descriptor, or pep3118::error.
descriptor parse_or_throw(std::string_view format, const parse_options& options = {});

}  // namespace pep3118

#endif
