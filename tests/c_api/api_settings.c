/* What the tests of entry points that must answer as pep3118_check does share: formats of
   every kind, the settings to check them under, and the comparison of their errors. */
#include <pep3118/pep3118.h>

#include "api_tests.h"

/* Big, small, failing, declined to the full engine, warned, and big again: in this order a
   checker reuses the storage of bigger and smaller answers. */
const char* const mixed_formats[] = {
    "T{b:m0:h:m1:i:m2:q:m3:f:m4:d:m5:B:m6:H:m7:I:m8:Q:m9:T{i:a:d:b:}:inner:3s:text:}",
    "<i",
    "T{i:a:d:b:h:c:}",
    "T{i:a:T{d:b:T{h:c:q:d:}:inner:}:middle:}",
    "i:ab:d:cd:h:ef:q:gh:Ki:kl:d:mn:",
    "T{i:a:i:a:}",
    "(2)T{b:a:i:b:}:s:&<q:p:",
    "(2,3)f",
    "X{ii->d}",
    "Zd",
    "i3t",
    "T{i",
    "=l",
    "F",
    "ixxd:x:",
    "T{}",
    "",
    "T{b:m0:h:m1:i:m2:q:m3:f:m4:d:m5:B:m6:H:m7:I:m8:Q:m9:T{i:a:d:b:}:inner:3s:text:}",
};
const size_t mixed_format_count = sizeof mixed_formats / sizeof mixed_formats[0];

void for_each_setting(void (*run)(const pep3118_target* target, const pep3118_parse_options* options)) {
  const char* const targets[] = {"x86_64-linux-gnu", "i686-linux-gnu", "s390x-linux-gnu", "x86_64-windows-msvc"};
  pep3118_parse_options options[3];
  size_t t;
  size_t o;
  options[0] = pep3118_parse_options_default();
  options[1] = pep3118_parse_options_default();
  options[1].rules = PEP3118_RULES_STRUCT;
  options[2] = pep3118_parse_options_default();
  options[2].strict = 1;
  for (t = 0; t < sizeof targets / sizeof targets[0]; ++t) {
    for (o = 0; o < 3; ++o) {
      run(preset(targets[t]), &options[o]);
    }
  }
}

void check_same_error(const pep3118_error* got, const pep3118_error* expected) {
  CHECK_INT(got->status, expected->status);
  CHECK_INT(got->code, expected->code);
  CHECK_STR(got->name, expected->name);
  CHECK_STR(got->message, expected->message);
  CHECK_INT(got->offset, expected->offset);
}
