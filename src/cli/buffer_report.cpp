// check with --itemsize, --shape, --strides or --suboffsets: whether the whole buffer
// description agrees (docs/buffer.md).
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "caret.hpp"
#include "display.hpp"
#include "json_diagnostics.hpp"
#include "json_writer.hpp"
#include "names.hpp"
#include "pep3118/buffer.hpp"
#include "reports.hpp"
#include "text_answer.hpp"

namespace pep3118::cli {

namespace {

buffer_view view_of(const options& opts, std::string_view format) {
  return {format, opts.itemsize, opts.shape, opts.strides, opts.suboffsets};
}

std::string_view contiguity_words(const buffer_check& checked) {
  if (checked.c_contiguous && checked.f_contiguous) return "contiguous";
  if (checked.c_contiguous) return "C-contiguous";
  if (checked.f_contiguous) return "Fortran-contiguous";
  return "not contiguous";
}

// The format's warnings and the warning findings.
std::size_t warning_count(const buffer_check& checked, const std::vector<diagnostic>& diagnostics) {
  std::size_t warnings = diagnostics.size();
  for (const buffer_finding& found : checked.findings) warnings += found.level == severity::warning ? 1 : 0;
  return warnings;
}

// `ok  itemsize 8  alignment 8  contiguous  d`, or the first error finding:
// `error [padding_undescribed]: the format describes ...  T{<c:a:<i:b:}`.
std::string answer_line(const buffer_check& checked, std::size_t warnings, std::string_view format,
                        const style& shown) {
  for (const buffer_finding& found : checked.findings) {
    if (found.level == severity::error) {
      return fmt::format("{} [{}]: {}  {}\n", error_label(shown), found.name(), found.message,
                         display_escaped(format));
    }
  }
  std::string line =
      fmt::format("ok  itemsize {}  alignment {}  {}  {}", checked.format_layout.itemsize,
                  checked.format_layout.alignment, contiguity_words(checked), display_escaped(format));
  if (warnings > 0) line += fmt::format("  ({})", counted(static_cast<std::int64_t>(warnings), "warning"));
  return line + '\n';
}

// Like a caret display, without a caret: a finding is about the whole buffer.
std::string finding_display(const buffer_finding& found, std::string_view format, const style& shown) {
  return headline(found.level, found.name(), found.message, shown) + "  " + display_escaped(format) + '\n';
}

// The answer line on stdout, the displays on stderr; an inconsistent buffer's failure is its
// answer line.
report buffer_text_report(const options& opts, const result<buffer_check>& checked, std::string_view format) {
  if (!checked) return text_answer(format, checked.diagnostics(), std::nullopt, opts.styles);
  std::string displays = caret_displays(format, checked.diagnostics(), opts.styles.err);
  for (const buffer_finding& found : checked->findings) displays += finding_display(found, format, opts.styles.err);
  const std::size_t warnings = warning_count(checked.value(), checked.diagnostics());
  std::string answer = answer_line(checked.value(), warnings, format, opts.styles.out);
  const bool consistent = checked->consistent();
  return {answer, std::move(displays), consistent, consistent ? "" : answer};
}

void write_list(json_writer& json, const std::optional<std::vector<std::int64_t>>& list) {
  if (!list) return json.null();
  json.begin_array();
  for (std::int64_t value : *list) json.number(value);
  json.end_array();
}

// What the exporter said, echoed: null for what it did not say.
void write_view(json_writer& json, const buffer_view& view) {
  json.begin_object();
  json.key("itemsize");
  if (view.itemsize) {
    json.number(*view.itemsize);
  } else {
    json.null();
  }
  json.key("shape");
  write_list(json, view.shape);
  json.key("strides");
  write_list(json, view.strides);
  json.key("suboffsets");
  write_list(json, view.suboffsets);
  json.end_object();
}

void write_findings(json_writer& json, const std::vector<buffer_finding>& findings) {
  json.begin_array();
  for (const buffer_finding& found : findings) {
    json.begin_object();
    json.key("severity");
    json.string(severity_name(found.level));
    json.key("code");
    json.string(found.name());
    json.key("message");
    json.string(found.message);
    json.end_object();
  }
  json.end_array();
}

report buffer_json_report(const options& opts, const buffer_view& view, const result<buffer_check>& checked) {
  const bool consistent = checked.ok() && checked->consistent();
  json_writer json;
  json.begin_object();
  json.key("format");
  json.string(view.format);
  json.key("valid");
  json.boolean(checked.ok());
  json.key("consistent");
  json.boolean(consistent);
  json.key("target");
  json.string(opts.tgt->name);
  json.key("rules");
  json.string(rule_set_name(opts.rules));
  json.key("buffer");
  write_view(json, view);
  if (checked.ok()) {
    json.key("itemsize");
    json.number(checked->format_layout.itemsize);
    json.key("alignment");
    json.number(checked->format_layout.alignment);
    json.key("c_contiguous");
    json.boolean(checked->c_contiguous);
    json.key("f_contiguous");
    json.boolean(checked->f_contiguous);
    json.key("findings");
    write_findings(json, checked->findings);
  }
  json.key("diagnostics");
  write_diagnostics(json, checked.diagnostics());
  json.end_object();
  return {json.text() + '\n', "", consistent, ""};
}

}  // namespace

report buffer_report(const options& opts, std::string_view format) {
  const buffer_view view = view_of(opts, format);
  const result<buffer_check> checked = check_buffer(view, *opts.tgt, parse_options_of(opts));
  return opts.json ? buffer_json_report(opts, view, checked) : buffer_text_report(opts, checked, format);
}

}  // namespace pep3118::cli
