// Counts heap allocations made through operator new, for the `allocs` column: this executable
// replaces the global operator new and delete (allocation_counter.cpp).
#ifndef PEP3118_BENCH_ALLOCATION_COUNTER_HPP
#define PEP3118_BENCH_ALLOCATION_COUNTER_HPP

#include <cstddef>

namespace pep3118::bench {

// Allocations by the calling thread since it started. Python's own allocator (pymalloc) is
// not counted.
std::size_t allocation_count() noexcept;

}  // namespace pep3118::bench

#endif
