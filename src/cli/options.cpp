#include "options.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "display.hpp"
#include "option_table.hpp"

namespace pep3118::cli {

namespace {

constexpr std::array<std::pair<std::string_view, dialect>, 3> dialects{{
    {"numpy", dialect::numpy},
    {"struct", dialect::struct_},
    {"c", dialect::c},
}};

bool is_help(std::string_view arg) { return arg == "--help" || arg == "-h"; }
bool is_version(std::string_view arg) { return arg == "--version" || arg == "-V"; }

// Whether an argument before `--` is one of these: they answer instead of the command.
bool asks_for(std::span<const char* const> args, bool (*is_request)(std::string_view)) {
  auto options_end = std::ranges::find(args, std::string_view("--"));
  return std::any_of(args.begin(), options_end, [&](const char* arg) { return is_request(arg); });
}

usage_error unknown_command(std::string_view name) {
  return usage_error{fmt::format("unknown command '{}'", display_escaped(name))};
}

// `help` and `help COMMAND`.
command_line help_command(std::span<const char* const> operands) {
  if (operands.empty() || is_help(operands[0])) return help_request{};
  if (operands.size() > 1) return usage_error{"help takes at most one COMMAND"};
  std::optional<command> about = command_named(operands[0]);
  if (!about) return unknown_command(operands[0]);
  return help_request{about};
}

// The option an argument names, exactly (`--json`, `-q`, `--target`) or before its '='
// (`--target=host`), and the value written after the '=' when there is one.
struct named_option {
  const option_info* info = nullptr;
  std::optional<std::string_view> inline_value;
};

named_option option_named(std::string_view arg) {
  for (const option_info& info : option_table()) {
    if (arg == info.name || arg == info.short_name) return {&info, std::nullopt};
  }
  const std::size_t equals = arg.find('=');
  if (equals == std::string_view::npos) return {};
  for (const option_info& info : option_table()) {
    if (arg.substr(0, equals) == info.name) return {&info, arg.substr(equals + 1)};
  }
  return {};
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
    auto [option, inline_value] = option_named(arg);
    if (option == nullptr) return usage_error{fmt::format("unknown option '{}'", display_escaped(arg))};
    if (!option->commands.contains(opts.what)) {
      return usage_error{fmt::format("{} is not an option of {}", option->name, info_of(opts.what).name)};
    }
    std::string_view value;
    if (option->value_name.empty()) {
      if (inline_value) return usage_error{fmt::format("option {} takes no value", option->name)};
    } else if (inline_value) {
      value = *inline_value;
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return usage_error{fmt::format("option {} needs a value", option->name)};
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
    return usage_error{fmt::format("unknown dialect '{}' (valid: numpy, struct, c)", display_escaped(name))};
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

// What each command demands of its FORMATs, and the options that exclude each other, once all
// are read. (Which command takes which option is the option table's.)
std::optional<usage_error> check_arguments(options& opts) {
  if (describes_buffer(opts) && opts.portability) {
    return usage_error{
        "--portability checks the format alone: give it without --itemsize, --shape, --strides or --suboffsets"};
  }
  if (opts.quiet && opts.json) {
    return usage_error{
        "--quiet and --json do not mix: JSON answers every format (select \"valid\":false lines instead)"};
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

// The command's arguments read into its options.
command_line parse_command(command what, std::span<const char* const> args) {
  options opts;
  opts.what = what;
  opts.tgt = &host_target();
  command_line parsed = parse_arguments(std::move(opts), args);
  auto* read = std::get_if<options>(&parsed);
  if (read == nullptr) return parsed;
  if (std::optional<usage_error> mistake = check_arguments(*read)) return std::move(*mistake);
  return parsed;
}

}  // namespace

std::string_view dialect_name(dialect emitted) noexcept {
  auto found = std::ranges::find(dialects, emitted, &std::pair<std::string_view, dialect>::second);
  return found->first;
}

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
  if (args.empty()) return usage_error{"missing COMMAND"};
  if (std::string_view(args[0]) == "help") return help_command(args.subspan(1));
  std::optional<command> what = command_named(args[0]);
  if (asks_for(args, is_help)) return help_request{what};
  if (asks_for(args, is_version)) return version_request{};
  if (!what) return unknown_command(args[0]);
  command_line parsed = parse_command(*what, args.subspan(1));
  // Every mistake past the command name is about that command: the hint names its help.
  if (auto* mistake = std::get_if<usage_error>(&parsed)) mistake->about = what;
  return parsed;
}

}  // namespace pep3118::cli
