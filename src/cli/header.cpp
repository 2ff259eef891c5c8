// header NAME=FORMAT...: one C header with the layout of each format as macros and, with
// --check-structs, static assertions that the user's C type NAME has that layout. It is how C
// and C++17 code gets pep3118's layouts at build time (cmake/Pep3118LayoutHeader.cmake runs
// it); the header compiles as C99, C11 and C++11 or later.
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "c_identifier.hpp"
#include "caret.hpp"
#include "display.hpp"
#include "pep3118/detail/field_walk.hpp"
#include "pep3118/layout.hpp"
#include "reports.hpp"

namespace pep3118::cli {

namespace {

// ---- The fields as C spells them -------------------------------------------------------------

// One field of a layout and what C can call it.
struct c_field {
  field laid;
  // The macros' prefix after NAME: "_a_b" for `a.b` or `a[*].b`, "" for the whole item; none
  // when a name on the path is not a C identifier.
  std::optional<std::string> stem;
  // offsetof's member designator, `a[0].b`, when the field is a member of the user's type: a
  // path of identifiers, each written in the format.
  std::optional<std::string> designator;
  // Why a field with a stem has no designator.
  std::string_view no_designator_because;
};

std::string name_text(const detail::member_name& name) {
  std::string text;
  detail::render_path({}, &name, text);
  return text;
}

// Spells each field's path for C as detail::field_walk walks it: the walk layout_of makes,
// which alone knows which names were written and which NumPy made up, and finds the fields
// in the layout's order.
class c_spelling_sink {
 public:
  explicit c_spelling_sink(const descriptor& desc) : desc_(desc) {}

  void field(const detail::field_view& v) {
    if (v.entry) {
      // The `[*]` after this array of structs' name (at index path.size()) stands for one
      // [0] per dimension.
      if (elements_dims_.size() <= v.path.size()) elements_dims_.resize(v.path.size() + 1);
      elements_dims_[v.path.size()] = detail::item_shape(desc_, v.item).size();
    }
    std::string stem;
    std::string designator;
    bool identifiers = true;
    bool written = true;
    for (std::size_t i = 0; i < v.path.size(); ++i) {
      if (v.path[i].elements) {
        for (std::size_t dim = 0; dim < elements_dims_[i]; ++dim) designator += "[0]";
        continue;
      }
      const std::string name = name_text(v.path[i].name);
      identifiers = identifiers && is_c_identifier(name);
      written = written && v.path[i].name.number < 0;
      stem += '_' + name;
      if (!designator.empty()) designator += '.';
      designator += name;
    }
    c_field spelled;
    if (identifiers) spelled.stem = stem;
    if (!v.path.empty() && v.path.front().elements) {
      spelled.no_designator_because = "the format is one unnamed array of structs, not a struct";
    } else if (!written) {
      spelled.no_designator_because = "NumPy's name for an unnamed field, not a member's";
    } else if (identifiers) {
      spelled.designator = designator;
    }
    fields.push_back(std::move(spelled));
  }

  void padding(std::int64_t, std::int64_t, bool, const std::vector<detail::path_segment>&,
               const detail::member_name*) {}

  std::vector<c_field> fields;

 private:
  const descriptor& desc_;
  std::vector<std::size_t> elements_dims_;
};

// One NAME=FORMAT laid out, with its fields as C spells them.
struct c_layout {
  const named_format* named = nullptr;
  std::int64_t itemsize = 0;
  std::int64_t alignment = 1;
  std::vector<c_field> fields;
};

// The format's layout, or its diagnostics; warnings come along either way.
result<c_layout> lay_out(const options& opts, const named_format& named) {
  result<descriptor> parsed = parse(named.format, parse_options_of(opts));
  if (!parsed.ok()) return result<c_layout>(parsed.diagnostics());
  result<layout> laid_out = layout_of(parsed.value(), *opts.tgt);
  std::vector<diagnostic> diagnostics = parsed.diagnostics();
  diagnostics.insert(diagnostics.end(), laid_out.diagnostics().begin(), laid_out.diagnostics().end());
  if (!laid_out.ok()) return result<c_layout>(std::move(diagnostics));

  detail::placer places(parsed.value(), *opts.tgt);
  c_spelling_sink sink(parsed.value());
  detail::field_walk<c_spelling_sink>(places, sink).run();
  layout laid = std::move(laid_out).value();
  c_layout spelled{&named, laid.itemsize, laid.alignment, std::move(sink.fields)};
  for (std::size_t i = 0; i < spelled.fields.size(); ++i) spelled.fields[i].laid = std::move(laid.fields[i]);
  return {std::move(spelled), std::move(diagnostics)};
}

// ---- Macro names -----------------------------------------------------------------------------

std::string offset_macro(const c_layout& item, const c_field& f) {
  return fmt::format("{}{}_OFFSET", item.named->name, *f.stem);
}
std::string size_macro(const c_layout& item, const c_field& f) {
  return fmt::format("{}{}_SIZE", item.named->name, *f.stem);
}
std::string count_macro(const c_layout& item, const c_field& f) {
  return fmt::format("{}{}_COUNT", item.named->name, *f.stem);
}
std::string item_macro(const c_layout& item, std::string_view what) {
  return fmt::format("{}_{}", item.named->name, what);
}

// Two fields (of one format or of two: `A` with `b_c` and `A_b` with `c`) that would define
// the same macro, each pair said once on a line; "" when there are none.
std::string macro_clashes(const std::vector<c_layout>& items, const style& shown) {
  std::map<std::string, std::string> owners;  // macro -> what defines it
  std::set<std::pair<std::string, std::string>> said;
  std::string clashes;
  const auto claim = [&](const c_layout& item, const std::string& macro, const std::string& owner) {
    auto [found, added] = owners.try_emplace(macro, owner);
    if (added || !said.emplace(found->second, owner).second) return;
    clashes += fmt::format("{}: {}: {} and {} both define the macro {}: rename one\n", item.named->name,
                           error_label(shown), found->second, owner, macro);
  };
  for (const c_layout& item : items) {
    for (std::string_view what : {"FORMAT", "ITEMSIZE", "ALIGNMENT", "FIELD_COUNT"})
      claim(item, item_macro(item, what), fmt::format("{}'s {}", item.named->name, what));
    for (const c_field& f : item.fields) {
      if (!f.stem) continue;
      const std::string owner = fmt::format("{}'s field `{}`", item.named->name, display_escaped(f.laid.path));
      claim(item, offset_macro(item, f), owner);
      claim(item, size_macro(item, f), owner);
      if (!f.laid.shape.empty()) claim(item, count_macro(item, f), owner);
    }
  }
  return clashes;
}

// ---- C text ------------------------------------------------------------------------------

// A C string literal of the bytes: `"` and `\` escaped, bytes outside printable ASCII as three
// octal digits (so that a digit after one is not read into it), and a `?` after a `?` escaped
// so that no trigraph forms (C99 compilers in strict modes read `??/` as `\`).
std::string c_string_literal(std::string_view bytes) {
  std::string literal = "\"";
  char previous = 0;
  for (char c : bytes) {
    if (c == '"' || c == '\\' || (c == '?' && previous == '?')) {
      literal += '\\';
      literal += c;
    } else if (c >= 0x20 && c <= 0x7e) {
      literal += c;
    } else {
      fmt::format_to(std::back_inserter(literal), "\\{:03o}", static_cast<unsigned char>(c));
    }
    previous = c;
  }
  return literal + '"';
}

// An integer literal: `long long` (LL) only when an int might not hold it.
std::string c_integer(std::int64_t value) {
  constexpr std::int64_t int_max = 2147483647;  // the least INT_MAX C allows
  return value > int_max ? fmt::format("{}LL", value) : fmt::format("{}", value);
}

// The assertion and alignment macros the checks use. Each is defined once even when several
// generated headers meet in one translation unit.
constexpr std::string_view assertion_macros = R"(#include <stddef.h>

/* The checks: C11's _Static_assert, C++'s static_assert, and before C11 an array whose size is
   negative when the check fails (its name says which check). */
#ifndef PEP3118_LAYOUT_ASSERT
#if defined(__cplusplus)
#define PEP3118_LAYOUT_ASSERT(condition, tag, message) static_assert(condition, message)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define PEP3118_LAYOUT_ASSERT(condition, tag, message) _Static_assert(condition, message)
#else
#define PEP3118_LAYOUT_ASSERT(condition, tag, message) \
  typedef char pep3118_layout_assert_##tag[(condition) ? 1 : -1]
#endif
#endif

/* C before C11 cannot ask for an alignment: there only sizes and offsets are checked. */
#ifndef PEP3118_LAYOUT_ALIGNOF
#if defined(__cplusplus)
#define PEP3118_LAYOUT_ALIGNOF(type) alignof(type)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define PEP3118_LAYOUT_ALIGNOF(type) _Alignof(type)
#endif
#endif

/* A member of a type, for sizeof (which does not evaluate it); in C++ without the casts and
   0 that strict warnings flag. */
#ifndef PEP3118_LAYOUT_MEMBER
#if defined(__cplusplus)
#define PEP3118_LAYOUT_MEMBER(type, member) (static_cast<type *>(nullptr)->member)
#else
#define PEP3118_LAYOUT_MEMBER(type, member) (((type *)0)->member)
#endif
#endif

)";

std::string constants(const options& opts, const c_layout& item) {
  std::string text = fmt::format("/* {}: the format\n     {}\n   laid out for {} under the {} rules. */\n",
                                 item.named->name, detail::c_comment_text(item.named->format),
                                 detail::c_comment_text(opts.tgt->name), rule_set_name(opts.rules));
  const auto define = [&](std::string_view macro, std::string_view value) {
    text += fmt::format("#define {} {}\n", macro, value);
  };
  define(item_macro(item, "FORMAT"), c_string_literal(item.named->format));
  define(item_macro(item, "ITEMSIZE"), c_integer(item.itemsize));
  define(item_macro(item, "ALIGNMENT"), c_integer(item.alignment));
  define(item_macro(item, "FIELD_COUNT"), c_integer(static_cast<std::int64_t>(item.fields.size())));
  for (const c_field& f : item.fields) {
    if (!f.stem) {
      text += fmt::format("/* {}: no constants, a name on its path is not a C identifier */\n",
                          detail::c_comment_text(f.laid.path));
      continue;
    }
    define(offset_macro(item, f), c_integer(f.laid.offset));
    define(size_macro(item, f), c_integer(f.laid.size));
    if (!f.laid.shape.empty()) define(count_macro(item, f), c_integer(element_count(f.laid.shape)));
  }
  return text;
}

// The assertions that the member a field names has the field's offset and size: a member of
// another type often moves the members after it, but not when it is the last one.
std::string member_checks(const c_layout& item, const c_field& f) {
  const std::string& name = item.named->name;
  std::string text = fmt::format(
      "PEP3118_LAYOUT_ASSERT(offsetof({0}, {1}) == {2}, {0}{3}_offsetof,\n"
      "                      \"{0}.{4}: offsetof is not {5} as the format says\");\n",
      name, *f.designator, offset_macro(item, f), *f.stem, f.laid.path, f.laid.offset);
  // A struct without fields (`T{}`) has size 0, which C++ does not give a struct.
  if (f.laid.size == 0) return text;
  // The member holds all the elements of a field with a shape.
  std::string expected_size = size_macro(item, f);
  std::int64_t bytes = f.laid.size;
  if (!f.laid.shape.empty()) {
    expected_size += " * " + count_macro(item, f);
    bytes *= element_count(f.laid.shape);
  }
  text += fmt::format(
      "PEP3118_LAYOUT_ASSERT(sizeof(PEP3118_LAYOUT_MEMBER({0}, {1})) == {2}, {0}{3}_size,\n"
      "                      \"{0}.{4}: size is not {5} as the format says\");\n",
      name, *f.designator, expected_size, *f.stem, f.laid.path, bytes);
  return text;
}

// The assertions that the C type NAME has the layout: its size and alignment (C11, C++), and
// the offset and size of every member the format names.
std::string struct_checks(const c_layout& item) {
  const std::string& name = item.named->name;
  std::string text = fmt::format(
      "PEP3118_LAYOUT_ASSERT(sizeof({0}) == {0}_ITEMSIZE, {0}_sizeof,\n"
      "                      \"{0}: sizeof is not {1} as the format says\");\n"
      "#ifdef PEP3118_LAYOUT_ALIGNOF\n"
      "PEP3118_LAYOUT_ASSERT(PEP3118_LAYOUT_ALIGNOF({0}) == {0}_ALIGNMENT, {0}_alignof,\n"
      "                      \"{0}: alignment is not {2} as the format says\");\n"
      "#endif\n",
      name, item.itemsize, item.alignment);
  for (const c_field& f : item.fields) {
    if (!f.stem || f.laid.path.empty()) continue;  // said above / the whole item: sizeof checks it
    if (f.designator) {
      text += member_checks(item, f);
    } else {
      text += fmt::format("/* {}: not checked, {} */\n", f.laid.path, f.no_designator_because);
    }
  }
  return text;
}

std::string header_text(const options& opts, const std::vector<c_layout>& items, std::string_view guard) {
  std::string text =
      fmt::format("/* Generated by pep3118 header: do not edit. */\n#ifndef {0}\n#define {0}\n\n", guard);
  if (opts.check_structs) text += assertion_macros;
  for (const c_layout& item : items) {
    text += constants(opts, item);
    if (opts.check_structs) text += struct_checks(item);
    text += '\n';
  }
  return text + fmt::format("#endif /* {} */\n", guard);
}

// ---- The header as a file ----------------------------------------------------------------

// The include guard a file name makes: `my-layouts.h` -> PEP3118_MY_LAYOUTS_H, apart from
// the guards of the user's own headers. Runs of other bytes become one '_' (C++ keeps names
// with "__" for itself).
std::string guard_of_file_name(std::string_view path) {
  std::string guard = "PEP3118_";
  for (char c : path.substr(path.find_last_of("/\\") + 1)) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      guard += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    } else if (!guard.ends_with('_')) {
      guard += '_';
    }
  }
  return guard;
}

std::string guard_of(const options& opts) {
  if (opts.guard) return *opts.guard;
  if (opts.output_file) return guard_of_file_name(*opts.output_file);
  return "PEP3118_LAYOUTS_H";
}

// Writes `text` to `path` unless the file holds exactly that already: a build then sees it
// unchanged and compiles nothing again. The error message when it cannot.
std::optional<std::string> write_if_changed(const std::string& path, const std::string& text, const style& shown) {
  std::ifstream existing{path, std::ios::binary};
  if (existing) {
    const std::string old{std::istreambuf_iterator<char>(existing), std::istreambuf_iterator<char>()};
    if (old == text) return std::nullopt;
  }
  std::ofstream file{path, std::ios::binary | std::ios::trunc};
  file << text;
  file.close();
  if (!file) return fmt::format("pep3118: {}: cannot write '{}'\n", error_label(shown), display_escaped(path));
  return std::nullopt;
}

// What was said of one format, on stderr, each display led by the NAME it is about.
std::string named_displays(const named_format& named, const std::vector<diagnostic>& diagnostics,
                           const style& shown) {
  std::string text;
  for (const diagnostic& diag : diagnostics) text += named.name + ": " + caret_display(named.format, diag, shown);
  return text;
}

// A failure said once on stderr: the same in full and under --quiet.
report failed(report said, const std::string& lines) {
  return {"", said.err + lines, false, said.failure + lines};
}

// The header, and in `failure` one line for each invalid format, led by its NAME.
report header_in_full(const options& opts) {
  const style& shown = opts.styles.err;
  report said{"", "", true, ""};
  std::vector<c_layout> items;
  // Every format is laid out, so that one run reports every mistake.
  for (const named_format& named : opts.named_formats) {
    result<c_layout> laid_out = lay_out(opts, named);
    said.err += named_displays(named, laid_out.diagnostics(), shown);
    if (laid_out.ok()) {
      items.push_back(std::move(laid_out).value());
    } else {
      said.valid = false;
      said.failure += named.name + ": " + first_error_line(named.format, laid_out.diagnostics(), shown);
    }
  }
  if (!said.valid) return said;
  const std::string clashes = macro_clashes(items, shown);
  if (!clashes.empty()) return failed(std::move(said), clashes);

  std::string text = header_text(opts, items, guard_of(opts));
  if (!opts.output_file) return {std::move(text), std::move(said.err), true, ""};
  if (std::optional<std::string> failure = write_if_changed(*opts.output_file, text, shown))
    return failed(std::move(said), *failure);
  return said;
}

}  // namespace

report header_report(const options& opts) {
  report said = header_in_full(opts);
  if (opts.quiet) said.err = std::move(said.failure);
  return said;
}

}  // namespace pep3118::cli
