#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "display.hpp"
#include "names.hpp"
#include "pep3118/describe.hpp"
#include "pep3118/layout.hpp"
#include "pep3118/print.hpp"
#include "reports.hpp"
#include "table_block.hpp"
#include "text_table.hpp"
#include "words.hpp"

namespace pep3118::cli {

namespace {

// Where a row sorts among rows at the same offset: a padding run comes before the field it
// pads for, and a run that ends a struct after any (empty) field there.
enum class row_rank { padding_before_field, field, trailing_padding };

struct explained_row {
  std::int64_t offset;
  row_rank rank;
  std::vector<std::string> cells;
};

std::string padding_in_words(const padding& run) {
  std::string_view why = run.written ? "x" : run.before.empty() ? "trailing" : "alignment";
  return fmt::format("{} ({})", counted(run.size, "padding byte"), why);
}

explained_row field_row(const field& leaf, const descriptor& desc) {
  std::string indent(std::size_t{leaf.depth} * 2, ' ');
  return {
      leaf.offset,
      row_rank::field,
      {fmt::format("{}", leaf.offset), fmt::format("{}", leaf.size * element_count(leaf.shape)),
       fmt::format("{}", leaf.alignment), indent + display_escaped(leaf.path),
       display_escaped(type_in_words(leaf)), c_type_of(leaf, desc),
       std::string(field_order_name(leaf.resolved_order))}};
}

explained_row padding_row(const padding& run) {
  return {run.offset,
          run.before.empty() ? row_rank::trailing_padding : row_rank::padding_before_field,
          {fmt::format("{}", run.offset), fmt::format("{}", run.size), "", "",
           padding_in_words(run), "", ""}};
}

std::string rows_table(const layout& laid_out, const descriptor& desc, const style& shown) {
  std::vector<explained_row> rows;
  for (const field& leaf : laid_out.fields) rows.push_back(field_row(leaf, desc));
  for (const padding& run : laid_out.paddings) rows.push_back(padding_row(run));
  std::ranges::stable_sort(rows, {},
                           [](const explained_row& row) { return std::tie(row.offset, row.rank); });

  text_table table({{"offset", align::right},
                    {"size", align::right},
                    {"align", align::right},
                    {"path"},
                    {"type"},
                    {"C type"},
                    {"byteorder"}});
  for (explained_row& row : rows) table.add_row(std::move(row.cells));
  return table.render(shown);
}

std::string header_lines(std::string_view format, const descriptor& desc, const layout& laid_out,
                         const options& opts) {
  return labelled_lines({
      {"format", display_escaped(format)},
      {"canonical", display_escaped(canonical(desc))},
      {"target", fmt::format("{} ({}-endian)", opts.tgt->name, endian_name(opts.tgt->order))},
      {"rules", std::string(rule_set_name(desc.rules()))},
      {"itemsize", fmt::format("{}", laid_out.itemsize)},
      {"alignment", fmt::format("{}", laid_out.alignment)},
  });
}

}  // namespace

report explain_report(const options& opts, std::string_view format) {
  // Parsed here rather than through check(): the header shows the canonical text.
  result<descriptor> parsed = parse(format, parse_options_of(opts));
  if (!parsed.ok()) return invalid_block(format, parsed.diagnostics(), opts.styles.out);
  const descriptor& desc = parsed.value();
  result<layout> laid_out = layout_of(desc, *opts.tgt);
  std::vector<diagnostic> diagnostics = parsed.diagnostics();
  diagnostics.insert(diagnostics.end(), laid_out.diagnostics().begin(),
                     laid_out.diagnostics().end());
  if (!laid_out.ok()) return invalid_block(format, diagnostics, opts.styles.out);
  return valid_block(format, diagnostics, header_lines(format, desc, laid_out.value(), opts),
                     rows_table(laid_out.value(), desc, opts.styles.out), opts.styles.out);
}

}  // namespace pep3118::cli
