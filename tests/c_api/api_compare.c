/* Comparing: each level, the first difference, byteswap_equal, the one-line explanation, and
   each way pep3118_compare fails. */
#include <pep3118/pep3118.h>

#include <string.h>

#include "api_tests.h"

/* pep3118_compare of two valid formats on x86_64-linux-gnu, which must succeed. */
static pep3118_comparison* compared(const char* a, const char* b) {
  pep3118_descriptor* first = parsed(a);
  pep3118_descriptor* second = parsed(b);
  pep3118_comparison* comparison = UNSET(pep3118_comparison);
  pep3118_error error;
  CHECK_OK(pep3118_compare(first, second, preset("x86_64-linux-gnu"), &comparison, &error), error);
  pep3118_descriptor_free(first);
  pep3118_descriptor_free(second);
  return comparison;
}

static void check_side(const pep3118_difference_side* side, const char* path, const char* what) {
  CHECK_STR(side->path, path);
  CHECK_INT(side->path_length, strlen(path));
  CHECK_STR(side->what, what);
  CHECK_INT(side->what_length, strlen(what));
}

static void check_explanation(const pep3118_comparison* comparison, const char* expected) {
  size_t length = 0;
  CHECK_STR(pep3118_comparison_explanation(comparison, &length), expected);
  CHECK_INT(length, strlen(expected));
  CHECK_STR(pep3118_comparison_explanation(comparison, NULL), expected);
}

static void test_identical(void) {
  pep3118_comparison* comparison = compared(" T{ <i:a: >d:b: } ", "T{<i:a:>d:b:}");
  pep3118_difference difference;
  CHECK_INT(pep3118_comparison_level(comparison), PEP3118_LEVEL_IDENTICAL);
  CHECK_INT(pep3118_comparison_difference(comparison, &difference), 0);
  CHECK_INT(pep3118_comparison_byteswap_equal(comparison), 0);
  check_explanation(comparison, "identical");
  pep3118_comparison_free(comparison);
}

static void test_layout_compatible(void) {
  pep3118_comparison* comparison = compared("T{i:a:i:b:}", "2i");
  pep3118_difference difference;
  CHECK_INT(pep3118_comparison_level(comparison), PEP3118_LEVEL_LAYOUT_COMPATIBLE);
  CHECK_INT(pep3118_comparison_difference(comparison, &difference), 1);
  CHECK_INT(difference.level, PEP3118_LEVEL_EQUIVALENT);
  CHECK_INT(difference.offset, 0);
  check_side(&difference.a, "a", "signed 4-byte integer, little-endian");
  check_side(&difference.b, "", "array (2) of signed 4-byte integer, little-endian");
  check_explanation(comparison,
                    "layout-compatible; not equivalent at offset 0: a has `a` (signed 4-byte integer, "
                    "little-endian), b has the item (array (2) of signed 4-byte integer, little-endian)");
  CHECK_INT(pep3118_comparison_difference(comparison, NULL), 0);
  pep3118_comparison_free(comparison);
}

static void test_byte_order(void) {
  pep3118_comparison* comparison = compared("<d", ">d");
  pep3118_difference difference;
  CHECK_INT(pep3118_comparison_level(comparison), PEP3118_LEVEL_SIZE_COMPATIBLE);
  CHECK_INT(pep3118_comparison_byteswap_equal(comparison), 1);
  CHECK_INT(pep3118_comparison_difference(comparison, &difference), 1);
  CHECK_INT(difference.level, PEP3118_LEVEL_LAYOUT_COMPATIBLE);
  check_explanation(comparison,
                    "size-compatible; not layout-compatible at offset 0: a has the item (IEEE 754 8-byte float, "
                    "little-endian), b has the item (IEEE 754 8-byte float, big-endian); they differ only in byte "
                    "order: a byteswap makes them layout-compatible");
  pep3118_comparison_free(comparison);
}

static void test_incompatible(void) {
  pep3118_comparison* comparison = compared("i", "d");
  pep3118_difference difference;
  CHECK_INT(pep3118_comparison_level(comparison), PEP3118_LEVEL_INCOMPATIBLE);
  CHECK_INT(pep3118_comparison_difference(comparison, &difference), 1);
  CHECK_INT(difference.level, PEP3118_LEVEL_SIZE_COMPATIBLE);
  check_side(&difference.a, "", "an item of 4 bytes");
  check_side(&difference.b, "", "an item of 8 bytes");
  pep3118_comparison_free(comparison);
}

/* Compares two formats, which must parse; the comparison must fail as said. */
static void check_compare_fails(const char* a, const char* b, pep3118_status status, const char* name,
                                size_t offset) {
  pep3118_descriptor* first = parsed(a);
  pep3118_descriptor* second = parsed(b);
  pep3118_comparison* comparison = UNSET(pep3118_comparison);
  pep3118_error error;
  CHECK_ERROR(pep3118_compare(first, second, pep3118_target_host(), &comparison, &error), error, status, name,
              offset);
  CHECK(comparison == NULL);
  pep3118_descriptor_free(first);
  pep3118_descriptor_free(second);
}

static void test_failures(void) {
  const pep3118_target* host = pep3118_target_host();
  pep3118_descriptor* descriptor = parsed("i");
  pep3118_comparison* comparison = UNSET(pep3118_comparison);
  pep3118_difference difference;
  pep3118_error error;
  /* The layout error of a, else of b, at its offset into that format. */
  check_compare_fails("i3t", "i", PEP3118_NO_LAYOUT, "bitfield_layout", 1);
  check_compare_fails("i", "ii3t", PEP3118_NO_LAYOUT, "bitfield_layout", 2);
  check_compare_fails("(3000000)T{bb}", "6000000b", PEP3118_TOO_LARGE, "too_large_to_compare", 0);

  CHECK_INVALID_ARGUMENT(pep3118_compare(NULL, descriptor, host, &comparison, &error), error);
  CHECK(comparison == NULL);
  CHECK_INVALID_ARGUMENT(pep3118_compare(descriptor, NULL, host, &comparison, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_compare(descriptor, descriptor, NULL, &comparison, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_compare(descriptor, descriptor, host, NULL, &error), error);
  pep3118_descriptor_free(descriptor);

  CHECK_INT(pep3118_comparison_level(NULL), PEP3118_LEVEL_INCOMPATIBLE);
  CHECK_INT(pep3118_comparison_byteswap_equal(NULL), 0);
  CHECK_INT(pep3118_comparison_difference(NULL, &difference), 0);
  CHECK_STR(pep3118_comparison_explanation(NULL, NULL), NULL);
  pep3118_comparison_free(NULL);
}

void test_compare(void) {
  test_identical();
  test_layout_compatible();
  test_byte_order();
  test_incompatible();
  test_failures();
}
