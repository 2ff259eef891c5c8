// The rows of each case: the library's, and the references it is measured against.
#ifndef PEP3118_BENCH_ROWS_HPP
#define PEP3118_BENCH_ROWS_HPP

#include "bench_cases.hpp"
#include "python_reference.hpp"

namespace pep3118::bench {

// check (what a user calls: parse, layout, names), the same through a reused checker, parse
// alone and layout_of alone.
void add_library_rows(const bench_case& c);

// pep3118_check and a reused pep3118_checker through the C API, as C extension modules and
// other languages' bindings call them.
void add_c_api_rows(const bench_case& c);

// A check_cache hit, and std::hash of the same string (what any cache keyed by text pays).
void add_cache_rows(const bench_case& c);

// The floor scanner on the flat spelling, struct.Struct on struct's spelling, NumPy's parser.
void add_reference_rows(const bench_case& c, const python_references& python);

}  // namespace pep3118::bench

#endif
