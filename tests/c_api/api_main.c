/* c_api.functions: every function of include/pep3118/pep3118.h, and every way it can fail. */
#include <pep3118/pep3118.h>

#include <stdio.h>

#include "api_tests.h"

int main(void) {
  test_status();
  test_targets();
  test_parse();
  test_layout();
  test_checker();
  test_cache();
  test_check_size();
  test_compare();
  test_text();
  test_buffer();
  puts("c_api.functions: every check passed");
  return 0;
}
