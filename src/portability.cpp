#include <pep3118/portability.hpp>

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include <pep3118/compare.hpp>
#include <pep3118/layout.hpp>

#include "portability_readers.hpp"

namespace pep3118 {

namespace detail {

reading accepted(reader who, std::int64_t itemsize) { return reading{who, true, itemsize, {}, std::nullopt}; }

reading refused(reader who, refusal why) { return reading{who, false, 0, std::move(why.reason), why.offset}; }

refusal refusal_of(const std::vector<diagnostic>& diagnostics) {
  auto error = std::ranges::find(diagnostics, severity::error, &diagnostic::level);
  return refusal{error->offset, std::string(error->message())};
}

}  // namespace detail

namespace {

using all_readings = std::array<reading, reader_count>;

// CPython's struct module is pep3118's struct rule set (held to struct.calcsize by the tests).
reading struct_reading(std::string_view format, const target& tgt, parse_options options) {
  options.rules = rule_set::struct_;
  result<layout> laid_out = check(format, tgt, options);
  if (!laid_out) return detail::refused(reader::struct_module, detail::refusal_of(laid_out.diagnostics()));
  return detail::accepted(reader::struct_module, laid_out->itemsize);
}

// `desc` and `laid_out` are the format read and laid out by the pep3118 rules.
all_readings readings_of(std::string_view format, const descriptor& desc, const result<layout>& laid_out,
                         const target& tgt, const parse_options& options) {
  return {struct_reading(format, tgt, options), detail::numpy_reading(format, desc, laid_out),
          detail::memoryview_item_reading(format, tgt), detail::memoryview_cast_reading(format, tgt)};
}

bool accepting_readers_disagree(const all_readings& readings) {
  auto first = std::ranges::find_if(readings, &reading::accepts);
  return std::ranges::any_of(readings, [&](const reading& one) {
    return one.accepts && one.itemsize != first->itemsize;
  });
}

// The padding the default rules add after the last item (the format ends under '@'), which
// CPython's struct module never adds: `ib` is 8 bytes to NumPy and 5 to struct.
std::int64_t implicit_tail_padding(const layout& laid_out) {
  if (laid_out.paddings.empty()) return 0;
  const padding& last = laid_out.paddings.back();
  const bool is_tail = !last.written && last.within.empty() && last.before.empty() &&
                       last.offset + last.size == laid_out.itemsize;
  return is_tail ? last.size : 0;
}

// The readers that disagree are struct and NumPy, on that tail (the conformance tests found
// no other disagreement): written out as `Nx`, every reader sees the same bytes. The spelling
// is checked with the same model before it is offered: its layout under the default rules is
// the format's (equivalent, same alignment), and every reader that accepts the format reads
// it with the default rules' itemsize.
std::optional<std::string> unambiguous_spelling(std::string_view format, const descriptor& desc,
                                                const layout& laid_out, const all_readings& original,
                                                const target& tgt, const parse_options& options) {
  const std::int64_t tail = implicit_tail_padding(laid_out);
  if (tail == 0) return std::nullopt;
  std::string spelling = fmt::format("{}{}x", format, tail);
  result<descriptor> parsed = parse(spelling, options);
  if (!parsed) return std::nullopt;
  result<layout> spelt_layout = layout_of(parsed.value(), tgt);
  if (!spelt_layout || spelt_layout->alignment != laid_out.alignment) return std::nullopt;
  result<comparison> compared = compare(desc, parsed.value(), tgt);
  if (!compared || compared->level > compat_level::equivalent) return std::nullopt;
  const all_readings spelt = readings_of(spelling, parsed.value(), spelt_layout, tgt, options);
  for (std::size_t i = 0; i < reader_count; ++i) {
    if (original[i].accepts && !(spelt[i].accepts && spelt[i].itemsize == laid_out.itemsize)) return std::nullopt;
  }
  return spelling;
}

}  // namespace

std::string_view reader_name(reader who) noexcept {
  switch (who) {
    case reader::struct_module: return "struct";
    case reader::numpy: return "numpy";
    case reader::memoryview_item: return "memoryview";
    case reader::memoryview_cast: return "memoryview.cast";
  }
  return "";
}

bool portability::portable() const noexcept {
  return std::ranges::all_of(readings, &reading::accepts) && !ambiguous;
}

result<portability> portability_of(std::string_view format, const target& tgt, const parse_options& options) {
  parse_options default_rules = options;
  default_rules.rules = rule_set::pep3118;
  result<descriptor> parsed = parse(format, default_rules);
  if (!parsed) return result<portability>(parsed.diagnostics());
  const result<layout> laid_out = layout_of(parsed.value(), tgt);
  portability answer;
  answer.readings = readings_of(format, parsed.value(), laid_out, tgt, default_rules);
  answer.ambiguous = accepting_readers_disagree(answer.readings);
  if (answer.ambiguous && laid_out) {
    answer.suggestion =
        unambiguous_spelling(format, parsed.value(), laid_out.value(), answer.readings, tgt, default_rules);
  }
  return result<portability>(std::move(answer), parsed.diagnostics());
}

}  // namespace pep3118
