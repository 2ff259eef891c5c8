#include <fmt/format.h>

#include "display.hpp"
#include "pep3118/layout.hpp"
#include "reports.hpp"
#include "table_block.hpp"
#include "text_table.hpp"
#include "words.hpp"

namespace pep3118::cli {

namespace {

std::string fields_table(const layout& laid_out, const style& shown) {
  text_table table({{"offset", align::right},
                    {"size", align::right},
                    {"shape"},
                    {"code"},
                    {"byteorder"},
                    {"path"},
                    {""}});
  for (const field& leaf : laid_out.fields) {
    std::string points_to = has_points_to(leaf.code) ? "-> " + display_escaped(leaf.points_to) : "";
    table.add_row({fmt::format("{}", leaf.offset), fmt::format("{}", leaf.size),
                   shape_text(leaf.shape), std::string(code_text(leaf.code)),
                   std::string(field_order_name(leaf.resolved_order)), display_escaped(leaf.path),
                   std::move(points_to)});
  }
  return table.render(shown);
}

}  // namespace

report layout_table_report(const options& opts, std::string_view format) {
  result<layout> laid_out = check(format, *opts.tgt, parse_options_of(opts));
  if (!laid_out.ok()) return invalid_block(format, laid_out.diagnostics(), opts.styles.out);
  std::string header = labelled_lines({
      {"format", display_escaped(format)},
      {"target", fmt::format("{} (rules {})", opts.tgt->name, rule_set_name(opts.rules))},
      {"itemsize", fmt::format("{}", laid_out->itemsize)},
      {"alignment", fmt::format("{}", laid_out->alignment)},
  });
  return valid_block(format, laid_out.diagnostics(), header, fields_table(laid_out.value(), opts.styles.out),
                     opts.styles.out);
}

}  // namespace pep3118::cli
