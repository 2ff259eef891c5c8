// Layouts (DESIGN §2, §6): itemsize, alignment, fields and padding runs under the default
// (NumPy) rules, CPython struct's rules, and the canonical printer.
//
// Expected numbers come from the oracles, never from this library: NumPy 1.24.2's
// numpy.core._internal.__dtype_from_pep3118 (itemsize, alignment, field offsets, element sizes,
// shapes, byte orders), CPython 3.11 struct.calcsize on x86-64, and GCC's sizeof/_Alignof for the
// codes neither knows (Ze, u, n, N, P).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pep3118/pep3118.hpp>

#include "test_support.hpp"

using namespace std::literals;
using pep3118::error_code;
using pep3118::field_order;
using pep3118::type_code;
using pep3118_test::error_text;
using pep3118_test::expected_text;
using pep3118_test::show;
using pep3118_test::x86;

namespace {

struct want_field {
  std::string path;
  std::int64_t offset;
  std::int64_t size;
  std::vector<std::int64_t> shape;
  type_code code;
  field_order order;
  std::string points_to = {};
};

struct want_padding {
  std::int64_t offset;
  std::int64_t size;
  bool written;
  std::string before;
  std::string within;
};

struct layout_case {
  std::string_view format;
  std::int64_t itemsize;
  std::int64_t alignment;
  std::vector<want_field> fields;
  std::vector<want_padding> paddings;
};

std::string describe(const pep3118::field& f) {
  std::string s = "{" + f.path + " @" + std::to_string(f.offset) + " size " + std::to_string(f.size) + " code " +
                  std::string(pep3118::code_text(f.code)) + " " + std::string(pep3118::field_order_name(f.resolved_order)) +
                  " shape [";
  for (std::size_t i = 0; i < f.shape.size(); ++i) {
    s += (i ? "," : "") + std::to_string(f.shape[i]);
  }
  s += "]";
  if (!f.points_to.empty()) {
    s += " -> " + f.points_to;
  }
  return s + "}";
}

std::string describe(const pep3118::padding& p) {
  return "{@" + std::to_string(p.offset) + " size " + std::to_string(p.size) + (p.written ? " written" : " implied") +
         " before '" + p.before + "' within '" + p.within + "'}";
}

template <typename T>
std::string describe_all(const std::vector<T>& items) {
  std::string s;
  for (const auto& i : items) {
    s += describe(i) + " ";
  }
  return s;
}

pep3118::layout laid_out(std::string_view format, const pep3118::parse_options& options = {}) {
  INFO("format: \"", show(format), "\"");
  auto r = pep3118::check(format, x86(), options);
  INFO("diagnostics: ", error_text(r.diagnostics()));
  REQUIRE(r.ok());
  return std::move(r).value();
}

void check_layout(const layout_case& c) {
  INFO("format: \"", show(c.format), "\"");
  const auto l = laid_out(c.format);
  INFO("fields: ", describe_all(l.fields));
  INFO("paddings: ", describe_all(l.paddings));
  CHECK(l.itemsize == c.itemsize);
  CHECK(l.alignment == c.alignment);
  REQUIRE(l.fields.size() == c.fields.size());
  for (std::size_t i = 0; i < c.fields.size(); ++i) {
    const auto& got = l.fields[i];
    const auto& want = c.fields[i];
    CAPTURE(i);
    CHECK(got.path == want.path);
    CHECK(got.offset == want.offset);
    CHECK(got.size == want.size);
    CHECK(got.shape == want.shape);
    CHECK(pep3118::code_text(got.code) == pep3118::code_text(want.code));
    CHECK(pep3118::field_order_name(got.resolved_order) == pep3118::field_order_name(want.order));
    CHECK(got.points_to == want.points_to);
  }
  REQUIRE(l.paddings.size() == c.paddings.size());
  for (std::size_t i = 0; i < c.paddings.size(); ++i) {
    const auto& got = l.paddings[i];
    const auto& want = c.paddings[i];
    CAPTURE(i);
    CHECK(got.offset == want.offset);
    CHECK(got.size == want.size);
    CHECK(got.written == want.written);
    CHECK(got.before == want.before);
    CHECK(got.within == want.within);
  }
}

pep3118::parse_options struct_rules() {
  pep3118::parse_options o;
  o.rules = pep3118::rule_set::struct_;
  return o;
}

constexpr auto little = field_order::little;
constexpr auto big = field_order::big;
constexpr auto none = field_order::none;

}  // namespace

// ---------------------------------------------------------------------------------------------

TEST_CASE("layout: representative formats, field by field (NumPy 1.24)") {
  using tc = type_code;
  // Offsets, element sizes, shapes and byte orders: NumPy's dtype for the same string (see the
  // file comment). Padding runs: the gaps between NumPy's fields, split by what made them:
  // an unnamed `x` in the text (written), alignment before a member, or the trailing rounding.
  const layout_case cases[] = {
      {"T{i:a:d:b:}", 16, 8,
       {{"a", 0, 4, {}, tc::int_, little}, {"b", 8, 8, {}, tc::double_, little}},
       {{4, 4, false, "b", ""}}},
      {"x3T{xi}", 28, 4,
       {{"f0", 4, 8, {3}, tc::structure, none}, {"f0[*].f0", 8, 4, {}, tc::int_, little}},
       {{0, 1, true, "f0", ""},
        {1, 3, false, "f0", ""},
        {4, 1, true, "f0[*].f0", "f0[*]"},
        {5, 3, false, "f0[*].f0", "f0[*]"}}},
      {"@T{^i}xi", 9, 1,
       {{"f0.f0", 0, 4, {}, tc::int_, little}, {"f1", 5, 4, {}, tc::int_, little}},
       {{4, 1, true, "f1", ""}}},
      {"T{<i}bi", 9, 1,
       {{"f0.f0", 0, 4, {}, tc::int_, little},
        {"f1", 4, 1, {}, tc::signed_char, none},
        {"f2", 5, 4, {}, tc::int_, little}},
       {}},
      {"bT{=i}", 5, 1, {{"f0", 0, 1, {}, tc::signed_char, none}, {"f1.f0", 1, 4, {}, tc::int_, little}}, {}},
      {"=bT{@i}", 8, 4,
       {{"f0", 0, 1, {}, tc::signed_char, none}, {"f1.f0", 4, 4, {}, tc::int_, little}},
       {{1, 3, false, "f1", ""}}},
      {"2T{i=b}", 10, 1,
       {{"", 0, 5, {2}, tc::structure, none},
        {"[*].f0", 0, 4, {}, tc::int_, little},
        {"[*].f1", 4, 1, {}, tc::signed_char, none}},
       {}},
      {"T{i=b}@i", 12, 4,
       {{"f0.f0", 0, 4, {}, tc::int_, little},
        {"f0.f1", 4, 1, {}, tc::signed_char, none},
        {"f1", 8, 4, {}, tc::int_, little}},
       {{5, 3, false, "f1", ""}}},
      {"(3)T{ix}", 24, 4,
       {{"", 0, 8, {3}, tc::structure, none}, {"[*].f0", 0, 4, {}, tc::int_, little}},
       {{4, 1, true, "", "[*]"}, {5, 3, false, "", "[*]"}}},
      {"ii:f0:", 8, 4, {{"f1", 0, 4, {}, tc::int_, little}, {"f0", 4, 4, {}, tc::int_, little}}, {}},
      {"i::i", 8, 4, {{"", 0, 4, {}, tc::int_, little}, {"f0", 4, 4, {}, tc::int_, little}}, {}},
      {"T{b:a:T{h:b:d:c:}:in:}:out:", 24, 8,
       {{"out.a", 0, 1, {}, tc::signed_char, none},
        {"out.in.b", 8, 2, {}, tc::short_, little},
        {"out.in.c", 16, 8, {}, tc::double_, little}},
       {{1, 7, false, "out.in", "out"}, {10, 6, false, "out.in.c", "out.in"}}},
      {"2T{b:a:i:b:}:s:", 16, 4,
       {{"s", 0, 8, {2}, tc::structure, none},
        {"s[*].a", 0, 1, {}, tc::signed_char, none},
        {"s[*].b", 4, 4, {}, tc::int_, little}},
       {{1, 3, false, "s[*].b", "s[*]"}}},
      {"3T{T{i}c}", 24, 4,
       {{"", 0, 8, {3}, tc::structure, none},
        {"[*].f0.f0", 0, 4, {}, tc::int_, little},
        {"[*].f1", 4, 1, {}, tc::char_, none}},
       {{5, 3, false, "", "[*]"}}},
      {"b3T{=bi}", 16, 1,
       {{"f0", 0, 1, {}, tc::signed_char, none},
        {"f1", 1, 5, {3}, tc::structure, none},
        {"f1[*].f0", 1, 1, {}, tc::signed_char, none},
        {"f1[*].f1", 2, 4, {}, tc::int_, little}},
       {}},
      // Named padding is a field; unnamed padding is not.
      {"4x:p:", 4, 1, {{"p", 0, 4, {}, tc::pad, none}}, {}},
      {"b4x:p:i", 12, 4,
       {{"f0", 0, 1, {}, tc::signed_char, none}, {"p", 1, 4, {}, tc::pad, none}, {"f1", 8, 4, {}, tc::int_, little}},
       {{5, 3, false, "f1", ""}}},
      {"ixx:a:", 8, 4,
       {{"f0", 0, 4, {}, tc::int_, little}, {"a", 5, 1, {}, tc::pad, none}},
       {{4, 1, true, "a", ""}, {6, 2, false, "", ""}}},
      {"x", 1, 1, {}, {{0, 1, true, "", ""}}},
      {"bxi", 8, 4,
       {{"f0", 0, 1, {}, tc::signed_char, none}, {"f1", 4, 4, {}, tc::int_, little}},
       {{1, 1, true, "f1", ""}, {2, 2, false, "f1", ""}}},
      {"xxxi", 8, 4, {{"f0", 4, 4, {}, tc::int_, little}}, {{0, 3, true, "f0", ""}, {3, 1, false, "f0", ""}}},
      {"ix", 8, 4, {{"f0", 0, 4, {}, tc::int_, little}}, {{4, 1, true, "", ""}, {5, 3, false, "", ""}}},
      {"^ix", 5, 1, {{"f0", 0, 4, {}, tc::int_, little}}, {{4, 1, true, "", ""}}},
      {"T{i}x", 8, 4, {{"f0.f0", 0, 4, {}, tc::int_, little}}, {{4, 1, true, "", ""}, {5, 3, false, "", ""}}},
      // Zero counts and dims: zero-sized fields that still align.
      {"0i", 0, 4, {{"", 0, 4, {0}, tc::int_, little}}, {}},
      {"c0i", 4, 4,
       {{"f0", 0, 1, {}, tc::char_, none}, {"f1", 4, 4, {0}, tc::int_, little}},
       {{1, 3, false, "f1", ""}}},
      {"(0)T{i:a:}:z:", 0, 4, {{"z", 0, 4, {0}, tc::structure, none}, {"z[*].a", 0, 4, {}, tc::int_, little}}, {}},
      // Shapes, counts, strings.
      {"b(2,3)<h:x:", 13, 1,
       {{"f0", 0, 1, {}, tc::signed_char, none}, {"x", 1, 2, {2, 3}, tc::short_, little}},
       {}},
      {"(2)3i", 24, 4, {{"", 0, 4, {2, 3}, tc::int_, little}}, {}},
      {"(3)2i", 24, 4, {{"", 0, 4, {3, 2}, tc::int_, little}}, {}},
      {"(2)(3)i", 24, 4, {{"", 0, 4, {2, 3}, tc::int_, little}}, {}},
      {"5s", 5, 1, {{"", 0, 5, {}, tc::bytes, none}}, {}},
      {"B5sH", 8, 2,
       {{"f0", 0, 1, {}, tc::unsigned_char, none},
        {"f1", 1, 5, {}, tc::bytes, none},
        {"f2", 6, 2, {}, tc::unsigned_short, little}},
       {}},
      {"3w", 12, 4, {{"", 0, 4, {3}, tc::ucs4, little}}, {}},
      // Byte order resolved for x86-64 (little-endian).
      {"<i", 4, 1, {{"", 0, 4, {}, tc::int_, little}}, {}},
      {">i", 4, 1, {{"", 0, 4, {}, tc::int_, big}}, {}},
      {"!i", 4, 1, {{"", 0, 4, {}, tc::int_, big}}, {}},
      {"=i", 4, 1, {{"", 0, 4, {}, tc::int_, little}}, {}},
      {"^i", 4, 1, {{"", 0, 4, {}, tc::int_, little}}, {}},
      {"i", 4, 4, {{"", 0, 4, {}, tc::int_, little}}, {}},
      {">b", 1, 1, {{"", 0, 1, {}, tc::signed_char, none}}, {}},
      {"<B", 1, 1, {{"", 0, 1, {}, tc::unsigned_char, none}}, {}},
      {">?", 1, 1, {{"", 0, 1, {}, tc::bool_, none}}, {}},
      {"<c", 1, 1, {{"", 0, 1, {}, tc::char_, none}}, {}},
      {">5s", 5, 1, {{"", 0, 5, {}, tc::bytes, none}}, {}},
      {">Zd", 16, 1, {{"", 0, 16, {}, tc::complex_double, big}}, {}},
      {"!h=i<q", 14, 1,
       {{"f0", 0, 2, {}, tc::short_, big}, {"f1", 2, 4, {}, tc::int_, little}, {"f2", 6, 8, {}, tc::long_long, little}},
       {}},
  };
  for (const auto& c : cases) {
    check_layout(c);
  }
}

TEST_CASE("layout: pointers and function pointers") {
  using tc = type_code;
  // NumPy refuses '&' and 'X'; DESIGN §2: a pointer's size and alignment (x86-64: 8 and 8),
  // aligned under '@' as a C compiler aligns a member pointer, native size under any mark.
  // ctypes' sizeof(POINTER(...)) and sizeof(CFUNCTYPE(None)) are 8 (the corpus records them).
  const layout_case cases[] = {
      {"&i", 8, 8, {{"", 0, 8, {}, tc::pointer, little, "i"}}, {}},
      {"&&<q", 8, 8, {{"", 0, 8, {}, tc::pointer, little, "&<q"}}, {}},
      {"&(2)<h", 8, 8, {{"", 0, 8, {}, tc::pointer, little, "(2)<h"}}, {}},
      {"&T{i:a:}", 8, 8, {{"", 0, 8, {}, tc::pointer, little, "T{i:a:}"}}, {}},
      {"b&<q:p:", 16, 8,
       {{"f0", 0, 1, {}, tc::signed_char, none}, {"p", 8, 8, {}, tc::pointer, little, "<q"}},
       {{1, 7, false, "p", ""}}},
      {"X{}", 8, 8, {{"", 0, 8, {}, tc::function, little, "X{}"}}, {}},
      {"bX{ii->d}", 16, 8,
       {{"f0", 0, 1, {}, tc::signed_char, none}, {"f1", 8, 8, {}, tc::function, little, "X{ii->d}"}},
       {{1, 7, false, "f1", ""}}},
      {"<b&i", 9, 1,
       {{"f0", 0, 1, {}, tc::signed_char, none}, {"f1", 1, 8, {}, tc::pointer, little, "<i"}},
       {}},
      {"3&i", 24, 8, {{"", 0, 8, {3}, tc::pointer, little, "i"}}, {}},
      {"T{c&d}", 16, 8,
       {{"f0", 0, 1, {}, tc::char_, none}, {"f1", 8, 8, {}, tc::pointer, little, "d"}},
       {{1, 7, false, "f1", ""}}},
  };
  for (const auto& c : cases) {
    check_layout(c);
  }
}

TEST_CASE("layout: size and alignment of every code on x86-64") {
  // format, itemsize, alignment. '@' rows: struct.calcsize / NumPy itemsize and alignment;
  // 'b'-prefixed rows show the alignment at work (NumPy itemsize, or GCC sizeof of
  // struct {char; T;} for codes NumPy lacks: n N P u Ze). '<' rows: standard sizes (struct,
  // NumPy) or, for codes without one, the native size ctypes means (sizeof of the C type).
  struct size_case {
    std::string_view format;
    std::int64_t itemsize;
    std::int64_t alignment;
  };
  const size_case cases[] = {
      {"x", 1, 1},   {"c", 1, 1},   {"b", 1, 1},   {"B", 1, 1},    {"?", 1, 1},    {"h", 2, 2},
      {"H", 2, 2},   {"i", 4, 4},   {"I", 4, 4},   {"l", 8, 8},    {"L", 8, 8},    {"q", 8, 8},
      {"Q", 8, 8},   {"n", 8, 8},   {"N", 8, 8},   {"e", 2, 2},    {"f", 4, 4},    {"d", 8, 8},
      {"g", 16, 16}, {"s", 1, 1},   {"p", 1, 1},   {"P", 8, 8},    {"O", 8, 8},    {"u", 2, 2},
      {"w", 4, 4},   {"Zf", 8, 4},  {"Zd", 16, 8}, {"Zg", 32, 16}, {"Ze", 4, 2},   {"z", 8, 8},
      {"Z", 8, 8},   {"F", 8, 4},   {"D", 16, 8},  {"G", 32, 16},
      {"bh", 4, 2},  {"bl", 16, 8}, {"bn", 16, 8}, {"bN", 16, 8},  {"bP", 16, 8},  {"bg", 32, 16},
      {"bu", 4, 2},  {"bw", 8, 4},  {"bZe", 6, 2}, {"bZf", 12, 4}, {"bZg", 48, 16}, {"bO", 16, 8},
      {"<h", 2, 1},  {"<i", 4, 1},  {"<l", 4, 1},  {"<L", 4, 1},   {"<q", 8, 1},   {"<e", 2, 1},
      {"<f", 4, 1},  {"<d", 8, 1},  {"<Zf", 8, 1}, {"<Zd", 16, 1}, {"<w", 4, 1},   {"<O", 8, 1},
      {"<?", 1, 1},  {"=l", 4, 1},  {">q", 8, 1},  {"!d", 8, 1},   {"^l", 8, 1},   {"^g", 16, 1},
      {"<g", 16, 1}, {"<P", 8, 1},  {"<n", 8, 1},  {"<Zg", 32, 1}, {"<G", 32, 1},  {"<bg", 17, 1},
  };
  for (const auto& c : cases) {
    INFO("format: \"", show(c.format), "\"");
    const auto l = laid_out(c.format);
    CHECK(l.itemsize == c.itemsize);
    CHECK(l.alignment == c.alignment);
  }
}

TEST_CASE("layout: errors of the layout") {
  struct error_case {
    std::string_view format;
    error_code code;
    std::size_t offset;
    pep3118::rule_set rules = pep3118::rule_set::pep3118;
  };
  const error_case cases[] = {
      {"3t", error_code::bitfield_layout, 0},
      {"b3t", error_code::bitfield_layout, 1},
      {"T{i:a:t:b:}", error_code::bitfield_layout, 6},
      {"9223372036854775807b9223372036854775807b", error_code::size_overflow, 20},
      {"(4611686018427387904,4)i", error_code::size_overflow, 0},
      {"9223372036854775807bi", error_code::size_overflow, 20},
      {"i(2305843009213693952)i", error_code::size_overflow, 1},
      {"T{9223372036854775807b}T{9223372036854775807b}", error_code::size_overflow, 23},
      {"2T{4611686018427387903h}", error_code::size_overflow, 0},
      {"2T{4611686018427387904h}", error_code::size_overflow, 3},
      {"9223372036854775807b9223372036854775807b", error_code::size_overflow, 20, pep3118::rule_set::struct_},
      {"4611686018427387904h", error_code::size_overflow, 0, pep3118::rule_set::struct_},
      {"4611686018427387903b4611686018427387903H", error_code::size_overflow, 20, pep3118::rule_set::struct_},
  };
  for (const auto& c : cases) {
    INFO("format: \"", show(c.format), "\" rules ", pep3118::rule_set_name(c.rules));
    pep3118::parse_options o;
    o.rules = c.rules;
    // The descriptor is fine; only the layout fails.
    const auto parsed = pep3118::parse(c.format, o);
    CHECK(parsed.ok());
    const auto l = pep3118::check(c.format, x86(), o);
    CHECK_FALSE(l.ok());
    CHECK(error_text(l.diagnostics()) == expected_text(c.code, c.offset));
    CHECK(pep3118_test::errors_of(l.diagnostics()).size() == 1);
    if (parsed.ok()) {
      const auto again = pep3118::layout_of(parsed.value(), x86());
      CHECK_FALSE(again.ok());
      CHECK(error_text(again.diagnostics()) == expected_text(c.code, c.offset));
    }
  }
  // The largest sizes that fit are sized (CPython struct sizes 9223372036854775807b too).
  CHECK(laid_out("9223372036854775807b").itemsize == INT64_MAX);
  CHECK(laid_out("9223372036854775807x").itemsize == INT64_MAX);
  CHECK(laid_out("9223372036854775807b", struct_rules()).itemsize == INT64_MAX);
  CHECK(laid_out("(9223372036854775807)s").itemsize == INT64_MAX);
}

TEST_CASE("layout: struct rules") {
  CHECK(laid_out("ib", struct_rules()).itemsize == 5);
  CHECK(laid_out("llh0l", struct_rules()).itemsize == 24);
  CHECK(laid_out("@ci", struct_rules()).itemsize == 8);
  CHECK(laid_out("=bi", struct_rules()).itemsize == 5);
  // The same strings under the default rules (NumPy pads the end): 8, 24, 8, 5.
  CHECK(laid_out("ib").itemsize == 8);
  CHECK(laid_out("llh0l").itemsize == 24);
  CHECK(laid_out("@ci").itemsize == 8);
  CHECK(laid_out("=bi").itemsize == 5);

  struct size_case {
    std::string_view format;
    std::int64_t itemsize;
  };
  // From CPython 3.11.2 struct.calcsize on x86-64 Linux.
  const size_case cases[] = {
      {"ib", 5},
      {"llh0l", 24},
      {"@ci", 8},
      {"=bi", 5},
      {"", 0},
      {"x", 1},
      {"c", 1},
      {"b", 1},
      {"B", 1},
      {"?", 1},
      {"h", 2},
      {"H", 2},
      {"i", 4},
      {"I", 4},
      {"l", 8},
      {"L", 8},
      {"q", 8},
      {"Q", 8},
      {"n", 8},
      {"N", 8},
      {"e", 2},
      {"f", 4},
      {"d", 8},
      {"P", 8},
      {"s", 1},
      {"p", 1},
      {"5s", 5},
      {"5p", 5},
      {"0s", 0},
      {"3x", 3},
      {"bxi", 8},
      {"=bxi", 6},
      {"ci", 8},
      {"ic", 5},
      {"lhl", 24},
      {"llh", 18},
      {"<lhl", 10},
      {">bhl", 7},
      {"!iq", 12},
      {"@bq", 16},
      {"bq", 16},
      {"b0q", 8},
      {"3i", 12},
      {"i3b", 7},
      {"0i", 0},
      {"c0i", 4},
      {"<qqb", 17},
      {"hd", 16},
      {"dh", 10},
      {"e?", 3},
      {"bnB", 17},
      {"bNB", 17},
      {"bPb", 17},
      {"10s2i", 20},
      {"i 2h", 8},
      {"b  i", 8},
      {"<i h", 6},
      {"?3d", 32},
      {"Bl", 16},
      {"Hq", 16},
      {">Q2H", 12},
      {"=?e", 3},
      {"bef", 8},
      {"3c2H", 8},
      {"4xi", 8},
      {"xlxlx", 33},
      {"0x", 0},
      {"hhhhhhhi", 20},
  };
  for (const auto& c : cases) {
    INFO("format: \"", show(c.format), "\"");
    const auto l = laid_out(c.format, struct_rules());
    CHECK(l.itemsize == c.itemsize);
  }
}

TEST_CASE("layout: NumPy agreement table") {
  struct numpy_case {
    std::string_view format;
    std::int64_t itemsize;
    std::int64_t alignment;
    std::vector<std::pair<std::string, std::int64_t>> fields;  // (path, offset)
  };
  // From NumPy 1.24.2 on x86-64 Linux: dt, align = numpy.core._internal.__dtype_from_pep3118(
  // _Stream(fmt), is_subdtype=False); fields flattened as DESIGN §6 lists them (nested structs
  // dotted, arrays of structs as an entry then "name[*].member" at element 0, a plain dtype as
  // the single empty path).
  const numpy_case cases[] = {
      {"i", 4, 4, {{"", 0}}},
      {"ii", 8, 4, {{"f0", 0}, {"f1", 4}}},
      {"ib", 8, 4, {{"f0", 0}, {"f1", 4}}},
      {"bi", 8, 4, {{"f0", 0}, {"f1", 4}}},
      {"ix", 8, 4, {{"f0", 0}}},
      {"i7x", 12, 4, {{"f0", 0}}},
      {"^ix", 5, 1, {{"f0", 0}}},
      {"=ib", 5, 1, {{"f0", 0}, {"f1", 4}}},
      {"^ib", 5, 1, {{"f0", 0}, {"f1", 4}}},
      {"bxi", 8, 4, {{"f0", 0}, {"f1", 4}}},
      {"=bxi", 6, 1, {{"f0", 0}, {"f1", 2}}},
      {"l", 8, 8, {{"", 0}}},
      {"<l", 4, 1, {{"", 0}}},
      {">q", 8, 1, {{"", 0}}},
      {"!H", 2, 1, {{"", 0}}},
      {"ce", 4, 2, {{"f0", 0}, {"f1", 2}}},
      {"g", 16, 16, {{"", 0}}},
      {"Zf", 8, 4, {{"", 0}}},
      {"Zd", 16, 8, {{"", 0}}},
      {"Zg", 32, 16, {{"", 0}}},
      {"=Zd", 16, 1, {{"", 0}}},
      {"<Zf", 8, 1, {{"", 0}}},
      {"O", 8, 8, {{"", 0}}},
      {"3w", 12, 4, {{"", 0}}},
      {"0s", 0, 1, {{"", 0}}},
      {"5s", 5, 1, {{"", 0}}},
      {"B5sH", 8, 2, {{"f0", 0}, {"f1", 1}, {"f2", 6}}},
      {"T{}", 0, 1, {}},
      {"T{ci}", 8, 4, {{"f0", 0}, {"f1", 4}}},
      {"T{i:a:b:b:}", 8, 4, {{"a", 0}, {"b", 4}}},
      {"T{b:a:Q:b:}", 16, 8, {{"a", 0}, {"b", 8}}},
      {"T{<b:a:Q:b:}", 9, 1, {{"a", 0}, {"b", 1}}},
      {"T{b:a:xxxi:b:}", 8, 4, {{"a", 0}, {"b", 4}}},
      {"(2,3)i", 24, 4, {{"", 0}}},
      {"(2,3)<i", 24, 1, {{"", 0}}},
      {"(3)2i", 24, 4, {{"", 0}}},
      {"2T{bi}", 16, 4, {{"", 0}, {"[*].f0", 0}, {"[*].f1", 4}}},
      {"x3T{xi}", 28, 4, {{"f0", 4}, {"f0[*].f0", 8}}},
      {"T{<i}bi", 9, 1, {{"f0.f0", 0}, {"f1", 4}, {"f2", 5}}},
      {"@T{^i}xi", 9, 1, {{"f0.f0", 0}, {"f1", 5}}},
      {"i:a:", 4, 4, {{"a", 0}}},
      {"i:a:x:b:", 8, 4, {{"a", 0}, {"b", 4}}},
      {"ix0i", 8, 4, {{"f0", 0}, {"f1", 8}}},
      {"c0i", 4, 4, {{"f0", 0}, {"f1", 4}}},
      {"0i", 0, 4, {{"", 0}}},
      {"b(2,2)d", 40, 8, {{"f0", 0}, {"f1", 8}}},
      {"bT{=i}", 5, 1, {{"f0", 0}, {"f1.f0", 1}}},
      {"=bT{@i}", 8, 4, {{"f0", 0}, {"f1.f0", 4}}},
      {"2T{i=b}", 10, 1, {{"", 0}, {"[*].f0", 0}, {"[*].f1", 4}}},
      {"T{i=b}@i", 12, 4, {{"f0.f0", 0}, {"f0.f1", 4}, {"f1", 8}}},
      {"(3)T{ix}", 24, 4, {{"", 0}, {"[*].f0", 0}}},
      {"ii:f0:", 8, 4, {{"f1", 0}, {"f0", 4}}},
      {"i::i", 8, 4, {{"", 0}, {"f0", 4}}},
      {"T{b:a:T{h:b:d:c:}:in:}:out:", 24, 8, {{"out.a", 0}, {"out.in.b", 8}, {"out.in.c", 16}}},
      {"2T{b:a:i:b:}:s:", 16, 4, {{"s", 0}, {"s[*].a", 0}, {"s[*].b", 4}}},
      {"4x:p:", 4, 1, {{"p", 0}}},
      {"(0)T{i:a:}:z:", 0, 4, {{"z", 0}, {"z[*].a", 0}}},
      {"b3T{=bi}", 16, 1, {{"f0", 0}, {"f1", 1}, {"f1[*].f0", 1}, {"f1[*].f1", 2}}},
      {"T{b=i}i", 9, 1, {{"f0.f0", 0}, {"f0.f1", 1}, {"f1", 5}}},
      {"T{d:a:b:b:}2T{b:c:}", 24, 8, {{"f0.a", 0}, {"f0.b", 8}, {"f1", 16}, {"f1[*].c", 16}}},
      {"e3e", 8, 2, {{"f0", 0}, {"f1", 2}}},
      {"?h", 4, 2, {{"f0", 0}, {"f1", 2}}},
      {"T{h:x:3T{b:y:}:z:}", 6, 2, {{"x", 0}, {"z", 2}, {"z[*].y", 2}}},
      {"(2)T{bT{d}}", 32, 8, {{"", 0}, {"[*].f0", 0}, {"[*].f1.f0", 8}}},
      {"!h=i<q", 14, 1, {{"f0", 0}, {"f1", 2}, {"f2", 6}}},
      {"bZd", 24, 8, {{"f0", 0}, {"f1", 8}}},
      {"b2Zd", 40, 8, {{"f0", 0}, {"f1", 8}}},
      {"w2w", 12, 4, {{"f0", 0}, {"f1", 4}}},
      {"f:a:2x:b:", 8, 4, {{"a", 0}, {"b", 4}}},
      {"^T{bi}b", 6, 1, {{"f0.f0", 0}, {"f0.f1", 1}, {"f1", 5}}},
      {"T{^bi}b", 6, 1, {{"f0.f0", 0}, {"f0.f1", 1}, {"f1", 5}}},
      {"T{i}x", 8, 4, {{"f0.f0", 0}}},
      {"T{ix}b", 12, 4, {{"f0.f0", 0}, {"f1", 8}}},
      {"2T{ib}", 16, 4, {{"", 0}, {"[*].f0", 0}, {"[*].f1", 4}}},
      {"(2,2)T{bd}:m:c", 72, 8, {{"m", 0}, {"m[*].f0", 0}, {"m[*].f1", 8}, {"f0", 64}}},
      {"l:x:T{c:y:q:z:}:s:(4)h:w:", 32, 8, {{"x", 0}, {"s.y", 8}, {"s.z", 16}, {"w", 24}}},
      {"bT{}i", 8, 4, {{"f0", 0}, {"f1", 1}, {"f2", 4}}},  // the empty struct is NumPy's field f1
      {"T{T{T{b}}}i", 8, 4, {{"f0.f0.f0.f0", 0}, {"f1", 4}}},
      {"3T{T{i}c}", 24, 4, {{"", 0}, {"[*].f0.f0", 0}, {"[*].f1", 4}}},
      {"=T{@i}", 4, 4, {{"f0", 0}}},
      {"^T{@ib}c", 12, 4, {{"f0.f0", 0}, {"f0.f1", 4}, {"f1", 8}}},
      {"(5)s", 5, 1, {{"", 0}}},
      {"Bx:pad:H", 4, 2, {{"f0", 0}, {"pad", 1}, {"f1", 2}}},
  };
  for (const auto& c : cases) {
    INFO("format: \"", show(c.format), "\"");
    const auto l = laid_out(c.format);
    INFO("fields: ", describe_all(l.fields));
    CHECK(l.itemsize == c.itemsize);
    CHECK(l.alignment == c.alignment);
    std::vector<std::pair<std::string, std::int64_t>> got;
    for (const auto& f : l.fields) {
      got.emplace_back(f.path, f.offset);
    }
    CHECK(got == c.fields);
  }
}

TEST_CASE("layout: canonical text") {
  struct canon_case {
    std::string_view format;
    std::string_view canonical;
  };
  const canon_case cases[] = {
      {"  i  ", "i"},
      {"< i < i", "<ii"},
      {"!i", ">i"},
      {"!i>i", ">ii"},
      {"<i>i", "<i>i"},
      {"F", "Zf"},
      {"D", "Zd"},
      {"G", "Zg"},
      {"<F", "<Zf"},
      {"(2)(3)i", "(2,3)i"},
      {"( 2 , 3 ) i", "(2,3)i"},
      {"<(2)i", "(2)<i"},
      {"(3)2i", "(3)2i"},
      {"007i", "7i"},
      {"@i", "i"},
      {"@i@i", "ii"},
      {"=i@i", "=i@i"},
      {"T{<i}i", "T{<i}i"},
      {"ib<", "ib<"},  // the final mark matters: no trailing padding (5, not 8)
      {"i: a b :", "i: a b :"},
      {"X{ i -> d }", "X{i->d}"},
      {"X{ }", "X{}"},
      {"& & < q", "&&<q"},
      {"T{ }", "T{}"},
      {"^T{@i}", "^T{@i}"},
      {"Z:a:", "Z:a:"},
      {"2 i", "2i"},
      {"T{i:a:}:s:", "T{i:a:}:s:"},
  };
  for (const auto& c : cases) {
    INFO("format: \"", show(c.format), "\"");
    const auto parsed = pep3118::parse(c.format);
    REQUIRE(parsed.ok());
    const std::string text = pep3118::canonical(parsed.value());
    CHECK(text == c.canonical);
    const auto again = pep3118::parse(text);
    INFO("canonical: \"", show(text), "\" -> ", error_text(again.diagnostics()));
    REQUIRE(again.ok());
    CHECK(pep3118::canonical(again.value()) == text);
  }
  // The trailing mark changes the size, so the canonical text must keep it.
  CHECK(laid_out("ib<").itemsize == 5);
  CHECK(laid_out("ib").itemsize == 8);

  // Round trips through the canonical text keep the layout, also where the canonical text
  // cannot simply drop the whitespace (a bare Z or z followed by another item).
  for (std::string_view f : {"Z i", "z f", "Z z", "Z d", "Z e", "z\td", "T{Z g}", "X{Z ->i}", "&Z i",
                             "x3T{xi}", "@T{^i}xi", "T{<i}bi", "2T{b:a:i:b:}:s:", "&&<q", "X{ii->d}",
                             "(3)T{ix}", "ii:f0:", "i::i", "<g", "F D G"}) {
    INFO("format: \"", show(f), "\"");
    const auto parsed = pep3118::parse(f);
    REQUIRE(parsed.ok());
    const std::string text = pep3118::canonical(parsed.value());
    const auto again = pep3118::parse(text);
    INFO("canonical: \"", show(text), "\" -> ", error_text(again.diagnostics()));
    CHECK(again.ok());
    if (!again.ok()) {
      continue;
    }
    CHECK(pep3118::canonical(again.value()) == text);
    const auto l1 = pep3118::layout_of(parsed.value(), x86());
    const auto l2 = pep3118::layout_of(again.value(), x86());
    REQUIRE(l1.ok());
    REQUIRE(l2.ok());
    CHECK(l1->itemsize == l2->itemsize);
    CHECK(l1->fields.size() == l2->fields.size());
    if (l1->fields.size() != l2->fields.size()) {
      continue;
    }
    for (std::size_t i = 0; i < l1->fields.size(); ++i) {
      CHECK(l1->fields[i].path == l2->fields[i].path);
      CHECK(l1->fields[i].offset == l2->fields[i].offset);
      CHECK(l1->fields[i].code == l2->fields[i].code);
    }
  }
}
