// The models of the readers behind portability_of (pep3118/portability.hpp), one per file:
// portability_numpy.cpp (with portability_numpy_syntax.cpp) and portability_memoryview.cpp.
// CPython's struct module needs no model of its own: it is pep3118's struct rule set.
#ifndef PEP3118_SRC_PORTABILITY_READERS_HPP
#define PEP3118_SRC_PORTABILITY_READERS_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pep3118/descriptor.hpp>
#include <pep3118/diagnostic.hpp>
#include <pep3118/layout.hpp>
#include <pep3118/portability.hpp>
#include <pep3118/result.hpp>
#include <pep3118/target.hpp>

namespace pep3118::detail {

// NumPy 1.24 keeps dimensions and dtype sizes in C ints.
inline constexpr std::int64_t numpy_int_max = 2147483647;

// Where and why a reader stops reading a format.
struct refusal {
  std::optional<std::size_t> offset;  // the byte of the format, when there is one
  std::string reason;
};

reading accepted(reader who, std::int64_t itemsize);
reading refused(reader who, refusal why);
// The first error of a result that has one: its message, at its offset.
refusal refusal_of(const std::vector<diagnostic>& diagnostics);

// The first place in `format`, read by the pep3118 rules without error, where NumPy 1.24's
// parser stops for a reason of syntax or type codes: items written in another order than
// NumPy's (shape, mark, count, body), codes NumPy has no type for, dimensions, nesting and
// string lengths beyond NumPy's C ints, whitespace outside shapes and names.
std::optional<refusal> numpy_syntax_refusal(std::string_view format);

// NumPy 1.24's parser (numpy.core._internal._dtype_from_pep3118) on `format`, which the
// pep3118 rules read as `desc` and lay out as `laid_out` (the layout NumPy computes whenever
// it reads the format).
reading numpy_reading(std::string_view format, const descriptor& desc, const result<layout>& laid_out);

// CPython 3.11's memoryview: item access (m[i], tolist) and cast(format) from a byte view.
reading memoryview_item_reading(std::string_view format, const target& tgt);
reading memoryview_cast_reading(std::string_view format, const target& tgt);

}  // namespace pep3118::detail

#endif
