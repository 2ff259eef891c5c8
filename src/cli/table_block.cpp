#include "table_block.hpp"

#include "caret.hpp"

namespace pep3118::cli {

report valid_block(std::string_view format, const std::vector<diagnostic>& warnings,
                   const std::string& header, const std::string& table, const style& shown) {
  std::string block = header + '\n' + table;
  if (!warnings.empty()) block += '\n' + caret_displays(format, warnings, shown);
  return {std::move(block), "", true, ""};
}

report invalid_block(std::string_view format, const std::vector<diagnostic>& diagnostics,
                     const style& shown) {
  return {caret_displays(format, diagnostics, shown), "", false,
          first_error_line(format, diagnostics, shown)};
}

}  // namespace pep3118::cli
