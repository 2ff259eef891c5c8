// '<' lays out without alignment (1); the struct is aligned to its double (8).
// expect gcc: alignment_is_not_alignof
// expect gcc: array subscript value [^ 0-9]*1[^ 0-9]* is outside the bounds
// expect clang: in call to 'alignment_is_not_alignof\(1, 8\)'
#include <pep3118/static.hpp>

struct S {
  double d;
};
static_assert(pep3118::describes<S>("<d"));
