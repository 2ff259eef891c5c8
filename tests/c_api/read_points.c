/* c_api.read_points: pep3118 as a C extension uses it. read_points() sums the points of a buffer
   that some exporter hands it, and checks what the buffer says about its items against its own
   struct before it reads a byte of them. main() hands it good buffers and bad ones. */
#include <pep3118/pep3118.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* ---- The consumer ------------------------------------------------------------------------- */

/* What a Py_buffer holds (an extension would include Python.h instead). */
typedef struct my_buffer {
  void* buf;
  ptrdiff_t len;
  ptrdiff_t itemsize;
  int readonly;
  const char* format;
  int ndim;
  ptrdiff_t* shape;
  ptrdiff_t* strides;
  ptrdiff_t* suboffsets;
} my_buffer;

/* The items read_points reads, and the format that describes them. */
struct point {
  int id;
  double x;
  double y;
};
static const char point_format[] = "T{i:id:d:x:d:y:}";

/* point_format parsed once, as an extension module would in its init function. */
static pep3118_descriptor* expected_points;

typedef struct points_sum {
  ptrdiff_t count;
  long long ids;
  double x;
  double y;
} points_sum;

static void swap_bytes(void* value, size_t size) {
  unsigned char* bytes = (unsigned char*)value;
  size_t i;
  for (i = 0; i < size / 2; ++i) {
    const unsigned char first = bytes[i];
    bytes[i] = bytes[size - 1 - i];
    bytes[size - 1 - i] = first;
  }
}

/* Whether the buffer's parts agree: a valid format, the itemsize the format describes, strides
   that fit the shape. 0, or -1 and why not. */
static int check_buffer(const my_buffer* buffer, char* why, size_t why_size) {
  const pep3118_buffer_view view = {buffer->format, buffer->itemsize,  buffer->ndim,
                                    buffer->shape,  buffer->strides, buffer->suboffsets};
  pep3118_buffer_report* report;
  pep3118_error error;
  size_t i;
  int consistent;
  if (pep3118_buffer_check(&view, pep3118_target_host(), NULL, &report, &error) != PEP3118_OK) {
    snprintf(why, why_size, "bad buffer format: %s at offset %zu [%s]", error.message, error.offset, error.name);
    return -1;
  }
  consistent = pep3118_buffer_report_consistent(report);
  for (i = 0; !consistent && i < pep3118_buffer_report_finding_count(report); ++i) {
    pep3118_finding finding;
    if (pep3118_buffer_report_finding(report, i, &finding, NULL) == PEP3118_OK &&
        finding.severity == PEP3118_SEVERITY_ERROR) {
      snprintf(why, why_size, "inconsistent buffer: %s [%s]", finding.message, finding.name);
      break;
    }
  }
  pep3118_buffer_report_free(report);
  return consistent ? 0 : -1;
}

/* How the buffer's items relate to struct point: 0 they are points, 1 they are points once each
   field is byteswapped, -1 they are not (and why not). */
static int match_points(const my_buffer* buffer, char* why, size_t why_size) {
  const char* format = buffer->format != NULL ? buffer->format : "B";
  pep3118_descriptor* actual = NULL;
  pep3118_comparison* comparison = NULL;
  pep3118_error error;
  int match = -1;
  if (buffer->itemsize != (ptrdiff_t)sizeof(struct point)) {
    snprintf(why, why_size, "items of %td bytes, but a struct point has %zu", buffer->itemsize, sizeof(struct point));
    return -1;
  }
  if (pep3118_parse(format, strlen(format), NULL, &actual, &error) != PEP3118_OK ||
      pep3118_compare(expected_points, actual, pep3118_target_host(), &comparison, &error) != PEP3118_OK) {
    snprintf(why, why_size, "bad buffer format: %s [%s]", error.message, error.name);
    pep3118_descriptor_free(actual);
    return -1;
  }
  if (pep3118_comparison_level(comparison) <= PEP3118_LEVEL_LAYOUT_COMPATIBLE) {
    match = 0;
  } else if (pep3118_comparison_byteswap_equal(comparison)) {
    match = 1;
  } else {
    snprintf(why, why_size, "not struct point: %s", pep3118_comparison_explanation(comparison, NULL));
  }
  pep3118_comparison_free(comparison);
  pep3118_descriptor_free(actual);
  return match;
}

/* One item, in this machine's byte order; memcpy needs no alignment of `at`. */
static struct point point_at(const char* at, int swapped) {
  struct point item;
  memcpy(&item, at, sizeof item);
  if (swapped) {
    swap_bytes(&item.id, sizeof item.id);
    swap_bytes(&item.x, sizeof item.x);
    swap_bytes(&item.y, sizeof item.y);
  }
  return item;
}

/* Sums a one-dimensional buffer of points into *sum: 0, or -1 and why not, untouched. */
static int read_points(const my_buffer* buffer, points_sum* sum, char* why, size_t why_size) {
  ptrdiff_t i;
  ptrdiff_t stride;
  int swapped;
  if (check_buffer(buffer, why, why_size) != 0) return -1;
  if (buffer->ndim != 1 || buffer->shape == NULL || buffer->suboffsets != NULL) {
    snprintf(why, why_size, "expected a one-dimensional array of points");
    return -1;
  }
  swapped = match_points(buffer, why, why_size);
  if (swapped < 0) return -1;
  stride = buffer->strides != NULL ? buffer->strides[0] : buffer->itemsize;
  memset(sum, 0, sizeof *sum);
  for (i = 0; i < buffer->shape[0]; ++i) {
    const struct point item = point_at((const char*)buffer->buf + i * stride, swapped);
    sum->count += 1;
    sum->ids += item.id;
    sum->x += item.x;
    sum->y += item.y;
  }
  return 0;
}

/* ---- The tests ---------------------------------------------------------------------------- */

static struct point points[3] = {{1, 0.5, 10.0}, {2, 1.5, 20.0}, {3, 2.5, 30.0}};
static ptrdiff_t three[] = {3};
static ptrdiff_t two[] = {2};
static ptrdiff_t item_stride[] = {sizeof(struct point)};
static ptrdiff_t every_other_item[] = {2 * sizeof(struct point)};
static ptrdiff_t one_by_three[] = {1, 3};
static ptrdiff_t matrix_strides[] = {3 * sizeof(struct point), sizeof(struct point)};

static my_buffer points_buffer(void* items, const char* format, ptrdiff_t itemsize) {
  my_buffer buffer = {NULL, 0, 0, 1, NULL, 1, three, item_stride, NULL};
  buffer.buf = items;
  buffer.len = 3 * itemsize;
  buffer.itemsize = itemsize;
  buffer.format = format;
  return buffer;
}

static void check_read(const my_buffer* buffer, ptrdiff_t count, long long ids, double x, double y) {
  points_sum sum;
  char why[512] = "";
  if (read_points(buffer, &sum, why, sizeof why) != 0) fprintf(stderr, "refused %s: %s\n", buffer->format, why);
  CHECK_STR(why, "");
  CHECK_INT(sum.count, count);
  CHECK_INT(sum.ids, ids);
  CHECK(sum.x == x && sum.y == y);
}

/* read_points must refuse the buffer, saying `reason` among its words. */
static void check_refused(const my_buffer* buffer, const char* reason) {
  points_sum sum = {-1, -1, -1.0, -1.0};
  char why[512] = "";
  CHECK_INT(read_points(buffer, &sum, why, sizeof why), -1);
  if (strstr(why, reason) == NULL) fprintf(stderr, "refused %s: %s\n", buffer->format, why);
  CHECK(strstr(why, reason) != NULL);
  CHECK_INT(sum.count, -1);
}

static void test_points(void) {
  my_buffer buffer = points_buffer(points, point_format, sizeof(struct point));
  check_read(&buffer, 3, 6, 4.5, 60.0);
  /* Strided: every other point. */
  buffer.shape = two;
  buffer.strides = every_other_item;
  check_read(&buffer, 2, 4, 3.0, 40.0);
  /* No strides: contiguous. */
  buffer = points_buffer(points, point_format, sizeof(struct point));
  buffer.strides = NULL;
  check_read(&buffer, 3, 6, 4.5, 60.0);
  /* The same bytes in other words: no names, and `=` with the padding written out. */
  buffer = points_buffer(points, "idd", sizeof(struct point));
  check_read(&buffer, 3, 6, 4.5, 60.0);
  buffer = points_buffer(points, "T{=i:id:4xd:x:d:y:}", sizeof(struct point));
  check_read(&buffer, 3, 6, 4.5, 60.0);
}

static void test_padding(void) {
  /* ctypes before Python 3.12 writes no padding: under `<` the fields are packed, so the format
     says `x` is at offset 4, not 8, and describes 20 bytes of the 24. */
  my_buffer buffer = points_buffer(points, "T{<i:id:<d:x:<d:y:}", sizeof(struct point));
  check_refused(&buffer, "[padding_undescribed]");
  /* An exporter that believes its own packed format. */
  buffer.itemsize = 20;
  check_refused(&buffer, "items of 20 bytes, but a struct point has 24");
}

static void test_wrong_items(void) {
  my_buffer buffer = points_buffer(points, point_format, 32);
  check_refused(&buffer, "[trailing_bytes_undescribed]");
  buffer = points_buffer(points, "T{i:id:d:x:}", 16);
  check_refused(&buffer, "items of 16 bytes, but a struct point has 24");
  /* The right size, but `y` is a float. */
  buffer = points_buffer(points, "T{i:id:d:x:f:y:}", sizeof(struct point));
  check_refused(&buffer, "not struct point: size-compatible; not layout-compatible at offset 16");
  buffer = points_buffer(points, "T{i:id:d:x:d:y:", sizeof(struct point));
  check_refused(&buffer, "expected '}' to close 'T{' at offset 15 [unterminated_struct]");
  /* Consistent, but a matrix of points. */
  buffer = points_buffer(points, point_format, sizeof(struct point));
  buffer.ndim = 2;
  buffer.shape = one_by_three;
  buffer.strides = matrix_strides;
  check_refused(&buffer, "expected a one-dimensional array of points");
}

/* The points as a machine of the other byte order exports them, with a format that says so. */
static void test_other_byte_order(void) {
  const int little = pep3118_target_byteorder(pep3118_target_host()) == PEP3118_BYTEORDER_LITTLE;
  struct point swapped[3];
  my_buffer buffer;
  size_t i;
  memcpy(swapped, points, sizeof swapped);
  for (i = 0; i < 3; ++i) {
    swap_bytes(&swapped[i].id, sizeof swapped[i].id);
    swap_bytes(&swapped[i].x, sizeof swapped[i].x);
    swap_bytes(&swapped[i].y, sizeof swapped[i].y);
  }
  buffer = points_buffer(swapped, little ? "T{>i:id:4xd:x:d:y:}" : "T{<i:id:4xd:x:d:y:}", sizeof(struct point));
  check_read(&buffer, 3, 6, 4.5, 60.0);
}

int main(void) {
  pep3118_error error;
  CHECK_OK(pep3118_parse(point_format, strlen(point_format), NULL, &expected_points, &error), error);
  test_points();
  test_padding();
  test_wrong_items();
  test_other_byte_order();
  pep3118_descriptor_free(expected_points);
  puts("c_api.read_points: every check passed");
  return 0;
}
