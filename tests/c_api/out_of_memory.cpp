// c_api.out_of_memory: every entry point that allocates, run with its n-th allocation failing
// for n = 0, 1, 2, ... until it succeeds. Each run must return PEP3118_OUT_OF_MEMORY with its
// out handle NULL, never let std::bad_alloc out, and leak nothing (the asan preset looks).
// C++ because only C++ can replace the global operator new the library allocates with.
#include <pep3118/pep3118.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <new>

#include "check.h"

namespace {

// Allocations that may still succeed; negative: all of them.
long allocations_left = -1;

}  // namespace

void* operator new(std::size_t size) {
  if (allocations_left == 0) throw std::bad_alloc();
  if (allocations_left > 0) --allocations_left;
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}

void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }

namespace {

// Runs `call(error)` with the n-th allocation failing until it succeeds; it must fail at least
// once, or it allocates nothing and this proves nothing. Returns how many times it failed.
template <typename Call>
long check_each_allocation_failing(const char* what, Call call) {
  long failing = 0;
  for (;; ++failing) {
    pep3118_error error;
    allocations_left = failing;
    const pep3118_status status = call(error);
    allocations_left = -1;
    if (status == PEP3118_OK) break;
    CHECK_ERROR(status, error, PEP3118_OUT_OF_MEMORY, "out_of_memory", 0);
  }
  std::printf("%s: out of memory at each of its first %ld allocations\n", what, failing);
  CHECK(failing > 0);
  return failing;
}

// A call that creates a handle: NULL whenever it fails, freed when it succeeds.
template <typename Handle, typename Create, typename Free>
long check_creating(const char* what, Create create, Free free) {
  return check_each_allocation_failing(what, [&](pep3118_error& error) {
    Handle* made = UNSET(Handle);
    const pep3118_status status = create(&made, &error);
    CHECK((status == PEP3118_OK) == (made != nullptr));
    free(made);
    return status;
  });
}

pep3118_descriptor* parsed(const char* format) {
  pep3118_descriptor* descriptor = nullptr;
  pep3118_error error;
  CHECK_OK(pep3118_parse(format, std::strlen(format), nullptr, &descriptor, &error), error);
  return descriptor;
}

constexpr char format[] = "T{b:flag:(2,3)i:counts:&d:next:}:record:";
constexpr char dsp_file[] =
    "name = my-dsp\nbyteorder = big\nbool = 1 1\nshort = 2 2\nint = 4 2\nlong = 4 2\nlong long = 8 2\n"
    "size_t = 4 2\nfloat = 4 2\ndouble = 8 2\nlong double = 8 2\npointer = 4 2\n";

void test_creating_handles() {
  const pep3118_target* host = pep3118_target_host();
  pep3118_descriptor* a = parsed(format);
  pep3118_descriptor* b = parsed("T{b:flag:3xi:c:}");
  const ptrdiff_t shape[] = {4};
  const ptrdiff_t strides[] = {40};
  const pep3118_buffer_view view{format, 40, 1, shape, strides, nullptr};
  check_creating<pep3118_descriptor>(
      "pep3118_parse",
      [](pep3118_descriptor** out, pep3118_error* error) {
        return pep3118_parse(format, std::strlen(format), nullptr, out, error);
      },
      pep3118_descriptor_free);
  check_creating<pep3118_layout>(
      "pep3118_check",
      [&](pep3118_layout** out, pep3118_error* error) {
        return pep3118_check(format, std::strlen(format), host, nullptr, out, error);
      },
      pep3118_layout_free);
  check_creating<pep3118_comparison>(
      "pep3118_compare",
      [&](pep3118_comparison** out, pep3118_error* error) { return pep3118_compare(a, b, host, out, error); },
      pep3118_comparison_free);
  check_creating<pep3118_target>(
      "pep3118_target_read",
      [](pep3118_target** out, pep3118_error* error) {
        return pep3118_target_read(dsp_file, std::strlen(dsp_file), out, error);
      },
      pep3118_target_free);
  check_creating<pep3118_buffer_report>(
      "pep3118_buffer_check",
      [&](pep3118_buffer_report** out, pep3118_error* error) {
        return pep3118_buffer_check(&view, host, nullptr, out, error);
      },
      pep3118_buffer_report_free);
  pep3118_descriptor_free(a);
  pep3118_descriptor_free(b);
}

// A checker: made, checking on a cold checker (the same one through every failing run, so each
// check also starts from what an interrupted one left), and a warm one allocating nothing at
// all, failures included.
void test_checker() {
  const pep3118_target* host = pep3118_target_host();
  check_creating<pep3118_checker>(
      "pep3118_checker_new",
      [&](pep3118_checker** out, pep3118_error* error) { return pep3118_checker_new(host, nullptr, out, error); },
      pep3118_checker_free);
  pep3118_checker* checker = nullptr;
  pep3118_error error;
  CHECK_OK(pep3118_checker_new(host, nullptr, &checker, &error), error);
  constexpr char fast[] = "T{b:m0:h:m1:i:m2:q:m3:T{i:a:d:b:}:inner:3s:text:}";
  for (const char* text : {fast, format}) {
    check_each_allocation_failing("pep3118_checker_check", [&](pep3118_error& failed) {
      const pep3118_layout* answer = nullptr;
      const pep3118_status status = pep3118_checker_check(checker, text, std::strlen(text), &answer, &failed);
      CHECK((status == PEP3118_OK) == (answer != nullptr));
      return status;
    });
  }
  // Warm: a failure answered once, then no allocation may succeed.
  const pep3118_layout* answer = nullptr;
  CHECK_ERROR(pep3118_checker_check(checker, "iK", 2, &answer, &error), error, PEP3118_INVALID_FORMAT, "unknown_code", 1);
  CHECK_OK(pep3118_checker_check(checker, fast, std::strlen(fast), &answer, &error), error);
  allocations_left = 0;
  for (const char* warm : {"<i", "T{i:a:d:b:h:c:}", fast, "3xi:n:"}) {
    CHECK_OK(pep3118_checker_check(checker, warm, std::strlen(warm), &answer, &error), error);
  }
  CHECK_ERROR(pep3118_checker_check(checker, "i:ab:d:cd:Ki:kl:", 16, &answer, &error), error, PEP3118_INVALID_FORMAT,
              "unknown_code", 10);
  CHECK_OK(pep3118_checker_check(checker, fast, std::strlen(fast), &answer, &error), error);
  allocations_left = -1;
  CHECK_INT(pep3118_layout_field_count(answer), 7);
  std::puts("pep3118_checker_check: a warm checker allocated nothing");
  pep3118_checker_free(checker);
}

void test_check_size() {
  const pep3118_target* host = pep3118_target_host();
  // A format of the full engine: each of its allocations failing.
  check_each_allocation_failing("pep3118_check_size", [&](pep3118_error& error) {
    pep3118_item_size size{-1, -1};
    const pep3118_status status = pep3118_check_size(format, std::strlen(format), host, nullptr, &size, &error);
    CHECK((status == PEP3118_OK) == (size.itemsize > 0));
    return status;
  });
  // The fast path's, once the thread is warm: no allocation may succeed, and a failure, whose
  // diagnostic needs one, says out of memory.
  constexpr char fast[] = "T{b:m0:h:m1:i:m2:q:m3:T{i:a:d:b:}:inner:3s:text:}";
  pep3118_item_size size{-1, -1};
  pep3118_error error;
  CHECK_OK(pep3118_check_size(fast, std::strlen(fast), host, nullptr, &size, &error), error);
  allocations_left = 0;
  for (const char* warm : {"<i", "T{i:a:d:b:h:c:}", fast, "3xi:n:"}) {
    CHECK_OK(pep3118_check_size(warm, std::strlen(warm), host, nullptr, &size, &error), error);
  }
  const pep3118_status failed = pep3118_check_size("iK", 2, host, nullptr, &size, &error);
  allocations_left = -1;
  CHECK_ERROR(failed, error, PEP3118_OUT_OF_MEMORY, "out_of_memory", 0);
  CHECK_INT(size.itemsize, 0);
  std::puts("pep3118_check_size: a warm thread allocated nothing");
}

// A cache: made; a miss with each of its allocations failing (the same cache through every
// failing run: an interrupted miss must leave nothing half cached, which once made the format
// uncacheable), then a hit, whose handle is its one allocation. The answer that lands must be
// pep3118_check's.
void test_cache() {
  const pep3118_target* host = pep3118_target_host();
  check_creating<pep3118_cache>(
      "pep3118_cache_new",
      [&](pep3118_cache** out, pep3118_error* error) { return pep3118_cache_new(16, host, nullptr, out, error); },
      pep3118_cache_free);
  pep3118_cache* cache = nullptr;
  pep3118_error error;
  CHECK_OK(pep3118_cache_new(16, host, nullptr, &cache, &error), error);
  const auto cache_check = [&](pep3118_layout** out, pep3118_error* failed) {
    return pep3118_cache_check(cache, format, std::strlen(format), out, failed);
  };
  check_creating<pep3118_layout>("pep3118_cache_check, a miss", cache_check, pep3118_layout_free);
  CHECK_INT(check_creating<pep3118_layout>("pep3118_cache_check, a hit", cache_check, pep3118_layout_free), 1);
  pep3118_layout* answer = nullptr;
  pep3118_layout* expected = nullptr;
  CHECK_OK(pep3118_cache_check(cache, format, std::strlen(format), &answer, &error), error);
  CHECK_OK(pep3118_check(format, std::strlen(format), host, nullptr, &expected, &error), error);
  CHECK_INT(pep3118_layout_itemsize(answer), pep3118_layout_itemsize(expected));
  CHECK_INT(pep3118_layout_field_count(answer), pep3118_layout_field_count(expected));
  pep3118_layout_free(expected);
  pep3118_layout_free(answer);
  pep3118_cache_free(cache);
}

void test_writing_text() {
  pep3118_descriptor* descriptor = parsed("T{b:flag:(2,3)i:counts:d:ratio:}:record:");
  static char text[4096];
  check_each_allocation_failing("pep3118_canonical", [&](pep3118_error& error) {
    return pep3118_canonical(descriptor, text, sizeof text, nullptr, &error);
  });
  for (const pep3118_dialect dialect : {PEP3118_DIALECT_NUMPY, PEP3118_DIALECT_STRUCT, PEP3118_DIALECT_C}) {
    check_each_allocation_failing("pep3118_emit", [&](pep3118_error& error) {
      return pep3118_emit(descriptor, pep3118_target_host(), dialect, text, sizeof text, nullptr, &error);
    });
  }
  pep3118_descriptor_free(descriptor);
}

}  // namespace

int main() {
  test_creating_handles();
  test_checker();
  test_check_size();
  test_cache();
  test_writing_text();
  std::puts("c_api.out_of_memory: every check passed");
  return 0;
}
