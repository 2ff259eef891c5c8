#include "options.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <iterator>
#include <optional>

#include <fmt/format.h>

#include "display.hpp"

namespace pep3118::cli {

namespace {

constexpr std::string_view usage = R"(usage: pep3118 COMMAND [options] FORMAT...

Reads Python buffer format strings (PEP 3118) and shows their layout.
A FORMAT of - reads one format per line from stdin (not for compare).

commands:
  check          say whether each format is valid, with its itemsize and alignment
  layout         the offset, size and byte order of every field
  explain        every field and padding run in words, with its C type
  compare A B    how compatible two formats are, and where they first differ
  canon          each format in its one canonical spelling
  emit DIALECT   each format written for numpy, struct (CPython's module) or c
  targets        the target ABIs this build knows (takes no FORMAT)
  header         a C header with the layout of each NAME=FORMAT as constants (NAME_ITEMSIZE,
                 NAME_field_OFFSET, ...)

options:
  --target NAME             lay out for this target ABI (default: host)
  --target-file FILE        lay out for the ABI a target file describes (docs/targets.md)
  --rules pep3118|struct    the full language, or CPython's struct module exactly
  --strict                  treat warnings (producer spellings) as errors
  --max-depth N             how deep T{, & and X{ may nest (default 256)
  --level LEVEL             compare: the weakest level that passes: identical, equivalent,
                            layout-compatible (the default) or size-compatible
  --itemsize N              check: the exporter's itemsize; the format is checked against it
  --shape D,D,...           check: the buffer's shape (with --strides, --suboffsets: the
  --strides S,S,...           whole Py_buffer), checked for consistency with the format
  --suboffsets S,S,...
  --portability             check: which of struct, NumPy and memoryview accept each format,
                            with what itemsize, and a spelling they all read alike
  --json                    one JSON object per format (compare: per comparison) per line
  --check-structs           header: static assertions that the C type NAME has the layout
  --guard IDENT             header: the include guard (default: from --output's file name)
  --output FILE             header: write FILE (only when its content changes), not stdout
  -h, --help                show this text
  --                        every later argument is a FORMAT

exit status: 0 all formats valid (compare: compatible at --level), 1 some format
invalid (compare: or less compatible than --level), 2 usage error
)";
// A mistake in one option's value: the message, or nothing when the value was taken.
using option_error = std::optional<std::string>;

std::optional<command> command_named(std::string_view name) {
  constexpr std::array<std::pair<std::string_view, command>, 8> commands{{
      {"check", command::check},
      {"layout", command::layout},
      {"explain", command::explain},
      {"compare", command::compare},
      {"canon", command::canon},
      {"emit", command::emit},
      {"targets", command::targets},
      {"header", command::header},
  }};
  auto found = std::ranges::find(commands, name, &std::pair<std::string_view, command>::first);
  if (found == commands.end()) return std::nullopt;
  return found->second;
}

constexpr std::array<std::pair<std::string_view, dialect>, 3> dialects{{
    {"numpy", dialect::numpy},
    {"struct", dialect::struct_},
    {"c", dialect::c},
}};

std::string target_names() {
  std::string names;
  for (const target* tgt : all_targets()) {
    if (!names.empty()) names += ", ";
    names += tgt->name;
  }
  return names;
}

option_error set_target(options& opts, std::string_view name) {
  opts.tgt = find_target(name);
  opts.target_given = true;
  if (opts.tgt != nullptr) return std::nullopt;
  return fmt::format("unknown target '{}' (valid: {})", display_escaped(name), target_names());
}

option_error set_target_file(options& opts, std::string_view path) {
  std::ifstream file{std::string(path), std::ios::binary};
  if (!file) return fmt::format("cannot read the target file '{}'", display_escaped(path));
  const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  auto loaded = read_target_file(text);
  if (!loaded) {
    const diagnostic& d = loaded.diagnostics().front();
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(d.offset), '\n');
    return fmt::format("{}:{}: {}", display_escaped(path), line, d.message());
  }
  opts.target_from_file = std::move(loaded).value();
  opts.tgt = opts.target_from_file.get();
  opts.target_given = true;
  return std::nullopt;
}

option_error set_rules(options& opts, std::string_view name) {
  for (rule_set rules : {rule_set::pep3118, rule_set::struct_}) {
    if (name == rule_set_name(rules)) {
      opts.rules = rules;
      return std::nullopt;
    }
  }
  return fmt::format("unknown rule set '{}' (valid: pep3118, struct)", display_escaped(name));
}

option_error set_max_depth(options& opts, std::string_view digits) {
  const char* end = digits.data() + digits.size();
  auto [stop, failure] = std::from_chars(digits.data(), end, opts.max_depth);
  if (digits.empty() || failure != std::errc{} || stop != end) {
    return fmt::format("--max-depth needs a non-negative integer, got '{}'",
                       display_escaped(digits));
  }
  return std::nullopt;
}

// The levels --level accepts: `incompatible` would pass everything, so it is not one.
option_error set_level(options& opts, std::string_view name) {
  std::optional<compat_level> level = level_from_name(name);
  if (!level || *level == compat_level::incompatible) {
    return fmt::format(
        "unknown level '{}' (valid: identical, equivalent, layout-compatible, size-compatible)",
        display_escaped(name));
  }
  opts.required_level = *level;
  opts.level_given = true;
  return std::nullopt;
}

// A signed 64-bit integer, the whole value.
std::optional<std::int64_t> integer_of(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [stop, failure] = std::from_chars(text.data(), end, value);
  if (text.empty() || failure != std::errc{} || stop != end) return std::nullopt;
  return value;
}

option_error set_itemsize(options& opts, std::string_view digits) {
  opts.itemsize = integer_of(digits);
  if (!opts.itemsize || *opts.itemsize < 0) {
    return fmt::format("--itemsize needs a non-negative integer, got '{}'", display_escaped(digits));
  }
  return std::nullopt;
}

// "2,3" (or "" for zero dimensions) into a list; `name` for the message.
option_error set_list(std::optional<std::vector<std::int64_t>>& list, std::string_view name,
                      std::string_view text) {
  list.emplace();
  for (std::size_t start = 0; start < text.size();) {
    std::size_t comma = std::min(text.find(',', start), text.size());
    std::optional<std::int64_t> value = integer_of(text.substr(start, comma - start));
    if (!value) {
      return fmt::format("{} needs integers separated by commas, got '{}'", name, display_escaped(text));
    }
    list->push_back(*value);
    start = comma + 1;
  }
  return std::nullopt;
}

option_error set_shape(options& opts, std::string_view text) { return set_list(opts.shape, "--shape", text); }
option_error set_strides(options& opts, std::string_view text) { return set_list(opts.strides, "--strides", text); }
option_error set_suboffsets(options& opts, std::string_view text) {
  return set_list(opts.suboffsets, "--suboffsets", text);
}

option_error set_guard(options& opts, std::string_view name) {
  if (!is_c_identifier(name)) {
    return fmt::format("--guard needs a C identifier, got '{}'", display_escaped(name));
  }
  opts.guard = std::string(name);
  return std::nullopt;
}

option_error set_output_file(options& opts, std::string_view path) {
  opts.output_file = std::string(path);
  return std::nullopt;
}

struct value_option {
  std::string_view name;
  option_error (*apply)(options&, std::string_view value);
};

constexpr std::array<value_option, 11> value_options{{
    {"--target", set_target},
    {"--target-file", set_target_file},
    {"--rules", set_rules},
    {"--max-depth", set_max_depth},
    {"--level", set_level},
    {"--itemsize", set_itemsize},
    {"--shape", set_shape},
    {"--strides", set_strides},
    {"--suboffsets", set_suboffsets},
    {"--guard", set_guard},
    {"--output", set_output_file},
}};

struct flag_option {
  std::string_view name;
  bool options::*flag;
};

constexpr std::array<flag_option, 4> flag_options{{
    {"--json", &options::json},
    {"--strict", &options::strict},
    {"--portability", &options::portability},
    {"--check-structs", &options::check_structs},
}};

bool is_help(std::string_view arg) { return arg == "--help" || arg == "-h"; }

bool asks_for_help(std::span<const char* const> args) {
  auto options_end = std::ranges::find(args, std::string_view("--"));
  return std::any_of(args.begin(), options_end, [](const char* arg) { return is_help(arg); });
}

// What follows the command: options and FORMATs in any order.
command_line parse_arguments(options opts, std::span<const char* const> args) {
  bool only_formats = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (only_formats || arg == "-" || !arg.starts_with('-')) {
      opts.format_args.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      only_formats = true;
      continue;
    }
    auto flag = std::ranges::find(flag_options, arg, &flag_option::name);
    if (flag != flag_options.end()) {
      opts.*(flag->flag) = true;
      continue;
    }
    // `--name value` or `--name=value`.
    std::string_view name = arg.substr(0, arg.find('='));
    auto option = std::ranges::find(value_options, name, &value_option::name);
    if (option == value_options.end()) {
      return usage_error{fmt::format("unknown option '{}'", display_escaped(arg))};
    }
    std::string_view value;
    if (name.size() < arg.size()) {
      value = arg.substr(name.size() + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return usage_error{fmt::format("option {} needs a value", name)};
    }
    if (option_error error = option->apply(opts, value)) return usage_error{std::move(*error)};
  }
  return opts;
}

// emit's first non-option argument names the dialect; it is taken out of the FORMATs.
std::optional<usage_error> take_dialect(options& opts) {
  if (opts.format_args.empty()) return usage_error{"emit needs a DIALECT: numpy, struct or c"};
  std::string_view name = opts.format_args.front();
  auto found = std::ranges::find(dialects, name, &std::pair<std::string_view, dialect>::first);
  if (found == dialects.end()) {
    return usage_error{fmt::format("unknown dialect '{}' (valid: numpy, struct, c)",
                                   display_escaped(name))};
  }
  opts.emitted = found->second;
  opts.format_args.erase(opts.format_args.begin());
  return std::nullopt;
}

// header's arguments are NAME=FORMAT: each NAME names a C type and prefixes macros, so it must
// be an identifier, and unique. They are taken out of the FORMATs.
std::optional<usage_error> take_named_formats(options& opts) {
  if (opts.format_args.empty()) return usage_error{"header needs at least one NAME=FORMAT"};
  for (const std::string& arg : opts.format_args) {
    const std::size_t equals = arg.find('=');
    if (equals == std::string::npos) {
      return usage_error{fmt::format("header takes NAME=FORMAT, got '{}'", display_escaped(arg))};
    }
    named_format named{arg.substr(0, equals), arg.substr(equals + 1)};
    if (!is_c_identifier(named.name)) {
      return usage_error{fmt::format("the NAME of '{}' is not a C identifier", display_escaped(arg))};
    }
    if (std::ranges::find(opts.named_formats, named.name, &named_format::name) != opts.named_formats.end()) {
      return usage_error{fmt::format("the NAME of '{}' is given twice", display_escaped(arg))};
    }
    opts.named_formats.push_back(std::move(named));
  }
  opts.format_args.clear();
  return std::nullopt;
}

// What each command demands of its FORMATs and options, once all are read.
std::optional<usage_error> check_arguments(options& opts) {
  if (opts.level_given && opts.what != command::compare) {
    return usage_error{"--level is an option of compare only"};
  }
  if ((describes_buffer(opts) || opts.portability) && opts.what != command::check) {
    return usage_error{"--itemsize, --shape, --strides, --suboffsets and --portability are options of check only"};
  }
  if ((opts.check_structs || opts.guard || opts.output_file) && opts.what != command::header) {
    return usage_error{"--check-structs, --guard and --output are options of header only"};
  }
  if (opts.json && opts.what == command::header) {
    return usage_error{"header writes C, not JSON: --json is not an option of header"};
  }
  if (describes_buffer(opts) && opts.portability) {
    return usage_error{"--portability checks the format alone: give it without --itemsize, --shape, --strides or --suboffsets"};
  }
  if (opts.what == command::emit) {
    if (std::optional<usage_error> mistake = take_dialect(opts)) return mistake;
  }
  if (opts.what == command::targets) {
    if (!opts.format_args.empty()) return usage_error{"targets takes no FORMAT"};
    return std::nullopt;
  }
  if (opts.what == command::header) return take_named_formats(opts);
  if (opts.what == command::compare) {
    // Two formats side by side; stdin would need a rule for pairing lines.
    if (opts.format_args.size() != 2 || std::ranges::count(opts.format_args, "-") > 0) {
      return usage_error{"compare takes exactly two FORMATs, A and B (not -)"};
    }
    return std::nullopt;
  }
  if (opts.format_args.empty()) {
    return usage_error{"missing FORMAT (give - to read formats from stdin)"};
  }
  return std::nullopt;
}

}  // namespace

std::string_view dialect_name(dialect emitted) noexcept {
  auto found = std::ranges::find(dialects, emitted, &std::pair<std::string_view, dialect>::second);
  return found->first;
}

std::string_view usage_text() noexcept { return usage; }

bool is_c_identifier(std::string_view text) noexcept {
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  return !text.empty() && is_letter(text.front()) &&
         std::ranges::all_of(text, [&](char c) { return is_letter(c) || is_digit(c); });
}

bool describes_buffer(const options& opts) noexcept {
  return opts.itemsize || opts.shape || opts.strides || opts.suboffsets;
}

parse_options parse_options_of(const options& opts) {
  parse_options parsing;
  parsing.rules = opts.rules;
  parsing.strict = opts.strict;
  parsing.max_depth = opts.max_depth;
  return parsing;
}

command_line parse_command_line(std::span<const char* const> args) {
  if (asks_for_help(args)) return help_request{};
  if (args.empty()) return usage_error{"missing COMMAND"};
  std::optional<command> what = command_named(args[0]);
  if (!what) return usage_error{fmt::format("unknown command '{}'", display_escaped(args[0]))};

  options opts;
  opts.what = *what;
  opts.tgt = &host_target();
  command_line parsed = parse_arguments(std::move(opts), args.subspan(1));
  auto* read = std::get_if<options>(&parsed);
  if (read == nullptr) return parsed;
  if (std::optional<usage_error> mistake = check_arguments(*read)) return std::move(*mistake);
  return parsed;
}

}  // namespace pep3118::cli
