/* The groups of c_api.functions, one file each, and what they share. */
#ifndef PEP3118_TESTS_C_API_API_TESTS_H
#define PEP3118_TESTS_C_API_API_TESTS_H

#include <pep3118/pep3118.h>

#include "check.h"

void test_status(void);
void test_targets(void);
void test_parse(void);
void test_layout(void);
void test_checker(void);
void test_cache(void);
void test_check_size(void);
void test_compare(void);
void test_text(void);
void test_buffer(void);

/* Formats of every kind, for the entry points that must answer as pep3118_check does. */
extern const char* const mixed_formats[];
extern const size_t mixed_format_count;

/* Calls `run` with each of 4 targets under each of 3 options: the defaults, the struct rules,
   strict. */
void for_each_setting(void (*run)(const pep3118_target* target, const pep3118_parse_options* options));

/* Two errors must be equal member by member. */
void check_same_error(const pep3118_error* got, const pep3118_error* expected);

/* Two layouts must be equal: itemsize, alignment, and every field member by member. */
void check_same_layout(const pep3118_layout* got, const pep3118_layout* expected);

/* An entry point's answer to `format` (its status, layout and error) must be pep3118_check's
   with the same target and options. */
void check_answer(const char* format, const pep3118_target* target, const pep3118_parse_options* options,
                  pep3118_status status, const pep3118_layout* answer, const pep3118_error* answer_error);

/* The struct the examples of docs/c-api.md check formats against. */
struct sample {
  int id;
  double x;
};

/* A target read from a target file: big-endian, 2-byte alignment. The caller frees it. */
pep3118_target* dsp_target(void);

/* The two formats the tests of borrowed and shared answers read, and what their layouts must
   be: dsp_struct on dsp_target(), padded_char on any target. */
#define DSP_STRUCT "T{b:a:d:b:}"
#define PADDED_CHAR "ix:c:"
void check_dsp_struct(const pep3118_layout* layout);
void check_padded_char(const pep3118_layout* layout);

/* A preset target, which must exist. */
static inline const pep3118_target* preset(const char* name) {
  const pep3118_target* found = pep3118_target_find(name);
  CHECK(found != NULL);
  return found;
}

/* The descriptor of a format that must parse with the default options. */
static inline pep3118_descriptor* parsed(const char* format) {
  pep3118_descriptor* descriptor = UNSET(pep3118_descriptor);
  pep3118_error error;
  CHECK_OK(pep3118_parse(format, strlen(format), NULL, &descriptor, &error), error);
  CHECK(descriptor != NULL);
  return descriptor;
}

/* The layout of a format that must lay out for `target` under the default options. */
static inline pep3118_layout* laid_out(const char* format, const pep3118_target* target) {
  pep3118_layout* layout = UNSET(pep3118_layout);
  pep3118_error error;
  CHECK_OK(pep3118_check(format, strlen(format), target, NULL, &layout, &error), error);
  CHECK(layout != NULL);
  return layout;
}

#endif
