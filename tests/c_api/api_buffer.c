/* Whole buffers: a consistent view, findings with their code and message, warnings and strict
   parsing, and each way pep3118_buffer_check fails. */
#include <pep3118/pep3118.h>

#include <stddef.h>
#include <string.h>

#include "api_tests.h"

/* The report on a view of a valid format for x86_64-linux-gnu, which must be made. */
static pep3118_buffer_report* reported(const pep3118_buffer_view* view, const pep3118_parse_options* options) {
  pep3118_buffer_report* report = UNSET(pep3118_buffer_report);
  pep3118_error error;
  CHECK_OK(pep3118_buffer_check(view, preset("x86_64-linux-gnu"), options, &report, &error), error);
  CHECK(report != NULL);
  return report;
}

/* The one finding of a report, which must have this severity and code. */
static pep3118_finding only_finding(const pep3118_buffer_report* report, pep3118_severity severity,
                                    pep3118_buffer_code code) {
  pep3118_finding finding;
  pep3118_error error;
  CHECK_INT(pep3118_buffer_report_finding_count(report), 1);
  CHECK_OK(pep3118_buffer_report_finding(report, 0, &finding, &error), error);
  CHECK_INT(finding.severity, severity);
  CHECK_INT(finding.code, code);
  CHECK_STR(finding.name, pep3118_buffer_code_name(code));
  CHECK_INT(strlen(finding.message), finding.message_length);
  return finding;
}

static void test_consistent(void) {
  /* A NumPy transpose: Fortran order. */
  const ptrdiff_t shape[] = {6, 4};
  const ptrdiff_t strides[] = {8, 48};
  const pep3118_buffer_view transposed = {"d", 8, 2, shape, strides, NULL};
  /* A Py_buffer's NULL format is "B". */
  const ptrdiff_t bytes[] = {10};
  const ptrdiff_t one[] = {1};
  const pep3118_buffer_view unsigned_bytes = {NULL, 1, 1, bytes, one, NULL};
  pep3118_buffer_report* report = reported(&transposed, NULL);
  CHECK_INT(pep3118_buffer_report_consistent(report), 1);
  CHECK_INT(pep3118_buffer_report_finding_count(report), 0);
  CHECK_INT(pep3118_buffer_report_c_contiguous(report), 0);
  CHECK_INT(pep3118_buffer_report_f_contiguous(report), 1);
  pep3118_buffer_report_free(report);

  report = reported(&unsigned_bytes, NULL);
  CHECK_INT(pep3118_buffer_report_consistent(report), 1);
  CHECK_INT(pep3118_buffer_report_c_contiguous(report), 1);
  CHECK_INT(pep3118_buffer_report_f_contiguous(report), 1);
  pep3118_buffer_report_free(report);
}

static void test_findings(void) {
  /* ctypes before Python 3.12 wrote no padding. */
  const pep3118_buffer_view packed = {"T{<c:a:<i:b:}", 8, 0, NULL, NULL, NULL};
  pep3118_buffer_report* report = reported(&packed, NULL);
  pep3118_finding finding =
      only_finding(report, PEP3118_SEVERITY_ERROR, PEP3118_BUFFER_PADDING_UNDESCRIBED);
  pep3118_error error;
  CHECK_INT(pep3118_buffer_report_consistent(report), 0);
  CHECK(strstr(finding.message, "the format describes 5 bytes, the exporter says 8") != NULL);

  CHECK_INVALID_ARGUMENT(pep3118_buffer_report_finding(report, 1, &finding, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_buffer_report_finding(report, 0, NULL, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_buffer_report_finding(NULL, 0, &finding, &error), error);
  pep3118_buffer_report_free(report);
}

/* A warning leaves the buffer consistent, unless parsing is strict. */
static void test_warnings(void) {
  const ptrdiff_t shape[] = {3};
  const ptrdiff_t strides[] = {5};
  const pep3118_buffer_view packed_field = {"=i", 4, 1, shape, strides, NULL};
  pep3118_parse_options strict = pep3118_parse_options_default();
  pep3118_buffer_report* report = reported(&packed_field, NULL);
  only_finding(report, PEP3118_SEVERITY_WARNING, PEP3118_BUFFER_STRIDE_NOT_MULTIPLE);
  CHECK_INT(pep3118_buffer_report_consistent(report), 1);
  pep3118_buffer_report_free(report);

  strict.strict = 1;
  report = reported(&packed_field, &strict);
  only_finding(report, PEP3118_SEVERITY_ERROR, PEP3118_BUFFER_STRIDE_NOT_MULTIPLE);
  CHECK_INT(pep3118_buffer_report_consistent(report), 0);
  pep3118_buffer_report_free(report);
}

/* Checks a view; the call must fail as said and make no report. */
static void check_fails(const pep3118_buffer_view* view, const pep3118_target* target,
                        const pep3118_parse_options* options, pep3118_status status, const char* name,
                        size_t offset) {
  pep3118_buffer_report* report = UNSET(pep3118_buffer_report);
  pep3118_error error;
  CHECK_ERROR(pep3118_buffer_check(view, target, options, &report, &error), error, status, name, offset);
  CHECK(report == NULL);
}

static void test_failures(void) {
  const pep3118_target* host = pep3118_target_host();
  const pep3118_buffer_view unterminated = {"T{i", 4, 0, NULL, NULL, NULL};
  const pep3118_buffer_view bit_fields = {"i3t", 4, 0, NULL, NULL, NULL};
  const pep3118_buffer_view negative_ndim = {"i", 4, -1, NULL, NULL, NULL};
  const pep3118_buffer_view valid = {"i", 4, 0, NULL, NULL, NULL};
  pep3118_parse_options bad_rules = pep3118_parse_options_default();
  pep3118_error error;
  bad_rules.rules = (pep3118_rules)2;
  check_fails(&unterminated, host, NULL, PEP3118_INVALID_FORMAT, "unterminated_struct", 3);
  check_fails(&bit_fields, host, NULL, PEP3118_NO_LAYOUT, "bitfield_layout", 1);
  check_fails(&negative_ndim, host, NULL, PEP3118_INVALID_ARGUMENT, "invalid_argument", 0);
  check_fails(&valid, host, &bad_rules, PEP3118_INVALID_ARGUMENT, "invalid_argument", 0);
  check_fails(NULL, host, NULL, PEP3118_INVALID_ARGUMENT, "invalid_argument", 0);
  check_fails(&valid, NULL, NULL, PEP3118_INVALID_ARGUMENT, "invalid_argument", 0);
  CHECK_INVALID_ARGUMENT(pep3118_buffer_check(&valid, host, NULL, NULL, &error), error);

  CHECK_INT(pep3118_buffer_report_consistent(NULL), 0);
  CHECK_INT(pep3118_buffer_report_c_contiguous(NULL), 0);
  CHECK_INT(pep3118_buffer_report_f_contiguous(NULL), 0);
  CHECK_INT(pep3118_buffer_report_finding_count(NULL), 0);
  pep3118_buffer_report_free(NULL);
}

void test_buffer(void) {
  test_consistent();
  test_findings();
  test_warnings();
  test_failures();
}
