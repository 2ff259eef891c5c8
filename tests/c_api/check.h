/* The checks of the C API's tests: the first one that fails prints where and what, and ends the
   program with status 1, so that a failed check can never pass unnoticed. */
#ifndef PEP3118_TESTS_C_API_CHECK_H
#define PEP3118_TESTS_C_API_CHECK_H

#include <pep3118/pep3118.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(condition) check_true((condition) != 0, __FILE__, __LINE__, #condition)
/* Two integers, shown on failure. */
#define CHECK_INT(actual, expected) \
  check_int((long long)(actual), (long long)(expected), __FILE__, __LINE__, #actual " == " #expected)
/* Two NUL-terminated strings, either of which may be NULL. */
#define CHECK_STR(actual, expected) check_str((actual), (expected), __FILE__, __LINE__, #actual " == " #expected)
/* A call that succeeded, and cleared its pep3118_error to say so. */
#define CHECK_OK(status, error) check_ok((status), &(error), __FILE__, __LINE__)
/* What a failed call returned and wrote into its pep3118_error: the status, the code's (or
   status's) name and the offset. */
#define CHECK_ERROR(status, error, expected_status, expected_name, expected_offset) \
  check_error((status), &(error), (expected_status), (expected_name), (expected_offset), __FILE__, __LINE__)
/* A call refused for its arguments: NULL where a pointer is needed, an index out of range. */
#define CHECK_INVALID_ARGUMENT(status, error) \
  CHECK_ERROR((status), error, PEP3118_INVALID_ARGUMENT, "invalid_argument", 0)

/* Storage for UNSET: suitably aligned for any handle. */
static union {
  long double number;
  void* pointer;
  long long integer;
} unset_storage;
static inline void* unset_handle(void) { return &unset_storage; }
/* A handle pointer that is not NULL before a call, so that a test sees a failing call set it
   to NULL. Never freed nor read through. */
#define UNSET(type) ((type*)unset_handle())

static inline void check_failed(const char* file, int line, const char* what) {
  fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
  exit(1);
}

static inline void check_true(int holds, const char* file, int line, const char* what) {
  if (!holds) check_failed(file, line, what);
}

static inline void check_int(long long actual, long long expected, const char* file, int line, const char* what) {
  if (actual == expected) return;
  fprintf(stderr, "%s:%d: got %lld, expected %lld\n", file, line, actual, expected);
  check_failed(file, line, what);
}

static inline void check_str(const char* actual, const char* expected, const char* file, int line,
                             const char* what) {
  if (actual == expected || (actual != NULL && expected != NULL && strcmp(actual, expected) == 0)) return;
  fprintf(stderr, "%s:%d: got \"%s\", expected \"%s\"\n", file, line, actual ? actual : "(NULL)",
          expected ? expected : "(NULL)");
  check_failed(file, line, what);
}

static inline void check_ok(pep3118_status status, const pep3118_error* error, const char* file, int line) {
  check_int(status, PEP3118_OK, file, line, "the status returned");
  check_int(error->status, PEP3118_OK, file, line, "error.status");
  check_int(error->code, PEP3118_CODE_NONE, file, line, "error.code");
  check_str(error->name, "ok", file, line, "error.name");
  check_str(error->message, "", file, line, "error.message");
  check_int((long long)error->offset, 0, file, line, "error.offset");
}

static inline void check_error(pep3118_status status, const pep3118_error* error, pep3118_status expected_status,
                               const char* expected_name, size_t expected_offset, const char* file, int line) {
  check_int(status, expected_status, file, line, "the status returned");
  check_int(error->status, expected_status, file, line, "error.status");
  check_str(error->name, expected_name, file, line, "error.name");
  check_int((long long)error->offset, (long long)expected_offset, file, line, "error.offset");
  check_true(error->message != NULL && error->message[0] != '\0', file, line, "error.message is not empty");
  /* A diagnostic's code and name agree; any other failure has no code and the status's name. */
  if (error->code == PEP3118_CODE_NONE) {
    check_str(error->name, pep3118_status_name(status), file, line, "error.name is the status's name");
  } else {
    check_str(error->name, pep3118_code_name(error->code), file, line, "error.name is the code's name");
    check_str(error->message, pep3118_code_message(error->code), file, line, "error.message is the code's message");
  }
}

#endif
