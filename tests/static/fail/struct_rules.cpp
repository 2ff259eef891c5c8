// CPython's struct module has no T{}: under the struct rules byte 0 is the error.
// expect gcc: array subscript value [^ 0-9]*0[^ 0-9]* is outside the bounds
// expect gcc: invalid_format<pep3118::error_code::not_in_struct>
// expect clang: in call to 'invalid_format\(0, 
// expect clang: struct rules: not part of CPython struct's language
#include <pep3118/static.hpp>

static_assert(pep3118::static_layout("T{i}", {.rules = pep3118::rule_set::struct_}).itemsize == 4);
