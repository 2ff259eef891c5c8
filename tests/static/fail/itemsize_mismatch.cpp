// The format says two ints (8 bytes), the struct has an int and a double (16).
// expect gcc: itemsize_is_not_sizeof
// expect gcc: array subscript value [^ 0-9]*8[^ 0-9]* is outside the bounds
// expect clang: in call to 'itemsize_is_not_sizeof\(8, 16\)'
#include <pep3118/static.hpp>

struct S {
  int a;
  double b;
};
static_assert(pep3118::describes<S>("T{i:a:i:b:}"));
