// Compiles only if the installed compile-time engine and the generated header agree with the
// struct; prints the generated constants.
#include <cstddef>
#include <cstdio>

#include <pep3118/static.hpp>

struct Record {
  int id;
  double value;
};

#include "record_layouts.h"

static_assert(pep3118::describes<Record>("T{i:id:d:value:}"));
static_assert(pep3118::static_layout(Record_FORMAT).offset("value") == Record_value_OFFSET);

int main() {
  std::printf("Record: %d bytes, value at %d\n", Record_ITEMSIZE, Record_value_OFFSET);
  return 0;
}
