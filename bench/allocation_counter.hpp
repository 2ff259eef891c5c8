// Counts heap allocations made through operator new: the benchmarks' `allocs` column, and the
// checker's test of no allocation (tests/test_checker.cpp). An executable that links
// allocation_counter.cpp has its global operator new and delete replaced.
#ifndef PEP3118_BENCH_ALLOCATION_COUNTER_HPP
#define PEP3118_BENCH_ALLOCATION_COUNTER_HPP

#include <cstddef>

namespace pep3118::bench {

// Allocations by the calling thread since it started. Python's own allocator (pymalloc) is
// not counted.
std::size_t allocation_count() noexcept;

}  // namespace pep3118::bench

#endif
