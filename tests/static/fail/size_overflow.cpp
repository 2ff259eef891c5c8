// 2^62 long longs do not fit a signed 64-bit size: the item at byte 1.
// expect gcc: array subscript value [^ 0-9]*1[^ 0-9]* is outside the bounds
// expect gcc: invalid_format<pep3118::error_code::size_overflow>
// expect clang: in call to 'invalid_format\(1, 
// expect clang: the size does not fit a signed 64-bit integer
#include <pep3118/static.hpp>

static_assert(pep3118::static_layout("i(4611686018427387904)q").itemsize > 0);
