// Before anything is timed: every reader must answer each case as expected (the itemsize of a
// valid case, the error offset of the failing one), or the ratios would compare different work.
#ifndef PEP3118_BENCH_SETUP_CHECK_HPP
#define PEP3118_BENCH_SETUP_CHECK_HPP

#include <cstddef>
#include <cstdint>
#include <optional>

#include <pep3118/layout.hpp>
#include <pep3118/result.hpp>

#include "bench_cases.hpp"
#include "python_reference.hpp"

namespace pep3118::bench {

// Aborts with a message naming the case and the reader that answered otherwise.
void verify_case(const bench_case& c, const python_references& python);

// The same for one answer of the library (check's result, or a cache's).
void expect_result(const bench_case& c, const char* reader, const result<layout>& laid_out);

// The same for an answer told as an itemsize, or as the offset of an error (the C API's).
void expect_answer(const bench_case& c, const char* reader, std::optional<std::int64_t> itemsize,
                   std::optional<std::size_t> error_offset);

}  // namespace pep3118::bench

#endif
