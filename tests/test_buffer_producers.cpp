// check_buffer on what the real producers export: tests/buffer/producers.py builds ctypes
// objects, NumPy arrays and CPython buffers with /usr/bin/python3 and prints what each one's
// memoryview says, with the verdict expected of it; every verdict must come out. A missing
// python3, NumPy or _testbuffer fails the test; nothing is skipped.
#include <doctest/doctest.h>

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pep3118/buffer.hpp>

#include "cli_runner.hpp"
#include "test_support.hpp"

namespace {

// "2,3" into {2, 3}; "" is no dimensions.
std::vector<std::int64_t> dims_of(std::string_view text) {
  std::vector<std::int64_t> values;
  while (!text.empty()) {
    const std::size_t comma = std::min(text.find(','), text.size());
    std::int64_t value = 0;
    const std::string_view digits = text.substr(0, comma);
    REQUIRE(std::from_chars(digits.data(), digits.data() + digits.size(), value).ec == std::errc{});
    values.push_back(value);
    text.remove_prefix(std::min(comma + 1, text.size()));
  }
  return values;
}

std::optional<std::vector<std::int64_t>> list_of(const pep3118_test::json_object& object, const std::string& key) {
  const auto found = object.find(key);
  REQUIRE(found != object.end());
  if (found->second.type == pep3118_test::json_value::kind::null) return std::nullopt;
  return dims_of(found->second.text);
}

std::string codes_of(const pep3118::buffer_check& check) {
  std::string codes;
  for (const pep3118::buffer_finding& found : check.findings) {
    if (!codes.empty()) codes += ',';
    codes += found.name();
  }
  return codes;
}

// The command that shows the same verdict, for the failure message.
std::string cli_command(const pep3118_test::json_object& object) {
  std::string command = "pep3118 check --itemsize " + std::to_string(object.at("itemsize").number) +
                        " --shape=" + pep3118_test::text_of(object, "shape") +
                        " --strides=" + pep3118_test::text_of(object, "strides");
  if (object.at("suboffsets").type != pep3118_test::json_value::kind::null) {
    command += " --suboffsets=" + pep3118_test::text_of(object, "suboffsets");
  }
  return command + " -- '" + pep3118_test::text_of(object, "format") + "'";
}

}  // namespace

TEST_CASE("buffer: the verdict on what ctypes, NumPy and CPython export") {
  const std::string helper = std::string(PEP3118_SOURCE_DIR) + "/tests/buffer/producers.py";
  const pep3118_test::program_run run = pep3118_test::run_program({"/usr/bin/python3", helper});
  REQUIRE_MESSAGE(run.started, "cannot run /usr/bin/python3");
  REQUIRE_MESSAGE(run.status == 0,
                  "producers.py failed (are python3-numpy and _testbuffer installed?): " << run.err);

  std::vector<std::string> unreadable;
  const std::vector<pep3118_test::json_line> producers = pep3118_test::read_json_lines(run.out, unreadable);
  for (const std::string& line : unreadable) FAIL_CHECK("unreadable line of producers.py: ", line);
  // ctypes, NumPy and CPython cases, a few dozen in all: fewer means the helper lost some.
  CHECK(producers.size() >= 60);

  for (const pep3118_test::json_line& line : producers) {
    const pep3118_test::json_object& object = line.object;
    const std::string format = pep3118_test::text_of(object, "format");
    pep3118::buffer_view view;
    view.format = format;
    view.itemsize = object.at("itemsize").number;
    view.shape = list_of(object, "shape");
    view.strides = list_of(object, "strides");
    view.suboffsets = list_of(object, "suboffsets");

    INFO(pep3118_test::text_of(object, "name"), ": ", cli_command(object));
    // The objects were made on this machine: lay the formats out for it.
    const pep3118::result<pep3118::buffer_check> checked = pep3118::check_buffer(view, pep3118::host_target());
    REQUIRE_MESSAGE(checked.ok(), "the format is rejected: ", pep3118_test::error_text(checked.diagnostics()));
    CHECK(codes_of(checked.value()) == pep3118_test::text_of(object, "expect"));
  }
}
