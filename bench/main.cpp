// pep3118_bench: the benchmarks of docs/performance.md. Run it through bench/run.sh, which
// builds it and prints the table with the goals' ratios (bench/report.py).
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_cases.hpp"
#include "python_reference.hpp"
#include "rows.hpp"
#include "setup_check.hpp"

namespace {

using namespace pep3118::bench;

// Checked before anything is registered, so that no row times a case its readers disagree on.
void add_case_rows(const bench_case& c, const python_references& python) {
  verify_case(c, python);
  add_library_rows(c);
  add_reference_rows(c, python);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 2;
  }
  const python_interpreter interpreter;
  const python_references python;
  // The rows refer to these strings until the run ends.
  const std::vector<bench_case> fixed = fixed_cases();
  const std::vector<bench_case> growth = growth_cases();
  for (const bench_case& c : fixed) {
    add_case_rows(c, python);
    // Caches are for the formats that come back again and again: the fixed cases. The C API
    // adds a constant to the C++ rows, which the fixed cases show.
    add_cache_rows(c);
    add_c_api_rows(c);
  }
  for (const bench_case& c : growth) {
    add_case_rows(c, python);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
