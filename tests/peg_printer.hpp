// Prints PEGTL rule types as a PEG, one `name <- definition` line per named rule: the source
// of grammar/pep3118.peg, and what tests/test_grammar.cpp compares that file with.
//
// A named rule is a type declared in namespace pep3118::grammar (or a namespace inside it,
// such as struct_module); it is printed without the `pep3118::grammar::` prefix, so the
// struct grammar's rules read `struct_module::format`. Every other type is a PEGTL combinator
// and is printed in place from its `rule_t` (PEGTL's canonical form: `star<A, B>` is
// `star<seq<A, B>>`, `ranges<a, b>` is `range<a, b>`, ...), its operands from `subs_t`:
//
//   seq  a b c        sor  a / b        star a*      plus a+      opt a?
//   at   &a           not_at !a         eof  !.      any  .       success ""   failure !""
//   one  'c' or [abc] (not_one [^abc])  range / ranges [0-9a-f]    string '->'
//
// Named operands are referenced by name, never expanded. A detector (a rule with
// pep3118::grammar::error_point<Rule> set) is written ^name, both where it is referenced and on
// its own definition line. Bytes outside printable ASCII are written \xNN; in quotes `'` and
// `\` are escaped with `\`, in classes `]`, `\`, `-` (and a leading `^`).
//
// A combinator the printer does not know is a compile error (see `node` below).
#ifndef PEP3118_TESTS_PEG_PRINTER_HPP
#define PEP3118_TESTS_PEG_PRINTER_HPP

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tao/pegtl.hpp>
#include <tao/pegtl/demangle.hpp>

#include <pep3118/error_points.hpp>

namespace pep3118::peg {

namespace pgi = tao::pegtl::internal;

inline constexpr std::string_view grammar_namespace = "pep3118::grammar::";

// True for the grammar's own rule types, false for PEGTL's combinators.
template <typename Rule>
constexpr bool is_named() noexcept {
  constexpr std::string_view type = tao::pegtl::demangle<Rule>();
  return type.substr(0, grammar_namespace.size()) == grammar_namespace;
}

// The rule's name as printed: its type name without `pep3118::grammar::`.
template <typename Rule>
constexpr std::string_view rule_name() noexcept {
  static_assert(is_named<Rule>(), "only rules of pep3118::grammar have names");
  return tao::pegtl::demangle<Rule>().substr(grammar_namespace.size());
}

template <typename Rule>
constexpr bool is_detector() noexcept {
  return pep3118::grammar::error_point<Rule>.has_value();
}

class printer;

namespace detail {

// Binding strength of what is printed; an operand weaker than its context gets parentheses.
enum prec : int { top = 0, choice = 1, sequence = 2, prefix = 3, suffix = 4, primary = 5 };

using visit_fn = void (*)(printer&);

// One definition being printed, and the named rules it references, in order.
struct line {
  std::string text;
  std::vector<visit_fn> refs;
};

inline void append_byte(std::string& out, unsigned char c) {
  constexpr const char* hex = "0123456789ABCDEF";
  if (c < 0x20 || c >= 0x7F) {
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 0xF];
  } else {
    out += static_cast<char>(c);
  }
}

inline void append_quoted_char(std::string& out, char c) {
  if (c == '\'' || c == '\\') out += '\\';
  append_byte(out, static_cast<unsigned char>(c));
}

inline void append_class_char(std::string& out, char c, bool first) {
  if (c == ']' || c == '\\' || c == '-' || (first && c == '^')) out += '\\';
  append_byte(out, static_cast<unsigned char>(c));
}

// A character class from (lo, hi) pairs; lo == hi is a single character.
inline void append_class(std::string& out, bool negated, const std::vector<std::pair<char, char>>& items) {
  out += negated ? "[^" : "[";
  bool first = !negated;
  for (const auto& [lo, hi] : items) {
    append_class_char(out, lo, first);
    first = false;
    if (hi != lo) {
      out += '-';
      append_class_char(out, hi, false);
    }
  }
  out += ']';
}

template <typename>
inline constexpr bool unknown_combinator = false;

template <typename Rule>
void expr(line& l, int context);

template <typename Rule>
void visit(printer& p);

// The combinators, matched on `rule_t`. No match: a combinator the printer cannot print.
template <typename RuleT>
struct node {
  static_assert(unknown_combinator<RuleT>, "peg_printer: unknown PEGTL combinator (add a node<> specialization)");
  static void print(line& /*unused*/, int /*unused*/) {}
};

template <typename Print>
void grouped(line& l, int own, int context, Print&& print) {
  const bool parens = own < context;
  if (parens) l.text += '(';
  print();
  if (parens) l.text += ')';
}

template <typename... Rules>
void joined(line& l, int context, std::string_view separator) {
  bool first = true;
  (
      [&] {
        if (!first) l.text += separator;
        first = false;
        expr<Rules>(l, context);
      }(),
      ...);
}

template <typename... Rules>
struct node<pgi::seq<Rules...>> {
  static void print(line& l, int context) {
    // Operands of a sequence that are sequences or choices themselves get parentheses.
    grouped(l, sequence, context, [&] { joined<Rules...>(l, prefix, " "); });
  }
};

template <typename... Rules>
struct node<pgi::sor<Rules...>> {
  static void print(line& l, int context) {
    grouped(l, choice, context, [&] { joined<Rules...>(l, sequence, " / "); });
  }
};

template <typename Rule, char Op>
void postfix(line& l, int context) {
  grouped(l, suffix, context, [&] {
    expr<Rule>(l, primary);
    l.text += Op;
  });
}

template <typename Rule, char Op>
void prefixed(line& l, int context) {
  grouped(l, prefix, context, [&] {
    l.text += Op;
    expr<Rule>(l, suffix);
  });
}

template <typename Rule>
struct node<pgi::star<Rule>> {
  static void print(line& l, int context) { postfix<Rule, '*'>(l, context); }
};

template <typename Rule>
struct node<pgi::plus<Rule>> {
  static void print(line& l, int context) { postfix<Rule, '+'>(l, context); }
};

template <typename Rule>
struct node<pgi::opt<Rule>> {
  static void print(line& l, int context) { postfix<Rule, '?'>(l, context); }
};

template <typename Rule>
struct node<pgi::at<Rule>> {
  static void print(line& l, int context) { prefixed<Rule, '&'>(l, context); }
};

template <typename Rule>
struct node<pgi::not_at<Rule>> {
  static void print(line& l, int context) { prefixed<Rule, '!'>(l, context); }
};

template <>
struct node<pgi::eof> {
  static void print(line& l, int context) {
    grouped(l, prefix, context, [&] { l.text += "!."; });
  }
};

template <>
struct node<pgi::failure> {
  static void print(line& l, int context) {
    grouped(l, prefix, context, [&] { l.text += "!\"\""; });
  }
};

template <>
struct node<pgi::success> {
  static void print(line& l, int /*unused*/) { l.text += "\"\""; }
};

template <>
struct node<pgi::any<pgi::peek_char>> {
  static void print(line& l, int /*unused*/) { l.text += '.'; }
};

template <pgi::result_on_found R, char... Cs>
struct node<pgi::one<R, pgi::peek_char, Cs...>> {
  static void print(line& l, int /*unused*/) {
    constexpr bool negated = R == pgi::result_on_found::failure;
    if constexpr (!negated && sizeof...(Cs) == 1) {
      l.text += '\'';
      (append_quoted_char(l.text, Cs), ...);
      l.text += '\'';
    } else {
      append_class(l.text, negated, {std::pair<char, char>{Cs, Cs}...});
    }
  }
};

template <pgi::result_on_found R, char Lo, char Hi>
struct node<pgi::range<R, pgi::peek_char, Lo, Hi>> {
  static void print(line& l, int /*unused*/) {
    append_class(l.text, R == pgi::result_on_found::failure, {{Lo, Hi}});
  }
};

template <char... Cs>
struct node<pgi::ranges<pgi::peek_char, Cs...>> {
  static void print(line& l, int /*unused*/) {
    constexpr char cs[] = {Cs...};
    std::vector<std::pair<char, char>> items;
    for (std::size_t i = 0; i + 1 < sizeof...(Cs); i += 2) items.emplace_back(cs[i], cs[i + 1]);
    if constexpr (sizeof...(Cs) % 2 == 1) items.emplace_back(cs[sizeof...(Cs) - 1], cs[sizeof...(Cs) - 1]);
    append_class(l.text, false, items);
  }
};

template <char... Cs>
struct node<pgi::string<Cs...>> {
  static void print(line& l, int /*unused*/) {
    l.text += '\'';
    (append_quoted_char(l.text, Cs), ...);
    l.text += '\'';
  }
};

template <typename Rule>
void reference(line& l) {
  if constexpr (is_detector<Rule>()) l.text += '^';
  l.text += rule_name<Rule>();
  l.refs.push_back(&visit<Rule>);
}

template <typename Rule>
void expr(line& l, int context) {
  if constexpr (is_named<Rule>()) {
    reference<Rule>(l);
  } else {
    node<typename Rule::rule_t>::print(l, context);
  }
}

template <typename Rule>
line definition() {
  line l;
  if constexpr (is_detector<Rule>()) l.text += '^';
  l.text += rule_name<Rule>();
  l.text += " <- ";
  node<typename Rule::rule_t>::print(l, top);
  return l;
}

}  // namespace detail

// The definition line of one named rule, e.g. `shape <- shape_open sep first_dim ...`.
template <typename Rule>
std::string definition() {
  return detail::definition<Rule>().text;
}

// Prints rules depth-first in preorder (a rule, then each rule it references that is not yet
// printed, in order of reference), each rule once per printer: a second section with another
// start rule prints only the rules the first did not.
class printer {
 public:
  template <typename Start>
  std::vector<std::string> section() {
    std::vector<std::string> lines;
    out_ = &lines;
    detail::visit<Start>(*this);
    out_ = nullptr;
    return lines;
  }

 private:
  template <typename Rule>
  friend void detail::visit(printer& p);

  std::set<std::string_view> done_;
  std::vector<std::string>* out_ = nullptr;
};

template <typename Rule>
void detail::visit(printer& p) {
  if (!p.done_.insert(rule_name<Rule>()).second) return;
  line l = definition<Rule>();
  p.out_->push_back(std::move(l.text));
  for (const visit_fn fn : l.refs) fn(p);
}

// All rules reachable from the start rules, one section per start rule, concatenated.
template <typename... Starts>
std::vector<std::string> grammar_lines() {
  printer p;
  std::vector<std::string> lines;
  (
      [&] {
        for (auto& s : p.section<Starts>()) lines.push_back(std::move(s));
      }(),
      ...);
  return lines;
}

// The lines grammar/pep3118.peg holds (comments and blank lines aside).
inline std::vector<std::string> pep3118_peg_lines() {
  return grammar_lines<pep3118::grammar::format, pep3118::grammar::struct_module::format>();
}

}  // namespace pep3118::peg

#endif
