// The commands of issue 3 run as a user runs them: compare, canon and emit (their exit status,
// text and JSON), and their usage errors.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.hpp"

using pep3118_test::check_usage_error;
using pep3118_test::cli_run;
using pep3118_test::json_checker;
using pep3118_test::lines_of;
using pep3118_test::run_cli;

namespace {

// compare on the target every expected value here is for.
cli_run compare_x86(std::vector<std::string> args) {
  args.insert(args.begin(), {"compare", "--target", "x86_64-linux-gnu"});
  return run_cli(args);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("cli compare: exit 0 when at least the required level holds") {
  CHECK(compare_x86({"i", "i"}).status == 0);
  CHECK(compare_x86({"l", "q"}).status == 0);     // equivalent
  CHECK(compare_x86({"ii", "2i"}).status == 0);   // layout-compatible, the default requirement
  CHECK(compare_x86({"<i", ">i"}).status == 1);   // size-compatible
  CHECK(compare_x86({"i", "d"}).status == 1);     // incompatible

  CHECK(compare_x86({"--level", "identical", "!i", ">i"}).status == 0);
  CHECK(compare_x86({"--level", "identical", "l", "q"}).status == 1);
  CHECK(compare_x86({"--level", "equivalent", "l", "q"}).status == 0);
  CHECK(compare_x86({"--level", "equivalent", "ii", "2i"}).status == 1);
  CHECK(compare_x86({"--level=size-compatible", "<i", ">i"}).status == 0);
  CHECK(compare_x86({"--level", "size-compatible", "i", "d"}).status == 1);
}

TEST_CASE("cli compare: the level, the required one, the first difference, the byteswap") {
  cli_run same = compare_x86({"T{i:a:}", " T{ i :a: } "});
  CHECK(same.out == "identical  (required: layout-compatible)\n");
  CHECK(same.err.empty());

  cli_run grouped = compare_x86({"--level", "equivalent", "ii", "2i"});
  std::vector<std::string> lines = lines_of(grouped.out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "layout-compatible  (required: equivalent)");
  CHECK(lines[1].starts_with("not equivalent: at offset 0"));
  CHECK(lines[2].starts_with("  a  "));
  CHECK(lines[3].starts_with("  b  "));

  cli_run swapped = compare_x86({"<i", ">i"});
  CHECK(swapped.out.starts_with("size-compatible  (required: layout-compatible)\n"
                                "not layout-compatible: at offset 0\n"));
  CHECK(swapped.out.ends_with(
      "differ only in byte order: a byteswap makes them layout-compatible\n"));
  CHECK(contains(swapped.out, "little-endian"));
  CHECK(contains(swapped.out, "big-endian"));

  // A warning is shown after the answer, with its caret.
  cli_run warned = compare_x86({"F", "Zf"});
  CHECK(warned.status == 0);
  CHECK(warned.out.starts_with("identical  (required: layout-compatible)\n\n"
                               "warning[complex_spelling]: "));
}

TEST_CASE("cli compare: an invalid format or one without a layout shows its caret, exit 1") {
  cli_run invalid = compare_x86({"i", "i}"});
  CHECK(invalid.status == 1);
  std::vector<std::string> lines = lines_of(invalid.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].starts_with("error[stray_brace]: "));
  CHECK(lines[1] == "  i}");
  CHECK(lines[2] == "   ^ offset 1");

  // Bit fields parse but have no layout: the error belongs to that side.
  cli_run bits = compare_x86({"3t", "i"});
  CHECK(bits.status == 1);
  CHECK(bits.out.starts_with("error[bitfield_layout]: "));
  CHECK(contains(bits.out, "\n  3t\n"));
}

TEST_CASE("cli compare: --json gives one object with the level and the difference") {
  cli_run run = compare_x86({"--json", "--level", "equivalent", "ii", "2i"});
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 1);
  CHECK(json_checker::is_json(lines[0]));
  CHECK(lines[0].starts_with(
      "{\"a\":\"ii\",\"b\":\"2i\",\"target\":\"x86_64-linux-gnu\",\"rules\":\"pep3118\","
      "\"valid\":true,\"level\":\"layout-compatible\",\"required\":\"equivalent\","
      "\"compatible\":false,\"byteswap_equal\":false,"
      "\"difference\":{\"level\":\"equivalent\",\"offset\":0,\"a\":{\"path\":\""));
  CHECK(lines[0].ends_with("\"diagnostics\":{\"a\":[],\"b\":[],\"compare\":[]}}"));

  cli_run same = compare_x86({"--json", "i", "@i"});
  CHECK(same.status == 0);
  CHECK(contains(same.out, "\"level\":\"identical\",\"required\":\"layout-compatible\","
                           "\"compatible\":true,\"byteswap_equal\":false,\"difference\":null,"));

  cli_run swapped = compare_x86({"--json", "<i", ">i"});
  CHECK(contains(swapped.out, "\"byteswap_equal\":true,"));

  // An invalid side: no level, its diagnostics under its letter.
  cli_run invalid = compare_x86({"--json", "i", "T{"});
  CHECK(invalid.status == 1);
  CHECK(invalid.err.empty());
  REQUIRE(lines_of(invalid.out).size() == 1);
  CHECK(json_checker::is_json(lines_of(invalid.out)[0]));
  CHECK(invalid.out.starts_with(
      "{\"a\":\"i\",\"b\":\"T{\",\"target\":\"x86_64-linux-gnu\",\"rules\":\"pep3118\","
      "\"valid\":false,\"required\":\"layout-compatible\",\"compatible\":false,"
      "\"diagnostics\":{\"a\":[],\"b\":[{\"severity\":\"error\",\"code\":\"unterminated_struct\","
      "\"offset\":2,"));
  CHECK_FALSE(contains(invalid.out, "\"level\""));
}

TEST_CASE("cli compare: a pair too large to compare is said of the pair, exit 1") {
  // 18 million fields once the arrays of structs are unrolled: past compare's limit.
  const std::string a = "(9000000)T{ii}";
  const std::string b = "(18000000)T{i}";
  cli_run text = compare_x86({a, b});
  CHECK(text.status == 1);
  std::vector<std::string> lines = lines_of(text.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].starts_with("error[too_large_to_compare]: "));

  cli_run json = compare_x86({"--json", a, b});
  CHECK(json.status == 1);
  CHECK(contains(json.out,
                 "\"valid\":true,\"required\":\"layout-compatible\",\"compatible\":false,"
                 "\"diagnostics\":{\"a\":[],\"b\":[],\"compare\":[{\"severity\":\"error\","
                 "\"code\":\"too_large_to_compare\","));
}

TEST_CASE("cli compare: usage errors") {
  check_usage_error(run_cli({"compare", "i"}));
  check_usage_error(run_cli({"compare", "i", "i", "i"}));
  check_usage_error(run_cli({"compare", "i", "-"}));
  check_usage_error(run_cli({"compare", "--level", "incompatible", "i", "i"}));
  check_usage_error(run_cli({"compare", "--level", "same", "i", "i"}));
  check_usage_error(run_cli({"compare", "--level"}));
  // --level means nothing to the other commands.
  check_usage_error(run_cli({"check", "--level", "identical", "i"}));
}

TEST_CASE("cli canon: one canonical line per format") {
  cli_run run = run_cli({"canon", "T{ <i :a: }", "!i", "F", "(2)(3)i", "@@i"});
  CHECK(run.status == 0);
  CHECK(run.out == "T{<i:a:}\n>i\nZf\n(2,3)i\ni\n");
  // F's warning, with its caret, on stderr.
  CHECK(run.err.starts_with("warning[complex_spelling]: "));

  cli_run invalid = run_cli({"canon", "i", "i}xyz", "d"});
  CHECK(invalid.status == 1);
  std::vector<std::string> lines = lines_of(invalid.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "i");
  CHECK(lines[1].starts_with("error at offset 1 [stray_brace]: "));
  CHECK(lines[2] == "d");
  CHECK(invalid.err.starts_with("error[stray_brace]: "));

  // From stdin, one line per line.
  cli_run batch = run_cli({"canon", "-"}, "< i\n!d\n");
  CHECK(batch.out == "<i\n>d\n");
}

TEST_CASE("cli canon: --json gives the exact canonical bytes") {
  cli_run run = run_cli({"canon", "--json", "T{i:\xc3\xa9:}", "F", "T{"});
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 3);
  for (const std::string& line : lines) CHECK_MESSAGE(json_checker::is_json(line), line);
  CHECK(lines[0] ==
        "{\"format\":\"T{i:\xc3\xa9:}\",\"valid\":true,\"canonical\":\"T{i:\xc3\xa9:}\","
        "\"diagnostics\":[]}");
  CHECK(lines[1].starts_with(
      "{\"format\":\"F\",\"valid\":true,\"canonical\":\"Zf\","
      "\"diagnostics\":[{\"severity\":\"warning\",\"code\":\"complex_spelling\","));
  CHECK(lines[2].starts_with("{\"format\":\"T{\",\"valid\":false,\"diagnostics\":[{\"severity\":"
                             "\"error\",\"code\":\"unterminated_struct\",\"offset\":2,"));
}

TEST_CASE("cli emit: numpy and struct strings, one line per format") {
  cli_run numpy =
      run_cli({"emit", "numpy", "--target", "x86_64-linux-gnu", "T{b:a:i:b:}", "(2)(3)d"});
  CHECK(numpy.status == 0);
  CHECK(lines_of(numpy.out).size() == 2);

  cli_run structs = run_cli({"emit", "struct", "--target", "x86_64-linux-gnu", "<ih", "bi"});
  CHECK(structs.status == 0);
  CHECK(lines_of(structs.out).size() == 2);

  // What the dialect cannot say is an error at the item, exit 1; the other formats still answer.
  cli_run pointer = run_cli({"emit", "numpy", "i", "&i", "d"});
  CHECK(pointer.status == 1);
  std::vector<std::string> lines = lines_of(pointer.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].starts_with("error at offset 0 [numpy_cannot_express]: "));
  CHECK(lines[1].ends_with("  &i"));
  CHECK(pointer.err.starts_with("error[numpy_cannot_express]: "));

  cli_run no_struct = run_cli({"emit", "struct", "i&d"});
  CHECK(no_struct.status == 1);
  CHECK(no_struct.out.starts_with("error at offset 1 [struct_cannot_express]: "));

  // An invalid format is reported as by check.
  cli_run invalid = run_cli({"emit", "struct", "i}"});
  CHECK(invalid.status == 1);
  CHECK(invalid.out.starts_with("error at offset 1 [stray_brace]: "));
}

TEST_CASE("cli emit: C declarations, a block per format") {
  cli_run first = run_cli({"emit", "c", "--target", "x86_64-linux-gnu", "T{b:a:i:b:}"});
  CHECK(first.status == 0);
  CHECK(contains(first.out, "_Static_assert"));
  cli_run second = run_cli({"emit", "c", "--target", "x86_64-linux-gnu", "d"});
  cli_run both = run_cli({"emit", "c", "--target", "x86_64-linux-gnu", "T{b:a:i:b:}", "d"});
  CHECK(both.out == first.out + "\n" + second.out);

  cli_run bits = run_cli({"emit", "c", "3t"});
  CHECK(bits.status == 1);
  CHECK(bits.out.starts_with("error at offset 0 [bitfield_layout]: "));
}

TEST_CASE("cli emit: --json gives the output or the diagnostics") {
  cli_run run = run_cli({"emit", "--json", "numpy", "--target", "x86_64-linux-gnu", "i", "&i"});
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 2);
  for (const std::string& line : lines) CHECK_MESSAGE(json_checker::is_json(line), line);
  CHECK(lines[0].starts_with(
      "{\"format\":\"i\",\"valid\":true,\"dialect\":\"numpy\","
      "\"target\":\"x86_64-linux-gnu\",\"rules\":\"pep3118\",\"output\":\""));
  CHECK(lines[0].ends_with("\"diagnostics\":[]}"));
  CHECK(lines[1].starts_with("{\"format\":\"&i\",\"valid\":false,\"dialect\":\"numpy\","
                             "\"target\":\"x86_64-linux-gnu\",\"rules\":\"pep3118\","
                             "\"diagnostics\":[{\"severity\":\"error\","
                             "\"code\":\"numpy_cannot_express\",\"offset\":0,"));

  cli_run c = run_cli({"emit", "c", "--json", "T{i:a:}"});
  REQUIRE(lines_of(c.out).size() == 1);  // the block's newlines are escaped in the string
  CHECK(contains(c.out, "\"dialect\":\"c\""));
}

TEST_CASE("cli emit: the dialect is a word of its own") {
  check_usage_error(run_cli({"emit"}));
  check_usage_error(run_cli({"emit", "numpy"}));
  check_usage_error(run_cli({"emit", "i"}));
  check_usage_error(run_cli({"emit", "json", "i"}));
  check_usage_error(run_cli({"emit", "-", "i"}));
  // Options may come before it.
  CHECK(run_cli({"emit", "--target", "x86_64-linux-gnu", "struct", "i"}).status == 0);
}

TEST_CASE("cli: --help names the new commands and --level") {
  cli_run run = run_cli({"--help"});
  for (const char* word : {"compare A B", "canon", "emit DIALECT", "--level LEVEL"})
    CHECK_MESSAGE(contains(run.out, word), word);
}
