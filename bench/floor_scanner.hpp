// The floor: the least work any validator of a flat format must do, as one minimal pass.
//
// It reads byte-order marks, counts, the simple codes (x c b B ? h H i I l L q Q n N e f d g s
// p P) and skips `:name:`, and sums the itemsize with native alignment under '@' (NumPy's
// rules, as pep3118::check). It does not read structs, shapes, pointers, whitespace or
// complex codes, keeps nothing but the running size, and checks names for nothing but their
// closing colon. The benchmarks time it on the flat spelling of each case as the floor the
// full parse is measured against.
#ifndef PEP3118_BENCH_FLOOR_SCANNER_HPP
#define PEP3118_BENCH_FLOOR_SCANNER_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pep3118::bench {

struct floor_result {
  bool ok = false;
  std::int64_t itemsize = 0;     // when ok
  std::size_t error_offset = 0;  // when not ok: the byte the scan stopped at
};

floor_result floor_scan(std::string_view format) noexcept;

}  // namespace pep3118::bench

#endif
