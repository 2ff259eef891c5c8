// Two fields named a in one struct: the second name, byte 8.
// expect gcc: array subscript value [^ 0-9]*8[^ 0-9]* is outside the bounds
// expect gcc: invalid_format<pep3118::error_code::duplicate_name>
// expect clang: in call to 'invalid_format\(8, 
// expect clang: this name is already used by a field of the same struct
#include <pep3118/static.hpp>

static_assert(pep3118::static_layout("T{i:a:d:a:}").field_count == 2);
