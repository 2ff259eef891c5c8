// One benchmark row: a name `kind/case`, the input in the label, bytes and formats processed,
// and heap allocations per iteration.
#ifndef PEP3118_BENCH_BENCH_ROW_HPP
#define PEP3118_BENCH_BENCH_ROW_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "allocation_counter.hpp"
#include "bench_cases.hpp"

namespace pep3118::bench {

// Python allocates with pymalloc, which the counter does not see: its rows show no count
// rather than a false 0.
enum class allocations { counted, not_counted };

// After the timing loop: bytes and items (one item = one format) per second, the label, and
// the `allocs` counter (allocations per iteration).
void finish_row(benchmark::State& state, std::string_view input, std::size_t allocations_made, allocations counting);

// Registers `kind/<case id>`, timing body(input) per iteration. A template, not a
// std::function, so that the call adds nothing to the cheapest rows (the floor takes a few ns).
template <typename Body>
void add_row(std::string_view kind, const bench_case& c, std::string_view input, Body body,
             allocations counting = allocations::counted) {
  const std::string name = std::string(kind) + "/" + c.id;
  benchmark::RegisterBenchmark(name.c_str(), [input, body, counting](benchmark::State& state) {
    const std::size_t before = allocation_count();
    for (auto _ : state) {
      body(input);
    }
    finish_row(state, input, allocation_count() - before, counting);
  });
}

}  // namespace pep3118::bench

#endif
