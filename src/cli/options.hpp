// The command line of `pep3118`: what the user asked for, read from argv.
#ifndef PEP3118_CLI_OPTIONS_HPP
#define PEP3118_CLI_OPTIONS_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "commands.hpp"
#include "pep3118/compare.hpp"
#include "pep3118/descriptor.hpp"
#include "pep3118/parse.hpp"
#include "pep3118/target.hpp"
#include "style.hpp"

namespace pep3118::cli {

// What `emit` writes (its first argument).
enum class dialect { numpy, struct_, c };

// "numpy", "struct", "c": the word on the command line and in JSON.
std::string_view dialect_name(dialect emitted) noexcept;

// header: one NAME=FORMAT argument, split at its first '='.
struct named_format {
  std::string name;  // a C identifier: the prefix of the format's macros and its C type
  std::string format;
};

struct options {
  command what = command::check;
  const target* tgt = nullptr;
  // --target-file: the target read from the file, which tgt then points to.
  std::shared_ptr<const target> target_from_file;
  // `targets` lists only this target when --target was given.
  bool target_given = false;
  rule_set rules = rule_set::pep3118;
  bool json = false;
  bool strict = false;
  std::size_t max_depth = 256;
  // compare: the weakest level that still counts as compatible (exit 0); --level.
  compat_level required_level = compat_level::layout_compatible;
  // emit: the dialect to write.
  dialect emitted = dialect::numpy;
  // check: what the exporter's Py_buffer says besides the format (--itemsize, --shape,
  // --strides, --suboffsets); the format is then checked against all of it.
  std::optional<std::int64_t> itemsize;
  std::optional<std::vector<std::int64_t>> shape;
  std::optional<std::vector<std::int64_t>> strides;
  std::optional<std::vector<std::int64_t>> suboffsets;
  // check: which implementations accept the format and what itemsize each computes.
  bool portability = false;
  // header: the formats with their names (taken out of format_args), whether to assert the
  // user's structs against them (--check-structs), the include guard (--guard) and the file
  // to write (--output; stdout without it).
  std::vector<named_format> named_formats;
  bool check_structs = false;
  std::optional<std::string> guard;
  std::optional<std::string> output_file;
  // --quiet: nothing said of a valid format, one line of each failure (docs/cli.md).
  bool quiet = false;
  // --color, and how stdout and stderr are styled: the command line only reads the choice;
  // main resolves it against the streams and the environment (styles_for).
  color_choice color = color_choice::automatic;
  stream_styles styles;
  // FORMAT arguments as given, `-` (read stdin) included.
  std::vector<std::string> format_args;
};

// --help, -h or `help`: the overview, or with a command that command's help.
struct help_request {
  std::optional<command> about;
};

// --version, -V.
struct version_request {};

// A mistake on the command line: one line saying what, for stderr, and the command it was
// given to when that is known (for the hint to its help).
struct usage_error {
  explicit usage_error(std::string what) : message(std::move(what)) {}

  std::string message;
  std::optional<command> about;
};

using command_line = std::variant<options, help_request, version_request, usage_error>;

// ASCII letters, digits and '_', not starting with a digit: a name C takes as it is.
bool is_c_identifier(std::string_view text) noexcept;

// check's options about the whole buffer were given (--itemsize and the rest).
bool describes_buffer(const options& opts) noexcept;

// What the parser needs of the options.
parse_options parse_options_of(const options& opts);

// Reads argv without the program name.
command_line parse_command_line(std::span<const char* const> args);

}  // namespace pep3118::cli

#endif
