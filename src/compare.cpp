// Compatibility levels (DESIGN §4): the strongest that holds, and where the next one fails.
#include <pep3118/compare.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <string>
#include <utility>
#include <vector>

#include <pep3118/describe.hpp>
#include <pep3118/layout.hpp>
#include <pep3118/parse.hpp>
#include <pep3118/print.hpp>

#include "buffer_words.hpp"

namespace pep3118 {

namespace {

// What a value is, whatever the code that spells it: `l` and `q` are both signed integers and
// differ, if at all, in size. Kinds never merge: `c` is not `b`, `?` is not `B`, `e` is not `H`.
enum class kind : unsigned char {
  padding, character, signed_integer, unsigned_integer, boolean, floating, complex, bytes,
  pascal_bytes, untyped_pointer, object, text_unit, bits, char_pointer, wchar_pointer, structure,
  pointer, function,
};

kind kind_of(type_code code) noexcept {
  switch (code) {
    case type_code::pad: return kind::padding;
    case type_code::char_: return kind::character;
    case type_code::signed_char:
    case type_code::short_:
    case type_code::int_:
    case type_code::long_:
    case type_code::long_long:
    case type_code::ssize: return kind::signed_integer;
    case type_code::unsigned_char:
    case type_code::unsigned_short:
    case type_code::unsigned_int:
    case type_code::unsigned_long:
    case type_code::unsigned_long_long:
    case type_code::size: return kind::unsigned_integer;
    case type_code::bool_: return kind::boolean;
    case type_code::half:
    case type_code::float_:
    case type_code::double_:
    case type_code::long_double: return kind::floating;
    case type_code::complex_half:
    case type_code::complex_float:
    case type_code::complex_double:
    case type_code::complex_long_double: return kind::complex;
    case type_code::bytes: return kind::bytes;
    case type_code::pascal_bytes: return kind::pascal_bytes;
    case type_code::void_pointer: return kind::untyped_pointer;
    case type_code::object: return kind::object;
    case type_code::ucs2:
    case type_code::ucs4: return kind::text_unit;
    case type_code::bits: return kind::bits;
    case type_code::char_pointer: return kind::char_pointer;
    case type_code::wchar_pointer: return kind::wchar_pointer;
    case type_code::structure: return kind::structure;
    case type_code::pointer: return kind::pointer;
    case type_code::function: return kind::function;
  }
  return kind::padding;
}

std::string with_order(std::string words, field_order order) {
  if (order != field_order::none) {
    words += order == field_order::little ? ", little-endian" : ", big-endian";
  }
  return words;
}

std::string field_in_words(const field& f) { return with_order(type_in_words(f), f.resolved_order); }

std::string item_of(std::int64_t itemsize) { return "an item of " + detail::counted_bytes(itemsize); }

// Everything one comparison needs of one side.
struct side {
  const descriptor& desc;
  const layout& laid_out;
};

class comparer {
 public:
  explicit comparer(const target& tgt) : target_(tgt), targets_(&own_targets_) {}

  bool too_large() const noexcept { return too_large_; }

  comparison run(const side& a, const side& b) {
    comparison out;
    if (same_structure(a.desc, b.desc)) {
      out.level = compat_level::identical;
      return out;
    }
    std::optional<difference> not_equivalent = first_field_difference(a, b);
    if (!not_equivalent) {
      out.level = compat_level::equivalent;
      out.next = spelling_difference(a, b);
      return out;
    }
    // Below equivalent every level needs the same itemsize: without it there is nothing to
    // unroll (and a huge array of structs would cost much for nothing).
    if (a.laid_out.itemsize != b.laid_out.itemsize) {
      out.level = compat_level::incompatible;
      out.next = itemsize_difference(compat_level::size_compatible, a, b);
      return out;
    }
    const std::vector<run_of> runs_a = flatten(a.laid_out);
    const std::vector<run_of> runs_b = flatten(b.laid_out);
    if (too_large_) {
      return out;
    }
    std::optional<difference> not_layout = first_run_difference(runs_a, a, runs_b, b, true);
    out.byteswap_equal = not_layout && !first_run_difference(runs_a, a, runs_b, b, false);
    if (!not_layout) {
      out.level = compat_level::layout_compatible;
      out.next = std::move(not_equivalent);
    } else {
      out.level = compat_level::size_compatible;
      out.next = std::move(not_layout);
    }
    return out;
  }

 private:
  // ---- equivalent: the same fields (paths, offsets, shapes) holding equal values

  std::optional<difference> first_field_difference(const side& a, const side& b) {
    const auto& fa = a.laid_out.fields;
    const auto& fb = b.laid_out.fields;
    const std::size_t common = std::min(fa.size(), fb.size());
    for (std::size_t i = 0; i < common; ++i) {
      if (!same_field(a, fa[i], b, fb[i])) {
        return difference{compat_level::equivalent, std::min(fa[i].offset, fb[i].offset),
                          {fa[i].path, field_in_words(fa[i])}, {fb[i].path, field_in_words(fb[i])}};
      }
    }
    if (fa.size() != fb.size()) {
      const field& extra = fa.size() > fb.size() ? fa[common] : fb[common];
      difference_side present{extra.path, field_in_words(extra)};
      difference_side absent{"", "none"};
      return fa.size() > fb.size() ? difference{compat_level::equivalent, extra.offset, present, absent}
                                   : difference{compat_level::equivalent, extra.offset, absent, present};
    }
    if (a.laid_out.itemsize != b.laid_out.itemsize) {
      return itemsize_difference(compat_level::equivalent, a, b);
    }
    return std::nullopt;
  }

  bool same_field(const side& a, const field& x, const side& b, const field& y) {
    return x.path == y.path && x.offset == y.offset && x.shape == y.shape && same_value(a, x, b, y, true);
  }

  // One element: kind, size, byte order, and for pointers what they point to.
  bool same_value(const side& a, const field& x, const side& b, const field& y, bool with_order) {
    if (kind_of(x.code) != kind_of(y.code) || x.size != y.size ||
        (with_order && x.resolved_order != y.resolved_order)) {
      return false;
    }
    if (x.code == type_code::pointer) {
      return same_target(a, x, b, y);
    }
    return x.code != type_code::function || x.points_to == y.points_to;
  }

  // Two pointers agree when their targets are at least as compatible as the level asks of the
  // pointers themselves: equivalent targets, read under each side's own rules.
  bool same_target(const side& a, const field& x, const side& b, const field& y) {
    // Every level asks again about the same pair of targets, and a chain of pointers asks at
    // each link: remembered answers keep `&&&&i` against `&&&&q` linear, not exponential.
    target_pair key{a.desc.rules(), x.points_to, b.desc.rules(), y.points_to};
    if (const auto known = targets_->find(key); known != targets_->end()) {
      return known->second;
    }
    const bool same = compare_targets(key);
    targets_->emplace(std::move(key), same);
    return same;
  }

  // The answer of a pair of pointer targets (canonical texts under their sides' rules).
  using target_pair = std::tuple<rule_set, std::string, rule_set, std::string>;

  bool compare_targets(const target_pair& key) {
    parse_options options;
    options.rules = std::get<0>(key);
    const auto target_a = parse(std::get<1>(key), options);
    options.rules = std::get<2>(key);
    const auto target_b = parse(std::get<3>(key), options);
    if (!target_a || !target_b) {
      return false;
    }
    const auto layout_a = layout_of(target_a.value(), target_);
    const auto layout_b = layout_of(target_b.value(), target_);
    if (!layout_a || !layout_b) {
      return false;
    }
    comparer inner(target_, *targets_);
    const comparison c = inner.run({target_a.value(), layout_a.value()}, {target_b.value(), layout_b.value()});
    return !inner.too_large() && c.level <= compat_level::equivalent;
  }

  // An inner comparison shares the outer one's answers about targets.
  comparer(const target& tgt, std::map<target_pair, bool>& targets) : target_(tgt), targets_(&targets) {}

  // ---- identical: equivalent descriptors spelt differently

  difference spelling_difference(const side& a, const side& b) const {
    const auto& fa = a.laid_out.fields;
    const auto& fb = b.laid_out.fields;
    for (std::size_t i = 0; i < fa.size(); ++i) {
      std::string written_a = canonical(a.desc, a.desc[fa[i].node]);
      std::string written_b = canonical(b.desc, b.desc[fb[i].node]);
      if (written_a != written_b) {
        return {compat_level::identical, fa[i].offset, {fa[i].path, "written " + written_a},
                {fb[i].path, "written " + written_b}};
      }
    }
    return {compat_level::identical, 0, {"", "written " + canonical(a.desc)}, {"", "written " + canonical(b.desc)}};
  }

  // ---- layout-compatible: the same bytes mean the same things

  // A run of equal elements: one field's values, complex numbers split into their parts and
  // strings into chars, so that `Zd` lines up with `dd` and `5s` with `(5)c`.
  struct run_of {
    std::int64_t offset;
    std::int64_t count;
    const field* source;  // kind, element size (see unit) and order come from here
    kind what;
    std::int64_t unit;
  };

  // Unrolling arrays of structs can be made arbitrarily costly (`(1000000000)T{i}`, or empty
  // structs that add no runs at all): past this many fields visited, say so instead.
  static constexpr std::int64_t max_visits = std::int64_t{1} << 22;

  std::vector<run_of> flatten(const layout& l) {
    std::vector<run_of> runs;
    flatten_range(l.fields, 0, l.fields.size(), 0, runs);
    return runs;
  }

  // Fields [begin, end) shifted by `shift`; an array of structs repeats the fields that follow
  // its entry (deeper ones) once per element, at its stride.
  void flatten_range(const std::vector<field>& fields, std::size_t begin, std::size_t end, std::int64_t shift,
                     std::vector<run_of>& runs) {
    for (std::size_t i = begin; i < end && !too_large_; ++i) {
      if (++visits_ > max_visits) {
        too_large_ = true;
        return;
      }
      const field& f = fields[i];
      const std::int64_t elements = element_count(f.shape);
      if (f.code == type_code::structure) {
        std::size_t members_end = i + 1;
        while (members_end < end && fields[members_end].depth > f.depth) {
          ++members_end;
        }
        // Each element counts as a visit; elements that hold no values (`(10**16)T{}`) are all
        // alike, so the first tells.
        const std::size_t runs_before = runs.size();
        for (std::int64_t e = 0; e < elements && !too_large_; ++e) {
          if (++visits_ > max_visits) {
            too_large_ = true;
            return;
          }
          flatten_range(fields, i + 1, members_end, shift + e * f.size, runs);
          if (runs.size() == runs_before) {
            break;
          }
        }
        i = members_end - 1;
        continue;
      }
      if (f.code == type_code::pad || elements == 0) {
        continue;
      }
      const kind k = kind_of(f.code);
      if (k == kind::complex) {
        runs.push_back({shift + f.offset, 2 * elements, &f, kind::floating, f.size / 2});
      } else if (k == kind::bytes || k == kind::pascal_bytes) {
        runs.push_back({shift + f.offset, f.size * elements, &f, kind::character, 1});
      } else {
        runs.push_back({shift + f.offset, elements, &f, k, f.size});
      }
    }
  }

  bool same_element(const side& a, const run_of& x, const side& b, const run_of& y, bool with_order) {
    if (x.what != y.what || x.unit != y.unit) {
      return false;
    }
    // Split parts keep their field's order; chars have none.
    if (with_order && x.unit > 1 && x.source->resolved_order != y.source->resolved_order) {
      return false;
    }
    if (x.what == kind::pointer) {
      return same_target(a, *x.source, b, *y.source);
    }
    return x.what != kind::function || x.source->points_to == y.source->points_to;
  }

  std::string element_in_words(const run_of& r) const {
    if (r.what == kind::floating && kind_of(r.source->code) == kind::complex) {
      return with_order("the real or imaginary " + std::to_string(r.unit) + "-byte part of a complex",
                        r.source->resolved_order);
    }
    if (r.what == kind::character && r.source->code != type_code::char_) {
      return "a char of a string";
    }
    field one = *r.source;
    one.shape.clear();
    return field_in_words(one);
  }

  // Walks both run lists element by element (runs may split differently: `ii` against `2i`).
  std::optional<difference> first_run_difference(const std::vector<run_of>& runs_a, const side& a,
                                                  const std::vector<run_of>& runs_b, const side& b,
                                                  bool with_order) {
    std::size_t i = 0;
    std::size_t j = 0;
    run_of x{};
    run_of y{};
    bool have_x = false;
    bool have_y = false;
    while (true) {
      if (!have_x && i < runs_a.size()) {
        x = runs_a[i++];
        have_x = true;
      }
      if (!have_y && j < runs_b.size()) {
        y = runs_b[j++];
        have_y = true;
      }
      if (!have_x || !have_y) {
        break;
      }
      if (x.offset != y.offset) {
        const bool a_later = x.offset > y.offset;
        const std::int64_t gap = a_later ? x.offset - y.offset : y.offset - x.offset;
        const run_of& later = a_later ? x : y;
        const run_of& earlier = a_later ? y : x;
        difference_side padded{later.source->path, detail::counted(gap, "padding byte", "padding bytes") + " before `" + later.source->path + "`"};
        difference_side filled{earlier.source->path, element_in_words(earlier)};
        return a_later ? difference{compat_level::layout_compatible, earlier.offset, padded, filled}
                       : difference{compat_level::layout_compatible, earlier.offset, filled, padded};
      }
      if (!same_element(a, x, b, y, with_order)) {
        return difference{compat_level::layout_compatible, x.offset, {x.source->path, element_in_words(x)},
                          {y.source->path, element_in_words(y)}};
      }
      const std::int64_t step = std::min(x.count, y.count);
      x.offset += step * x.unit;
      y.offset += step * y.unit;
      x.count -= step;
      y.count -= step;
      have_x = x.count > 0;
      have_y = y.count > 0;
    }
    if (have_x || have_y) {
      const run_of& rest = have_x ? x : y;
      difference_side present{rest.source->path, element_in_words(rest)};
      difference_side absent{"", "none"};
      return have_x ? difference{compat_level::layout_compatible, rest.offset, present, absent}
                    : difference{compat_level::layout_compatible, rest.offset, absent, present};
    }
    if (a.laid_out.itemsize != b.laid_out.itemsize) {
      return itemsize_difference(compat_level::layout_compatible, a, b);
    }
    return std::nullopt;
  }

  static difference itemsize_difference(compat_level level, const side& a, const side& b) {
    return {level, std::min(a.laid_out.itemsize, b.laid_out.itemsize), {"", item_of(a.laid_out.itemsize)},
            {"", item_of(b.laid_out.itemsize)}};
  }

  const target& target_;
  std::map<target_pair, bool> own_targets_;
  std::map<target_pair, bool>* targets_;
  std::int64_t visits_ = 0;
  bool too_large_ = false;
};

constexpr std::array<std::string_view, 5> level_names{"identical", "equivalent", "layout-compatible",
                                                       "size-compatible", "incompatible"};

}  // namespace

std::string_view level_name(compat_level level) noexcept { return level_names[static_cast<std::size_t>(level)]; }

std::optional<compat_level> level_from_name(std::string_view name) noexcept {
  for (std::size_t i = 0; i < level_names.size(); ++i) {
    if (level_names[i] == name) {
      return static_cast<compat_level>(i);
    }
  }
  return std::nullopt;
}

result<comparison> compare(const descriptor& a, const descriptor& b, const target& tgt) {
  const auto layout_a = layout_of(a, tgt);
  const auto layout_b = layout_of(b, tgt);
  // The offsets of a layout error are into that side's format: report one side at a time.
  if (!layout_a) {
    return result<comparison>(layout_a.diagnostics());
  }
  if (!layout_b) {
    return result<comparison>(layout_b.diagnostics());
  }
  comparer c(tgt);
  comparison out = c.run({a, layout_a.value()}, {b, layout_b.value()});
  if (c.too_large()) {
    return result<comparison>({diagnostic{severity::error, error_code::too_large_to_compare, 0}});
  }
  return result<comparison>(std::move(out), {});
}

}  // namespace pep3118
