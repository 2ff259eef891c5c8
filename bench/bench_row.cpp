#include "bench_row.hpp"

namespace pep3118::bench {
namespace {

// Long formats are shown by their start and their length.
std::string label_of(std::string_view input) {
  constexpr std::size_t shown = 40;
  if (input.size() <= shown) {
    return std::string(input);
  }
  return std::string(input.substr(0, shown)) + "... (" + std::to_string(input.size()) + " bytes)";
}

}  // namespace

void finish_row(benchmark::State& state, std::string_view input, std::size_t allocations_made, allocations counting) {
  const auto iterations = static_cast<std::int64_t>(state.iterations());
  state.SetBytesProcessed(iterations * static_cast<std::int64_t>(input.size()));
  state.SetItemsProcessed(iterations);
  state.SetLabel(label_of(input));
  if (counting == allocations::counted) {
    state.counters["allocs"] =
        benchmark::Counter(static_cast<double>(allocations_made), benchmark::Counter::kAvgIterations);
  }
}

}  // namespace pep3118::bench
