// compare A B: how compatible two formats are (DESIGN §4), and where they first differ.
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "caret.hpp"
#include "display.hpp"
#include "json_diagnostics.hpp"
#include "json_writer.hpp"
#include "pep3118/compare.hpp"
#include "pep3118/layout.hpp"
#include "reports.hpp"
#include "text_table.hpp"

namespace pep3118::cli {

namespace {

// One format of the two, with everything said about it.
struct side {
  std::string_view format;
  std::optional<descriptor> desc;  // absent when the format is invalid or has no layout
  std::vector<diagnostic> diagnostics;
};

// compare() lays both sides out but cannot say which one has no layout, so each is laid out
// here first: an error belongs to its own format, with a caret into it.
side read_side(const options& opts, std::string_view format) {
  result<descriptor> parsed = parse(format, parse_options_of(opts));
  side read{format, std::nullopt, parsed.diagnostics()};
  if (!parsed.ok()) return read;
  result<layout> laid_out = layout_of(parsed.value(), *opts.tgt);
  read.diagnostics.insert(read.diagnostics.end(), laid_out.diagnostics().begin(),
                          laid_out.diagnostics().end());
  if (laid_out.ok()) read.desc = std::move(parsed).value();
  return read;
}

// The two sides and, when both are valid, what compare() answered (an error only when the
// pair is too large to compare).
struct outcome {
  side a;
  side b;
  std::optional<result<comparison>> compared;

  bool both_valid() const noexcept { return compared.has_value(); }
  const comparison* answer() const noexcept {
    return compared && compared->ok() ? &compared->value() : nullptr;
  }
};

bool is_compatible(const outcome& said, const options& opts) {
  return said.answer() != nullptr && said.answer()->level <= opts.required_level;
}

// ---- text ----------------------------------------------------------------------------------

std::string shown_path(const std::string& path) {
  return path.empty() ? "(item)" : display_escaped(path);
}

std::string difference_lines(const difference& first) {
  std::string lines = fmt::format("not {}: at offset {}\n", level_name(first.level), first.offset);
  // Each side indented under the line above.
  text_table sides({{}, {}, {}});
  sides.add_row({"  a", shown_path(first.a.path), display_escaped(first.a.what)});
  sides.add_row({"  b", shown_path(first.b.path), display_escaped(first.b.what)});
  return lines + sides.render(style{});  // no header row to paint
}

// `layout-compatible  (required: equivalent)`: the first line of the answer, and the failure
// --quiet prints for a pair less compatible than required.
std::string level_line(const comparison& answer, const options& opts) {
  return fmt::format("{}  (required: {})\n", level_name(answer.level), level_name(opts.required_level));
}

std::string comparison_lines(const comparison& answer, const options& opts) {
  std::string lines = level_line(answer, opts);
  if (answer.next) lines += difference_lines(*answer.next);
  if (answer.byteswap_equal)
    lines += "differ only in byte order: a byteswap makes them layout-compatible\n";
  return lines;
}

// --quiet: the error line of each invalid side.
std::string invalid_sides_failure(const outcome& said, const style& shown) {
  std::string lines;
  for (const side* one : {&said.a, &said.b}) {
    if (!one->desc) lines += first_error_line(one->format, one->diagnostics, shown);
  }
  return lines;
}

// Everything on stdout, as layout and explain do: the answer, or what stopped it, then the
// caret display of each warning after a blank line. An invalid side has no answer: its caret
// displays are the answer.
report compare_text(const outcome& said, const options& opts) {
  const style& shown = opts.styles.out;
  std::string displays = caret_displays(said.a.format, said.a.diagnostics, shown) +
                         caret_displays(said.b.format, said.b.diagnostics, shown);
  if (!said.both_valid()) return {std::move(displays), "", false, invalid_sides_failure(said, shown)};
  std::string text;
  std::string failure;
  if (const comparison* answer = said.answer()) {
    text = comparison_lines(*answer, opts);
    if (!is_compatible(said, opts)) failure = level_line(*answer, opts);
  } else {
    // Said of the pair, not of a byte of either format: no caret.
    for (const diagnostic& diag : said.compared->diagnostics())
      text += headline(diag.level, diag.name(), diag.message(), shown);
    failure = text;
  }
  if (!displays.empty()) text += '\n' + displays;
  return {std::move(text), "", is_compatible(said, opts), std::move(failure)};
}

// ---- JSON ----------------------------------------------------------------------------------

void write_side(json_writer& json, const difference_side& one) {
  json.begin_object();
  json.key("path");
  json.string(one.path);
  json.key("what");
  json.string(one.what);
  json.end_object();
}

void write_difference(json_writer& json, const std::optional<difference>& first) {
  if (!first) {
    json.null();
    return;
  }
  json.begin_object();
  json.key("level");
  json.string(level_name(first->level));
  json.key("offset");
  json.number(first->offset);
  json.key("a");
  write_side(json, first->a);
  json.key("b");
  write_side(json, first->b);
  json.end_object();
}

report compare_json(const outcome& said, const options& opts) {
  json_writer json;
  json.begin_object();
  json.key("a");
  json.string(said.a.format);
  json.key("b");
  json.string(said.b.format);
  json.key("target");
  json.string(opts.tgt->name);
  json.key("rules");
  json.string(rule_set_name(opts.rules));
  json.key("valid");
  json.boolean(said.both_valid());
  if (const comparison* answer = said.answer()) {
    json.key("level");
    json.string(level_name(answer->level));
  }
  json.key("required");
  json.string(level_name(opts.required_level));
  json.key("compatible");
  json.boolean(is_compatible(said, opts));
  if (const comparison* answer = said.answer()) {
    json.key("byteswap_equal");
    json.boolean(answer->byteswap_equal);
    json.key("difference");
    write_difference(json, answer->next);
  }
  json.key("diagnostics");
  json.begin_object();
  json.key("a");
  write_diagnostics(json, said.a.diagnostics);
  json.key("b");
  write_diagnostics(json, said.b.diagnostics);
  json.key("compare");
  write_diagnostics(json, said.compared ? said.compared->diagnostics() : std::vector<diagnostic>{});
  json.end_object();
  json.end_object();
  return {json.text() + '\n', "", is_compatible(said, opts), ""};
}

}  // namespace

report compare_report(const options& opts, std::string_view format_a, std::string_view format_b) {
  outcome said{read_side(opts, format_a), read_side(opts, format_b), std::nullopt};
  if (said.a.desc && said.b.desc) said.compared = compare(*said.a.desc, *said.b.desc, *opts.tgt);
  return opts.json ? compare_json(said, opts) : compare_text(said, opts);
}

}  // namespace pep3118::cli
