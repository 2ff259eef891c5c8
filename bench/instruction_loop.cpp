// pep3118_instruction_loop: calls one reader on one fixed case a given number of times, for
// bench/instructions.sh, which counts its instructions under callgrind. Instruction counts do
// not move with a shared machine's load as timings do, so they show what a change costs.
//
//   pep3118_instruction_loop --list            the fixed cases' ids, one per line
//   pep3118_instruction_loop KIND CASE CALLS   KIND: check, checker, size (check_size)
//                                              or floor (on the flat spelling)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <pep3118/checker.hpp>
#include <pep3118/layout.hpp>

#include "bench_cases.hpp"
#include "floor_scanner.hpp"

namespace {

using namespace pep3118;
using namespace pep3118::bench;

int usage() {
  std::fputs("usage: pep3118_instruction_loop --list | {check|checker|size|floor} CASE CALLS\n", stderr);
  return 2;
}

// What each answer was, summed, printed at the end: the calls cannot be left out.
template <typename T>
std::int64_t answer_of(const result<T>& laid_out) {
  return laid_out ? laid_out->itemsize : -1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<bench_case> cases = fixed_cases();
  if (argc == 2 && std::string_view(argv[1]) == "--list") {
    for (const bench_case& c : cases) {
      std::puts(c.id.c_str());
    }
    return 0;
  }
  if (argc != 4) {
    return usage();
  }
  const std::string_view kind = argv[1];
  const auto chosen = std::find_if(cases.begin(), cases.end(), [&](const bench_case& c) { return c.id == argv[2]; });
  const long calls = std::strtol(argv[3], nullptr, 10);
  if (chosen == cases.end() || calls < 0) {
    return usage();
  }
  const bench_case& c = *chosen;
  std::int64_t sum = 0;
  if (kind == "check") {
    for (long k = 0; k < calls; ++k) {
      sum += answer_of(check(c.format, host_target(), c.options));
    }
  } else if (kind == "checker") {
    checker reused(host_target(), c.options);
    for (long k = 0; k < calls; ++k) {
      sum += answer_of(reused.check(c.format));
    }
  } else if (kind == "size") {
    for (long k = 0; k < calls; ++k) {
      sum += answer_of(check_size(c.format, host_target(), c.options));
    }
  } else if (kind == "floor") {
    for (long k = 0; k < calls; ++k) {
      sum += floor_scan(c.flat_format).itemsize;
    }
  } else {
    return usage();
  }
  std::printf("%lld\n", static_cast<long long>(sum));
  return 0;
}
