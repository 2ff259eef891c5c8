// What `pep3118 --help`, `pep3118 COMMAND --help` and `pep3118 --version` print, made from the
// command table and the option table.
#ifndef PEP3118_CLI_HELP_HPP
#define PEP3118_CLI_HELP_HPP

#include <optional>
#include <string>

#include "commands.hpp"

namespace pep3118::cli {

// The overview (every command, every option), or the help of one command: its synopsis, what
// it does, its options and only those, its exit statuses and examples.
std::string help_text(std::optional<command> about);

// `pep3118 check --help`, or `pep3118 --help` without a command: where to read more.
std::string help_command_line(std::optional<command> about);

// `pep3118 0.1.0` and the rule sets this build reads.
std::string version_text();

}  // namespace pep3118::cli

#endif
