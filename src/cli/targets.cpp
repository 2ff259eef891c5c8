#include <array>
#include <vector>

#include <fmt/format.h>

#include "json_writer.hpp"
#include "names.hpp"
#include "pep3118/target.hpp"
#include "reports.hpp"
#include "text_table.hpp"

namespace pep3118::cli {

namespace {

// The codes whose size tells targets apart, shown in the table.
constexpr std::array<type_code, 5> telling_codes{type_code::long_, type_code::long_long,
                                                 type_code::ssize, type_code::void_pointer,
                                                 type_code::long_double};

// The codes with a C type behind them (target::native is unused for the others).
bool has_native_type(type_code code) {
  return code != type_code::pad && code != type_code::bytes && code != type_code::pascal_bytes &&
         code != type_code::bits && code != type_code::structure;
}

std::vector<const target*> listed_targets(const options& opts) {
  if (opts.target_given) return {opts.tgt};
  return {all_targets().begin(), all_targets().end()};
}

std::string targets_table(const std::vector<const target*>& targets, const style& shown) {
  std::vector<column> columns{{"target"}, {"byteorder"}};
  for (type_code code : telling_codes)
    columns.push_back({std::string(code_text(code)), align::right});
  columns.push_back({"align d", align::right});
  text_table table(std::move(columns));
  for (const target* tgt : targets) {
    std::vector<std::string> cells{std::string(tgt->name), std::string(endian_name(tgt->order))};
    for (type_code code : telling_codes)
      cells.push_back(fmt::format("{}", tgt->native_type(code).size));
    cells.push_back(fmt::format("{}", tgt->native_type(type_code::double_).alignment));
    table.add_row(std::move(cells));
  }
  return table.render(shown);
}

// {"i":4,"l":8,...}: one member per code with a C type.
void write_per_code(json_writer& json, const target& tgt, std::int64_t c_type::*member) {
  json.begin_object();
  for (std::size_t index = 0; index < type_code_count; ++index) {
    auto code = static_cast<type_code>(index);
    if (!has_native_type(code)) continue;
    json.key(code_text(code));
    json.number(tgt.native_type(code).*member);
  }
  json.end_object();
}

std::string targets_json(const std::vector<const target*>& targets) {
  json_writer json;
  json.begin_array();
  for (const target* tgt : targets) {
    json.begin_object();
    json.key("name");
    json.string(tgt->name);
    json.key("byteorder");
    json.string(endian_name(tgt->order));
    json.key("sizes");
    write_per_code(json, *tgt, &c_type::size);
    json.key("alignments");
    write_per_code(json, *tgt, &c_type::alignment);
    json.end_object();
  }
  json.end_array();
  return json.text() + '\n';
}

}  // namespace

std::string targets_report(const options& opts) {
  std::vector<const target*> targets = listed_targets(opts);
  return opts.json ? targets_json(targets) : targets_table(targets, opts.styles.out);
}

}  // namespace pep3118::cli
