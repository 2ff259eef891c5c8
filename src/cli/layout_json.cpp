#include "json_diagnostics.hpp"
#include "json_writer.hpp"
#include "pep3118/layout.hpp"
#include "reports.hpp"
#include "words.hpp"

namespace pep3118::cli {

namespace {

void write_field(json_writer& json, const field& leaf) {
  json.begin_object();
  json.key("path");
  json.string(leaf.path);
  json.key("offset");
  json.number(leaf.offset);
  json.key("size");
  json.number(leaf.size);
  json.key("code");
  json.string(code_text(leaf.code));
  json.key("byteorder");
  json.string(field_order_name(leaf.resolved_order));
  json.key("shape");
  json.begin_array();
  for (std::int64_t dim : leaf.shape) json.number(dim);
  json.end_array();
  if (has_points_to(leaf.code)) {
    json.key("points_to");
    json.string(leaf.points_to);
  }
  json.end_object();
}

}  // namespace

report json_report(const options& opts, std::string_view format) {
  result<layout> laid_out = check(format, *opts.tgt, parse_options_of(opts));
  json_writer json;
  json.begin_object();
  json.key("format");
  json.string(format);
  json.key("valid");
  json.boolean(laid_out.ok());
  json.key("target");
  json.string(opts.tgt->name);
  json.key("rules");
  json.string(rule_set_name(opts.rules));
  if (laid_out.ok()) {
    json.key("itemsize");
    json.number(laid_out->itemsize);
    json.key("alignment");
    json.number(laid_out->alignment);
    json.key("fields");
    json.begin_array();
    for (const field& leaf : laid_out->fields) write_field(json, leaf);
    json.end_array();
  }
  json.key("diagnostics");
  write_diagnostics(json, laid_out.diagnostics());
  json.end_object();
  return {json.text() + '\n', "", laid_out.ok(), ""};
}

}  // namespace pep3118::cli
