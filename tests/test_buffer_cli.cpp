// `pep3118 check --itemsize ... --shape ... --strides ... --suboffsets ...` as a user runs it:
// one answer line per format on stdout, the findings on stderr, the exit status, --json, and
// every example of docs/buffer.md.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.hpp"

using pep3118_test::lines_of;
using pep3118_test::run_cli;

namespace {

const std::string target = "--target=x86_64-linux-gnu";

}  // namespace

TEST_CASE("buffer cli: a consistent buffer is ok, with its contiguity, and exits 0") {
  const auto run = run_cli({"check", target, "--itemsize", "8", "--shape", "4,6", "--strides", "48,8", "d"});
  CHECK(run.status == 0);
  CHECK(run.out == "ok  itemsize 8  alignment 8  C-contiguous  d\n");
  CHECK(run.err.empty());
}

TEST_CASE("buffer cli: the first error finding on stdout, every finding on stderr, exit 1") {
  const auto run =
      run_cli({"check", target, "--itemsize", "8", "--shape", "2,3", "--strides", "6", "T{<c:a:<i:b:}"});
  CHECK(run.status == 1);
  const std::vector<std::string> out = lines_of(run.out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].starts_with("error [padding_undescribed]: the format describes 5 bytes, the exporter says 8"));
  CHECK(out[0].ends_with("  T{<c:a:<i:b:}"));
  const std::vector<std::string> err = lines_of(run.err);
  REQUIRE(err.size() == 4);
  CHECK(err[0].starts_with("error[padding_undescribed]: the format describes 5 bytes"));
  CHECK(err[1] == "  T{<c:a:<i:b:}");
  CHECK(err[2].starts_with("error[strides_length]: strides has 1 entry but the shape has 2 dimensions"));
  CHECK(err[3] == "  T{<c:a:<i:b:}");
}

TEST_CASE("buffer cli: warnings leave the buffer consistent unless --strict") {
  const std::vector<std::string> args{"check", target, "--itemsize", "4", "--shape", "3", "--strides", "5", "=i"};
  const auto run = run_cli(args);
  CHECK(run.status == 0);
  CHECK(run.out == "ok  itemsize 4  alignment 1  not contiguous  =i  (1 warning)\n");
  CHECK(
      run.err.starts_with("warning[stride_not_multiple]: stride 5 (dimension 0) is not a multiple of itemsize 4"));

  std::vector<std::string> strict = args;
  strict.insert(strict.begin() + 1, "--strict");
  const auto strict_run = run_cli(strict);
  CHECK(strict_run.status == 1);
  CHECK(strict_run.out.starts_with("error [stride_not_multiple]: "));
}

TEST_CASE("buffer cli: an invalid format gets check's error line and caret display") {
  const auto run = run_cli({"check", target, "--itemsize", "4", "i}xyz"});
  CHECK(run.status == 1);
  CHECK(run.out == "error at offset 1 [stray_brace]: '}' without a matching 'T{' or 'X{'  i}xyz\n");
  CHECK(run.err.starts_with("error[stray_brace]:"));
}

TEST_CASE("buffer cli: a batch from stdin answers one line per format") {
  const auto run = run_cli({"check", target, "--itemsize", "8", "-"}, "d\nT{<i:a:<c:b:}\nT{\nq\n");
  CHECK(run.status == 1);
  const std::vector<std::string> out = lines_of(run.out);
  REQUIRE(out.size() == 4);
  CHECK(out[0] == "ok  itemsize 8  alignment 8  contiguous  d");
  CHECK(out[1].starts_with("error [trailing_bytes_undescribed]: "));
  CHECK(out[2].starts_with("error at offset 2 [unterminated_struct]: "));
  CHECK(out[3] == "ok  itemsize 8  alignment 8  contiguous  q");
}

TEST_CASE("buffer cli: --json gives one object per format") {
  const auto run = run_cli({"check", "--json", target, "--itemsize", "4", "--shape", "3", "--strides", "2",
                            "--suboffsets", "-1", "=i", "T{i"});
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  const std::vector<std::string> out = lines_of(run.out);
  REQUIRE(out.size() == 2);
  for (const std::string& line : out) CHECK(pep3118_test::json_checker::is_json(line));
  CHECK(out[0] ==
        R"({"format":"=i","valid":true,"consistent":true,"target":"x86_64-linux-gnu","rules":"pep3118",)"
        R"("buffer":{"itemsize":4,"shape":[3],"strides":[2],"suboffsets":[-1]},"itemsize":4,"alignment":1,)"
        R"("c_contiguous":false,"f_contiguous":false,"findings":[{"severity":"warning","code":"stride_overlap",)"
        R"("message":"stride 2 (dimension 0) is not a multiple of itemsize 4 but smaller: neighbouring items )"
        R"(overlap by 2 bytes, so writing one changes the next (legal for read-only views, which NumPy's )"
        R"json(as_strided makes)"}],"diagnostics":[]})json");
  CHECK(out[1] ==
        R"({"format":"T{i","valid":false,"consistent":false,"target":"x86_64-linux-gnu","rules":"pep3118",)"
        R"("buffer":{"itemsize":4,"shape":[3],"strides":[2],"suboffsets":[-1]},"diagnostics":[{"severity":)"
        R"("error","code":"unterminated_struct","offset":3,"message":"expected '}' to close 'T{'"}]})");
}

TEST_CASE("buffer cli: the buffer options belong to check") {
  pep3118_test::check_usage_error(run_cli({"layout", "--itemsize", "4", "i"}));
  pep3118_test::check_usage_error(run_cli({"check", "--shape", "2,x", "i"}));
}

TEST_CASE("buffer cli: every example of docs/buffer.md prints what it shows") {
  const auto run = pep3118_test::run_program(
      {"/usr/bin/python3", std::string(PEP3118_SOURCE_DIR) + "/tests/docs/check_examples.py", "--cli",
       PEP3118_CLI_PATH, std::string(PEP3118_SOURCE_DIR) + "/docs/buffer.md"});
  REQUIRE_MESSAGE(run.started, "cannot run /usr/bin/python3");
  INFO(run.out, run.err);
  CHECK(run.status == 0);
}
