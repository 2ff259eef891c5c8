// A C++17 user of the generated headers: structs that match the formats of CMakeLists.txt,
// checked at compile time by the header (CHECK_STRUCTS) and here at run time, and constants for
// CPython struct's rules and for another machine's ABI.
#include <cstddef>
#include <cstdio>
#include <cstring>

struct Point {
  int a;
#ifdef BREAK_STRUCT
  float b;
#else
  double b;
#endif
};

struct Particle {
  double position[3];
  float mass;
};

#include "layouts.hpp"
#include "layouts/dsp.h"
#include "layouts/struct_rules.h"

namespace {

int failures = 0;

void expect(bool holds, const char* what) {
  if (!holds) {
    std::fprintf(stderr, "layouts_cxx: not so: %s\n", what);
    ++failures;
  }
}

#define EXPECT(condition) expect((condition), #condition)

// What CPython's struct module lays out for "id": an int, then a double at its alignment.
struct IntDouble {
  int i;
  double d;
};

}  // namespace

int main() {
  EXPECT(Point_ITEMSIZE == sizeof(Point));
  EXPECT(Point_ALIGNMENT == alignof(Point));
  EXPECT(Point_b_OFFSET == offsetof(Point, b));
  EXPECT(Particle_position_OFFSET == offsetof(Particle, position));
  EXPECT(Particle_position_SIZE == sizeof(double));
  EXPECT(Particle_position_COUNT == 3);
  EXPECT(Particle_mass_OFFSET == offsetof(Particle, mass));
  EXPECT(std::strcmp(Particle_FORMAT, "T{(3)d:position:f:mass:}") == 0);
  // struct rules: no padding at the end.
  EXPECT(Pair_f1_OFFSET == offsetof(IntDouble, d));
  EXPECT(Pair_ITEMSIZE == offsetof(IntDouble, d) + sizeof(double));
  // my-dsp aligns everything wider than a byte to 2, and its long is 4 bytes.
  EXPECT(Dsp_count_OFFSET == 2);
  EXPECT(Dsp_ratio_OFFSET == 6);
  EXPECT(Dsp_ITEMSIZE == 14);
  EXPECT(Dsp_ALIGNMENT == 2);
  return failures == 0 ? 0 : 1;
}
