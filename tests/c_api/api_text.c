/* Text into the caller's buffer: the canonical spelling and the emitted dialects, snprintf's
   contract at every capacity, and each way they fail. */
#include <pep3118/pep3118.h>

#include <string.h>

#include "api_tests.h"

static void check_canonical(const char* format, const char* expected) {
  pep3118_descriptor* descriptor = parsed(format);
  char text[64];
  size_t length = 0;
  pep3118_error error;
  CHECK_OK(pep3118_canonical(descriptor, text, sizeof text, &length, &error), error);
  CHECK_STR(text, expected);
  CHECK_INT(length, strlen(expected));
  pep3118_descriptor_free(descriptor);
}

/* The text of `dialect` for x86_64-linux-gnu, which must fit 1024 bytes and start as expected. */
static void check_emitted(const char* format, pep3118_dialect dialect, const char* expected_start) {
  pep3118_descriptor* descriptor = parsed(format);
  char text[1024];
  size_t length = 0;
  pep3118_error error;
  CHECK_OK(pep3118_emit(descriptor, preset("x86_64-linux-gnu"), dialect, text, sizeof text, &length, &error), error);
  CHECK(strncmp(text, expected_start, strlen(expected_start)) == 0);
  CHECK_INT(length, strlen(text));
  pep3118_descriptor_free(descriptor);
}

/* What a call that ran out of room returned: the status, and the length it needs. Pointers:
   the call writes them while the arguments are evaluated. */
static void check_too_small(pep3118_status status, const pep3118_error* error, const size_t* length,
                            size_t needed) {
  CHECK_ERROR(status, *error, PEP3118_BUFFER_TOO_SMALL, "buffer_too_small", 0);
  CHECK_INT(*length, needed);
}

static void test_canonical(void) {
  check_canonical(" T{ <i:a: >d:b: } ", "T{<i:a:>d:b:}");
  check_canonical("(2)(3)i", "(2,3)i");
  check_canonical("!q", ">q");
  check_canonical("", "");
}

/* snprintf's contract: the length always, as much text as fits with its NUL, and a status that
   says whether it all fitted. */
static void test_capacities(void) {
  pep3118_descriptor* descriptor = parsed("T{<i:a:>d:b:}"); /* 13 bytes */
  pep3118_descriptor* empty = parsed("");
  char text[16];
  size_t length = 0;
  pep3118_error error;
  check_too_small(pep3118_canonical(descriptor, NULL, 0, &length, &error), &error, &length, 13);
  memset(text, '#', sizeof text);
  check_too_small(pep3118_canonical(descriptor, text, 5, &length, &error), &error, &length, 13);
  CHECK_STR(text, "T{<i");
  CHECK_INT(text[5], '#');
  /* Room for the text but not its NUL. */
  check_too_small(pep3118_canonical(descriptor, text, 13, &length, &error), &error, &length, 13);
  CHECK_STR(text, "T{<i:a:>d:b:");
  CHECK_OK(pep3118_canonical(descriptor, text, 14, &length, &error), error);
  CHECK_STR(text, "T{<i:a:>d:b:}");
  /* length may be NULL. */
  CHECK_OK(pep3118_canonical(descriptor, text, sizeof text, NULL, &error), error);

  /* Even the empty text needs a byte for its NUL. */
  check_too_small(pep3118_canonical(empty, NULL, 0, &length, &error), &error, &length, 0);
  CHECK_OK(pep3118_canonical(empty, text, 1, &length, &error), error);
  CHECK_STR(text, "");

  CHECK_INVALID_ARGUMENT(pep3118_canonical(descriptor, NULL, 5, &length, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_canonical(NULL, text, sizeof text, &length, &error), error);
  pep3118_descriptor_free(descriptor);
  pep3118_descriptor_free(empty);
}

static void test_emit(void) {
  check_emitted("T{b:flag:i:count:}:rec:", PEP3118_DIALECT_NUMPY, "<T{b:flag:3xi:count:}:rec:");
  check_emitted("T{b:flag:i:count:}:rec:", PEP3118_DIALECT_STRUCT, "<b3xi");
  check_emitted("b:flag:d:ratio:", PEP3118_DIALECT_C,
                "/* The layout of the pep3118 format\n"
                "     b:flag:d:ratio:\n"
                "   for x86_64-linux-gnu: itemsize 16, pep3118 (NumPy) alignment 8. */\n");
}

/* Emits a format, which must parse; the call must fail as said, and leave the buffer alone. */
static void check_emit_fails(const char* format, const pep3118_target* target, pep3118_dialect dialect,
                             pep3118_status status, const char* name, size_t offset) {
  pep3118_descriptor* descriptor = parsed(format);
  char text[8] = "unset";
  size_t length = 99;
  pep3118_error error;
  CHECK_ERROR(pep3118_emit(descriptor, target, dialect, text, sizeof text, &length, &error), error, status, name,
              offset);
  CHECK_STR(text, "unset");
  CHECK_INT(length, 99);
  pep3118_descriptor_free(descriptor);
}

static void test_emit_failures(void) {
  const pep3118_target* host = pep3118_target_host();
  char text[8];
  pep3118_error error;
  check_emit_fails("i&i", host, PEP3118_DIALECT_NUMPY, PEP3118_CANNOT_EXPRESS, "numpy_cannot_express", 1);
  check_emit_fails("iX{}", host, PEP3118_DIALECT_STRUCT, PEP3118_CANNOT_EXPRESS, "struct_cannot_express", 1);
  check_emit_fails("i3t", host, PEP3118_DIALECT_C, PEP3118_NO_LAYOUT, "bitfield_layout", 1);
  check_emit_fails("i", host, (pep3118_dialect)3, PEP3118_INVALID_ARGUMENT, "invalid_argument", 0);
  check_emit_fails("i", NULL, PEP3118_DIALECT_NUMPY, PEP3118_INVALID_ARGUMENT, "invalid_argument", 0);
  CHECK_INVALID_ARGUMENT(pep3118_emit(NULL, host, PEP3118_DIALECT_NUMPY, text, sizeof text, NULL, &error), error);
}

void test_text(void) {
  test_canonical();
  test_capacities();
  test_emit();
  test_emit_failures();
}
