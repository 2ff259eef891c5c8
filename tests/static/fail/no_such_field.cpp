// No field has the path "c".
// expect gcc: no_field_has_this_path
// expect gcc: offset\(std::basic_string_view<char>\(\(\(const char\*\)"c"\)\)\)
// expect clang: non-constexpr function 'no_field_has_this_path'
// expect clang: in call to '&layout->offset\(\{1, &"c"\[0\]\}\)'
#include <pep3118/static.hpp>

constexpr pep3118::static_layout layout("T{i:a:d:b:}");
static_assert(layout.offset("c") == 0);
