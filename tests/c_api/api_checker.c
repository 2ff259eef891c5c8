/* The checker: pep3118_checker_check answers as pep3118_check does, on every kind of format
   (the fast path's and the full engine's, failures included) in an order that makes it reuse
   the storage of bigger and smaller answers, and each way it fails. */
#include <pep3118/pep3118.h>

#include <stddef.h>
#include <string.h>

#include "api_tests.h"

/* ---- The example of docs/c-api.md and the README: a module checks every buffer's format ---- */

/* 1 when `format` lays out as struct sample (two fields at its offsets), 0 when it does not,
   -1 when it is no format (*error says why). */
static int describes_sample(pep3118_checker* checker, const char* format, pep3118_error* error) {
  const pep3118_layout* layout; /* the checker's: read it before its next check; never freed */
  pep3118_field x;
  if (pep3118_checker_check(checker, format, strlen(format), &layout, error) != PEP3118_OK) return -1;
  if (pep3118_layout_itemsize(layout) != (int64_t)sizeof(struct sample)) return 0;
  if (pep3118_layout_field_count(layout) != 2) return 0;
  if (pep3118_layout_field(layout, 1, &x, error) != PEP3118_OK) return -1;
  return x.offset == (int64_t)offsetof(struct sample, x) && x.size == (int64_t)sizeof(double);
}

static void test_example(void) {
  pep3118_checker* checker; /* made once, one per thread */
  pep3118_error error;
  CHECK_OK(pep3118_checker_new(pep3118_target_host(), NULL, &checker, &error), error);
  CHECK_INT(describes_sample(checker, "T{i:id:d:x:}", &error), 1);
  CHECK_INT(describes_sample(checker, "id", &error), 1);
  CHECK_INT(describes_sample(checker, "T{i:id:f:x:}", &error), 0);
  CHECK_INT(describes_sample(checker, "T{i:id:i:x:}", &error), 0);
  CHECK_INT(describes_sample(checker, "T{i:id:K:x:}", &error), -1);
  CHECK_STR(error.name, "unknown_code");
  CHECK_INT(error.offset, 7);
  pep3118_checker_free(checker);
}

/* ---- Against pep3118_check ------------------------------------------------------------------ */

/* The checker's answer to `format` must be pep3118_check's with the same target and options. */
static void check_agrees(pep3118_checker* checker, const char* format, const pep3118_target* target,
                         const pep3118_parse_options* options) {
  const pep3118_layout* answer = UNSET(const pep3118_layout);
  pep3118_error error;
  const pep3118_status status = pep3118_checker_check(checker, format, strlen(format), &answer, &error);
  check_answer(format, target, options, status, answer, &error);
}

/* The checker made with the setting's target and options must answer every mixed format as
   pep3118_check does. */
static void check_setting(const pep3118_target* target, const pep3118_parse_options* options) {
  pep3118_checker* checker = UNSET(pep3118_checker);
  pep3118_error error;
  size_t f;
  CHECK_OK(pep3118_checker_new(target, options, &checker, &error), error);
  CHECK(checker != NULL);
  for (f = 0; f < mixed_format_count; ++f) {
    check_agrees(checker, mixed_formats[f], target, options);
  }
  pep3118_checker_free(checker);
}

/* The answer is the checker's own: it shows the next check's layout, and the checker keeps its
   copy of the target, which may be freed. */
static void test_answer_is_borrowed(void) {
  pep3118_target* dsp = dsp_target();
  pep3118_checker* checker = UNSET(pep3118_checker);
  const pep3118_layout* answer = UNSET(const pep3118_layout);
  pep3118_error error;
  CHECK_OK(pep3118_checker_new(dsp, NULL, &checker, &error), error);
  pep3118_target_free(dsp);
  CHECK_OK(pep3118_checker_check(checker, DSP_STRUCT, strlen(DSP_STRUCT), &answer, &error), error);
  check_dsp_struct(answer);
  CHECK_OK(pep3118_checker_check(checker, PADDED_CHAR, strlen(PADDED_CHAR), &answer, &error), error);
  check_padded_char(answer);
  pep3118_checker_free(checker);
  pep3118_checker_free(NULL);
}

static void test_bad_arguments(void) {
  const pep3118_target* host = pep3118_target_host();
  pep3118_parse_options bad_rules = pep3118_parse_options_default();
  pep3118_checker* checker = UNSET(pep3118_checker);
  const pep3118_layout* answer = UNSET(const pep3118_layout);
  pep3118_error error;
  CHECK_INVALID_ARGUMENT(pep3118_checker_new(NULL, NULL, &checker, &error), error);
  CHECK(checker == NULL);
  CHECK_INVALID_ARGUMENT(pep3118_checker_new(host, NULL, NULL, &error), error);
  memset(&bad_rules.rules, 0x7F, sizeof bad_rules.rules);
  checker = UNSET(pep3118_checker);
  CHECK_INVALID_ARGUMENT(pep3118_checker_new(host, &bad_rules, &checker, &error), error);
  CHECK(checker == NULL);

  CHECK_OK(pep3118_checker_new(host, NULL, &checker, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_checker_check(NULL, "i", 1, &answer, &error), error);
  CHECK(answer == NULL);
  answer = UNSET(const pep3118_layout);
  CHECK_INVALID_ARGUMENT(pep3118_checker_check(checker, NULL, 1, &answer, &error), error);
  CHECK(answer == NULL);
  CHECK_INVALID_ARGUMENT(pep3118_checker_check(checker, "i", 1, NULL, &error), error);
  /* A failure sets *out to NULL, and the error says where. */
  answer = UNSET(const pep3118_layout);
  CHECK_ERROR(pep3118_checker_check(checker, "iK", 2, &answer, &error), error, PEP3118_INVALID_FORMAT,
              "unknown_code", 1);
  CHECK(answer == NULL);
  /* No error argument: the status alone. */
  CHECK_INT(pep3118_checker_check(checker, "i3t", 3, &answer, NULL), PEP3118_NO_LAYOUT);
  CHECK_INT(pep3118_checker_check(checker, "i", 1, &answer, NULL), PEP3118_OK);
  CHECK_INT(pep3118_layout_itemsize(answer), 4);
  pep3118_checker_free(checker);
}

void test_checker(void) {
  test_example();
  for_each_setting(check_setting);
  test_answer_is_borrowed();
  test_bad_arguments();
}
