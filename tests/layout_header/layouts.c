/* A C11 user of the generated header: structs that match the formats of CMakeLists.txt, checked
   at compile time by the header (CHECK_STRUCTS) and here at run time. */
#include <stddef.h>
#include <stdio.h>

typedef struct Point {
  int a;
#ifdef BREAK_STRUCT
  float b;
#else
  double b;
#endif
} Point;

typedef struct Vertex {
  double x;
  double y;
} Vertex;

typedef struct Mesh {
  int count;
  Vertex vertices[4];
} Mesh;

/* T{i:id:d}: the d has no name, NumPy calls it f0; the header has constants for it but cannot
   check it against a member. */
typedef struct Sample {
  int id;
  double value;
} Sample;

#include "c_layouts.h"

static int failures = 0;

static void expect(int holds, const char *what) {
  if (!holds) {
    fprintf(stderr, "layouts_c: not so: %s\n", what);
    ++failures;
  }
}

#define EXPECT(condition) expect((condition), #condition)

int main(void) {
  EXPECT(Point_ITEMSIZE == sizeof(Point));
  EXPECT(Point_ALIGNMENT == _Alignof(Point));
  EXPECT(Point_FIELD_COUNT == 2);
  EXPECT(Point_a_OFFSET == offsetof(Point, a));
  EXPECT(Point_b_OFFSET == offsetof(Point, b));
  EXPECT(Point_b_SIZE == sizeof(double));
  EXPECT(Mesh_ITEMSIZE == sizeof(Mesh));
  EXPECT(Mesh_vertices_OFFSET == offsetof(Mesh, vertices));
  EXPECT(Mesh_vertices_SIZE == sizeof(Vertex));
  EXPECT(Mesh_vertices_COUNT == 4);
  EXPECT(Mesh_vertices_y_OFFSET == offsetof(Mesh, vertices[0].y));
  EXPECT(Sample_f0_OFFSET == offsetof(Sample, value));
  return failures == 0 ? 0 : 1;
}
