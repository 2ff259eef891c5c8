#include "option_table.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <vector>

#include <fmt/format.h>

#include "display.hpp"

namespace pep3118::cli {

namespace {

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
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(d.offset), ' ');
    return fmt::format("{}:{}: {}", display_escaped(path), line, d.message());
  }
  opts.target_from_file = std::move(loaded).value();
  opts.tgt = opts.target_from_file.get();
  opts.target_given = true;
  return std::nullopt;
}

option_error set_rules(options& opts, std::string_view name) {
  for (rule_set rules : rule_sets) {
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

option_error set_color(options& opts, std::string_view name) {
  std::optional<color_choice> choice = color_choice_named(name);
  if (!choice) return fmt::format("unknown --color '{}' (valid: auto, always, never)", display_escaped(name));
  opts.color = *choice;
  return std::nullopt;
}

template <bool options::*flag>
option_error set_flag(options& opts, std::string_view /*a flag has no value*/) {
  opts.*flag = true;
  return std::nullopt;
}

// In the order help lists them: what every command takes first, then each command's own.
constexpr std::array<option_info, 17> options_of_commands{{
    {"--target", "", "NAME", command_set::all_but({command::canon}),
     "lay out for this target ABI (default: host; `pep3118 targets` lists them)", set_target},
    {"--target-file", "", "FILE", command_set::all_but({command::canon}),
     "lay out for the ABI a target file describes (docs/targets.md)", set_target_file},
    {"--rules", "", "pep3118|struct", command_set::all_but({command::targets}),
     "pep3118 (the default): the whole language, laid out as NumPy does; struct: what CPython's "
     "struct module reads, laid out as it does", set_rules},
    {"--strict", "", "", command_set::all_but({command::targets}),
     "treat warnings (producer spellings such as F) as errors", set_flag<&options::strict>},
    {"--max-depth", "", "N", command_set::all_but({command::targets}),
     "how deep T{, & and X{ may nest (default 256, at most 1024)", set_max_depth},
    {"--json", "", "", command_set::all_but({command::header}),
     "one JSON object per line: per format (compare: per pair; targets: one array)",
     set_flag<&options::json>},
    {"--quiet", "-q", "", command_set::all_but({command::targets}),
     "nothing for a valid format, one line for each failure (stdin:LINE: before a format read "
     "from stdin); not with --json", set_flag<&options::quiet>},
    {"--color", "", "auto|always|never", command_set::all(),
     "color carets, labels and headings: auto (the default) on a terminal unless NO_COLOR is set, "
     "always, or never", set_color},
    {"--level", "", "LEVEL", {command::compare},
     "the weakest level that passes: identical, equivalent, layout-compatible (the default) or "
     "size-compatible", set_level},
    {"--itemsize", "", "N", {command::check},
     "the exporter's itemsize; the format is checked against it", set_itemsize},
    {"--shape", "", "D,D,...", {command::check},
     "the buffer's shape (with --strides, --suboffsets: the whole Py_buffer), checked against "
     "the format", set_shape},
    {"--strides", "", "S,S,...", {command::check}, "the buffer's strides in bytes, one per dimension",
     set_strides},
    {"--suboffsets", "", "S,S,...", {command::check},
     "the buffer's suboffsets, one per dimension (docs/buffer.md)", set_suboffsets},
    {"--portability", "", "", {command::check},
     "which of struct, NumPy and memoryview accept each format, with what itemsize, and a "
     "spelling they all read alike", set_flag<&options::portability>},
    {"--check-structs", "", "", {command::header},
     "static assertions that the C type NAME has the layout", set_flag<&options::check_structs>},
    {"--guard", "", "IDENT", {command::header},
     "the include guard (default: from --output's file name)", set_guard},
    {"--output", "", "FILE", {command::header},
     "write FILE (only when its text changes), not stdout", set_output_file},
}};

}  // namespace

std::span<const option_info> option_table() noexcept { return options_of_commands; }

}  // namespace pep3118::cli
