// emit numpy|struct|c: each format written in another dialect, with the same layout.
#include <optional>

#include "display.hpp"
#include "json_diagnostics.hpp"
#include "json_writer.hpp"
#include "pep3118/emit.hpp"
#include "reports.hpp"
#include "text_answer.hpp"

namespace pep3118::cli {

namespace {

result<std::string> emitted_text(const descriptor& desc, const options& opts) {
  switch (opts.emitted) {
    case dialect::numpy: return emit_numpy(desc, *opts.tgt);
    case dialect::struct_: return emit_struct(desc, *opts.tgt);
    case dialect::c: return emit_c(desc, *opts.tgt);
  }
  return emit_numpy(desc, *opts.tgt);  // not reached: the switch names every dialect
}

// The parse's warnings travel with what the emitter says.
result<std::string> emit_format(const options& opts, std::string_view format) {
  result<descriptor> parsed = parse(format, parse_options_of(opts));
  if (!parsed.ok()) return result<std::string>(parsed.diagnostics());
  result<std::string> emitted = emitted_text(parsed.value(), opts);
  std::vector<diagnostic> diagnostics = parsed.diagnostics();
  diagnostics.insert(diagnostics.end(), emitted.diagnostics().begin(),
                     emitted.diagnostics().end());
  if (!emitted.ok()) return result<std::string>(std::move(diagnostics));
  return {std::move(emitted).value(), std::move(diagnostics)};
}

report emit_json(const options& opts, std::string_view format, const result<std::string>& emitted) {
  json_writer json;
  json.begin_object();
  json.key("format");
  json.string(format);
  json.key("valid");
  json.boolean(emitted.ok());
  json.key("dialect");
  json.string(dialect_name(opts.emitted));
  json.key("target");
  json.string(opts.tgt->name);
  json.key("rules");
  json.string(rule_set_name(opts.rules));
  if (emitted.ok()) {
    json.key("output");
    json.string(emitted.value());
  }
  json.key("diagnostics");
  write_diagnostics(json, emitted.diagnostics());
  json.end_object();
  return {json.text() + '\n', "", emitted.ok(), ""};
}

// numpy and struct strings are one line, escaped like every format the CLI shows; C is a block
// of lines, as the emitter wrote it.
std::string shown(const options& opts, const std::string& text) {
  if (opts.emitted != dialect::c) return display_escaped(text) + '\n';
  return text.ends_with('\n') ? text : text + '\n';
}

}  // namespace

report emit_report(const options& opts, std::string_view format) {
  result<std::string> emitted = emit_format(opts, format);
  if (opts.json) return emit_json(opts, format, emitted);
  std::optional<std::string> answer;
  if (emitted.ok()) answer = shown(opts, emitted.value());
  return text_answer(format, emitted.diagnostics(), std::move(answer), opts.styles);
}

}  // namespace pep3118::cli
