// Diagnostics in the JSON outputs: one shape for every command (DESIGN §6).
#ifndef PEP3118_CLI_JSON_DIAGNOSTICS_HPP
#define PEP3118_CLI_JSON_DIAGNOSTICS_HPP

#include <vector>

#include "json_writer.hpp"
#include "pep3118/diagnostic.hpp"

namespace pep3118::cli {

// An array of {"severity":"error","code":"stray_brace","offset":1,"message":"..."}.
void write_diagnostics(json_writer& json, const std::vector<diagnostic>& diagnostics);

}  // namespace pep3118::cli

#endif
