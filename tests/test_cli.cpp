// The pep3118 command line, run as a user runs it: the real binary, argv, stdin, and what it
// prints and returns.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.hpp"

using pep3118_test::check_usage_error;
using pep3118_test::cli_run;
using pep3118_test::json_checker;
using pep3118_test::lines_of;
using pep3118_test::run_cli;

TEST_CASE("cli: exit status says whether every format is valid") {
  CHECK(run_cli({"check", "i"}).status == 0);
  CHECK(run_cli({"check", ""}).status == 0);
  CHECK(run_cli({"check", "i}"}).status == 1);
  CHECK(run_cli({"check", "i", "i}", "d"}).status == 1);
  CHECK(run_cli({"layout", "T{"}).status == 1);
  CHECK(run_cli({"explain", "(2,)i"}).status == 1);
  CHECK(run_cli({"layout", "--json", "i}"}).status == 1);
  // A warning alone leaves the format valid; --strict makes it an error.
  CHECK(run_cli({"check", "F"}).status == 0);
  CHECK(run_cli({"check", "--strict", "F"}).status == 1);
  CHECK(run_cli({"targets"}).status == 0);
}

TEST_CASE("cli: usage errors exit 2 with one line and a hint") {
  check_usage_error(run_cli({}));
  check_usage_error(run_cli({"frobnicate", "i"}));
  check_usage_error(run_cli({"check", "--frobnicate", "i"}));
  check_usage_error(run_cli({"check", "--rules", "numpy", "i"}));
  check_usage_error(run_cli({"check", "--rules"}));
  check_usage_error(run_cli({"check", "--max-depth", "deep", "i"}));
  check_usage_error(run_cli({"check"}));
  check_usage_error(run_cli({"layout", "--json"}));
  check_usage_error(run_cli({"targets", "i"}));

  cli_run bad_target = run_cli({"layout", "--target", "pdp11", "i"});
  check_usage_error(bad_target);
  // The message names the valid targets.
  CHECK(bad_target.err.find("pdp11") != std::string::npos);
  CHECK(bad_target.err.find("host") != std::string::npos);
  CHECK(bad_target.err.find("x86_64-linux-gnu") != std::string::npos);
}

TEST_CASE("cli: --help prints the usage and exits 0") {
  for (const char* help : {"--help", "-h"}) {
    cli_run run = run_cli({"check", help});
    CHECK(run.status == 0);
    CHECK(run.out.starts_with("usage: pep3118 check [options] FORMAT..."));
    CHECK(run.err.empty());
  }
  CHECK(run_cli({"--help"}).status == 0);
}

TEST_CASE("cli: options may come anywhere after the command; -- ends them") {
  cli_run before = run_cli({"check", "--target", "x86_64-linux-gnu", "--json", "l"});
  cli_run after = run_cli({"check", "l", "--json", "--target=x86_64-linux-gnu"});
  CHECK(before.status == 0);
  CHECK(before.out == after.out);
  CHECK(before.out.find("\"itemsize\":8") != std::string::npos);

  // A format that looks like an option.
  cli_run dash = run_cli({"check", "--json", "--", "-i"});
  CHECK(dash.status == 1);
  CHECK(dash.out.starts_with("{\"format\":\"-i\",\"valid\":false,"));
}

TEST_CASE("cli: layout --json gives the DESIGN section 6 object") {
  cli_run run = run_cli({"layout", "--json", "--target", "x86_64-linux-gnu", "T{i:a:d:b:}"});
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  CHECK(run.out ==
        "{\"format\":\"T{i:a:d:b:}\",\"valid\":true,\"target\":\"x86_64-linux-gnu\",\"rules\":"
        "\"pep3118\","
        "\"itemsize\":16,\"alignment\":8,"
        "\"fields\":[{\"path\":\"a\",\"offset\":0,\"size\":4,\"code\":\"i\",\"byteorder\":"
        "\"little\",\"shape\":[]},"
        "{\"path\":\"b\",\"offset\":8,\"size\":8,\"code\":\"d\",\"byteorder\":\"little\",\"shape\":"
        "[]}],"
        "\"diagnostics\":[]}\n");
  // check --json answers with the same object.
  CHECK(run_cli({"check", "--json", "--target", "x86_64-linux-gnu", "T{i:a:d:b:}"}).out == run.out);
}

TEST_CASE("cli: --json shows shapes, pointers, the rule set and warnings") {
  cli_run run = run_cli({"layout", "--json", "--target", "x86_64-linux-gnu", "--rules", "pep3118",
                         "X{i->d}:f:(2,3)d:m:&<i:p:"});
  CHECK(run.status == 0);
  CHECK(json_checker::is_json(lines_of(run.out).at(0)));
  CHECK(run.out.find(
            "{\"path\":\"m\",\"offset\":8,\"size\":8,\"code\":\"d\",\"byteorder\":\"little\","
            "\"shape\":[2,3]}") != std::string::npos);
  CHECK(
      run.out.find("\"code\":\"&\",\"byteorder\":\"little\",\"shape\":[],\"points_to\":\"<i\"}") !=
      std::string::npos);
  CHECK(run.out.find(
            "\"code\":\"X\",\"byteorder\":\"little\",\"shape\":[],\"points_to\":\"X{i->d}\"}") !=
        std::string::npos);

  cli_run structs = run_cli({"check", "--json", "--rules", "struct", "@ci"});
  CHECK(structs.out.find("\"rules\":\"struct\"") != std::string::npos);

  // A warning travels with a valid layout; JSON mode keeps stderr silent.
  cli_run warned = run_cli({"layout", "--json", "F"});
  CHECK(warned.status == 0);
  CHECK(warned.err.empty());
  CHECK(warned.out.find("\"valid\":true") != std::string::npos);
  CHECK(warned.out.find(
            "\"diagnostics\":[{\"severity\":\"warning\",\"code\":\"complex_spelling\",\"offset\":0,"
            "\"message\":\"") != std::string::npos);
}

TEST_CASE("cli: an invalid format in JSON has valid false and a located diagnostic") {
  cli_run run = run_cli({"layout", "--json", "--target", "x86_64-linux-gnu", "i}xyz"});
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 1);
  CHECK(json_checker::is_json(lines[0]));
  CHECK(lines[0].starts_with(
      "{\"format\":\"i}xyz\",\"valid\":false,\"target\":\"x86_64-linux-gnu\",\"rules\":\"pep3118\","
      "\"diagnostics\":[{\"severity\":\"error\",\"code\":\"stray_brace\",\"offset\":1,\"message\":"
      "\""));
  CHECK(lines[0].ends_with("\"}]}"));
  CHECK(lines[0].find("itemsize") == std::string::npos);
  CHECK(lines[0].find("fields") == std::string::npos);
}

TEST_CASE("cli: stdin batch answers one line per input line") {
  // An empty line, a NUL byte, a byte that is not UTF-8, a CRLF line end, a control character,
  // a cut-short UTF-8 sequence (one U+FFFD for both bytes, as Python decodes it).
  constexpr char input_bytes[] = "i\n\nx\0y\n\xff\nT{\r\n\x01\n\xe2\x82x\n";
  const std::string input(input_bytes, sizeof input_bytes - 1);
  cli_run json = run_cli({"check", "--json", "-"}, input);
  CHECK(json.status == 1);
  std::vector<std::string> lines = lines_of(json.out);
  REQUIRE(lines.size() == 7);
  for (const std::string& line : lines) CHECK_MESSAGE(json_checker::is_json(line), line);
  CHECK(lines[0].starts_with("{\"format\":\"i\",\"valid\":true,"));
  CHECK(lines[1].starts_with("{\"format\":\"\",\"valid\":true,"));
  CHECK(lines[1].find("\"itemsize\":0,") != std::string::npos);
  CHECK(lines[2].starts_with("{\"format\":\"x\\u0000y\",\"valid\":false,"));
  CHECK(lines[2].find("\"code\":\"nul_byte\",\"offset\":1,") != std::string::npos);
  CHECK(lines[3].starts_with("{\"format\":\"\\ufffd\",\"valid\":false,"));
  CHECK(lines[4].starts_with("{\"format\":\"T{\",\"valid\":false,"));
  CHECK(lines[5].starts_with("{\"format\":\"\\u0001\",\"valid\":false,"));
  CHECK(lines[6].starts_with("{\"format\":\"\\ufffdx\",\"valid\":false,"));

  cli_run text = run_cli({"check", "-"}, input);
  CHECK(text.status == 1);
  std::vector<std::string> text_lines = lines_of(text.out);
  REQUIRE(text_lines.size() == 7);
  CHECK(text_lines[0].starts_with("ok  itemsize 4  alignment 4"));
  CHECK(text_lines[1].starts_with("ok  itemsize 0  alignment 1"));
  CHECK(text_lines[2].starts_with("error at offset 1 [nul_byte]: "));
  CHECK(text_lines[2].ends_with("  x\\x00y"));
  CHECK(text_lines[3].ends_with("  \\xff"));
  CHECK(text_lines[4].ends_with("  T{"));

  // Arguments and stdin mix, in order; no final newline still ends a line.
  cli_run mixed = run_cli({"check", "--json", "d", "-", "b"}, "h\ni");
  std::vector<std::string> mixed_lines = lines_of(mixed.out);
  REQUIRE(mixed_lines.size() == 4);
  CHECK(mixed_lines[0].starts_with("{\"format\":\"d\""));
  CHECK(mixed_lines[1].starts_with("{\"format\":\"h\""));
  CHECK(mixed_lines[2].starts_with("{\"format\":\"i\""));
  CHECK(mixed_lines[3].starts_with("{\"format\":\"b\""));

  CHECK(lines_of(run_cli({"check", "-"}, "").out).empty());
  CHECK(lines_of(run_cli({"check", "-"}, "\n").out).size() == 1);
}

TEST_CASE("cli: check prints one line per format and carets on stderr") {
  cli_run run = run_cli({"check", "--target", "x86_64-linux-gnu", "T{i:a:d:b:}", "i}xyz", "FD"});
  CHECK(run.status == 1);
  std::vector<std::string> out = lines_of(run.out);
  REQUIRE(out.size() == 3);
  CHECK(out[0] == "ok  itemsize 16  alignment 8  T{i:a:d:b:}");
  CHECK(out[1].starts_with("error at offset 1 [stray_brace]: "));
  CHECK(out[1].ends_with("  i}xyz"));
  CHECK(out[2] == "ok  itemsize 24  alignment 8  FD  (2 warnings)");

  std::vector<std::string> err = lines_of(run.err);
  REQUIRE(err.size() == 9);
  CHECK(err[0].starts_with("error[stray_brace]: "));
  CHECK(err[1] == "  i}xyz");
  CHECK(err[2] == "   ^ offset 1");
  CHECK(err[3].starts_with("warning[complex_spelling]: "));
  CHECK(err[5] == "  ^ offset 0");
  CHECK(err[8] == "   ^ offset 1");
}

TEST_CASE("cli: the caret counts \\xNN escapes as four columns") {
  // T { i : é : } } : bytes 0..8, the stray '}' at byte 8; é is two bytes shown as 8 columns.
  cli_run run = run_cli({"check", "T{i:\xc3\xa9:}}"});
  CHECK(run.status == 1);
  std::vector<std::string> err = lines_of(run.err);
  REQUIRE(err.size() == 3);
  CHECK(err[1] == "  T{i:\\xc3\\xa9:}}");
  CHECK(err[2] == std::string(2 + 14, ' ') + "^ offset 8");
}

TEST_CASE("cli: a long format is shown as a window around the caret") {
  std::string format = std::string(150, 'i') + "}" + std::string(100, 'd');
  cli_run run = run_cli({"check", format});
  std::vector<std::string> err = lines_of(run.err);
  REQUIRE(err.size() == 3);
  // 40 columns either side of the caret at column 150, cut ends marked.
  CHECK(err[1] == "  ..." + std::string(40, 'i') + "}" + std::string(40, 'd') + "...");
  CHECK(err[2] == std::string(2 + 3 + 40, ' ') + "^ offset 150");

  // Near the start nothing is cut before the caret.
  cli_run early = run_cli({"check", "}" + std::string(150, 'd')});
  std::vector<std::string> early_err = lines_of(early.err);
  REQUIRE(early_err.size() == 3);
  CHECK(early_err[1] == "  }" + std::string(40, 'd') + "...");
  CHECK(early_err[2] == "  ^ offset 0");
}

TEST_CASE("cli: layout prints a table per format, the caret for invalid ones") {
  cli_run run =
      run_cli({"layout", "--target", "x86_64-linux-gnu", "T{i:a:d:b:}", "i}", "&<i:p:(2,3)d:m:"});
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  CHECK(
      run.out.starts_with("format     T{i:a:d:b:}\n"
                          "target     x86_64-linux-gnu (rules pep3118)\n"
                          "itemsize   16\n"
                          "alignment  8\n"
                          "\n"
                          "offset  size  shape  code  byteorder  path\n"
                          "     0     4         i     little     a\n"
                          "     8     8         d     little     b\n"
                          "\n"
                          "error[stray_brace]: "));
  CHECK(run.out.find("\n  i}\n   ^ offset 1\n\nformat     &<i:p:(2,3)d:m:\n") != std::string::npos);
  CHECK(run.out.find("     0     8         &     little     p     -> <i\n") != std::string::npos);
  CHECK(run.out.find("     8     8  (2,3)  d     little     m\n") != std::string::npos);
}

TEST_CASE("cli: explain names every field and padding run") {
  cli_run run =
      run_cli({"explain", "--target", "x86_64-linux-gnu", "T{b:flag:i:count:d:ratio:}c:tail:"});
  CHECK(run.status == 0);
  std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() >= 13);
  CHECK(lines[0] == "format     T{b:flag:i:count:d:ratio:}c:tail:");
  CHECK(lines[1] == "canonical  T{b:flag:i:count:d:ratio:}c:tail:");
  CHECK(lines[2] == "target     x86_64-linux-gnu (little-endian)");
  CHECK(lines[3] == "rules      pep3118");
  CHECK(lines[4] == "itemsize   24");
  CHECK(lines[5] == "alignment  8");
  CHECK(lines[7].starts_with("offset  size  align  path"));
  CHECK(lines[8].starts_with("     0     1      1    f0.flag   signed 1-byte integer"));
  CHECK(lines[9].find("3 padding bytes (alignment)") != std::string::npos);
  CHECK(lines[9].starts_with("     1     3"));
  CHECK(lines[10].find("int ") != std::string::npos);
  CHECK(lines[11].find("IEEE 754 8-byte float") != std::string::npos);
  CHECK(lines[12].starts_with("    16     1      1  tail"));
  CHECK(lines[13].find("7 padding bytes (trailing)") != std::string::npos);

  // Standard sizes name the fixed-width C type; shapes and counts are arrays.
  cli_run standard = run_cli({"explain", "<i:a:(2)3h:b:5s:c:"});
  CHECK(standard.out.find("int32_t") != std::string::npos);
  CHECK(standard.out.find("array (2,3) of signed 2-byte integer  int16_t[2][3]") !=
        std::string::npos);
  CHECK(standard.out.find("5-byte string") != std::string::npos);
  CHECK(standard.out.find("char[5]") != std::string::npos);

  // A warning is shown with its caret after the table.
  cli_run warned = run_cli({"explain", "F"});
  CHECK(warned.status == 0);
  CHECK(warned.out.find("\n\nwarning[complex_spelling]: ") != std::string::npos);
  CHECK(warned.out.ends_with("\n  F\n  ^ offset 0\n"));
}

TEST_CASE("cli: targets lists the host and the presets") {
  cli_run run = run_cli({"targets"});
  CHECK(run.status == 0);
  std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0].starts_with("target "));
  CHECK(lines[1].starts_with("host "));
  CHECK(run.out.find("\nx86_64-linux-gnu  ") != std::string::npos);

  cli_run json = run_cli({"targets", "--json"});
  CHECK(json.status == 0);
  REQUIRE(lines_of(json.out).size() == 1);
  CHECK(json_checker::is_json(lines_of(json.out)[0]));
  CHECK(json.out.starts_with("[{\"name\":\"host\",\"byteorder\":"));
  CHECK(json.out.find(
            "{\"name\":\"x86_64-linux-gnu\",\"byteorder\":\"little\",\"sizes\":{\"c\":1,") !=
        std::string::npos);
  // Codes without a C type of their own are not listed.
  CHECK(json.out.find("\"s\":") == std::string::npos);
  CHECK(json.out.find("\"T\":") == std::string::npos);

  cli_run one = run_cli({"targets", "--target", "x86_64-linux-gnu"});
  REQUIRE(lines_of(one.out).size() == 2);
  CHECK(lines_of(one.out)[1].starts_with("x86_64-linux-gnu  little     8  8  8  8  16"));
}
