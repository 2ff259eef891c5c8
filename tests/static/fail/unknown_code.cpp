// 'k' is no type code: byte 2.
// expect gcc: array subscript value [^ 0-9]*2[^ 0-9]* is outside the bounds
// expect gcc: invalid_format<pep3118::error_code::unknown_code>
// expect clang: in call to 'invalid_format\(2, 
// expect clang: unknown type code
#include <pep3118/static.hpp>

static_assert(pep3118::static_layout("<ik").itemsize == 4);
