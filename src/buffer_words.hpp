// Counting things in sentences: the buffer findings, compare's differences.
#ifndef PEP3118_SRC_BUFFER_WORDS_HPP
#define PEP3118_SRC_BUFFER_WORDS_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace pep3118::detail {

// "1 byte", "3 bytes"; "1 entry", "2 entries".
inline std::string counted(std::int64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

inline std::string counted_bytes(std::int64_t count) { return counted(count, "byte", "bytes"); }

}  // namespace pep3118::detail

#endif
