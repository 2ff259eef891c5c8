/* What the tests of entry points that must answer as pep3118_check does share: formats of
   every kind, the settings to check them under, and the comparison of their errors and
   layouts. */
#include <pep3118/pep3118.h>

#include <string.h>

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

/* Two fields must be equal member by member. */
static void check_same_field(const pep3118_field* a, const pep3118_field* b) {
  size_t dim;
  CHECK_STR(a->path, b->path);
  CHECK_INT(a->path_length, b->path_length);
  CHECK_INT(a->offset, b->offset);
  CHECK_INT(a->size, b->size);
  CHECK_INT(a->alignment, b->alignment);
  CHECK_STR(a->code, b->code);
  CHECK_INT(a->byteorder, b->byteorder);
  CHECK_INT(a->ndim, b->ndim);
  for (dim = 0; dim < a->ndim && dim < b->ndim; ++dim) {
    CHECK_INT(a->shape[dim], b->shape[dim]);
  }
  CHECK((a->points_to == NULL) == (b->points_to == NULL));
  if (a->points_to != NULL && b->points_to != NULL) {
    CHECK_STR(a->points_to, b->points_to);
  }
  CHECK_INT(a->points_to_length, b->points_to_length);
  CHECK_INT(a->depth, b->depth);
}

void check_same_layout(const pep3118_layout* got, const pep3118_layout* expected) {
  size_t index;
  CHECK_INT(pep3118_layout_itemsize(got), pep3118_layout_itemsize(expected));
  CHECK_INT(pep3118_layout_alignment(got), pep3118_layout_alignment(expected));
  CHECK_INT(pep3118_layout_field_count(got), pep3118_layout_field_count(expected));
  for (index = 0; index < pep3118_layout_field_count(expected); ++index) {
    pep3118_field a;
    pep3118_field b;
    pep3118_error error;
    CHECK_OK(pep3118_layout_field(got, index, &a, &error), error);
    CHECK_OK(pep3118_layout_field(expected, index, &b, &error), error);
    check_same_field(&a, &b);
  }
}

pep3118_target* dsp_target(void) {
  static const char dsp_file[] =
      "name = my-dsp\nbyteorder = big\nbool = 1 1\nshort = 2 2\nint = 4 2\nlong = 4 2\nlong long = 8 2\n"
      "size_t = 4 2\nfloat = 4 2\ndouble = 8 2\nlong double = 8 2\npointer = 4 2\n";
  pep3118_target* dsp = UNSET(pep3118_target);
  pep3118_error error;
  CHECK_OK(pep3118_target_read(dsp_file, strlen(dsp_file), &dsp, &error), error);
  return dsp;
}

void check_answer(const char* format, const pep3118_target* target, const pep3118_parse_options* options,
                  pep3118_status status, const pep3118_layout* answer, const pep3118_error* answer_error) {
  pep3118_layout* expected = UNSET(pep3118_layout);
  pep3118_error expected_error;
  CHECK_INT(status, pep3118_check(format, strlen(format), target, options, &expected, &expected_error));
  check_same_error(answer_error, &expected_error);
  CHECK((answer == NULL) == (status != PEP3118_OK));
  if (status == PEP3118_OK && answer != NULL && expected != NULL) {
    check_same_layout(answer, expected);
  }
  pep3118_layout_free(expected);
}

void check_dsp_struct(const pep3118_layout* layout) {
  pep3118_field field;
  pep3118_error error;
  CHECK_INT(pep3118_layout_itemsize(layout), 10);
  CHECK_OK(pep3118_layout_field(layout, 1, &field, &error), error);
  CHECK_STR(field.path, "b");
  CHECK_INT(field.offset, 2);
  CHECK_INT(field.byteorder, PEP3118_BYTEORDER_BIG);
}

void check_padded_char(const pep3118_layout* layout) {
  pep3118_field field;
  pep3118_error error;
  CHECK_INT(pep3118_layout_itemsize(layout), 6);
  CHECK_INT(pep3118_layout_field_count(layout), 2);
  CHECK_OK(pep3118_layout_field(layout, 1, &field, &error), error);
  CHECK_STR(field.path, "c");
  CHECK_STR(field.code, "x");
}
