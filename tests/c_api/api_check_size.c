/* pep3118_check_size: the itemsize, alignment and failures of pep3118_check on every kind of
   format, and each way it fails. */
#include <pep3118/pep3118.h>

#include <string.h>

#include "api_tests.h"

/* ---- The example of docs/c-api.md: a bytes view needs the itemsize alone ---------------------- */

/* The number of items in `length` bytes of a buffer whose items `format` describes; -1 when it
   is no format (*error says why) or the bytes are not whole items. */
static int64_t item_count(const char* format, int64_t length, pep3118_error* error) {
  pep3118_item_size size;
  if (pep3118_check_size(format, strlen(format), pep3118_target_host(), NULL, &size, error) != PEP3118_OK) return -1;
  if (size.itemsize == 0 || length % size.itemsize != 0) return -1;
  return length / size.itemsize;
}

static void test_example(void) {
  pep3118_error error;
  CHECK_INT(item_count("T{i:id:d:x:}", 64, &error), 4);
  CHECK_INT(item_count("<i", 64, &error), 16);
  CHECK_INT(item_count("<i", 6, &error), -1);
  CHECK_INT(item_count("T{i:id:K:x:}", 64, &error), -1);
  CHECK_STR(error.name, "unknown_code");
  CHECK_INT(error.offset, 7);
}

/* ---- Against pep3118_check ------------------------------------------------------------------ */

/* Every mixed format's size must be pep3118_check's with the same target and options. */
static void check_setting(const pep3118_target* target, const pep3118_parse_options* options) {
  size_t f;
  for (f = 0; f < mixed_format_count; ++f) {
    const char* format = mixed_formats[f];
    const size_t length = strlen(format);
    pep3118_item_size size = {-1, -1};
    pep3118_layout* expected = UNSET(pep3118_layout);
    pep3118_error size_error;
    pep3118_error expected_error;
    const pep3118_status status = pep3118_check_size(format, length, target, options, &size, &size_error);
    CHECK_INT(status, pep3118_check(format, length, target, options, &expected, &expected_error));
    check_same_error(&size_error, &expected_error);
    /* pep3118_layout_itemsize and _alignment say 0 for the NULL layout of a failure. */
    CHECK_INT(size.itemsize, pep3118_layout_itemsize(expected));
    CHECK_INT(size.alignment, pep3118_layout_alignment(expected));
    pep3118_layout_free(expected);
  }
}

static void test_bad_arguments(void) {
  const pep3118_target* host = pep3118_target_host();
  pep3118_parse_options bad_rules = pep3118_parse_options_default();
  pep3118_item_size size = {-1, -1};
  pep3118_error error;
  CHECK_INVALID_ARGUMENT(pep3118_check_size(NULL, 1, host, NULL, &size, &error), error);
  CHECK_INT(size.itemsize, 0);
  CHECK_INT(size.alignment, 0);
  CHECK_INVALID_ARGUMENT(pep3118_check_size("i", 1, NULL, NULL, &size, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_check_size("i", 1, host, NULL, NULL, &error), error);
  memset(&bad_rules.rules, 0x7F, sizeof bad_rules.rules);
  CHECK_INVALID_ARGUMENT(pep3118_check_size("i", 1, host, &bad_rules, &size, &error), error);
  /* The length counts, not a NUL: "id" cut to its first byte. */
  CHECK_OK(pep3118_check_size("id", 1, host, NULL, &size, &error), error);
  CHECK_INT(size.itemsize, 4);
  CHECK_INT(size.alignment, 4);
  /* A failure zeroes *out, and the error says where. */
  CHECK_ERROR(pep3118_check_size("iK", 2, host, NULL, &size, &error), error, PEP3118_INVALID_FORMAT,
              "unknown_code", 1);
  CHECK_INT(size.itemsize, 0);
  CHECK_INT(size.alignment, 0);
  /* No error argument: the status alone. */
  CHECK_INT(pep3118_check_size("i3t", 3, host, NULL, &size, NULL), PEP3118_NO_LAYOUT);
  CHECK_INT(pep3118_check_size("d", 1, host, NULL, &size, NULL), PEP3118_OK);
  CHECK_INT(size.itemsize, 8);
}

void test_check_size(void) {
  test_example();
  for_each_setting(check_setting);
  test_bad_arguments();
}
