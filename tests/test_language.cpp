// The language (DESIGN §2): what is accepted, what is rejected, with which code and at which
// byte, and what the descriptor records. Expected codes and offsets are written by hand from
// the rules: the offset is the byte where the problem is (the unexpected character, or the end
// of the input when something is missing).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pep3118/pep3118.hpp>

#include "test_support.hpp"

using namespace std::literals;
using pep3118::byte_order;
using pep3118::error_code;
using pep3118::rule_set;
using pep3118::type_code;
using pep3118_test::error_text;
using pep3118_test::expected_text;
using pep3118_test::show;

namespace {

struct error_case {
  std::string_view format;
  error_code code;
  std::size_t offset;
};

// Parses and checks: exactly one error, of the given code at the given offset, and no value.
void check_rejects(const error_case& c, const pep3118::parse_options& options = {}) {
  pep3118_test::check_single_error(c.format, pep3118::parse(c.format, options), c.code, c.offset);
}

void check_accepts(std::string_view format, const pep3118::parse_options& options = {}) {
  INFO("format: \"", show(format), "\"");
  const auto parsed = pep3118::parse(format, options);
  CHECK(parsed.ok());
  CHECK(error_text(parsed.diagnostics()) == "ok");
}

const pep3118::node& only_item(const pep3118::descriptor& d) {
  REQUIRE(d.children(d.root()).size() == 1);
  return d[d.children(d.root())[0]];
}

std::vector<std::int64_t> dims_of(const pep3118::descriptor& d, const pep3118::node& n) {
  const auto s = d.shape(n);
  return {s.begin(), s.end()};
}

pep3118::descriptor parsed_ok(std::string_view format, const pep3118::parse_options& options = {}) {
  INFO("format: \"", show(format), "\"");
  auto parsed = pep3118::parse(format, options);
  INFO("diagnostics: ", error_text(parsed.diagnostics()));
  REQUIRE(parsed.ok());
  return std::move(parsed).value();
}

pep3118::parse_options struct_rules() {
  pep3118::parse_options o;
  o.rules = rule_set::struct_;
  return o;
}

pep3118::parse_options strict() {
  pep3118::parse_options o;
  o.strict = true;
  return o;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

TEST_CASE("language: diagnostic codes have their stable names") {
  // The CLI's JSON contract (DESIGN §6): the names are the snake_case spellings of the codes.
  const std::pair<error_code, std::string_view> names[] = {
      {error_code::nul_byte, "nul_byte"},
      {error_code::unknown_code, "unknown_code"},
      {error_code::missing_code, "missing_code"},
      {error_code::stray_brace, "stray_brace"},
      {error_code::unterminated_struct, "unterminated_struct"},
      {error_code::unterminated_function, "unterminated_function"},
      {error_code::expected_brace, "expected_brace"},
      {error_code::empty_shape, "empty_shape"},
      {error_code::expected_dim, "expected_dim"},
      {error_code::expected_shape_close, "expected_shape_close"},
      {error_code::shape_after_count, "shape_after_count"},
      {error_code::mark_after_count, "mark_after_count"},
      {error_code::name_without_item, "name_without_item"},
      {error_code::unterminated_name, "unterminated_name"},
      {error_code::invalid_utf8, "invalid_utf8"},
      {error_code::bad_complex, "bad_complex"},
      {error_code::pointer_code_not_at_end, "pointer_code_not_at_end"},
      {error_code::missing_return, "missing_return"},
      {error_code::space_after_count, "space_after_count"},
      {error_code::mark_not_first, "mark_not_first"},
      {error_code::not_in_struct, "not_in_struct"},
      {error_code::native_only, "native_only"},
      {error_code::format_too_long, "format_too_long"},
      {error_code::number_too_large, "number_too_large"},
      {error_code::too_deep, "too_deep"},
      {error_code::too_many_dims, "too_many_dims"},
      {error_code::size_overflow, "size_overflow"},
      {error_code::duplicate_name, "duplicate_name"},
      {error_code::bitfield_layout, "bitfield_layout"},
      {error_code::complex_spelling, "complex_spelling"},
      {error_code::ctypes_pointer_code, "ctypes_pointer_code"},
      {error_code::no_standard_size, "no_standard_size"},
  };
  for (const auto& [code, name] : names) {
    CAPTURE(name);
    CHECK(pep3118::code_name(code) == name);
    CHECK_FALSE(pep3118::code_message(code).empty());
    const bool warning = name == "complex_spelling" || name == "ctypes_pointer_code" || name == "no_standard_size";
    CHECK(pep3118::is_warning_code(code) == warning);
    const pep3118::diagnostic d{pep3118::severity::error, code, 7};
    CHECK(d.name() == name);
    CHECK(d.message() == pep3118::code_message(code));
  }
}

TEST_CASE("language: empty format and whitespace between tokens") {
  for (std::string_view empty : {""sv, " "sv, " \t\n\r\v\f"sv, "<"sv, " @ "sv, "<>!=^@"sv}) {
    INFO("format: \"", show(empty), "\"");
    const auto d = parsed_ok(empty);
    CHECK(d.children(d.root()).empty());
    const auto l = pep3118::check(empty, pep3118_test::x86());
    REQUIRE(l.ok());
    CHECK(l->itemsize == 0);
    CHECK(l->fields.empty());
  }

  // Whitespace may stand between any two tokens; the result is the format without it.
  struct spaced {
    std::string_view format;
    std::string_view canonical;
  };
  const spaced cases[] = {
      {" i ", "i"},
      {"\t\n\r\v\fi\f\v\r\n\t", "i"},
      {"i i", "ii"},
      {"( 2 , 3 ) i", "(2,3)i"},
      {"(2) (3) i", "(2,3)i"},
      {"(2)\t(3)\n4 i", "(2,3)4i"},
      {"2 i", "2i"},
      {"< i", "<i"},
      {"( 2 ) < 3 i", "(2)<3i"},
      {"< ( 2 ) i", "(2)<i"},
      {"T{ i : a : }", "T{i: a :}"},  // the name is " a ": whitespace inside a name is kept
      {"T{ i :a: }", "T{i:a:}"},
      {"T{ }", "T{}"},
      {"T{ T{ i } i }", "T{T{i}i}"},
      {"& i", "&i"},
      {"& & < q", "&&<q"},
      {"& ( 2 ) < h", "&(2)<h"},
      {"X{ i i -> d }", "X{ii->d}"},
      {"X{ -> d }", "X{->d}"},
      {"X{i ->d}", "X{i->d}"},
      {"X{i-> d}", "X{i->d}"},
      {"X{ }", "X{}"},
      {"Zf Zd Zg Ze", "ZfZdZgZe"},
      {"3 s 2 x i", "3s2xi"},
      {"i : a : d : b :", "i: a :d: b :"},
  };
  for (const auto& c : cases) {
    INFO("format: \"", show(c.format), "\"");
    const auto d = parsed_ok(c.format);
    CHECK(pep3118::canonical(d) == c.canonical);
  }

  // Never inside a number, nor inside Zf Zd Zg Ze T{ X{ ->.
  const error_case rejected[] = {
      {"1 2i", error_code::unknown_code, 2},
      {"(1 2)i", error_code::expected_shape_close, 3},
      {"(2, 1 2)i", error_code::expected_shape_close, 6},
      {"T {i}", error_code::expected_brace, 1},
      {"X {}", error_code::expected_brace, 1},
      {"X{i- >d}", error_code::unknown_code, 3},
      {"X{i - > d}", error_code::unknown_code, 4},
  };
  for (const auto& c : rejected) {
    check_rejects(c);
  }
  // `Z f` is not Zf: it is a bare Z (ctypes' wchar_t *, with a warning) followed by f.
  {
    const auto parsed = pep3118::parse("Z f");
    REQUIRE(parsed.ok());
    const auto& d = parsed.value();
    REQUIRE(d.children(d.root()).size() == 2);
    CHECK(d[d.children(d.root())[0]].code == type_code::wchar_pointer);
    CHECK(d[d.children(d.root())[1]].code == type_code::float_);
    REQUIRE(parsed.diagnostics().size() == 1);
    CHECK(parsed.diagnostics()[0].level == pep3118::severity::warning);
    CHECK(parsed.diagnostics()[0].code == error_code::ctypes_pointer_code);
    CHECK(parsed.diagnostics()[0].offset == 0);
  }
}

TEST_CASE("language: every type code") {
  struct code_case {
    std::string_view format;
    type_code code;
  };
  const code_case cases[] = {
      {"x", type_code::pad},
      {"c", type_code::char_},
      {"b", type_code::signed_char},
      {"B", type_code::unsigned_char},
      {"?", type_code::bool_},
      {"h", type_code::short_},
      {"H", type_code::unsigned_short},
      {"i", type_code::int_},
      {"I", type_code::unsigned_int},
      {"l", type_code::long_},
      {"L", type_code::unsigned_long},
      {"q", type_code::long_long},
      {"Q", type_code::unsigned_long_long},
      {"n", type_code::ssize},
      {"N", type_code::size},
      {"e", type_code::half},
      {"f", type_code::float_},
      {"d", type_code::double_},
      {"g", type_code::long_double},
      {"s", type_code::bytes},
      {"p", type_code::pascal_bytes},
      {"P", type_code::void_pointer},
      {"O", type_code::object},
      {"u", type_code::ucs2},
      {"w", type_code::ucs4},
      {"t", type_code::bits},
      {"Zf", type_code::complex_float},
      {"Zd", type_code::complex_double},
      {"Zg", type_code::complex_long_double},
      {"Ze", type_code::complex_half},
      {"T{}", type_code::structure},
      {"&i", type_code::pointer},
      {"X{}", type_code::function},
  };
  for (const auto& c : cases) {
    INFO("format: \"", show(c.format), "\"");
    const auto parsed = pep3118::parse(c.format);
    REQUIRE(parsed.ok());
    CHECK(parsed.diagnostics().empty());  // no warnings for PEP spellings under '@'
    const auto& n = only_item(parsed.value());
    CHECK(n.code == c.code);
    CHECK(n.spelling == 0);
    CHECK_FALSE(n.has_count);
    CHECK(n.count == 1);
    CHECK_FALSE(n.has_name);
    CHECK(n.offset == 0);
    CHECK(n.order == byte_order::native);
    // The canonical text of each is its own spelling.
    CHECK(pep3118::canonical(parsed.value()) == c.format);
    const std::string_view text = c.format[0] == 'Z' ? c.format.substr(0, 2) : c.format.substr(0, 1);
    CHECK(pep3118::code_text(c.code) == text);
  }
  // The standard-size codes stay silent under every explicit mark.
  for (std::string_view mark : {"=", "<", ">", "!"}) {
    for (std::string_view code : {"x", "c", "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "e", "f",
                                  "d", "s", "p", "u", "w", "t", "Zf", "Zd", "Ze", "T{}", "&i", "X{}"}) {
      const std::string format = std::string(mark) + std::string(code);
      INFO("format: \"", format, "\"");
      const auto parsed = pep3118::parse(format);
      CHECK(parsed.ok());
      CHECK(parsed.diagnostics().empty());
    }
  }
  // `^` and `@` use native sizes: nothing to warn about.
  for (std::string_view format : {"@g", "^g", "@P", "^O", "^n", "@N", "^Zg", "n", "N", "P", "O", "g", "Zg"}) {
    INFO("format: \"", format, "\"");
    const auto parsed = pep3118::parse(format);
    CHECK(parsed.ok());
    CHECK(parsed.diagnostics().empty());
  }
}

TEST_CASE("language: byte-order marks anywhere an item may start") {
  struct mark_case {
    std::string_view format;
    byte_order order;
    std::vector<std::int64_t> dims;
    std::int64_t count;  // -1: no count
  };
  const mark_case cases[] = {
      {"<i", byte_order::little, {}, -1},
      {">i", byte_order::big, {}, -1},
      {"!i", byte_order::network, {}, -1},
      {"=i", byte_order::native_standard, {}, -1},
      {"^i", byte_order::native_unaligned, {}, -1},
      {"@i", byte_order::native, {}, -1},
      {"<(2)i", byte_order::little, {2}, -1},
      {"(2)<i", byte_order::little, {2}, -1},
      {"(2)<3i", byte_order::little, {2}, 3},
      {"<(2)3i", byte_order::little, {2}, 3},
      {"(2)<(3)i", byte_order::little, {2, 3}, -1},
      {"(2)>(3)<4i", byte_order::little, {2, 3}, 4},
      {"<>i", byte_order::big, {}, -1},
      {"@=<>!^i", byte_order::native_unaligned, {}, -1},
      {"<3i", byte_order::little, {}, 3},
  };
  for (const auto& c : cases) {
    INFO("format: \"", show(c.format), "\"");
    const auto d = parsed_ok(c.format);
    const auto& n = only_item(d);
    CHECK(n.order == c.order);
    CHECK(n.end_order == c.order);
    CHECK(dims_of(d, n) == c.dims);
    CHECK(n.has_count == (c.count >= 0));
    CHECK(n.count == (c.count >= 0 ? c.count : 1));
    CHECK(d.root().end_order == c.order);
  }

  // A mark after the count, or a mark then a name, is an error.
  const error_case rejected[] = {
      {"2<i", error_code::mark_after_count, 1},
      {"(2)3<i", error_code::mark_after_count, 4},
      {"&2<i", error_code::mark_after_count, 2},
      {"i<:a:", error_code::name_without_item, 2},
      {"(2)<", error_code::missing_code, 4},
      {"&<", error_code::missing_code, 2},
  };
  for (const auto& c : rejected) {
    check_rejects(c);
  }

  // A trailing mark is allowed and is the mark in force at the end.
  {
    const auto d = parsed_ok("i<");
    CHECK(only_item(d).order == byte_order::native);
    CHECK(d.root().end_order == byte_order::little);
  }
}

TEST_CASE("language: a mark stays in force across '}'") {
  {
    const auto d = parsed_ok("T{<i}i");
    const auto top = d.children(d.root());
    REQUIRE(top.size() == 2);
    const auto& s = d[top[0]];
    CHECK(s.code == type_code::structure);
    CHECK(s.order == byte_order::native);
    CHECK(s.end_order == byte_order::little);
    REQUIRE(d.children(s).size() == 1);
    CHECK(d[d.children(s)[0]].order == byte_order::little);
    CHECK(d[top[1]].order == byte_order::little);
    CHECK(d.root().end_order == byte_order::little);
  }
  {
    const auto d = parsed_ok("@T{^i}xi");
    const auto top = d.children(d.root());
    REQUIRE(top.size() == 3);
    CHECK(d[top[0]].order == byte_order::native);
    CHECK(d[top[0]].end_order == byte_order::native_unaligned);
    CHECK(d[top[1]].order == byte_order::native_unaligned);
    CHECK(d[top[2]].order == byte_order::native_unaligned);
  }
  {
    // Also out of a function pointer's braces and a pointer's target.
    const auto d = parsed_ok("X{<i->d}i&>hi");
    const auto top = d.children(d.root());
    REQUIRE(top.size() == 4);
    CHECK(d[top[0]].code == type_code::function);
    CHECK(d[top[0]].end_order == byte_order::little);
    CHECK(d[top[1]].order == byte_order::little);
    CHECK(d[top[2]].code == type_code::pointer);
    CHECK(d[top[2]].order == byte_order::little);
    CHECK(d[top[2]].end_order == byte_order::big);
    CHECK(d.target_of(d[top[2]]).order == byte_order::big);
    CHECK(d[top[3]].order == byte_order::big);
  }
}

TEST_CASE("language: shapes and counts") {
  struct shape_case {
    std::string_view format;
    std::vector<std::int64_t> dims;
    std::int64_t count;  // -1: none
  };
  const shape_case cases[] = {
      {"(2)i", {2}, -1},
      {"(2,3)i", {2, 3}, -1},
      {"(2)(3)i", {2, 3}, -1},
      {"(2)(3)(4,5)i", {2, 3, 4, 5}, -1},
      {"(3)2i", {3}, 2},
      {"(2,3)4i", {2, 3}, 4},
      {"3i", {}, 3},
      {"0i", {}, 0},
      {"(0)i", {0}, -1},
      {"(2,0)i", {2, 0}, -1},
      {"0s", {}, 0},
      {"0x", {}, 0},
      {"0T{i}", {}, 0},
      {"(0)T{i:a:}", {0}, -1},
      {"5s", {}, 5},
      {"(2)5s", {2}, 5},
      {"007i", {}, 7},
      {"(007)i", {7}, -1},
      {"9223372036854775807b", {}, INT64_MAX},
      {"(9223372036854775807)b", {INT64_MAX}, -1},
  };
  for (const auto& c : cases) {
    INFO("format: \"", show(c.format), "\"");
    const auto d = parsed_ok(c.format);
    const auto& n = only_item(d);
    CHECK(dims_of(d, n) == c.dims);
    CHECK(n.has_count == (c.count >= 0));
    CHECK(n.count == (c.count >= 0 ? c.count : 1));
  }

  const error_case rejected[] = {
      {"2(3)i", error_code::shape_after_count, 1},
      {"(2)3(4)i", error_code::shape_after_count, 4},
      {"(2,)i", error_code::expected_dim, 3},
      {"()i", error_code::empty_shape, 1},
      {"( )i", error_code::empty_shape, 2},
      {"(2 3)i", error_code::expected_shape_close, 3},
      {"(2", error_code::expected_shape_close, 2},
      {"(2,3", error_code::expected_shape_close, 4},
      {"(", error_code::expected_dim, 1},
      {"(a)i", error_code::expected_dim, 1},
      {"(2,,3)i", error_code::expected_dim, 3},
      {"(-1)i", error_code::expected_dim, 1},
      {"(2)", error_code::missing_code, 3},
      {"(2)(3)", error_code::missing_code, 6},
      {"3", error_code::missing_code, 1},
      {"2 ", error_code::missing_code, 2},
      {"T{3}", error_code::missing_code, 3},
      {"3:a:", error_code::missing_code, 1},
  };
  for (const auto& c : rejected) {
    check_rejects(c);
  }
}

TEST_CASE("language: complex, struct, pointer and function bodies") {
  {
    const auto d = parsed_ok("T{}");
    const auto& n = only_item(d);
    CHECK(n.code == type_code::structure);
    CHECK(d.children(n).empty());
  }
  {
    // Pointers to anything: ctypes' spellings.
    const auto d = parsed_ok("&&<q");
    const auto& p = only_item(d);
    CHECK(p.code == type_code::pointer);
    const auto& p2 = d.target_of(p);
    CHECK(p2.code == type_code::pointer);
    const auto& q = d.target_of(p2);
    CHECK(q.code == type_code::long_long);
    CHECK(q.order == byte_order::little);
    CHECK(p.order == byte_order::native);
  }
  {
    const auto d = parsed_ok("&(2)<h");
    const auto& t = d.target_of(only_item(d));
    CHECK(t.code == type_code::short_);
    CHECK(dims_of(d, t) == std::vector<std::int64_t>{2});
    CHECK(t.order == byte_order::little);
    CHECK(dims_of(d, only_item(d)).empty());
  }
  {
    const auto d = parsed_ok("&T{i}");
    const auto& t = d.target_of(only_item(d));
    CHECK(t.code == type_code::structure);
    REQUIRE(d.children(t).size() == 1);
    CHECK(d[d.children(t)[0]].code == type_code::int_);
  }
  {
    // The name after a pointer names the pointer; a count before '&' repeats the pointer.
    const auto d = parsed_ok("2&3i:p:");
    const auto& p = only_item(d);
    CHECK(p.code == type_code::pointer);
    CHECK(p.has_count);
    CHECK(p.count == 2);
    CHECK(p.has_name);
    CHECK(d.name(p) == "p");
    const auto& t = d.target_of(p);
    CHECK(t.code == type_code::int_);
    CHECK(t.count == 3);
    CHECK_FALSE(t.has_name);
  }
  for (std::string_view f : {"&X{}", "&&&&i", "&Zd", "&T{&i}", "&x", "&2s", "X{&i->&d}"}) {
    check_accepts(f);
  }
  {
    const auto d = parsed_ok("X{}");
    const auto& f = only_item(d);
    CHECK(f.code == type_code::function);
    CHECK(d.children(f).empty());
    CHECK_FALSE(f.has_arrow);
  }
  {
    const auto d = parsed_ok("X{ii->d}");
    const auto& f = only_item(d);
    CHECK(f.has_arrow);
    REQUIRE(d.children(f).size() == 3);
    CHECK(f.argument_count == 2);
    CHECK(d[d.children(f)[0]].code == type_code::int_);
    CHECK(d[d.children(f)[1]].code == type_code::int_);
    CHECK(d[d.children(f)[2]].code == type_code::double_);
  }
  {
    const auto d = parsed_ok("X{->d}");
    const auto& f = only_item(d);
    CHECK(f.has_arrow);
    REQUIRE(d.children(f).size() == 1);
    CHECK(f.argument_count == 0);
  }
  {
    const auto d = parsed_ok("X{i:a:T{b}->X{}}");
    const auto& f = only_item(d);
    CHECK(f.has_arrow);
    REQUIRE(d.children(f).size() == 3);
    CHECK(f.argument_count == 2);
    CHECK(d.name(d[d.children(f)[0]]) == "a");
    CHECK(d[d.children(f)[2]].code == type_code::function);
  }
  {
    const auto d = parsed_ok("X{i}");
    const auto& f = only_item(d);
    CHECK_FALSE(f.has_arrow);
    CHECK(d.children(f).size() == 1);
  }

  const error_case rejected[] = {
      {"X{i->}", error_code::missing_return, 5},
      {"X{->}", error_code::missing_return, 4},
      {"X{ -> }", error_code::missing_return, 6},
      {"X{-><}", error_code::missing_return, 4},  // a mark alone is no return type
      {"X{->< }", error_code::missing_return, 4},
      {"X{i->d->d}", error_code::unknown_code, 6},
      {"X{", error_code::unterminated_function, 2},
      {"X{i", error_code::unterminated_function, 3},
      {"X{i->d", error_code::unterminated_function, 6},
      {"X", error_code::expected_brace, 1},
      {"Xi", error_code::expected_brace, 1},
      {"T", error_code::expected_brace, 1},
      {"Ti", error_code::expected_brace, 1},
      {"T{", error_code::unterminated_struct, 2},
      {"T{i", error_code::unterminated_struct, 3},
      {"T{i:a:", error_code::unterminated_struct, 6},
      {"T{T{i}", error_code::unterminated_struct, 6},
      {"&", error_code::missing_code, 1},
      {"& ", error_code::missing_code, 2},
      {"&:a:", error_code::missing_code, 1},
      {"T{&}", error_code::missing_code, 3},
      {"X{&->i}", error_code::missing_code, 3},
      {"&y", error_code::unknown_code, 1},
      {"Zi", error_code::bad_complex, 1},
      {"Zx", error_code::bad_complex, 1},
      {"ZZd", error_code::bad_complex, 1},
      {"Z2", error_code::bad_complex, 1},
      {"T{Zi}", error_code::bad_complex, 3},
      {"zi", error_code::pointer_code_not_at_end, 1},
      {"zz", error_code::pointer_code_not_at_end, 1},
      {"T{zd}", error_code::pointer_code_not_at_end, 3},
  };
  for (const auto& c : rejected) {
    check_rejects(c);
  }
}

TEST_CASE("language: syntax errors name the byte") {
  const error_case rejected[] = {
      {"i}xyz", error_code::stray_brace, 1},
      {"}", error_code::stray_brace, 0},
      {"T{i}}", error_code::stray_brace, 4},
      {"T{i:a:}}i", error_code::stray_brace, 7},
      {":a:", error_code::name_without_item, 0},
      {"T{:a:}", error_code::name_without_item, 2},
      {"i:a:b:c", error_code::unterminated_name, 7},
      {"i:a", error_code::unterminated_name, 3},
      {"i:", error_code::unterminated_name, 2},
      {"i:a:b:", error_code::unterminated_name, 6},
      {"y", error_code::unknown_code, 0},
      {"iy", error_code::unknown_code, 1},
      {"T{iy}", error_code::unknown_code, 3},
      {"2y", error_code::unknown_code, 1},
      {"E", error_code::unknown_code, 0},
      {"{", error_code::unknown_code, 0},
      {"$$", error_code::unknown_code, 0},
      {"i\0i"sv, error_code::nul_byte, 1},
      {"\0"sv, error_code::nul_byte, 0},
      {"T{i\0}"sv, error_code::nul_byte, 3},
      {"2\0"sv, error_code::nul_byte, 1},
      {"&\0"sv, error_code::nul_byte, 1},
      {"i:a\0b:"sv, error_code::nul_byte, 3},
      {"X{i->\0}"sv, error_code::nul_byte, 5},
      // A NUL byte is reported as such wherever it stands.
      {"(2\0)i"sv, error_code::nul_byte, 2},
      {"(\0)i"sv, error_code::nul_byte, 1},
      {"T\0{}"sv, error_code::nul_byte, 1},
      {"Z\0"sv, error_code::nul_byte, 1},
      {"z\0"sv, error_code::nul_byte, 1},
  };
  for (const auto& c : rejected) {
    check_rejects(c);
  }
}

TEST_CASE("language: names") {
  struct name_case {
    std::string_view format;
    std::string_view name;
  };
  const name_case cases[] = {
      {"i:abc:", "abc"},
      {"i::", ""},
      {"i: a b :", " a b "},
      {"i :a:", "a"},
      {"i:}{)(,->&T{:", "}{)(,->&T{"},
      {"i:\xc3\xa4\xe2\x82\xac\xf0\x9f\x98\x80:", "\xc3\xa4\xe2\x82\xac\xf0\x9f\x98\x80"},  // ä € 😀
      {"i:\x7f\x01:", "\x7f\x01"},
      {"i:\t\n:", "\t\n"},
      {"T{i}:s:", "s"},
      {"4x:pad:", "pad"},
  };
  for (const auto& c : cases) {
    INFO("format: \"", show(c.format), "\"");
    const auto d = parsed_ok(c.format);
    const auto& n = only_item(d);
    CHECK(n.has_name);
    CHECK(d.name(n) == c.name);
  }
  CHECK_FALSE(only_item(parsed_ok("i")).has_name);

  // Names may repeat across structs; unnamed fields never clash with named ones.
  for (std::string_view f : {"T{i:a:}i:a:", "T{i:a:}T{i:a:}", "ii:f0:", "i:f1:i", "i::i", "x:a:T{x:a:}"}) {
    check_accepts(f);
  }

  const error_case rejected[] = {
      {"i:a:i:a:", error_code::duplicate_name, 6},
      {"T{i:a:i:a:}", error_code::duplicate_name, 8},
      {"i::i::", error_code::duplicate_name, 5},
      {"i:a:T{i:a:}i:b:i:a:", error_code::duplicate_name, 17},
      {"i:a:i:b:i:b:i:a:", error_code::duplicate_name, 10},  // two repeats: the first in the text
      {"4x:a:i:a:", error_code::duplicate_name, 7},
      {"i:\xff:", error_code::invalid_utf8, 2},
      {"i:\x80:", error_code::invalid_utf8, 2},
      {"i:a\xc3(:", error_code::invalid_utf8, 3},
      {"i:\xc0\x80:", error_code::invalid_utf8, 2},                // overlong
      {"i:\xed\xa0\x80:", error_code::invalid_utf8, 2},            // surrogate
      {"i:\xf4\x90\x80\x80:", error_code::invalid_utf8, 2},        // above U+10FFFF
      {"i:\xe2\x82:", error_code::invalid_utf8, 2},                // truncated
      {"i:ab\xe2\x82", error_code::invalid_utf8, 4},
      {"T{i:ok:d:\xfe\xff:}", error_code::invalid_utf8, 9},
  };
  for (const auto& c : rejected) {
    check_rejects(c);
  }
}

TEST_CASE("language: producer spellings warn and strict rejects them") {
  const error_case warned[] = {
      {"F", error_code::complex_spelling, 0},
      {"D", error_code::complex_spelling, 0},
      {"G", error_code::complex_spelling, 0},
      {"<F", error_code::complex_spelling, 1},
      {"T{i:a:D:b:}", error_code::complex_spelling, 6},
      {"<g", error_code::no_standard_size, 1},
      {">g", error_code::no_standard_size, 1},
      {"<P", error_code::no_standard_size, 1},
      {"!P", error_code::no_standard_size, 1},
      {"<O", error_code::no_standard_size, 1},
      {"<n", error_code::no_standard_size, 1},
      {"=n", error_code::no_standard_size, 1},
      {"<N", error_code::no_standard_size, 1},
      {"=N", error_code::no_standard_size, 1},
      {"<Zg", error_code::no_standard_size, 1},
      {"<2g", error_code::no_standard_size, 2},
      {"i<g", error_code::no_standard_size, 2},
      {"Z", error_code::ctypes_pointer_code, 0},
      {"z", error_code::ctypes_pointer_code, 0},
      {"Z:a:", error_code::ctypes_pointer_code, 0},
      {"z:p:", error_code::ctypes_pointer_code, 0},
      {"T{Z}", error_code::ctypes_pointer_code, 2},
      {"Z i", error_code::ctypes_pointer_code, 0},
      {"iz", error_code::ctypes_pointer_code, 1},
      {"&Z", error_code::ctypes_pointer_code, 1},
      {"X{->z}", error_code::ctypes_pointer_code, 4},
  };
  for (const auto& c : warned) {
    INFO("format: \"", show(c.format), "\"");
    const auto parsed = pep3118::parse(c.format);
    CHECK(parsed.ok());
    REQUIRE(parsed.diagnostics().size() == 1);
    const auto& d = parsed.diagnostics()[0];
    CHECK(d.level == pep3118::severity::warning);
    CHECK(d.name() == pep3118::code_name(c.code));
    CHECK(d.offset == c.offset);
    // check() carries the parse's warnings along with the layout.
    const auto l = pep3118::check(c.format, pep3118_test::x86());
    CHECK(l.ok());
    CHECK(pep3118_test::warnings_of(l.diagnostics()).size() == 1);
    // Strict: the same code, at the same byte, as an error.
    check_rejects(c, strict());
  }

  {
    const auto d = parsed_ok("F");
    CHECK(only_item(d).code == type_code::complex_float);
    CHECK(only_item(d).spelling == 'F');
    CHECK(only_item(parsed_ok("D")).code == type_code::complex_double);
    CHECK(only_item(parsed_ok("D")).spelling == 'D');
    CHECK(only_item(parsed_ok("G")).code == type_code::complex_long_double);
    CHECK(only_item(parsed_ok("Z")).code == type_code::wchar_pointer);
    CHECK(only_item(parsed_ok("z")).code == type_code::char_pointer);
  }

  // Two warnings on one code.
  struct two_warnings {
    std::string_view format;
    std::vector<std::string> expected;  // sorted "code@offset"
  };
  const two_warnings multi[] = {
      {"<G", {"complex_spelling@1", "no_standard_size@1"}},
      {"<z", {"ctypes_pointer_code@1", "no_standard_size@1"}},
      {"FDG", {"complex_spelling@0", "complex_spelling@1", "complex_spelling@2"}},
      {"X{z->Z}", {"ctypes_pointer_code@2", "ctypes_pointer_code@5"}},
  };
  for (const auto& c : multi) {
    INFO("format: \"", show(c.format), "\"");
    const auto parsed = pep3118::parse(c.format);
    CHECK(parsed.ok());
    std::vector<std::string> got;
    for (const auto& d : parsed.diagnostics()) {
      CHECK(d.level == pep3118::severity::warning);
      got.push_back(std::string(d.name()) + "@" + std::to_string(d.offset));
    }
    std::sort(got.begin(), got.end());
    CHECK(got == c.expected);
    const auto s = pep3118::parse(c.format, strict());
    CHECK_FALSE(s.ok());
    CHECK(pep3118_test::errors_of(s.diagnostics()).size() == 1);
  }

  // Strict leaves PEP spellings alone.
  for (std::string_view f : {"Zf", "Zd", "Zg", "<Zd", "i", "T{<i:a:}", "g", "^P"}) {
    check_accepts(f, strict());
  }
}

TEST_CASE("language: limits") {
  using pep3118_test::repeat;
  SUBCASE("nesting depth 256 by default") {
    check_accepts(repeat("T{", 256) + "i" + repeat("}", 256));
    check_rejects({repeat("T{", 257) + "i" + repeat("}", 257), error_code::too_deep, 512});
    check_accepts(repeat("&", 256) + "i");
    check_rejects({repeat("&", 257) + "i", error_code::too_deep, 256});
    check_accepts(repeat("X{", 256) + repeat("}", 256));
    check_rejects({repeat("X{", 257) + repeat("}", 257), error_code::too_deep, 512});
    // The three nest together: 128 × "T{&" is 256 levels, the X{ is the 257th.
    check_rejects({repeat("T{&", 128) + "X{}" + repeat("}", 128), error_code::too_deep, 384});
    check_accepts(repeat("T{&", 127) + "T{X{}}" + repeat("}", 127));
  }
  SUBCASE("max_depth is honoured") {
    pep3118::parse_options o;
    o.max_depth = 3;
    check_accepts("T{T{T{i}}}", o);
    check_rejects({"T{T{T{T{i}}}}", error_code::too_deep, 6}, o);
    check_rejects({"T{&&&i}", error_code::too_deep, 4}, o);
    o.max_depth = 0;
    check_accepts("ii", o);
    check_rejects({"iT{}", error_code::too_deep, 1}, o);
    check_rejects({"&i", error_code::too_deep, 0}, o);
  }
  SUBCASE("max_depth is clamped to max_depth_limit") {
    const std::size_t limit = pep3118::max_depth_limit;
    for (const std::size_t asked : {limit + 1, std::size_t{1} << 40, SIZE_MAX}) {
      CAPTURE(asked);
      pep3118::parse_options o;
      o.max_depth = asked;
      check_accepts(repeat("T{", limit) + repeat("}", limit), o);
      check_rejects({repeat("T{", limit + 1) + repeat("}", limit + 1), error_code::too_deep, 2 * limit}, o);
      check_rejects({repeat("&", limit + 1) + "i", error_code::too_deep, limit}, o);
    }
  }
  SUBCASE("64 dims") {
    const std::string dims64 = "(" + repeat("1,", 63) + "1)";  // 129 bytes
    check_accepts(dims64 + "i");
    check_accepts(dims64 + "5s");  // a length is not a dim
    check_accepts(dims64 + "3x");
    check_rejects({"(" + repeat("1,", 64) + "1)i", error_code::too_many_dims, 129});
    check_rejects({dims64 + "2i", error_code::too_many_dims, 129});
    check_rejects({repeat("(1)", 65) + "i", error_code::too_many_dims, 193});
    check_rejects({"&" + dims64 + "2i", error_code::too_many_dims, 130});
    pep3118::parse_options o;
    o.max_dims = 2;
    check_accepts("(1,1)i", o);
    check_accepts("(1)2i", o);
    check_rejects({"(1,1,1)i", error_code::too_many_dims, 5}, o);
    check_rejects({"(1,1)2i", error_code::too_many_dims, 5}, o);
  }
  SUBCASE("numbers beyond INT64_MAX") {
    const error_case rejected[] = {
        {"9223372036854775808i", error_code::number_too_large, 0},
        {"99999999999999999999i", error_code::number_too_large, 0},
        {"(9223372036854775808)i", error_code::number_too_large, 1},
        {"(2,9223372036854775808)i", error_code::number_too_large, 3},
        {"T{i}99999999999999999999i", error_code::number_too_large, 4},
        {"i 18446744073709551616s", error_code::number_too_large, 2},
    };
    for (const auto& c : rejected) {
      check_rejects(c);
    }
    check_accepts("9223372036854775807b");
    check_accepts("(9223372036854775807)b");
    check_accepts("00000000000000000000000000009223372036854775807b");
  }
}

TEST_CASE("language: struct rules") {
  const error_case rejected[] = {
      {"2 i", error_code::space_after_count, 1},
      {"12\ti", error_code::space_after_count, 2},
      {"<i2 h", error_code::space_after_count, 3},
      {"<n", error_code::native_only, 1},
      {">n", error_code::native_only, 1},
      {"=N", error_code::native_only, 1},
      {"!N", error_code::native_only, 1},
      {"<P", error_code::native_only, 1},
      {"<2n", error_code::native_only, 2},
      {"=iP", error_code::native_only, 2},
      {"^i", error_code::not_in_struct, 0},
      {"T{i}", error_code::not_in_struct, 0},
      {"Zd", error_code::not_in_struct, 0},
      {"g", error_code::not_in_struct, 0},
      {"2g", error_code::not_in_struct, 1},
      {"<g", error_code::not_in_struct, 1},
      {"i:a:", error_code::not_in_struct, 1},
      {"(2)i", error_code::not_in_struct, 0},
      {"&i", error_code::not_in_struct, 0},
      {"X{}", error_code::not_in_struct, 0},
      {"O", error_code::not_in_struct, 0},
      {"u", error_code::not_in_struct, 0},
      {"w", error_code::not_in_struct, 0},
      {"t", error_code::not_in_struct, 0},
      {"F", error_code::not_in_struct, 0},
      {"z", error_code::not_in_struct, 0},
      {"Z", error_code::not_in_struct, 0},
      {"i}", error_code::not_in_struct, 1},
      {"<i<i", error_code::mark_not_first, 2},
      {"i<i", error_code::mark_not_first, 1},
      {" <i", error_code::mark_not_first, 1},
      {"@@i", error_code::mark_not_first, 1},
      {"i@", error_code::mark_not_first, 1},
      {"12345", error_code::missing_code, 5},
      {"c12345", error_code::missing_code, 6},
      {"14s42", error_code::missing_code, 5},
      {"3", error_code::missing_code, 1},
      {"2\0i"sv, error_code::nul_byte, 1},
      {"i\0"sv, error_code::nul_byte, 1},
      {"\0"sv, error_code::nul_byte, 0},
      {"@#$", error_code::unknown_code, 1},
      {"y", error_code::unknown_code, 0},
      {"2y", error_code::unknown_code, 1},
      {"9223372036854775808b", error_code::number_too_large, 0},
  };
  for (const auto& c : rejected) {
    check_rejects(c, struct_rules());
  }
  // Accepted by CPython 3.11's struct.calcsize (checked there).
  for (std::string_view f : {""sv, " "sv, "<"sv, "@"sv, "< i"sv, " i"sv, "i "sv, "\ti"sv, "i\r\n"sv, "<?"sv,
                             "<e"sv, "nNP"sv, "@nNP"sv, "9223372036854775807b"sv, "5p"sv, "0s"sv}) {
    check_accepts(f, struct_rules());
    const auto d = parsed_ok(f, struct_rules());
    CHECK(d.rules() == rule_set::struct_);
  }
  CHECK(parsed_ok("i").rules() == rule_set::pep3118);
}

TEST_CASE("language: descriptor contents") {
  {
    // T0 {1 i2 :3 a4 :5 d6 :7 b8 :9 }10 (11 2,3 )16 <17 4 18 h 19 :x:
    const auto d = parsed_ok("T{i:a:d:b:}(2,3)<4h:x:");
    const auto top = d.children(d.root());
    REQUIRE(top.size() == 2);
    const auto& s = d[top[0]];
    CHECK(s.code == type_code::structure);
    CHECK(s.offset == 0);
    CHECK_FALSE(s.has_name);
    const auto members = d.children(s);
    REQUIRE(members.size() == 2);
    CHECK(d[members[0]].code == type_code::int_);
    CHECK(d[members[0]].offset == 2);
    CHECK(d.name(d[members[0]]) == "a");
    CHECK(d[members[1]].code == type_code::double_);
    CHECK(d[members[1]].offset == 6);
    CHECK(d.name(d[members[1]]) == "b");
    const auto& h = d[top[1]];
    CHECK(h.code == type_code::short_);
    CHECK(h.offset == 11);
    CHECK(dims_of(d, h) == std::vector<std::int64_t>{2, 3});
    CHECK(h.has_count);
    CHECK(h.count == 4);
    CHECK(h.order == byte_order::little);
    CHECK(d.name(h) == "x");
    CHECK(d.root().end_order == byte_order::little);
    CHECK(d.rules() == rule_set::pep3118);
  }
  {
    const auto d = parsed_ok("  3i  i:abc:d");
    const auto top = d.children(d.root());
    REQUIRE(top.size() == 3);
    CHECK(d[top[0]].offset == 2);
    CHECK(d[top[0]].count == 3);
    CHECK(d[top[1]].offset == 6);
    CHECK(d[top[2]].offset == 12);
    CHECK(d[top[2]].code == type_code::double_);
  }
  {
    // A struct's mark at its '}' and the mark after it.
    const auto d = parsed_ok("=T{i@}b");
    const auto top = d.children(d.root());
    REQUIRE(top.size() == 2);
    CHECK(d[top[0]].order == byte_order::native_standard);
    CHECK(d[top[0]].end_order == byte_order::native);
    CHECK(d[top[1]].order == byte_order::native);
  }
}

TEST_CASE("language: parse_or_throw") {
  const auto d = pep3118::parse_or_throw("T{i:a:}");
  CHECK(only_item(d).code == type_code::structure);
  bool thrown = false;
  try {
    (void)pep3118::parse_or_throw("T{i");
  } catch (const pep3118::error& e) {
    thrown = true;
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].level == pep3118::severity::error);
    CHECK(e.diagnostics()[0].code == error_code::unterminated_struct);
    CHECK(e.diagnostics()[0].offset == 3);
    const std::string what = e.what();
    CHECK(what.find("offset 3") != std::string::npos);
    CHECK(what.find("[unterminated_struct]") != std::string::npos);
  }
  CHECK(thrown);
  CHECK_THROWS_AS((void)pep3118::parse_or_throw("F", strict()), pep3118::error);
  CHECK_NOTHROW((void)pep3118::parse_or_throw("F"));
  CHECK_THROWS_AS((void)pep3118::parse_or_throw("T{i}", struct_rules()), pep3118::error);
  // A std::runtime_error too.
  CHECK_THROWS_AS((void)pep3118::parse_or_throw("}"), std::runtime_error);
}
