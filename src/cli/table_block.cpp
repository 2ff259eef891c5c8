#include "table_block.hpp"

#include "caret.hpp"

namespace pep3118::cli {

report valid_block(std::string_view format, const std::vector<diagnostic>& warnings,
                   const std::string& header, const std::string& table) {
  std::string block = header + '\n' + table;
  if (!warnings.empty()) block += '\n' + caret_displays(format, warnings);
  return {std::move(block), "", true};
}

report invalid_block(std::string_view format, const std::vector<diagnostic>& diagnostics) {
  return {caret_displays(format, diagnostics), "", false};
}

}  // namespace pep3118::cli
