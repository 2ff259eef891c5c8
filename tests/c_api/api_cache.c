/* The cache: pep3118_cache_check answers as pep3118_check does, on a miss and on a hit, through
   evictions and with nothing cached; its answers outlive their place in the cache and the cache;
   and each way it fails. */
#include <pep3118/pep3118.h>

#include <stddef.h>
#include <string.h>

#include "api_tests.h"

/* ---- The example of docs/c-api.md: one cache for the whole module ---------------------------- */

/* 1 when `format` lays out as struct sample (two fields at its offsets), 0 when it does not,
   -1 when it is no format (*error says why). Each distinct format is checked once. */
static int cached_describes_sample(pep3118_cache* cache, const char* format, pep3118_error* error) {
  pep3118_layout* layout; /* shares the cached answer: freed once read */
  pep3118_field x;
  int answer = 0;
  if (pep3118_cache_check(cache, format, strlen(format), &layout, error) != PEP3118_OK) return -1;
  if (pep3118_layout_itemsize(layout) == (int64_t)sizeof(struct sample) && pep3118_layout_field_count(layout) == 2 &&
      pep3118_layout_field(layout, 1, &x, error) == PEP3118_OK) {
    answer = x.offset == (int64_t)offsetof(struct sample, x) && x.size == (int64_t)sizeof(double);
  }
  pep3118_layout_free(layout);
  return answer;
}

static void test_example(void) {
  pep3118_cache* cache; /* made once, shared by every thread of the module */
  pep3118_error error;
  int round;
  CHECK_OK(pep3118_cache_new(64, pep3118_target_host(), NULL, &cache, &error), error);
  for (round = 0; round < 2; ++round) { /* misses, then hits */
    CHECK_INT(cached_describes_sample(cache, "T{i:id:d:x:}", &error), 1);
    CHECK_INT(cached_describes_sample(cache, "T{i:id:f:x:}", &error), 0);
    CHECK_INT(cached_describes_sample(cache, "T{i:id:K:x:}", &error), -1);
    CHECK_STR(error.name, "unknown_code");
  }
  pep3118_cache_free(cache);
}

/* ---- Against pep3118_check ------------------------------------------------------------------ */

/* The cache's answer to `format` must be pep3118_check's with the same target and options. */
static void check_agrees(pep3118_cache* cache, const char* format, const pep3118_target* target,
                         const pep3118_parse_options* options) {
  pep3118_layout* answer = UNSET(pep3118_layout);
  pep3118_error error;
  const pep3118_status status = pep3118_cache_check(cache, format, strlen(format), &answer, &error);
  check_answer(format, target, options, status, answer, &error);
  pep3118_layout_free(answer);
}

/* Caches of 64 formats (the second round all hits), of 4 (evictions all along) and of none,
   made with the setting's target and options, must answer every mixed format as pep3118_check
   does, twice. */
static void check_setting(const pep3118_target* target, const pep3118_parse_options* options) {
  const size_t capacities[] = {64, 4, 0};
  size_t c;
  for (c = 0; c < sizeof capacities / sizeof capacities[0]; ++c) {
    pep3118_cache* cache = UNSET(pep3118_cache);
    pep3118_error error;
    int round;
    CHECK_OK(pep3118_cache_new(capacities[c], target, options, &cache, &error), error);
    CHECK(cache != NULL);
    for (round = 0; round < 2; ++round) {
      size_t f;
      for (f = 0; f < mixed_format_count; ++f) {
        check_agrees(cache, mixed_formats[f], target, options);
      }
    }
    pep3118_cache_free(cache);
  }
}

/* An answer is the caller's to free: it stays when its format is evicted and when the cache is
   freed, and the cache keeps its copy of the target, which may be freed. */
static void test_answer_outlives_the_cache(void) {
  pep3118_target* dsp = dsp_target();
  pep3118_cache* cache = UNSET(pep3118_cache);
  pep3118_layout* first = UNSET(pep3118_layout);
  pep3118_layout* second = UNSET(pep3118_layout);
  pep3118_layout* again = UNSET(pep3118_layout);
  pep3118_error error;
  CHECK_OK(pep3118_cache_new(1, dsp, NULL, &cache, &error), error);
  pep3118_target_free(dsp);
  CHECK_OK(pep3118_cache_check(cache, DSP_STRUCT, strlen(DSP_STRUCT), &first, &error), error);
  CHECK_OK(pep3118_cache_check(cache, PADDED_CHAR, strlen(PADDED_CHAR), &second, &error), error); /* evicts */
  CHECK_OK(pep3118_cache_check(cache, PADDED_CHAR, strlen(PADDED_CHAR), &again, &error), error);  /* a hit */
  CHECK(again != second); /* each answer a handle of its own */
  pep3118_cache_free(cache);
  check_dsp_struct(first);
  pep3118_layout_free(second);
  check_padded_char(again);
  pep3118_layout_free(again);
  pep3118_layout_free(first);
}

static void test_bad_arguments(void) {
  const pep3118_target* host = pep3118_target_host();
  pep3118_parse_options bad_rules = pep3118_parse_options_default();
  pep3118_cache* cache = UNSET(pep3118_cache);
  pep3118_layout* answer = UNSET(pep3118_layout);
  pep3118_error error;
  CHECK_INVALID_ARGUMENT(pep3118_cache_new(8, NULL, NULL, &cache, &error), error);
  CHECK(cache == NULL);
  CHECK_INVALID_ARGUMENT(pep3118_cache_new(8, host, NULL, NULL, &error), error);
  memset(&bad_rules.rules, 0x7F, sizeof bad_rules.rules);
  cache = UNSET(pep3118_cache);
  CHECK_INVALID_ARGUMENT(pep3118_cache_new(8, host, &bad_rules, &cache, &error), error);
  CHECK(cache == NULL);

  CHECK_OK(pep3118_cache_new(8, host, NULL, &cache, &error), error);
  CHECK_INVALID_ARGUMENT(pep3118_cache_check(NULL, "i", 1, &answer, &error), error);
  CHECK(answer == NULL);
  answer = UNSET(pep3118_layout);
  CHECK_INVALID_ARGUMENT(pep3118_cache_check(cache, NULL, 1, &answer, &error), error);
  CHECK(answer == NULL);
  CHECK_INVALID_ARGUMENT(pep3118_cache_check(cache, "i", 1, NULL, &error), error);
  /* A failure, cached or not, sets *out to NULL, and the error says where. */
  answer = UNSET(pep3118_layout);
  CHECK_ERROR(pep3118_cache_check(cache, "iK", 2, &answer, &error), error, PEP3118_INVALID_FORMAT, "unknown_code", 1);
  CHECK(answer == NULL);
  answer = UNSET(pep3118_layout);
  CHECK_ERROR(pep3118_cache_check(cache, "iK", 2, &answer, &error), error, PEP3118_INVALID_FORMAT, "unknown_code", 1);
  CHECK(answer == NULL);
  /* The length counts, not a NUL: "id" cut to its first byte, a format of its own. */
  CHECK_OK(pep3118_cache_check(cache, "id", 1, &answer, &error), error);
  CHECK_INT(pep3118_layout_itemsize(answer), 4);
  pep3118_layout_free(answer);
  /* No error argument: the status alone. */
  CHECK_INT(pep3118_cache_check(cache, "i3t", 3, &answer, NULL), PEP3118_NO_LAYOUT);
  CHECK_INT(pep3118_cache_check(cache, "d", 1, &answer, NULL), PEP3118_OK);
  CHECK_INT(pep3118_layout_itemsize(answer), 8);
  pep3118_layout_free(answer);
  pep3118_cache_free(cache);
  pep3118_cache_free(NULL);
}

void test_cache(void) {
  test_example();
  for_each_setting(check_setting);
  test_answer_outlives_the_cache();
  test_bad_arguments();
}
