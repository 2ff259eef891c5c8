// check --portability: how CPython's struct module, NumPy's parser and CPython's memoryview
// read each format, whether they agree, and a spelling they read alike when they do not.
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "display.hpp"
#include "json_diagnostics.hpp"
#include "json_writer.hpp"
#include "pep3118/portability.hpp"
#include "reports.hpp"
#include "table_block.hpp"
#include "text_table.hpp"

namespace pep3118::cli {

namespace {

// ---- text ----------------------------------------------------------------------------------

std::string verdict(const portability& answer) {
  if (answer.portable()) {
    return fmt::format("portable: every reader accepts it, itemsize {}", answer.readings.front().itemsize);
  }
  if (answer.ambiguous) return "ambiguous: the readers that accept it disagree on the itemsize";
  std::vector<std::string_view> refusing;
  for (const reading& one : answer.readings) {
    if (!one.accepts) refusing.push_back(reader_name(one.who));
  }
  return fmt::format("not portable: rejected by {}", fmt::join(refusing, ", "));
}

std::string why_not(const reading& one) {
  if (one.accepts) return "";
  if (one.offset) return fmt::format("at offset {}: {}", *one.offset, one.reason);
  return one.reason;
}

std::string readings_table(const portability& answer, const style& shown) {
  text_table table({{"reader"}, {"accepts"}, {"itemsize", align::right}, {"why not"}});
  for (const reading& one : answer.readings) {
    table.add_row({std::string(reader_name(one.who)), one.accepts ? "yes" : "no",
                   one.accepts ? fmt::format("{}", one.itemsize) : "", why_not(one)});
  }
  return table.render(shown);
}

report portability_text(const options& opts, std::string_view format, const result<portability>& answer) {
  const style& shown = opts.styles.out;
  if (!answer.ok()) return invalid_block(format, answer.diagnostics(), shown);
  std::vector<std::pair<std::string, std::string>> header{
      {"format", display_escaped(format)},
      {"target", std::string(opts.tgt->name)},
      {"verdict", verdict(answer.value())},
  };
  if (answer->suggestion) header.emplace_back("suggestion", display_escaped(*answer->suggestion));
  report said = valid_block(format, answer.diagnostics(), labelled_lines(header),
                            readings_table(answer.value(), shown), shown);
  said.valid = answer->portable();
  if (!said.valid) said.failure = fmt::format("{}  {}\n", verdict(answer.value()), display_escaped(format));
  return said;
}

// ---- JSON ----------------------------------------------------------------------------------

void write_reading(json_writer& json, const reading& one) {
  json.begin_object();
  json.key("reader");
  json.string(reader_name(one.who));
  json.key("accepts");
  json.boolean(one.accepts);
  if (one.accepts) {
    json.key("itemsize");
    json.number(one.itemsize);
  } else {
    json.key("reason");
    json.string(one.reason);
    if (one.offset) {
      json.key("offset");
      json.number(static_cast<std::int64_t>(*one.offset));
    }
  }
  json.end_object();
}

report portability_json(const options& opts, std::string_view format, const result<portability>& answer) {
  json_writer json;
  json.begin_object();
  json.key("format");
  json.string(format);
  json.key("valid");
  json.boolean(answer.ok());
  json.key("target");
  json.string(opts.tgt->name);
  if (answer.ok()) {
    json.key("readers");
    json.begin_array();
    for (const reading& one : answer->readings) write_reading(json, one);
    json.end_array();
    json.key("ambiguous");
    json.boolean(answer->ambiguous);
    json.key("portable");
    json.boolean(answer->portable());
    json.key("suggestion");
    if (answer->suggestion) {
      json.string(*answer->suggestion);
    } else {
      json.null();
    }
  }
  json.key("diagnostics");
  write_diagnostics(json, answer.diagnostics());
  json.end_object();
  return {json.text() + '\n', "", answer.ok() && answer->portable(), ""};
}

}  // namespace

report portability_report(const options& opts, std::string_view format) {
  result<portability> answer = portability_of(format, *opts.tgt, parse_options_of(opts));
  return opts.json ? portability_json(opts, format, answer) : portability_text(opts, format, answer);
}

}  // namespace pep3118::cli
