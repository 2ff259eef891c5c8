// A struct that is never closed: the error is at the end of the format, byte 10.
// expect gcc: array subscript value [^ 0-9]*10[^ 0-9]* is outside the bounds
// expect gcc: invalid_format<pep3118::error_code::unterminated_struct>
// expect clang: in call to 'invalid_format\(10, 
// expect clang: expected '}' to close 'T\{'
#include <pep3118/static.hpp>

constexpr pep3118::static_layout layout("T{i:a:d:b:");
