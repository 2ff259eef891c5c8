/* Targets: the host, the presets by name and by index, and targets read from a file. */
#include <pep3118/pep3118.h>

#include <stddef.h>
#include <string.h>

#include "api_tests.h"

static const char dsp_file[] =
    "# A 32-bit big-endian DSP that aligns everything wider than a byte to 2.\n"
    "name = my-dsp\n"
    "byteorder = big\n"
    "bool = 1 1\n"
    "short = 2 2\n"
    "int = 4 2\n"
    "long = 4 2\n"
    "long long = 8 2\n"
    "size_t = 4 2\n"
    "float = 4 2\n"
    "double = 8 2\n"
    "long double = 8 2\n"
    "pointer = 4 2\n";

static pep3118_byteorder this_machines_order(void) {
  const unsigned int one = 1;
  unsigned char first;
  memcpy(&first, &one, 1);
  return first == 1 ? PEP3118_BYTEORDER_LITTLE : PEP3118_BYTEORDER_BIG;
}

static void test_presets(void) {
  const pep3118_target* host = pep3118_target_host();
  size_t i;
  CHECK(host != NULL);
  CHECK_STR(pep3118_target_name(host), "host");
  CHECK_INT(pep3118_target_byteorder(host), this_machines_order());

  CHECK(pep3118_target_count() >= 11);
  CHECK(pep3118_target_at(0) == host);
  for (i = 0; i < pep3118_target_count(); ++i) {
    const pep3118_target* target = pep3118_target_at(i);
    CHECK(target != NULL);
    CHECK(pep3118_target_find(pep3118_target_name(target)) == target);
  }
  CHECK(pep3118_target_at(pep3118_target_count()) == NULL);

  CHECK_STR(pep3118_target_name(preset("x86_64-linux-gnu")), "x86_64-linux-gnu");
  CHECK_INT(pep3118_target_byteorder(preset("x86_64-linux-gnu")), PEP3118_BYTEORDER_LITTLE);
  CHECK_INT(pep3118_target_byteorder(preset("s390x-linux-gnu")), PEP3118_BYTEORDER_BIG);
  CHECK(pep3118_target_find("x86_64-linux") == NULL);
  CHECK(pep3118_target_find(NULL) == NULL);
  CHECK_STR(pep3118_target_name(NULL), NULL);
  CHECK_INT(pep3118_target_byteorder(NULL), PEP3118_BYTEORDER_NONE);
}

static void test_target_file(void) {
  pep3118_target* dsp = UNSET(pep3118_target);
  pep3118_layout* layout;
  pep3118_field field;
  pep3118_error error;
  CHECK_OK(pep3118_target_read(dsp_file, strlen(dsp_file), &dsp, &error), error);
  CHECK_STR(pep3118_target_name(dsp), "my-dsp");
  CHECK_INT(pep3118_target_byteorder(dsp), PEP3118_BYTEORDER_BIG);
  /* int aligned to 2, not 4. */
  layout = laid_out("T{b:a:i:b:}", dsp);
  CHECK_INT(pep3118_layout_itemsize(layout), 6);
  CHECK_OK(pep3118_layout_field(layout, 1, &field, &error), error);
  CHECK_INT(field.offset, 2);
  CHECK_INT(field.byteorder, PEP3118_BYTEORDER_BIG);
  pep3118_layout_free(layout);
  pep3118_target_free(dsp);
}

/* Reads `length` bytes of `text`; the call must fail with `name` at `offset`. */
static void check_bad_file(const char* text, size_t length, const char* name, size_t offset) {
  pep3118_target* target = UNSET(pep3118_target);
  pep3118_error error;
  CHECK_ERROR(pep3118_target_read(text, length, &target, &error), error, PEP3118_INVALID_TARGET_FILE, name, offset);
  CHECK(target == NULL);
}

static void test_bad_target_files(void) {
  static const char bad_line[] = "name = x\nbyteorder = middle\n";
  static const char missing_keys[] = "name = x\n";
  pep3118_target* target = UNSET(pep3118_target);
  pep3118_error error;
  /* At the line's first byte. */
  check_bad_file(bad_line, strlen(bad_line), "bad_target_line", 9);
  /* At the end. */
  check_bad_file(missing_keys, strlen(missing_keys), "missing_target_key", strlen(missing_keys));
  /* The text ends at `length`: here in the last line, "pointer = 4", which lacks its alignment. */
  check_bad_file(dsp_file, strlen(dsp_file) - 3, "bad_target_line", strlen(dsp_file) - 14);

  CHECK_INVALID_ARGUMENT(pep3118_target_read(NULL, 0, &target, &error), error);
  CHECK(target == NULL);
  CHECK_INVALID_ARGUMENT(pep3118_target_read(dsp_file, strlen(dsp_file), NULL, &error), error);
  /* Without an error struct the status still tells. */
  CHECK_INT(pep3118_target_read(bad_line, strlen(bad_line), &target, NULL), PEP3118_INVALID_TARGET_FILE);
}

static void test_freeing_targets(void) {
  pep3118_target_free(NULL);
  /* A preset is never freed: the host is still there afterwards. */
  pep3118_target_free((pep3118_target*)(void*)pep3118_target_host());
  CHECK_STR(pep3118_target_name(pep3118_target_host()), "host");
}

void test_targets(void) {
  test_presets();
  test_target_file();
  test_bad_target_files();
  test_freeing_targets();
}
