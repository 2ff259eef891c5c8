#include "display.hpp"

#include <fmt/format.h>

namespace pep3118::cli {

namespace {

bool is_printable_ascii(char byte) noexcept { return byte >= 0x20 && byte <= 0x7e; }

}  // namespace

std::size_t display_width(char byte) noexcept { return is_printable_ascii(byte) ? 1 : 4; }

std::string display_escaped(std::string_view bytes) {
  std::string shown;
  shown.reserve(bytes.size());
  for (char byte : bytes) {
    if (is_printable_ascii(byte)) {
      shown += byte;
    } else {
      fmt::format_to(std::back_inserter(shown), "\\x{:02x}", static_cast<unsigned char>(byte));
    }
  }
  return shown;
}

}  // namespace pep3118::cli
