// The spellings of the small enums of the public API.
#include <pep3118/descriptor.hpp>
#include <pep3118/layout.hpp>
#include <pep3118/type_code.hpp>

#include <array>

namespace pep3118 {

std::string_view code_text(type_code code) noexcept {
  // In type_code order.
  static constexpr std::array<std::string_view, type_code_count> texts{
      "x", "c", "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "e", "f", "d",
      "g", "Ze", "Zf", "Zd", "Zg", "s", "p", "P", "O", "u", "w", "t", "z", "Z", "T", "&", "X"};
  return texts[static_cast<std::size_t>(code)];
}

std::string_view rule_set_name(rule_set rules) noexcept {
  return rules == rule_set::struct_ ? "struct" : "pep3118";
}

std::string_view field_order_name(field_order order) noexcept {
  switch (order) {
    case field_order::little: return "little";
    case field_order::big: return "big";
    default: return "none";
  }
}

}  // namespace pep3118
