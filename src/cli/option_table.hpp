// The options of `pep3118`: each with its name, the commands it belongs to, its help and how
// its value is read. The one list that both the command line parser and --help read.
#ifndef PEP3118_CLI_OPTION_TABLE_HPP
#define PEP3118_CLI_OPTION_TABLE_HPP

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "commands.hpp"
#include "options.hpp"
#include "pep3118/descriptor.hpp"

namespace pep3118::cli {

// A mistake in one option's value: the message, or nothing when the value was taken.
using option_error = std::optional<std::string>;

struct option_info {
  std::string_view name;        // "--target"
  std::string_view short_name;  // "-q"; "" when there is none
  std::string_view value_name;  // "NAME" in `--target NAME`; "" for a flag, which takes none
  // The commands it belongs to; given to another it is a usage error, and only their help
  // lists it.
  command_set commands;
  std::string_view help;  // what it does (help wraps it)
  // Takes the value into the options (a flag gets "").
  option_error (*apply)(options& opts, std::string_view value);
};

std::span<const option_info> option_table() noexcept;

// The rule sets --rules names, in the order help lists them.
inline constexpr std::array<rule_set, 2> rule_sets{rule_set::pep3118, rule_set::struct_};

}  // namespace pep3118::cli

#endif
