// portability_of and `check --portability`: hand cases for every reader, and every column held
// to the real readers: tests/portability/oracle.py runs CPython's struct and memoryview and
// NumPy 1.24's parser (/usr/bin/python3, python3-numpy) on the corpus and on generated formats.
// A missing python3 or NumPy fails these tests; nothing is skipped.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pep3118/pep3118.hpp>

#include "cli_runner.hpp"
#include "format_generator.hpp"
#include "test_support.hpp"

using pep3118::portability;
using pep3118::reader;
using pep3118::reader_count;
using pep3118_test::show;
using pep3118_test::x86;

namespace {

// What each reader computes, in reader order: the itemsize, or nullopt when it rejects.
using sizes = std::array<std::optional<std::int64_t>, reader_count>;
constexpr std::optional<std::int64_t> rejects = std::nullopt;

sizes sizes_of(const portability& answer) {
  sizes out;
  for (std::size_t i = 0; i < reader_count; ++i) {
    const pep3118::reading& one = answer.readings[i];
    if (one.accepts) out[i] = one.itemsize;
  }
  return out;
}

std::string sizes_text(const sizes& of) {
  std::string text;
  for (std::size_t i = 0; i < reader_count; ++i) {
    text += std::string(i > 0 ? ", " : "") + std::string(pep3118::reader_name(static_cast<reader>(i))) + " " +
            (of[i] ? std::to_string(*of[i]) : "rejects");
  }
  return text;
}

struct hand_case {
  std::string_view format;
  sizes expected;  // struct, numpy, memoryview, memoryview.cast
};

void check_case(const hand_case& c, const pep3118::parse_options& options = {}) {
  INFO("format: \"", show(c.format), "\"");
  auto answer = pep3118::portability_of(c.format, x86(), options);
  REQUIRE(answer.ok());
  CHECK(sizes_text(sizes_of(answer.value())) == sizes_text(c.expected));
}

}  // namespace

TEST_CASE("portability: single native codes are read alike by every reader") {
  for (const hand_case& c : std::vector<hand_case>{
           {"i", {4, 4, 4, 4}},
           {"@i", {4, 4, 4, 4}},
           {"l", {8, 8, 8, 8}},  // the same 8 bytes for all: `l` depends on the target, not the reader
           {"?", {1, 1, 1, 1}},
           {"c", {1, 1, 1, 1}},
           {"d", {8, 8, 8, 8}},
       }) {
    check_case(c);
    CHECK(pep3118::portability_of(c.format, x86())->portable());
  }
}

TEST_CASE("portability: what each reader refuses") {
  for (const hand_case& c : std::vector<hand_case>{
           // memoryview: one native code, optionally after '@'; `e` only from CPython 3.12
           {"<i", {4, 4, rejects, rejects}},
           {"=i", {4, 4, rejects, rejects}},
           {"@@i", {rejects, rejects, rejects, rejects}},
           {"1i", {4, 4, rejects, rejects}},
           {"e", {2, 2, rejects, rejects}},
           {"g", {rejects, 16, rejects, rejects}},
           {"Zd", {rejects, 16, rejects, rejects}},
           // NumPy 1.24 has no type for n N P p, nor u t & X{} Ze F D G
           {"P", {8, rejects, 8, 8}},
           {"n", {8, rejects, 8, 8}},
           {"N", {8, rejects, 8, 8}},
           {"5p", {5, rejects, rejects, rejects}},
           {"&i", {rejects, rejects, rejects, rejects}},
           {"X{}", {rejects, rejects, rejects, rejects}},
           {"2u", {rejects, rejects, rejects, rejects}},
           {"Ze", {rejects, rejects, rejects, rejects}},
           {"F", {rejects, rejects, rejects, rejects}},
           {"<g", {rejects, rejects, rejects, rejects}},
           {"<Zg", {rejects, rejects, rejects, rejects}},
           {"^g", {rejects, 16, rejects, rejects}},
           {"<O", {rejects, 8, rejects, rejects}},
           {"3t", {rejects, rejects, rejects, rejects}},
           // NumPy's item is: one shape, one mark, a count, a body
           {"(2,3)i", {rejects, 24, rejects, rejects}},
           {"(2)(3)i", {rejects, rejects, rejects, rejects}},
           {"(2)<i", {rejects, 8, rejects, rejects}},
           {"<(2)i", {rejects, rejects, rejects, rejects}},
           {"(2)<3i", {rejects, 24, rejects, rejects}},
           {"i<i", {rejects, 8, rejects, rejects}},
           {"<>i", {rejects, rejects, rejects, rejects}},
           {"T{i<}", {rejects, rejects, rejects, rejects}},
           {"i<", {rejects, rejects, rejects, rejects}},
           {"@", {0, rejects, rejects, rejects}},
           {"", {0, 0, rejects, rejects}},
           {"T{}", {rejects, 0, rejects, rejects}},
           // whitespace: struct none between a count and its code, NumPy's parser none outside
           // shapes and names
           {"i i", {8, rejects, rejects, rejects}},
           {"2 i", {rejects, rejects, rejects, rejects}},
           {"(2, 3)i", {rejects, 24, rejects, rejects}},
           {"i:a b:", {rejects, 4, rejects, rejects}},
           // sub-arrays NumPy cannot build: a shape on a count of 0, on repeated empty structs
           {"(2)0i", {rejects, rejects, rejects, rejects}},
           {"(2)0x", {rejects, rejects, rejects, rejects}},
           {"(2)2T{}", {rejects, rejects, rejects, rejects}},
           {"(2)1T{}", {rejects, 0, rejects, rejects}},
           {"0i", {0, 0, rejects, rejects}},
           // NumPy 1.24's C ints: dimensions and sizes up to 2^31-1
           {"2147483647b", {2147483647, 2147483647, rejects, rejects}},
           {"2147483648b", {2147483648, rejects, rejects, rejects}},
           {"2147483648s", {2147483648, rejects, rejects, rejects}},  // NumPy: -2147483648 bytes
           {"1073741824w", {rejects, rejects, rejects, rejects}},     // NumPy: 0 bytes
           {"(536870912)i", {rejects, rejects, rejects, rejects}},
           {"(1073741823)b:a:(1073741824)b:b:", {rejects, 2147483647, rejects, rejects}},
           {"(1073741824)b:a:(1073741824)b:b:", {rejects, rejects, rejects, rejects}},
           {"(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)b", {rejects, 1, rejects, rejects}},
           {"(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)2b", {rejects, 2, rejects, rejects}},
           {"(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)b", {rejects, rejects, rejects, rejects}},
           {"(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)2s", {rejects, 2, rejects, rejects}},
       }) {
    check_case(c);
  }
}

TEST_CASE("portability: NumPy's parser stops at Python's recursion limit") {
  pep3118::parse_options deep;
  deep.max_depth = pep3118::max_depth_limit;
  const std::string nested_900 = pep3118_test::repeat("T{", 900) + "i" + pep3118_test::repeat("}", 900);
  const std::string nested_1000 = pep3118_test::repeat("T{", 1000) + "i" + pep3118_test::repeat("}", 1000);
  check_case({nested_900, {rejects, 4, rejects, rejects}}, deep);
  check_case({nested_1000, {rejects, rejects, rejects, rejects}}, deep);
}

TEST_CASE("portability: a refusal says where and why") {
  auto answer = pep3118::portability_of("ii<(2)i", x86());
  REQUIRE(answer.ok());
  const pep3118::reading& numpy = answer->readings[static_cast<std::size_t>(reader::numpy)];
  CHECK_FALSE(numpy.accepts);
  CHECK(numpy.offset == std::optional<std::size_t>(3));  // where NumPy finds no type code
  CHECK(numpy.reason.find("before a shape") != std::string::npos);
  const pep3118::reading& struct_module = answer->readings[static_cast<std::size_t>(reader::struct_module)];
  CHECK(struct_module.offset == std::optional<std::size_t>(2));
  CHECK(struct_module.reason == pep3118::code_message(pep3118::error_code::mark_not_first));
  CHECK_FALSE(answer->readings[static_cast<std::size_t>(reader::memoryview_item)].reason.empty());
}

TEST_CASE("portability: ambiguous formats get a spelling every reader reads alike") {
  struct ambiguous_case {
    std::string_view format;
    std::string_view suggestion;
  };
  for (const ambiguous_case& c : std::vector<ambiguous_case>{
           {"ib", "ib3x"},     // struct 5, NumPy 8
           {"ix", "ix3x"},     // struct 5, NumPy 8 (NumPy's own test_trailing_padding)
           {"@ic", "@ic3x"},
           {"llh", "llh6x"},   // struct 18, NumPy 24
           {"d3c", "d3c5x"},
       }) {
    INFO("format: ", c.format);
    auto answer = pep3118::portability_of(c.format, x86());
    REQUIRE(answer.ok());
    CHECK(answer->ambiguous);
    CHECK_FALSE(answer->portable());
    CHECK(answer->suggestion == std::optional<std::string>(c.suggestion));
    auto spelt = pep3118::portability_of(c.suggestion, x86());
    REQUIRE(spelt.ok());
    CHECK_FALSE(spelt->ambiguous);
    CHECK(sizes_of(spelt.value())[0] == sizes_of(answer.value())[1]);  // struct reads NumPy's size
  }
  // Readers that accept agree: nothing to suggest.
  for (std::string_view agreed : {"ii", "=ib", "ib3x", "ib0i", "T{i:a:b:b:}", "P", "(2)<i"}) {
    INFO("format: ", agreed);
    auto answer = pep3118::portability_of(agreed, x86());
    REQUIRE(answer.ok());
    CHECK_FALSE(answer->ambiguous);
    CHECK_FALSE(answer->suggestion.has_value());
  }
}

TEST_CASE("portability: a format the pep3118 rules reject has no readings") {
  for (std::string_view invalid : {"i}xyz", "T{i", "(2 3)i", "Zi", "2(3)i"}) {
    INFO("format: ", invalid);
    CHECK_FALSE(pep3118::portability_of(invalid, x86()).ok());
  }
  // Warnings travel with the readings; --strict makes them errors.
  auto warned = pep3118::portability_of("<g", x86());
  REQUIRE(warned.ok());
  CHECK(warned.diagnostics().size() == 1);
  pep3118::parse_options strict;
  strict.strict = true;
  CHECK_FALSE(pep3118::portability_of("<g", x86(), strict).ok());
}

// ---------------------------------------------------------------------------------------------
// The real readers
// ---------------------------------------------------------------------------------------------

namespace {

const std::string oracle_script = std::string(PEP3118_SOURCE_DIR) + "/tests/portability/oracle.py";
const std::vector<std::string_view> reader_keys{"struct", "numpy", "memoryview", "memoryview.cast"};

struct oracle_answer {
  std::string format;
  sizes real;
  std::string errors;  // what the refusing readers raised, for messages
};

std::vector<oracle_answer> run_oracle(const std::vector<std::string>& args, std::string_view input = {}) {
  std::vector<std::string> argv{"/usr/bin/python3", oracle_script};
  argv.insert(argv.end(), args.begin(), args.end());
  pep3118_test::program_run run = pep3118_test::run_program(argv, input);
  REQUIRE_MESSAGE(run.status == 0, "tests/portability/oracle.py failed (are /usr/bin/python3 and "
                                   "python3-numpy installed?):\n" << run.err);
  std::vector<std::string> errors;
  std::vector<oracle_answer> answers;
  for (const pep3118_test::json_line& line : pep3118_test::read_json_lines(run.out, errors)) {
    oracle_answer answer{line.object.at("format").text, {}, {}};
    for (std::size_t i = 0; i < reader_count; ++i) {
      const pep3118_test::json_value& size = line.object.at(std::string(reader_keys[i]));
      if (size.type == pep3118_test::json_value::kind::number) answer.real[i] = size.number;
      auto raised = line.object.find(std::string(reader_keys[i]) + "_error");
      if (raised != line.object.end()) {
        answer.errors += "\n  " + std::string(reader_keys[i]) + ": " + raised->second.text;
      }
    }
    answers.push_back(std::move(answer));
  }
  REQUIRE_MESSAGE(errors.empty(), "unreadable oracle output: " << errors.front());
  return answers;
}

// What the model says of a format: its sizes, and whether the pep3118 rules read it at all.
sizes modelled(const std::string& format) {
  auto answer = pep3118::portability_of(format, pep3118::host_target());
  return answer.ok() ? sizes_of(answer.value()) : sizes{};
}

std::string json_string_line(std::string_view text) {
  std::string line = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') line += '\\';
    line += c;
  }
  return line + "\"\n";
}

}  // namespace

TEST_CASE("portability: every reader's column is the real reader's (corpus and generated formats)") {
  // A fixed fraction of the property tests' size knob (PEP3118_GENERATED_CASES).
  const std::size_t generated = pep3118_test::generated_case_count() / 3;
  const std::vector<oracle_answer> answers =
      run_oracle({"--corpus", std::string(PEP3118_SOURCE_DIR) + "/tests/corpus/test-suite-vectors.jsonl",
                  "--generated", std::to_string(generated)});
  REQUIRE(answers.size() > generated);
  std::vector<std::string> mismatches;
  std::size_t ambiguous = 0;
  for (const oracle_answer& real : answers) {
    const sizes model = modelled(real.format);
    if (model != real.real) {
      mismatches.push_back("\"" + show(real.format) + "\"\n  real:  " + sizes_text(real.real) +
                           "\n  model: " + sizes_text(model) + real.errors);
    }
    auto answer = pep3118::portability_of(real.format, pep3118::host_target());
    if (answer.ok() && answer->ambiguous) ++ambiguous;
  }
  INFO(mismatches.size(), " of ", answers.size(), " formats differ; the first:\n",
       mismatches.empty() ? std::string() : mismatches.front());
  CHECK(mismatches.empty());
  CHECK(ambiguous > 10);  // the generated formats do reach the disagreement
}

TEST_CASE("portability: the real struct and NumPy read every suggested spelling alike") {
  std::vector<std::string> suggested;
  std::string input;
  const std::string generated = std::to_string(pep3118_test::generated_case_count());
  for (const oracle_answer& real : run_oracle({"--generated", generated})) {
    auto answer = pep3118::portability_of(real.format, pep3118::host_target());
    if (!answer.ok() || !answer->suggestion) continue;
    suggested.push_back(*answer->suggestion);
    input += json_string_line(*answer->suggestion);
  }
  REQUIRE(suggested.size() > 10);
  for (const oracle_answer& real : run_oracle({"--stdin"}, input)) {
    INFO("suggested: ", real.format, real.errors);
    CHECK(real.real[0].has_value());
    CHECK(real.real[0] == real.real[1]);
  }
}

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

TEST_CASE("portability: check --portability prints a block per format and exits 0 only when portable") {
  using pep3118_test::run_cli;
  pep3118_test::cli_run run = run_cli({"check", "--portability", "--target", "x86_64-linux-gnu", "ib", "i"});
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  CHECK(run.out ==
        "format      ib\n"
        "target      x86_64-linux-gnu\n"
        "verdict     ambiguous: the readers that accept it disagree on the itemsize\n"
        "suggestion  ib3x\n"
        "\n"
        "reader           accepts  itemsize  why not\n"
        "struct           yes             5\n"
        "numpy            yes             8\n"
        "memoryview       no                 " +
            pep3118::portability_of("ib", x86())->readings[2].reason +
            "\n"
            "memoryview.cast  no                 " +
            pep3118::portability_of("ib", x86())->readings[3].reason +
            "\n"
            "\n"
            "format   i\n"
            "target   x86_64-linux-gnu\n"
            "verdict  portable: every reader accepts it, itemsize 4\n"
            "\n"
            "reader           accepts  itemsize  why not\n"
            "struct           yes             4\n"
            "numpy            yes             4\n"
            "memoryview       yes             4\n"
            "memoryview.cast  yes             4\n");
  CHECK(run_cli({"check", "--portability", "i", "@d"}).status == 0);
  CHECK(run_cli({"check", "--portability", "i}"}).status == 1);
  pep3118_test::check_usage_error(run_cli({"layout", "--portability", "i"}));
}

TEST_CASE("portability: check --portability --json prints one object per format") {
  using pep3118_test::run_cli;
  pep3118_test::cli_run run =
      run_cli({"check", "--portability", "--json", "--target", "x86_64-linux-gnu", "-"}, "<(2)i\nT{i\n");
  CHECK(run.status == 1);
  const std::vector<std::string> lines = pep3118_test::lines_of(run.out);
  REQUIRE(lines.size() == 2);
  for (const std::string& line : lines) CHECK(pep3118_test::json_checker::is_json(line));
  CHECK(lines[0].starts_with(R"({"format":"<(2)i","valid":true,"target":"x86_64-linux-gnu","readers":[)"
                             R"({"reader":"struct","accepts":false,"reason":")"));
  CHECK(lines[0].find(R"({"reader":"numpy","accepts":false,"reason":"a byte-order mark before a shape)") !=
        std::string::npos);
  CHECK(lines[0].ends_with(R"("ambiguous":false,"portable":false,"suggestion":null,"diagnostics":[]})"));
  CHECK(lines[1] ==
        R"({"format":"T{i","valid":false,"target":"x86_64-linux-gnu","diagnostics":[{"severity":"error",)"
        R"("code":"unterminated_struct","offset":3,"message":"expected '}' to close 'T{'"}]})");
}
