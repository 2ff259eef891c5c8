/* Parsing: the options, valid formats and their warnings, and invalid ones with the exact code
   and offset of their first error. */
#include <pep3118/pep3118.h>

#include <string.h>

#include "api_tests.h"

/* Parses `length` bytes of `format` with `options`; the call must fail with `name` at `offset`. */
static void check_invalid(const char* format, size_t length, const pep3118_parse_options* options,
                          pep3118_code code, const char* name, size_t offset) {
  pep3118_descriptor* descriptor = UNSET(pep3118_descriptor);
  pep3118_error error;
  CHECK_ERROR(pep3118_parse(format, length, options, &descriptor, &error), error, PEP3118_INVALID_FORMAT, name,
              offset);
  CHECK_INT(error.code, code);
  CHECK(descriptor == NULL);
}

static void test_options(void) {
  const pep3118_parse_options defaults = pep3118_parse_options_default();
  CHECK_INT(defaults.rules, PEP3118_RULES_PEP3118);
  CHECK_INT(defaults.strict, 0);
  CHECK_INT(defaults.max_depth, 256);
  CHECK_INT(defaults.max_dims, 64);
}

static void test_valid(void) {
  static const char format[] = "T{<i:x:>d:y:}";
  pep3118_descriptor* descriptor = NULL;
  pep3118_error error;
  CHECK_OK(pep3118_parse(format, strlen(format), NULL, &descriptor, &error), error);
  CHECK(descriptor != NULL);
  CHECK_INT(pep3118_descriptor_diagnostic_count(descriptor), 0);
  pep3118_descriptor_free(descriptor);

  /* The empty format is valid, and `length` bytes are read, not up to a NUL. */
  CHECK_OK(pep3118_parse(format, 0, NULL, &descriptor, &error), error);
  pep3118_descriptor_free(descriptor);
  /* Without an error struct. */
  CHECK_INT(pep3118_parse(format, strlen(format), NULL, &descriptor, NULL), PEP3118_OK);
  pep3118_descriptor_free(descriptor);
}

static void test_warnings(void) {
  pep3118_descriptor* descriptor = parsed("iF");
  pep3118_diagnostic warning;
  pep3118_error error;
  CHECK_INT(pep3118_descriptor_diagnostic_count(descriptor), 1);
  CHECK_OK(pep3118_descriptor_diagnostic(descriptor, 0, &warning, &error), error);
  CHECK_INT(warning.severity, PEP3118_SEVERITY_WARNING);
  CHECK_INT(warning.code, PEP3118_CODE_COMPLEX_SPELLING);
  CHECK_STR(warning.name, "complex_spelling");
  CHECK_STR(warning.message, pep3118_code_message(PEP3118_CODE_COMPLEX_SPELLING));
  CHECK_INT(warning.offset, 1);

  CHECK_INVALID_ARGUMENT(pep3118_descriptor_diagnostic(descriptor, 1, &warning, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_descriptor_diagnostic(descriptor, 0, NULL, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_descriptor_diagnostic(NULL, 0, &warning, &error), error);
  CHECK_INT(pep3118_descriptor_diagnostic_count(NULL), 0);
  pep3118_descriptor_free(descriptor);
}

static void test_invalid(void) {
  pep3118_parse_options options = pep3118_parse_options_default();
  check_invalid("T{i", 3, NULL, PEP3118_CODE_UNTERMINATED_STRUCT, "unterminated_struct", 3);
  check_invalid("i}xyz", 5, NULL, PEP3118_CODE_STRAY_BRACE, "stray_brace", 1);
  check_invalid("(2,)i", 5, NULL, PEP3118_CODE_EXPECTED_DIM, "expected_dim", 3);
  check_invalid("(2 3)i", 6, NULL, PEP3118_CODE_EXPECTED_SHAPE_CLOSE, "expected_shape_close", 3);
  check_invalid("i\0i", 3, NULL, PEP3118_CODE_NUL_BYTE, "nul_byte", 1);

  options.strict = 1;
  check_invalid("iF", 2, &options, PEP3118_CODE_COMPLEX_SPELLING, "complex_spelling", 1);
  options = pep3118_parse_options_default();
  options.rules = PEP3118_RULES_STRUCT;
  check_invalid("2 i", 3, &options, PEP3118_CODE_SPACE_AFTER_COUNT, "space_after_count", 1);
  options = pep3118_parse_options_default();
  options.max_depth = 1;
  check_invalid("T{T{i}}", 7, &options, PEP3118_CODE_TOO_DEEP, "too_deep", 2);
  options = pep3118_parse_options_default();
  options.max_dims = 1;
  check_invalid("(2,3)i", 6, &options, PEP3118_CODE_TOO_MANY_DIMS, "too_many_dims", 3);
}

static void test_bad_arguments(void) {
  pep3118_parse_options options = pep3118_parse_options_default();
  pep3118_descriptor* descriptor = UNSET(pep3118_descriptor);
  pep3118_error error;
  CHECK_INVALID_ARGUMENT(pep3118_parse(NULL, 0, NULL, &descriptor, &error), error);
  CHECK(descriptor == NULL);
  CHECK_INVALID_ARGUMENT(pep3118_parse("i", 1, NULL, NULL, &error), error);
  options.rules = (pep3118_rules)2;
  descriptor = UNSET(pep3118_descriptor);
  CHECK_INVALID_ARGUMENT(pep3118_parse("i", 1, &options, &descriptor, &error), error);
  CHECK(descriptor == NULL);
  pep3118_descriptor_free(NULL);
}

void test_parse(void) {
  test_options();
  test_valid();
  test_warnings();
  test_invalid();
  test_bad_arguments();
}
