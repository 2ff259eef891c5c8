// The block a table command (layout, explain) prints for one format.
#ifndef PEP3118_CLI_TABLE_BLOCK_HPP
#define PEP3118_CLI_TABLE_BLOCK_HPP

#include <string>
#include <string_view>
#include <vector>

#include "pep3118/diagnostic.hpp"
#include "reports.hpp"
#include "style.hpp"

namespace pep3118::cli {

// A valid format: the header lines, a blank line, the table, then the caret display of each
// warning after a blank line. All on stdout (painted by `shown`): the block is the answer the
// user asked for.
report valid_block(std::string_view format, const std::vector<diagnostic>& warnings,
                   const std::string& header, const std::string& table, const style& shown);

// An invalid format: the caret displays alone, on stdout; its failure is the line of its first
// error.
report invalid_block(std::string_view format, const std::vector<diagnostic>& diagnostics,
                     const style& shown);

}  // namespace pep3118::cli

#endif
