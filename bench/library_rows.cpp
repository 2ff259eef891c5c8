// Nothing is cached across iterations: every iteration parses (and lays out) from the text,
// and the result is kept from being optimized away. The checker keeps its storage between
// iterations, which is what it is for, but no answer.
#include <memory>

#include <pep3118/checker.hpp>
#include <pep3118/layout.hpp>
#include <pep3118/parse.hpp>

#include "bench_row.hpp"
#include "rows.hpp"

namespace pep3118::bench {

void add_library_rows(const bench_case& c) {
  const target& host = host_target();
  const parse_options options = c.options;
  add_row("check", c, c.format, [&host, options](std::string_view format) {
    auto laid_out = check(format, host, options);
    benchmark::DoNotOptimize(laid_out);
  });
  auto reused = std::make_shared<checker>(host, options);
  add_row("checker", c, c.format, [reused](std::string_view format) {
    const result<layout>& laid_out = reused->check(format);
    benchmark::DoNotOptimize(&laid_out);
  });
  add_row("size", c, c.format, [&host, options](std::string_view format) {
    auto sized = check_size(format, host, options);
    benchmark::DoNotOptimize(sized);
  });
  add_row("parse", c, c.format, [options](std::string_view format) {
    auto parsed = parse(format, options);
    benchmark::DoNotOptimize(parsed);
  });
  if (c.valid) {
    // The layout alone: the descriptor is parsed once, before the timing.
    const auto parsed = std::make_shared<const descriptor>(parse(c.format, options).value());
    add_row("layout", c, c.format, [&host, parsed](std::string_view) {
      auto laid_out = layout_of(*parsed, host);
      benchmark::DoNotOptimize(laid_out);
    });
  }
}

}  // namespace pep3118::bench
