#include "setup_check.hpp"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include <pep3118/checker.hpp>
#include <pep3118/layout.hpp>

#include "floor_scanner.hpp"

namespace pep3118::bench {
namespace {

// What a reader made of a format: the itemsize, or the offset of the error (when the reader
// tells one; Python's do not).
struct answer {
  std::optional<std::int64_t> itemsize;
  std::optional<std::size_t> error_offset;
};

std::string describe(const answer& a) {
  if (a.itemsize) {
    return "itemsize " + std::to_string(*a.itemsize);
  }
  return a.error_offset ? "an error at byte " + std::to_string(*a.error_offset) : "an error";
}

void expect(const bench_case& c, const char* reader, const answer& got) {
  const bool as_expected =
      c.valid ? got.itemsize == c.itemsize
              : !got.itemsize && (!got.error_offset || *got.error_offset == c.error_offset);
  if (!as_expected) {
    const answer wanted = c.valid ? answer{c.itemsize, std::nullopt} : answer{std::nullopt, c.error_offset};
    std::fprintf(stderr, "pep3118_bench: case %s: %s gives %s, expected %s\n", c.id.c_str(), reader,
                 describe(got).c_str(), describe(wanted).c_str());
    std::abort();
  }
}

template <typename T>
answer library_answer(const result<T>& laid_out) {
  if (laid_out) {
    return {laid_out->itemsize, std::nullopt};
  }
  return {std::nullopt, laid_out.diagnostics().front().offset};
}

answer library_answer(const std::string& format, const parse_options& options) {
  return library_answer(check(format, host_target(), options));
}

answer floor_answer(const std::string& format) {
  const floor_result scanned = floor_scan(format);
  return scanned.ok ? answer{scanned.itemsize, std::nullopt} : answer{std::nullopt, scanned.error_offset};
}

}  // namespace

void expect_result(const bench_case& c, const char* reader, const result<layout>& laid_out) {
  expect(c, reader, library_answer(laid_out));
}

void expect_answer(const bench_case& c, const char* reader, std::optional<std::int64_t> itemsize,
                   std::optional<std::size_t> error_offset) {
  expect(c, reader, {itemsize, error_offset});
}

void verify_case(const bench_case& c, const python_references& python) {
  expect(c, "pep3118::check", library_answer(c.format, c.options));
  checker reused(host_target(), c.options);
  expect(c, "pep3118::checker", library_answer(reused.check(c.format)));
  expect(c, "pep3118::check_size", library_answer(check_size(c.format, host_target(), c.options)));
  if (!c.flat_format.empty()) {
    // The flat spelling must mean the same to the library as the case itself, and the floor
    // must read it as the library does.
    expect(c, "pep3118::check on the flat spelling", library_answer(c.flat_format, c.options));
    expect(c, "the floor scanner", floor_answer(c.flat_format));
  }
  if (!c.struct_format.empty()) {
    expect(c, "struct.Struct", {python.struct_new.call_and_read(c.struct_format, "size"), std::nullopt});
  }
  if (c.numpy_row) {
    expect(c, "numpy _dtype_from_pep3118", {python.numpy_parse.call_and_read(c.format, "itemsize"), std::nullopt});
  }
}

}  // namespace pep3118::bench
