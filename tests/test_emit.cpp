// The emitters, checked by the tools that read what they write: the host C compiler compiles
// every emit_c declaration with its _Static_asserts, NumPy 1.24 (/usr/bin/python3) reads every
// emit_numpy format back with the original's itemsize and field paths and offsets, and
// struct.calcsize and our own struct rules read every emit_struct format with its itemsize and
// every leaf element where it was. Formats: the corpus's laid-out `pep3118` lines and a
// generated set. A missing compiler, python3 or NumPy fails these tests; nothing is skipped.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <pep3118/pep3118.hpp>

#include "cli_runner.hpp"
#include "format_generator.hpp"
#include "test_support.hpp"

using pep3118::error_code;
using pep3118::field;
using pep3118::field_order;
using pep3118::type_code;
using pep3118_test::error_text;
using pep3118_test::expected_text;
using pep3118_test::show;
using pep3118_test::x86;

namespace {

const std::string python = "/usr/bin/python3";

// ---------------------------------------------------------------------------------------------
// Running the checking tools
// ---------------------------------------------------------------------------------------------

// The host C compiler, syntax and constraints (the asserts) only.
const std::vector<std::string> host_cc{"cc", "-std=c11", "-fsyntax-only", "-x", "c", "-"};

// clang for a preset target: its triple (clang spells two of them differently), freestanding
// so that no target's system headers are needed.
std::vector<std::string> clang_for(const pep3118::target& tgt) {
  std::string triple(tgt.name);
  if (triple == "x86_64-windows-msvc") triple = "x86_64-pc-windows-msvc";
  if (triple == "wasm32") triple = "wasm32-unknown-unknown";
  return {"clang", "--target=" + triple, "-ffreestanding", "-std=c11", "-fsyntax-only", "-x", "c", "-"};
}

pep3118_test::program_run compile_c(std::string_view source, const std::vector<std::string>& compiler = host_cc) {
  pep3118_test::program_run run = pep3118_test::run_program(compiler, source);
  REQUIRE_MESSAGE(run.started, "cannot run the C compiler `" << compiler[0] << "`: install gcc and clang");
  return run;
}

std::string script(std::string_view name) {
  return std::string(PEP3118_SOURCE_DIR) + "/tests/emit/" + std::string(name);
}

// A format as one JSON string, the input line of the Python helpers.
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Runs a Python helper over the formats, one output line per format.
std::vector<std::string> run_python_helper(std::string_view helper, const std::vector<std::string>& formats) {
  std::string input;
  for (const std::string& format : formats) input += json_string(format) + "\n";
  pep3118_test::program_run run = pep3118_test::run_program({python, script(helper)}, input);
  REQUIRE_MESSAGE(run.status == 0,
                  python << " " << helper << " failed (is python3-numpy installed?): " << run.err);
  std::vector<std::string> lines = pep3118_test::lines_of(run.out);
  REQUIRE(lines.size() == formats.size());
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The formats
// ---------------------------------------------------------------------------------------------

// The corpus's `pep3118` lines that lay out, with the itemsize the corpus expects.
std::vector<std::string> corpus_formats() {
  const std::string text = pep3118_test::read_text_file(std::string(PEP3118_SOURCE_DIR) +
                                                        "/tests/corpus/test-suite-vectors.jsonl");
  std::vector<std::string> errors;
  std::vector<std::string> formats;
  for (const pep3118_test::json_line& line : pep3118_test::read_json_lines(text, errors)) {
    const auto& object = line.object;
    if (object.at("rules").text != "pep3118" || !object.contains("itemsize") || object.contains("error"))
      continue;
    formats.push_back(object.at("fmt").text);
  }
  REQUIRE(errors.empty());
  REQUIRE(formats.size() > 50);
  return formats;
}

// Codes NumPy reads, with structs; and the codes of CPython's struct module, with structs,
// in the host's order (`@ = < ^` on little-endian x86-64) or all big-endian.
pep3118_test::vocabulary numpy_words() {
  pep3118_test::vocabulary words = pep3118_test::whole_language(false);
  words.codes = {"x", "c", "b", "B", "?", "h", "H", "i",  "I",  "l",  "L", "q", "Q", "n",
                 "N", "e", "f", "d", "g", "s", "w", "Zf", "Zd", "Zg", "O", "F", "D"};
  return words;
}

pep3118_test::vocabulary struct_words(std::string_view marks, bool native_codes) {
  pep3118_test::vocabulary words = pep3118_test::whole_language(false);
  words.codes = {"x", "c", "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "e", "f", "d", "s", "p"};
  if (native_codes) words.codes.insert(words.codes.end(), {"n", "N", "P"});
  words.marks = marks;
  return words;
}

// The corpus and a generated set: the whole language, and sets leaning to what NumPy and
// struct can express (the emitters refuse the rest, which the tests check too).
const std::vector<std::string>& test_formats() {
  static const std::vector<std::string> formats = [] {
    std::vector<std::string> all = corpus_formats();
    struct generated_set {
      pep3118_test::vocabulary words;
      std::string_view prefix;
    };
    const std::vector<generated_set> sets{
        {pep3118_test::whole_language(false), ""},
        {numpy_words(), ""},
        {struct_words("@=<^", true), ""},
        {struct_words(">", false), ">"},
    };
    for (std::size_t set = 0; set < sets.size(); ++set) {
      for (std::size_t i = 0; i < 150; ++i) {
        pep3118_test::random_source random(pep3118_test::case_seed(0xe31 + set, i));
        all.push_back(std::string(sets[set].prefix) + pep3118_test::generate_format(sets[set].words, random));
      }
    }
    return all;
  }();
  return formats;
}

struct laid_format {
  std::string format;
  pep3118::descriptor desc;
  pep3118::layout laid_out;
};

// The test formats that lay out for a target (the host by default).
const std::vector<laid_format>& laid_formats(const pep3118::target& tgt = pep3118::host_target()) {
  static std::map<std::string_view, std::vector<laid_format>> by_target;
  auto [found, inserted] = by_target.try_emplace(tgt.name);
  if (inserted) {
    for (const std::string& format : test_formats()) {
      auto parsed = pep3118::parse(format);
      REQUIRE_MESSAGE(parsed.ok(), "generated an invalid format: ", show(format));
      auto laid_out = pep3118::layout_of(parsed.value(), tgt);
      if (laid_out.ok()) found->second.push_back({format, parsed.value(), laid_out.value()});
    }
  }
  return found->second;
}

// ---------------------------------------------------------------------------------------------
// What a layout says, in the forms the checks compare
// ---------------------------------------------------------------------------------------------

std::string hex(std::string_view bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (char c : bytes) {
    out += digits[static_cast<unsigned char>(c) >> 4];
    out += digits[static_cast<unsigned char>(c) & 15];
  }
  return out;
}

// The line numpy_readback.py prints for a format with this layout.
std::string readback_line(const pep3118::layout& laid_out) {
  std::string line = "{\"itemsize\":" + std::to_string(laid_out.itemsize) + ",\"fields\":[";
  for (std::size_t i = 0; i < laid_out.fields.size(); ++i) {
    if (i > 0) line += ',';
    line += "[\"" + hex(laid_out.fields[i].path) + "\"," + std::to_string(laid_out.fields[i].offset) + "]";
  }
  return line + "]}";
}

// One element of a leaf: a scalar, one string, one pointer.
struct element {
  std::int64_t offset;
  std::int64_t size;
  field_order order;
  bool operator==(const element&) const = default;
};

// Every element of every leaf but padding, arrays of structs unrolled: `fields[begin, end)`
// shifted by `shift`. The element fields of an array of structs follow its entry with paths
// that start "entry[*]" (test names hold no '[').
void unroll(const std::vector<field>& fields, std::size_t begin, std::size_t end, std::int64_t shift,
            std::vector<element>& out) {
  for (std::size_t i = begin; i < end; ++i) {
    const field& leaf = fields[i];
    if (leaf.code == type_code::structure) {
      const std::string inside = leaf.path + "[*]";
      std::size_t after = i + 1;
      while (after < end && fields[after].path.starts_with(inside)) ++after;
      for (std::int64_t e = 0; e < pep3118::element_count(leaf.shape); ++e)
        unroll(fields, i + 1, after, shift + e * leaf.size, out);
      i = after - 1;
    } else if (leaf.code != type_code::pad && leaf.size > 0) {
      for (std::int64_t e = 0; e < pep3118::element_count(leaf.shape); ++e) {
        out.push_back({shift + leaf.offset + e * leaf.size, leaf.size, leaf.resolved_order});
      }
    }
  }
}

std::vector<element> elements(const pep3118::layout& laid_out) {
  std::vector<element> out;
  unroll(laid_out.fields, 0, laid_out.fields.size(), 0, out);
  return out;
}

std::string emitted_or_error(const pep3118::result<std::string>& emitted) {
  return emitted.ok() ? emitted.value() : error_text(emitted.diagnostics());
}

std::string emit_numpy_x86(std::string_view format) {
  return emitted_or_error(pep3118::emit_numpy(pep3118::parse_or_throw(format), x86()));
}

std::string emit_struct_x86(std::string_view format) {
  return emitted_or_error(pep3118::emit_struct(pep3118::parse_or_throw(format), x86()));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// emit numpy
// ---------------------------------------------------------------------------------------------

TEST_CASE("emit numpy: explicit padding, one shape, explicit byte order") {
  CHECK(emit_numpy_x86("T{b:flag:i:count:d:ratio:}") == "<T{b:flag:3xi:count:d:ratio:}");
  CHECK(emit_numpy_x86("ib") == "<ib3x");                  // NumPy's trailing padding, spelt out
  CHECK(emit_numpy_x86("x3T{xi}") == "<4x(3)T{4xi}");      // padding inside each element
  CHECK(emit_numpy_x86("(2)(3)i") == "(2,3)<i");           // one shape, before the mark
  CHECK(emit_numpy_x86("(2)3 i:a:") == "(2,3)<i:a:");      // the count folded into the shape
  CHECK(emit_numpy_x86("4c4s2w") == "(4)<c4s2w");          // `2w` stays NumPy's U2
  CHECK(emit_numpy_x86("n N l") == "<qQq");                // the code of each size
  CHECK(emit_numpy_x86("T{>i:a:}:s:") == "<T{>i:a:}:s:");  // byte order per field
  CHECK(emit_numpy_x86("<i:a:g:b:") == "<i:a:^g:b:");      // g only as the host's own
  CHECK(emit_numpy_x86("T{4xi}") == "<T{4xi}");            // one unnamed item stays unwrapped
  CHECK(emit_numpy_x86("T{}:e: 0s:z:") == "<T{}:e:0s:z:");
  CHECK(emit_numpy_x86("") == "");
}

TEST_CASE("emit numpy: what NumPy cannot read is numpy_cannot_express at the item") {
  const std::vector<std::pair<std::string_view, std::size_t>> cases{
      {"&i", 0},   {"X{}", 0},         {"X{ii->d}", 0}, {"t", 0},   {"3t", 0},
      {"u", 0},    {"5p", 0},          {"P", 0},        {"z", 0},   {"Z", 0},
      {"Ze", 0},   {"ii:a:T{b&d}", 8}, {"i(2)&i", 1},   {"i>g", 2},  // a big-endian long double: NumPy's g is
                                                                     // the host's (little-endian x86-64)
      {"i>Zg", 2}, {"i>O", 2},
  };
  for (const auto& [format, offset] : cases) {
    INFO("format: ", format);
    CHECK(emit_numpy_x86(format) == expected_text(error_code::numpy_cannot_express, offset));
  }
}

TEST_CASE("emit numpy: NumPy reads every emitted format back with the original's layout") {
  std::vector<std::string> emitted;
  std::vector<const laid_format*> sources;
  for (const laid_format& source : laid_formats()) {
    auto text = pep3118::emit_numpy(source.desc);
    if (!text.ok()) {
      INFO("format: ", show(source.format));
      CHECK(error_text(text.diagnostics()).starts_with("numpy_cannot_express@"));
      continue;
    }
    emitted.push_back(text.value());
    sources.push_back(&source);
  }
  CHECK(emitted.size() >= 250);
  const std::vector<std::string> read_back = run_python_helper("numpy_readback.py", emitted);
  for (std::size_t i = 0; i < emitted.size(); ++i) {
    INFO("format: ", show(sources[i]->format), "  emitted: ", show(emitted[i]));
    const std::string expected = readback_line(sources[i]->laid_out);
    CHECK(read_back[i] == expected);
    // Our own parser reads it the same way.
    auto again = pep3118::check(emitted[i]);
    REQUIRE(again.ok());
    CHECK(readback_line(again.value()) == expected);
  }
}

// ---------------------------------------------------------------------------------------------
// emit struct
// ---------------------------------------------------------------------------------------------

TEST_CASE("emit struct: flat, one mark, explicit padding") {
  CHECK(emit_struct_x86("T{b:flag:i:count:d:ratio:}") == "<b3xid");
  CHECK(emit_struct_x86("(2)T{b:a:i:b:}:s:d") == "<b3xib3xid");  // arrays of structs unrolled
  CHECK(emit_struct_x86("(2,3)i") == "<6i");
  CHECK(emit_struct_x86("(2000000)i") == "<2000000i");
  CHECK(emit_struct_x86("(2)3s") == "<3s3s");  // a count on s is one string's length
  CHECK(emit_struct_x86("ib") == "<ib3x");     // the pep3118 rules pad the end
  CHECK(emit_struct_x86(">hq") == ">hq");
  CHECK(emit_struct_x86("<l @L") == "<i4xQ");  // the code of each size
  CHECK(emit_struct_x86("bnP") == "@b7xnP");   // n, N, P only natively
  CHECK(emit_struct_x86("4x:gap:i") == "<4xi");
  CHECK(emit_struct_x86("T{} (0)i") == "<");
  // Arrays of strings are unrolled, up to as many strings as struct_cannot_express allows.
  CHECK(emit_struct_x86("(3)4si") == "<4s4s4si");
  const std::string at_the_bound = emit_struct_x86("(262144,4)s");
  CHECK(at_the_bound.size() == 1 + 2 * 262144 * 4);
}

TEST_CASE("emit struct: what struct cannot express is struct_cannot_express at the item") {
  const std::vector<std::pair<std::string_view, std::size_t>> cases{
      {"<i>i", 3},            // two byte orders
      {"T{<h:a:}>d", 9},      // the same, across a struct
      {">i@n", 1},            // n needs '@', where every field is in the target's order
      {"=bn", 2},             // n not at a multiple of its alignment, which '@' would add
      {"b(2000000)T{i}", 1},  // unrolled, more leaves than any use of a struct format has
      {"b(262145,4)s", 1},    // strings unrolled one by one (4s4s...) past the same bound
      {"(1168466018,4)si", 0},  // found by fuzzing: 4.7 billion strings, once written for minutes
      // codes struct lacks
      {"ig", 1}, {"Zf", 0}, {"O", 0}, {"u", 0}, {"w", 0}, {"t", 0}, {"&i", 0}, {"X{}", 0},
      {"z", 0}, {"Z", 0}, {"T{i:a:&i:p:}", 6},
  };
  for (const auto& [format, offset] : cases) {
    INFO("format: ", format);
    CHECK(emit_struct_x86(format) == expected_text(error_code::struct_cannot_express, offset));
  }
}

TEST_CASE("emit struct: struct.calcsize and the struct rules read every emitted format back") {
  std::vector<std::string> emitted;
  std::vector<const laid_format*> sources;
  for (const laid_format& source : laid_formats()) {
    auto text = pep3118::emit_struct(source.desc);
    if (!text.ok()) {
      INFO("format: ", show(source.format));
      CHECK(error_text(text.diagnostics()).starts_with("struct_cannot_express@"));
      continue;
    }
    emitted.push_back(text.value());
    sources.push_back(&source);
  }
  CHECK(emitted.size() >= 250);
  const std::vector<std::string> sizes = run_python_helper("struct_calcsize.py", emitted);
  pep3118::parse_options struct_rules;
  struct_rules.rules = pep3118::rule_set::struct_;
  for (std::size_t i = 0; i < emitted.size(); ++i) {
    INFO("format: ", show(sources[i]->format), "  emitted: ", show(emitted[i]));
    CHECK(sizes[i] == std::to_string(sources[i]->laid_out.itemsize));
    auto again = pep3118::check(emitted[i], pep3118::host_target(), struct_rules);
    REQUIRE(again.ok());
    CHECK(again->itemsize == sources[i]->laid_out.itemsize);
    CHECK(elements(again.value()) == elements(sources[i]->laid_out));
  }
}

// ---------------------------------------------------------------------------------------------
// emit c
// ---------------------------------------------------------------------------------------------

TEST_CASE("emit c: a struct with padding members and asserts") {
  auto emitted =
      pep3118::emit_c(pep3118::parse_or_throw("T{b:flag:=i:count:}:s:@(2)d:ratio:&T{i}"), x86(), "row");
  REQUIRE(emitted.ok());
  CHECK(emitted.value() == R"c(/* The layout of the pep3118 format
     T{b:flag:=i:count:}:s:(2)@d:ratio:&T{i}
   for x86_64-linux-gnu: itemsize 32, pep3118 (NumPy) alignment 8. */
#include <stddef.h>
#include <stdint.h>

struct __attribute__((packed)) row_s {
  int8_t flag;
  int32_t count;
};
_Static_assert(sizeof(struct row_s) == 5, "sizeof(struct row_s)");
struct row {
  struct row_s s;
  unsigned char _pad0[3];
  double ratio[2];
  void *f0;  /* -> T{i} */
};
_Static_assert(sizeof(struct row) == 32, "sizeof(struct row)");
_Static_assert(_Alignof(struct row) == 8, "C alignment of struct row: its widest member's, 1 when packed");
_Static_assert(offsetof(struct row, s) == 0, "offset of s");
_Static_assert(offsetof(struct row, s.flag) == 0, "offset of s.flag");
_Static_assert(offsetof(struct row, s.count) == 1, "offset of s.count");
_Static_assert(offsetof(struct row, ratio) == 8, "offset of ratio");
_Static_assert(offsetof(struct row, f0) == 24, "offset of f0");
)c");
}

// Compiles every test format's declaration for the target, many per translation unit (a few
// compiler runs, not hundreds), naming the culprits when a unit fails.
void check_declarations_compile(const pep3118::target& tgt, const std::vector<std::string>& compiler) {
  constexpr std::size_t per_unit = 200;
  const std::vector<laid_format>& formats = laid_formats(tgt);
  REQUIRE(formats.size() > 300);
  std::vector<std::string> declarations;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    auto emitted = pep3118::emit_c(formats[i].desc, tgt, "item_" + std::to_string(i));
    INFO("format: ", show(formats[i].format));
    REQUIRE(emitted.ok());
    declarations.push_back(emitted.value());
  }
  for (std::size_t first = 0; first < declarations.size(); first += per_unit) {
    std::string unit;
    const std::size_t last = std::min(first + per_unit, declarations.size());
    for (std::size_t i = first; i < last; ++i) unit += declarations[i];
    if (compile_c(unit, compiler).status == 0) continue;
    // Name the first few culprits; each is a compiler run of its own.
    std::size_t named = 0;
    for (std::size_t i = first; i < last && named < 3; ++i) {
      pep3118_test::program_run run = compile_c(declarations[i], compiler);
      INFO("target: ", tgt.name, "\nformat: ", show(formats[i].format), "\n", declarations[i], run.err);
      CHECK(run.status == 0);
      named += run.status == 0 ? 0 : 1;
    }
    FAIL_CHECK("the declarations for ", tgt.name, " from ", first, " to ", last, " do not compile");
  }
}

// A declaration with one offset assert made wrong: the compiler must refuse it.
void check_wrong_assert_fails(const pep3118::target& tgt, const std::vector<std::string>& compiler) {
  auto emitted = pep3118::emit_c(pep3118::parse_or_throw("T{b:a:d:b:}"), tgt);
  REQUIRE(emitted.ok());
  REQUIRE(compile_c(emitted.value(), compiler).status == 0);
  const auto laid_out = pep3118::check("T{b:a:d:b:}", tgt);
  REQUIRE(laid_out.ok());
  const std::string right = "offsetof(struct item, b) == " + std::to_string(laid_out->fields[1].offset);
  std::string wrong = emitted.value();
  const std::size_t at = wrong.find(right);
  REQUIRE(at != std::string::npos);
  wrong.replace(at, right.size(), "offsetof(struct item, b) == 3");
  const pep3118_test::program_run run = compile_c(wrong, compiler);
  INFO("target: ", tgt.name);
  CHECK(run.status != 0);
  CHECK(run.err.find("offset of b") != std::string::npos);
}

TEST_CASE("emit c: the host compiler compiles every declaration with its asserts holding") {
  check_declarations_compile(pep3118::host_target(), host_cc);
}

TEST_CASE("emit c: clang compiles the declarations for every preset target (the ABI oracle)") {
  for (const pep3118::target* tgt : pep3118::all_targets()) {
    if (tgt->name == "host") continue;
    INFO("target: ", tgt->name);
    check_declarations_compile(*tgt, clang_for(*tgt));
    check_wrong_assert_fails(*tgt, clang_for(*tgt));
  }
}

TEST_CASE("emit c: a wrong assert does not compile (the check bites)") {
  check_wrong_assert_fails(pep3118::host_target(), host_cc);
}

TEST_CASE("emit c: names C cannot take, foreign byte orders, Python types") {
  auto emitted = pep3118::emit_c(pep3118::parse_or_throw("i:int: i:a b: i:a_b: O &n >d:1st:"), x86());
  REQUIRE(emitted.ok());
  const std::string& text = emitted.value();
  CHECK(text.find("  int32_t int_;  /* name \"int\" */\n") != std::string::npos);
  CHECK(text.find("  int32_t a_b;  /* name \"a b\" */\n") != std::string::npos);
  CHECK(text.find("  int32_t a_b_2;  /* name \"a_b\" */\n") != std::string::npos);
  CHECK(text.find("  double f_1st;  /* name \"1st\"; big-endian */\n") != std::string::npos);
  CHECK(text.find("typedef struct _object PyObject;") != std::string::npos);
  CHECK(text.find("typedef ptrdiff_t Py_ssize_t;") != std::string::npos);
  CHECK(text.find("  Py_ssize_t *f1;  /* -> n */\n") != std::string::npos);
  CHECK(compile_c(text).status == 0);
}

TEST_CASE("emit c: a format without a layout has no declaration") {
  auto emitted = pep3118::emit_c(pep3118::parse_or_throw("i3t"), x86());
  CHECK(error_text(emitted.diagnostics()) == expected_text(error_code::bitfield_layout, 1));
}
