// Words for small library values, shared by the text and JSON outputs.
#ifndef PEP3118_CLI_NAMES_HPP
#define PEP3118_CLI_NAMES_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "pep3118/diagnostic.hpp"
#include "pep3118/target.hpp"

namespace pep3118::cli {

inline std::string_view severity_name(severity level) noexcept {
  return level == severity::error ? "error" : "warning";
}

inline std::string_view endian_name(endian order) noexcept {
  return order == endian::little ? "little" : "big";
}

// "1 warning", "2 warnings".
inline std::string counted(std::int64_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

}  // namespace pep3118::cli

#endif
