// canon: each format in its one canonical spelling.
#include <optional>

#include "display.hpp"
#include "json_diagnostics.hpp"
#include "json_writer.hpp"
#include "pep3118/print.hpp"
#include "reports.hpp"
#include "text_answer.hpp"

namespace pep3118::cli {

namespace {

report canon_json(std::string_view format, const result<descriptor>& parsed) {
  json_writer json;
  json.begin_object();
  json.key("format");
  json.string(format);
  json.key("valid");
  json.boolean(parsed.ok());
  if (parsed.ok()) {
    json.key("canonical");
    json.string(canonical(parsed.value()));
  }
  json.key("diagnostics");
  write_diagnostics(json, parsed.diagnostics());
  json.end_object();
  return {json.text() + '\n', "", parsed.ok(), ""};
}

report canon_text(const options& opts, std::string_view format, const result<descriptor>& parsed) {
  std::optional<std::string> answer;
  // Escaped like every format the CLI shows, so that a name holding a newline cannot split
  // the answer in two lines; --json gives the exact bytes.
  if (parsed.ok()) answer = display_escaped(canonical(parsed.value())) + '\n';
  return text_answer(format, parsed.diagnostics(), std::move(answer), opts.styles);
}

}  // namespace

report canon_report(const options& opts, std::string_view format) {
  result<descriptor> parsed = parse(format, parse_options_of(opts));
  return opts.json ? canon_json(format, parsed) : canon_text(opts, format, parsed);
}

}  // namespace pep3118::cli
