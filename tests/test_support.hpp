// Shared helpers of the language, layout, hostile-input and corpus tests: the x86-64 target,
// picking the error out of a result, and the corpus's lines (json_lines.hpp reads them).
#ifndef PEP3118_TESTS_TEST_SUPPORT_HPP
#define PEP3118_TESTS_TEST_SUPPORT_HPP

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include <pep3118/pep3118.hpp>

#include "json_lines.hpp"

namespace pep3118_test {

// The target every test lays out for (DESIGN §3 preset). Aborts if it is missing: every
// expected value in these tests is for x86-64 Linux, none of them would mean anything else.
inline const pep3118::target& x86() {
  static const pep3118::target* const found = pep3118::find_target("x86_64-linux-gnu");
  if (found == nullptr) {
    std::abort();
  }
  return *found;
}

inline std::vector<pep3118::diagnostic> of_severity(const std::vector<pep3118::diagnostic>& diagnostics,
                                                    pep3118::severity level) {
  std::vector<pep3118::diagnostic> out;
  for (const auto& d : diagnostics) {
    if (d.level == level) {
      out.push_back(d);
    }
  }
  return out;
}

inline std::vector<pep3118::diagnostic> errors_of(const std::vector<pep3118::diagnostic>& diagnostics) {
  return of_severity(diagnostics, pep3118::severity::error);
}

inline std::vector<pep3118::diagnostic> warnings_of(const std::vector<pep3118::diagnostic>& diagnostics) {
  return of_severity(diagnostics, pep3118::severity::warning);
}

// The first error diagnostic, if any.
inline std::optional<pep3118::diagnostic> first_error(const std::vector<pep3118::diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.level == pep3118::severity::error) {
      return d;
    }
  }
  return std::nullopt;
}

// "name@offset" of the first error, or "ok": one string to compare and to print on failure.
inline std::string error_text(const std::vector<pep3118::diagnostic>& diagnostics) {
  const auto e = first_error(diagnostics);
  if (!e) {
    return "ok";
  }
  return std::string(e->name()) + "@" + std::to_string(e->offset);
}

inline std::string expected_text(pep3118::error_code code, std::size_t offset) {
  return std::string(pep3118::code_name(code)) + "@" + std::to_string(offset);
}

// A printable rendering of a format: bytes outside printable ASCII as \xNN.
inline std::string show(std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f && u != '\\') {
      out += c;
    } else {
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  if (out.size() > 120) {
    out = out.substr(0, 100) + "... (" + std::to_string(s.size()) + " bytes)";
  }
  return out;
}

// Exactly one error, of this code at this byte, and no value (a parse or a check result).
template <typename Result>
void check_single_error(std::string_view format, const Result& r, pep3118::error_code code, std::size_t offset) {
  INFO("format: \"", show(format), "\"");
  CHECK_FALSE(r.ok());
  CHECK(error_text(r.diagnostics()) == expected_text(code, offset));
  CHECK(errors_of(r.diagnostics()).size() == 1);
}

inline std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The lines of tests/corpus/test-suite-vectors.jsonl; an unreadable line fails the test.
inline std::vector<json_line> corpus_lines() {
  const std::string path = std::string(PEP3118_SOURCE_DIR) + "/tests/corpus/test-suite-vectors.jsonl";
  const std::string text = read_text_file(path);
  INFO("corpus: ", path);
  REQUIRE_FALSE(text.empty());
  std::vector<std::string> errors;
  auto lines = read_json_lines(text, errors);
  for (const auto& e : errors) {
    FAIL_CHECK("unreadable corpus line: ", e);
  }
  return lines;
}

}  // namespace pep3118_test

#endif
