// Layouts compared member by member, and rendered whole for the failure messages: what the
// fast path's and the checker's tests hold against the full engine.
#ifndef PEP3118_TESTS_LAYOUT_EQUALITY_HPP
#define PEP3118_TESTS_LAYOUT_EQUALITY_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <pep3118/pep3118.hpp>

#include "test_support.hpp"

namespace pep3118_test {

inline std::string options_text(const pep3118::parse_options& options) {
  return "rules " + std::string(pep3118::rule_set_name(options.rules)) + (options.strict ? " strict" : "") +
         " max_depth " + std::to_string(options.max_depth) + " max_dims " + std::to_string(options.max_dims);
}

inline std::string diagnostic_text(const pep3118::diagnostic& d) {
  const char* level = d.level == pep3118::severity::error     ? "error"
                      : d.level == pep3118::severity::warning ? "warning"
                                                              : "severity?";
  return std::string(level) + " " + std::string(d.name()) + "@" + std::to_string(d.offset);
}

// Every diagnostic (severity, code, offset) in order: one string to compare and to print.
inline std::string diagnostics_text(const std::vector<pep3118::diagnostic>& diagnostics) {
  std::string out = "[";
  for (const pep3118::diagnostic& d : diagnostics) {
    if (out.size() > 1) out += ", ";
    out += diagnostic_text(d);
  }
  return out + "]";
}

inline std::string shape_text(const std::vector<std::int64_t>& shape) {
  std::string out = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    out += (i == 0 ? "" : ",") + std::to_string(shape[i]);
  }
  return out + ")";
}

inline std::string order_text(pep3118::byte_order order) { return std::string(1, static_cast<char>(order)); }

inline std::string field_text(const pep3118::field& f) {
  return "{path \"" + show(f.path) + "\" offset " + std::to_string(f.offset) + " size " + std::to_string(f.size) +
         " align " + std::to_string(f.alignment) + " code " + std::string(pep3118::code_text(f.code)) +
         " spelling '" + show(std::string(1, f.spelling)) + "' order '" + order_text(f.order) + "' resolved " +
         std::string(pep3118::field_order_name(f.resolved_order)) + " shape " + shape_text(f.shape) +
         " points_to \"" + show(f.points_to) + "\" node " + std::to_string(f.node) + " depth " +
         std::to_string(f.depth) + "}";
}

inline std::string padding_text(const pep3118::padding& p) {
  return "{offset " + std::to_string(p.offset) + " size " + std::to_string(p.size) +
         (p.written ? " written" : " implicit") + " before \"" + show(p.before) + "\" within \"" + show(p.within) +
         "\"}";
}

inline std::string layout_text(const pep3118::layout& l) {
  std::string out = "itemsize " + std::to_string(l.itemsize) + " alignment " + std::to_string(l.alignment);
  for (const pep3118::field& f : l.fields) out += "\n    field " + field_text(f);
  for (const pep3118::padding& p : l.paddings) out += "\n    padding " + padding_text(p);
  return out;
}

// Every padding run of both layouts, in order.
inline void check_same_paddings(const pep3118::layout& expected, const pep3118::layout& got) {
  CHECK(got.paddings.size() == expected.paddings.size());
  for (std::size_t i = 0; i < expected.paddings.size() && i < got.paddings.size(); ++i) {
    const pep3118::padding& e = expected.paddings[i];
    const pep3118::padding& g = got.paddings[i];
    INFO("padding ", i, " at ", e.offset);
    CHECK(g.offset == e.offset);
    CHECK(g.size == e.size);
    CHECK(g.written == e.written);
    CHECK(g.before == e.before);
    CHECK(g.within == e.within);
  }
}

// Every member of both layouts, in order.
inline void check_same_layout(const pep3118::layout& expected, const pep3118::layout& got) {
  INFO("expected (full engine): ", layout_text(expected));
  INFO("got: ", layout_text(got));
  CHECK(got.itemsize == expected.itemsize);
  CHECK(got.alignment == expected.alignment);
  CHECK(got.fields.size() == expected.fields.size());
  for (std::size_t i = 0; i < expected.fields.size() && i < got.fields.size(); ++i) {
    const pep3118::field& e = expected.fields[i];
    const pep3118::field& g = got.fields[i];
    INFO("field ", i, " \"", show(e.path), "\"");
    CHECK(g.path == e.path);
    CHECK(g.offset == e.offset);
    CHECK(g.size == e.size);
    CHECK(g.alignment == e.alignment);
    CHECK(pep3118::code_text(g.code) == pep3118::code_text(e.code));
    CHECK(static_cast<int>(g.spelling) == static_cast<int>(e.spelling));
    CHECK(order_text(g.order) == order_text(e.order));
    CHECK(pep3118::field_order_name(g.resolved_order) == pep3118::field_order_name(e.resolved_order));
    CHECK(shape_text(g.shape) == shape_text(e.shape));
    CHECK(g.points_to == e.points_to);
    CHECK(g.node == e.node);
    CHECK(g.depth == e.depth);
  }
  check_same_paddings(expected, got);
}

}  // namespace pep3118_test

#endif
