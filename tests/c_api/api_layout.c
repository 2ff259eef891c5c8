/* Layouts: itemsize, alignment and every member of every field, through pep3118_layout_of and
   pep3118_check, and each way they fail. */
#include <pep3118/pep3118.h>

#include <string.h>

#include "api_tests.h"

/* The field at `index`, which must exist. */
static pep3118_field field_at(const pep3118_layout* layout, size_t index) {
  pep3118_field field;
  pep3118_error error;
  CHECK_OK(pep3118_layout_field(layout, index, &field, &error), error);
  CHECK_INT(strlen(field.path), field.path_length);
  return field;
}

/* The members every field has. */
static void check_field(const pep3118_field* field, const char* path, long long offset, long long size,
                        long long alignment, const char* code, pep3118_byteorder byteorder) {
  CHECK_STR(field->path, path);
  CHECK_INT(field->offset, offset);
  CHECK_INT(field->size, size);
  CHECK_INT(field->alignment, alignment);
  CHECK_STR(field->code, code);
  CHECK_INT(field->byteorder, byteorder);
}

/* DESIGN §6: an array of structs, its element's members, and a pointer. */
static void test_fields(void) {
  pep3118_layout* layout = laid_out("(2)T{b:a:i:b:}:s:&<q:p:", preset("x86_64-linux-gnu"));
  pep3118_field field;
  CHECK_INT(pep3118_layout_itemsize(layout), 24);
  CHECK_INT(pep3118_layout_alignment(layout), 8);
  CHECK_INT(pep3118_layout_field_count(layout), 4);

  field = field_at(layout, 0);
  check_field(&field, "s", 0, 8, 4, "T", PEP3118_BYTEORDER_NONE);
  CHECK_INT(field.ndim, 1);
  CHECK_INT(field.shape[0], 2);
  CHECK(field.points_to == NULL);
  CHECK_INT(field.depth, 0);

  field = field_at(layout, 1);
  check_field(&field, "s[*].a", 0, 1, 1, "b", PEP3118_BYTEORDER_NONE);
  CHECK_INT(field.ndim, 0);
  CHECK(field.shape == NULL);
  CHECK_INT(field.depth, 1);

  field = field_at(layout, 2);
  check_field(&field, "s[*].b", 4, 4, 4, "i", PEP3118_BYTEORDER_LITTLE);

  field = field_at(layout, 3);
  check_field(&field, "p", 16, 8, 8, "&", PEP3118_BYTEORDER_LITTLE);
  CHECK_STR(field.points_to, "<q");
  CHECK_INT(field.points_to_length, 2);
  pep3118_layout_free(layout);
}

static void test_lone_items(void) {
  const pep3118_target* x86_64 = preset("x86_64-linux-gnu");
  pep3118_layout* layout = laid_out("(2,3)f", x86_64);
  pep3118_field field = field_at(layout, 0);
  /* One unnamed item: the empty path, as NumPy returns a plain dtype. */
  check_field(&field, "", 0, 4, 4, "f", PEP3118_BYTEORDER_LITTLE);
  CHECK_INT(field.ndim, 2);
  CHECK_INT(field.shape[0], 2);
  CHECK_INT(field.shape[1], 3);
  pep3118_layout_free(layout);

  layout = laid_out("X{ii->d}", x86_64);
  field = field_at(layout, 0);
  check_field(&field, "", 0, 8, 8, "X", PEP3118_BYTEORDER_LITTLE);
  CHECK_STR(field.points_to, "X{ii->d}");
  pep3118_layout_free(layout);

  layout = laid_out("Zd", preset("s390x-linux-gnu"));
  field = field_at(layout, 0);
  check_field(&field, "", 0, 16, 8, "Zd", PEP3118_BYTEORDER_BIG);
  pep3118_layout_free(layout);
}

static void test_layout_of(void) {
  pep3118_descriptor* descriptor = parsed("ib");
  pep3118_parse_options struct_rules = pep3118_parse_options_default();
  pep3118_layout* layout = UNSET(pep3118_layout);
  pep3118_error error;
  CHECK_OK(pep3118_layout_of(descriptor, pep3118_target_host(), &layout, &error), error);
  CHECK_INT(pep3118_layout_itemsize(layout), 8);
  pep3118_layout_free(layout);
  pep3118_descriptor_free(descriptor);

  /* The rules the format was read under lay it out. */
  struct_rules.rules = PEP3118_RULES_STRUCT;
  CHECK_OK(pep3118_check("ib", 2, pep3118_target_host(), &struct_rules, &layout, &error), error);
  CHECK_INT(pep3118_layout_itemsize(layout), 5);
  CHECK_INT(pep3118_layout_alignment(layout), 4);
  pep3118_layout_free(layout);
}

/* pep3118_check of a format for the host; the call must fail as said. */
static void check_fails(const char* format, pep3118_status status, const char* name, size_t offset) {
  pep3118_layout* layout = UNSET(pep3118_layout);
  pep3118_error error;
  CHECK_ERROR(pep3118_check(format, strlen(format), pep3118_target_host(), NULL, &layout, &error), error, status,
              name, offset);
  CHECK(layout == NULL);
}

static void test_no_layout(void) {
  pep3118_descriptor* descriptor = parsed("i3t");
  pep3118_layout* layout = UNSET(pep3118_layout);
  pep3118_error error;
  CHECK_ERROR(pep3118_layout_of(descriptor, pep3118_target_host(), &layout, &error), error, PEP3118_NO_LAYOUT,
              "bitfield_layout", 1);
  CHECK(layout == NULL);
  pep3118_descriptor_free(descriptor);

  check_fails("i3t", PEP3118_NO_LAYOUT, "bitfield_layout", 1);
  check_fails("(4611686018427387904)q", PEP3118_NO_LAYOUT, "size_overflow", 0);
  check_fails("T{i", PEP3118_INVALID_FORMAT, "unterminated_struct", 3);
}

static void test_bad_arguments(void) {
  const pep3118_target* host = pep3118_target_host();
  pep3118_descriptor* descriptor = parsed("i");
  pep3118_layout* layout = UNSET(pep3118_layout);
  pep3118_field field;
  pep3118_error error;
  CHECK_INVALID_ARGUMENT(pep3118_layout_of(NULL, host, &layout, &error), error);
  CHECK(layout == NULL);
  /* A misspelt target is NULL, never the host by default. */
  CHECK_INVALID_ARGUMENT(pep3118_layout_of(descriptor, pep3118_target_find("x86-64"), &layout, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_layout_of(descriptor, host, NULL, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_check("i", 1, NULL, NULL, &layout, &error), error);
  layout = UNSET(pep3118_layout);
  CHECK_INVALID_ARGUMENT(pep3118_check(NULL, 1, host, NULL, &layout, &error), error);
  CHECK(layout == NULL);
  CHECK_INVALID_ARGUMENT(pep3118_check("i", 1, host, NULL, NULL, &error), error);
  pep3118_descriptor_free(descriptor);

  layout = laid_out("i", host);
  CHECK_INVALID_ARGUMENT(pep3118_layout_field(layout, 1, &field, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_layout_field(layout, 0, NULL, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_layout_field(NULL, 0, &field, &error), error);
  pep3118_layout_free(layout);

  CHECK_INT(pep3118_layout_itemsize(NULL), 0);
  CHECK_INT(pep3118_layout_alignment(NULL), 0);
  CHECK_INT(pep3118_layout_field_count(NULL), 0);
  pep3118_layout_free(NULL);
}

void test_layout(void) {
  test_fields();
  test_lone_items();
  test_layout_of();
  test_no_layout();
  test_bad_arguments();
}
