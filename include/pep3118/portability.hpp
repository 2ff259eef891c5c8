// Portability: whether the common readers of format strings accept a format, and the itemsize
// each computes: CPython's struct module, NumPy's parser and CPython's memoryview (item access
// and cast). Each reader is modelled with pep3118's own rules (nothing is run); the test suite
// checks the model against the real readers. docs/dialects.md says how each is modelled.
#ifndef PEP3118_PORTABILITY_HPP
#define PEP3118_PORTABILITY_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parse.hpp"
#include "result.hpp"
#include "target.hpp"

namespace pep3118 {

// The readers, in the order a report lists them.
enum class reader : unsigned char {
  struct_module,    // CPython 3.11-3.13 struct.calcsize: pep3118's struct rules
  numpy,            // NumPy 1.24's numpy.core._internal._dtype_from_pep3118
  memoryview_item,  // CPython 3.11 memoryview item access (m[i], m.tolist())
  memoryview_cast,  // CPython 3.11 memoryview.cast(format) of a byte view
};
inline constexpr std::size_t reader_count = 4;

// "struct", "numpy", "memoryview", "memoryview.cast".
std::string_view reader_name(reader who) noexcept;

// How one reader reads the format.
struct reading {
  reader who = reader::struct_module;
  bool accepts = false;
  std::int64_t itemsize = 0;          // when it accepts: the bytes of one item
  std::string reason;                 // when it rejects: why, in words
  std::optional<std::size_t> offset;  // when it rejects at a byte of the format
};

struct portability {
  std::array<reading, reader_count> readings;  // in reader order
  // Readers that accept the format disagree on its itemsize (`ib`: struct 5, NumPy 8).
  bool ambiguous = false;
  // When ambiguous: a spelling that every reader accepting the format reads with the itemsize
  // pep3118's default rules give, and whose layout under those rules is the format's (`ib3x`
  // for `ib`); absent when the model knows none.
  std::optional<std::string> suggestion;

  // Every reader accepts the format, all with one itemsize.
  bool portable() const noexcept;
};

// How each reader reads `format` on the target (its native sizes and alignments). The answer
// depends on the spelling, not only on the descriptor: NumPy refuses `(2)(3)i` and `<(2)i`
// but reads `(2,3)i` and `(2)<i`. Errors: the diagnostics of the pep3118 rules when they reject
// the format (then no reader reads it as written, though NumPy's parser may silently read a
// part of it, as in `i}xyz`). options.rules is ignored: each reader has its own rules.
result<portability> portability_of(std::string_view format, const target& tgt = host_target(),
                                   const parse_options& options = {});

}  // namespace pep3118

#endif
