// The commands of `pep3118`, each with its help: the one table that the command line parser,
// `--help` and the tests read. Header-only and constexpr, so that a test can loop over it.
#ifndef PEP3118_CLI_COMMANDS_HPP
#define PEP3118_CLI_COMMANDS_HPP

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace pep3118::cli {

enum class command { check, layout, explain, compare, canon, emit, targets, header };

struct command_info {
  std::string_view name;
  command what;
  // What follows the name in the synopsis: "FORMAT...", "A B", "" for none.
  std::string_view operands;
  // A FORMAT of `-` reads one format per line from stdin.
  bool reads_stdin;
  // One line for the overview (`pep3118 --help`).
  std::string_view summary;
  // COMMAND --help: what it does and how it answers (help wraps it).
  std::string_view description;
  // What exit status 0 says, and 1 ("" when it never exits 1); 2 is always a usage error.
  std::string_view exit_ok;
  std::string_view exit_failed;
  // Command lines to copy, each complete (formats from printf, not from files).
  std::array<std::string_view, 2> examples;
};

inline constexpr std::array<command_info, 8> command_table{{
    {"check", command::check, "FORMAT...", true,
     "say whether each format is valid, with its itemsize and alignment",
     "Says whether each format is valid, with its itemsize and alignment: one line per format "
     "on stdout (`ok ...` or its first error), the caret display of every diagnostic on stderr. "
     "With --itemsize (and --shape, --strides, --suboffsets) it checks a whole Py_buffer "
     "description; with --portability, which other readers accept the format alike.",
     "every format valid (--itemsize: every buffer consistent; --portability: portable)",
     "some format invalid (--itemsize: or inconsistent; --portability: or not portable)",
     {"pep3118 check 'T{<i:x:>d:y:}' '(2,3)f'", "printf 'i\\nT{\\n' | pep3118 check --quiet -"}},
    {"layout", command::layout, "FORMAT...", true, "the offset, size and byte order of every field",
     "Lays each format out for the target: a block of header lines (format, target, itemsize, "
     "alignment) and a table of every field (leaf) with its offset, element size, shape, code, "
     "byte order and path. An invalid format's block is its caret display; blocks are separated "
     "by a blank line.",
     "every format valid, with a layout", "some format invalid or without a layout (bit fields)",
     {"pep3118 layout --target x86_64-linux-gnu 'T{b:a:i:b:}:s:(2,3)d:m:'",
      "pep3118 layout --json 'T{i:a:d:b:}'"}},
    {"explain", command::explain, "FORMAT...", true,
     "every field and padding run in words, with its C type",
     "Lays each format out for people: the canonical spelling in the header lines, then every "
     "field and padding run with its type in words, its C type and its byte order. An invalid "
     "format's block is its caret display; blocks are separated by a blank line.",
     "every format valid, with a layout", "some format invalid or without a layout (bit fields)",
     {"pep3118 explain 'b:flag: !h:n:'", "pep3118 explain --target i686-linux-gnu 'T{c:tag:d:value:}'"}},
    {"compare", command::compare, "A B", false,
     "how compatible two formats are, and where they first differ",
     "Says the strongest level that holds between the formats A and B (identical, equivalent, "
     "layout-compatible, size-compatible or incompatible), the level --level requires, and where "
     "the two first differ for the next stronger level. A and B are arguments (not -); an invalid "
     "one is shown with its caret display.",
     "the two are at least as compatible as --level requires (default: layout-compatible)",
     "less compatible than required, or a format invalid or without a layout",
     {"pep3118 compare ii 2i", "pep3118 compare --level size-compatible '<d' '>d'"}},
    {"canon", command::canon, "FORMAT...", true, "each format in its one canonical spelling",
     "Prints each format in its one canonical spelling, one line per format: two formats have "
     "the same canonical text exactly when compare says they are identical. An invalid format's "
     "line is its first error; the caret displays go to stderr.",
     "every format valid", "some format invalid",
     {"pep3118 canon ' T{ <i:a: >d:b: } ' '(2)(3)i'", "printf ' < i\\n!d\\n' | pep3118 canon -"}},
    {"emit", command::emit, "DIALECT FORMAT...", true,
     "each format written for numpy, struct (CPython's module) or c",
     "Writes each format in another DIALECT, with the same layout for the target: numpy (a string "
     "NumPy's parser reads back alike), struct (a flat string for CPython's struct module) or c "
     "(a struct with explicit padding and _Static_asserts on every offset). numpy and struct "
     "answer one line per format, c a block. The DIALECT is the first word that is not an option.",
     "every format valid and expressible in the dialect",
     "some format invalid or not expressible in the dialect",
     {"pep3118 emit numpy 'T{b:flag:i:count:}:rec:'",
      "pep3118 emit c --target x86_64-linux-gnu 'b:flag:d:ratio:'"}},
    {"targets", command::targets, "", false, "the target ABIs this build knows (takes no FORMAT)",
     "Lists the target ABIs this build knows with the sizes that tell them apart (host is read "
     "from the compiler at build time); with --target or --target-file, only that one.",
     "always, but for a usage error", "",
     {"pep3118 targets", "pep3118 targets --json --target x86_64-linux-gnu"}},
    {"header", command::header, "NAME=FORMAT...", false,
     "a C header with the layout of each NAME=FORMAT as macros",
     "Writes one C header with the layout of each format as macros (NAME_ITEMSIZE, "
     "NAME_ALIGNMENT, NAME_<field>_OFFSET, ...); each NAME is a C identifier. With "
     "--check-structs the header also asserts that the C type NAME has that layout. When a "
     "format is invalid nothing is written, and stderr shows why, led by its NAME.",
     "the header written",
     "a format invalid or without a layout, two fields with one macro, or FILE not writable",
     {"pep3118 header 'Point=T{d:x:d:y:}'",
      "pep3118 header --check-structs --guard SAMPLE_H 'Sample=T{i:id:d:value:}'"}},
}};

constexpr const command_info& info_of(command what) noexcept {
  return *std::ranges::find(command_table, what, &command_info::what);
}

constexpr std::optional<command> command_named(std::string_view name) noexcept {
  auto found = std::ranges::find(command_table, name, &command_info::name);
  if (found == command_table.end()) return std::nullopt;
  return found->what;
}

// The commands an option belongs to.
class command_set {
 public:
  constexpr command_set(std::initializer_list<command> commands) noexcept {
    for (command what : commands) bits_ |= bit(what);
  }
  // Every command of the table but those.
  static constexpr command_set all_but(std::initializer_list<command> excluded) noexcept {
    command_set all{};
    for (const command_info& info : command_table) {
      if (std::ranges::find(excluded, info.what) == excluded.end()) all.bits_ |= bit(info.what);
    }
    return all;
  }
  static constexpr command_set all() noexcept { return all_but({}); }

  constexpr bool contains(command what) const noexcept { return (bits_ & bit(what)) != 0; }

 private:
  static constexpr unsigned bit(command what) noexcept { return 1U << static_cast<unsigned>(what); }

  unsigned bits_ = 0;
};

}  // namespace pep3118::cli

#endif
