// The C API's rows: pep3118_check (a new layout handle each time, freed), a reused
// pep3118_checker (its borrowed answer) and a pep3118_cache that holds the format (a handle
// sharing the cached answer, freed), on the same strings as the C++ rows.
#include <cstdlib>
#include <memory>
#include <string_view>

#include <pep3118/pep3118.h>

#include "bench_row.hpp"
#include "rows.hpp"
#include "setup_check.hpp"

namespace pep3118::bench {
namespace {

pep3118_parse_options c_options(const parse_options& options) {
  return {options.rules == rule_set::struct_ ? PEP3118_RULES_STRUCT : PEP3118_RULES_PEP3118, options.strict ? 1 : 0,
          options.max_depth, options.max_dims};
}

// The setup check of one C answer.
void expect_c_answer(const bench_case& c, const char* reader, pep3118_status status, const pep3118_layout* layout,
                     const pep3118_error& error) {
  if (status == PEP3118_OK) {
    expect_answer(c, reader, pep3118_layout_itemsize(layout), std::nullopt);
  } else {
    expect_answer(c, reader, std::nullopt, error.offset);
  }
}

}  // namespace

void add_c_api_rows(const bench_case& c) {
  const pep3118_target* host = pep3118_target_host();
  const pep3118_parse_options options = c_options(c.options);
  pep3118_layout* made = nullptr;
  pep3118_error error;
  const pep3118_status checked = pep3118_check(c.format.data(), c.format.size(), host, &options, &made, &error);
  expect_c_answer(c, "pep3118_check", checked, made, error);
  pep3118_layout_free(made);
  add_row("c_check", c, c.format, [host, options](std::string_view format) {
    pep3118_layout* layout = nullptr;
    pep3118_error failure;
    benchmark::DoNotOptimize(pep3118_check(format.data(), format.size(), host, &options, &layout, &failure));
    pep3118_layout_free(layout);
  });
  pep3118_checker* made_checker = nullptr;
  if (pep3118_checker_new(host, &options, &made_checker, &error) != PEP3118_OK) {
    std::abort();
  }
  const std::shared_ptr<pep3118_checker> reused(made_checker, pep3118_checker_free);
  const pep3118_layout* answer = nullptr;
  const pep3118_status answered = pep3118_checker_check(reused.get(), c.format.data(), c.format.size(), &answer, &error);
  expect_c_answer(c, "pep3118_checker_check", answered, answer, error);
  add_row("c_checker", c, c.format, [reused](std::string_view format) {
    const pep3118_layout* layout = nullptr;
    pep3118_error failure;
    benchmark::DoNotOptimize(pep3118_checker_check(reused.get(), format.data(), format.size(), &layout, &failure));
    benchmark::DoNotOptimize(layout);
  });
  pep3118_cache* made_cache = nullptr;
  if (pep3118_cache_new(16, host, &options, &made_cache, &error) != PEP3118_OK) {
    std::abort();
  }
  const std::shared_ptr<pep3118_cache> cache(made_cache, pep3118_cache_free);
  pep3118_layout* cached = nullptr;
  const pep3118_status hit = pep3118_cache_check(cache.get(), c.format.data(), c.format.size(), &cached, &error);
  expect_c_answer(c, "pep3118_cache_check", hit, cached, error);
  pep3118_layout_free(cached);
  add_row("c_cache_hit", c, c.format, [cache](std::string_view format) {
    pep3118_layout* layout = nullptr;
    pep3118_error failure;
    benchmark::DoNotOptimize(pep3118_cache_check(cache.get(), format.data(), format.size(), &layout, &failure));
    pep3118_layout_free(layout);
  });
}

}  // namespace pep3118::bench
