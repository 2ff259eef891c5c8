#include <pep3118/diagnostic.hpp>

#include <array>
#include <string>

#include <pep3118/result.hpp>
#include <pep3118/detail/code_table.hpp>

namespace pep3118 {

namespace {

using detail::code_table;

std::string describe(const std::vector<diagnostic>& diagnostics) {
  for (const diagnostic& d : diagnostics) {
    if (d.level == severity::error) {
      return "offset " + std::to_string(d.offset) + ": " + std::string(d.message()) + " [" + std::string(d.name()) + "]";
    }
  }
  return "invalid format";
}

}  // namespace

std::string_view code_name(error_code code) noexcept { return code_table[static_cast<std::size_t>(code)].name; }
std::string_view code_message(error_code code) noexcept { return code_table[static_cast<std::size_t>(code)].message; }

bool is_warning_code(error_code code) noexcept {
  return code == error_code::complex_spelling || code == error_code::ctypes_pointer_code ||
         code == error_code::no_standard_size;
}

error::error(std::vector<diagnostic> diagnostics)
    : std::runtime_error(describe(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace pep3118
