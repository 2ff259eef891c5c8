// The formats the benchmarks read: the fixed cases of issue #9 and the growth families.
#ifndef PEP3118_BENCH_BENCH_CASES_HPP
#define PEP3118_BENCH_BENCH_CASES_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <pep3118/parse.hpp>

namespace pep3118::bench {

struct bench_case {
  // The second part of every row name: "struct3", or "named/4096" in a growth family (the
  // family, then the size in bytes or nesting levels).
  std::string id;
  std::string format;  // what the library rows and NumPy read
  // The same itemsize spelt flat, for the floor: the format itself when flat, a struct's body
  // without `T{` `}` otherwise; empty when there is none (deep nesting).
  std::string flat_format;
  // CPython struct's spelling with the same itemsize under '@' (no names, no T{}, `0q` for
  // the trailing padding struct does not add); empty: no struct row.
  std::string struct_format;
  bool numpy_row = false;
  // A valid format: its itemsize on the host. An invalid one: where its first error is.
  bool valid = true;
  std::int64_t itemsize = 0;
  std::size_t error_offset = 0;
  parse_options options;
};

// `<i`, a 3- and a 5-field struct, a 3-deep nested struct, a 200-field struct, and a format
// whose first error is at byte 20; each with struct and NumPy rows.
std::vector<bench_case> fixed_cases();

// Flat `i:name:` runs and unnamed `i` runs of 1 KiB to 1 MiB, and `T{` nesting from 1 level to
// the hard ceiling max_depth_limit.
std::vector<bench_case> growth_cases();

}  // namespace pep3118::bench

#endif
