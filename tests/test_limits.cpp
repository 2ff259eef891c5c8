// Limits proven by tests: huge formats are parsed and laid out in linear time and bounded
// memory (docs/language.md, "Limits"). The other limits are proven elsewhere: nesting depth,
// max_depth and its clamp, dims and max_dims (test_language.cpp "language: limits",
// test_hostile.cpp "hostile: deep nesting"), `&` chains 100 000 long and numbers, counts and
// sizes that overflow (test_hostile.cpp), names of 1 MiB ("hostile: 1 MiB name"), random bytes
// ("hostile: random bytes").
//
// Peak memory is the kernel's high-water mark of the process (VmHWM), reset just before the
// measured call by writing 5 to /proc/self/clear_refs, so earlier tests' peaks do not count.
// Under AddressSanitizer (shadow memory, quarantine) resident memory says nothing about the
// library: there the sizes are divided by 10 and only the results and linear time are checked.
#include <doctest/doctest.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include <pep3118/pep3118.hpp>

#include "test_support.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define PEP3118_LIMITS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PEP3118_LIMITS_ASAN 1
#endif
#endif
#ifndef PEP3118_LIMITS_ASAN
#define PEP3118_LIMITS_ASAN 0
#endif

namespace {

constexpr std::size_t mib = std::size_t{1} << 20;
constexpr bool under_asan = PEP3118_LIMITS_ASAN != 0;
// The 100 MiB format is 10 MiB under ASan.
constexpr std::size_t scale = under_asan ? 10 : 1;

// A field of /proc/self/status in bytes ("VmHWM", "VmRSS"); -1 when unreadable.
std::int64_t status_bytes(const std::string& key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.compare(0, key.size() + 1, key + ":") == 0) {
      return std::stoll(line.substr(key.size() + 1)) * 1024;  // the kernel writes kB
    }
  }
  return -1;
}

// Resets VmHWM to the current resident size; false when the kernel does not allow it.
// Freed memory the allocator kept first goes back to the kernel, so the resident size at the
// start is what is live, and memory the measured call reuses counts in its peak.
bool reset_peak() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

// Items "i:<name>:" with distinct 100-byte names (a run of a's then the item's number), to at
// least `bytes` bytes. Each item is 104 to 111 bytes: parse builds a node and a name per item,
// layout a field with its path.
std::string named_items(std::size_t bytes, std::size_t& items) {
  std::string format;
  format.reserve(bytes + 128);
  const std::string stem(92, 'a');
  items = 0;
  while (format.size() < bytes) {
    format += "i:";
    format += stem;
    format += std::to_string(100000000 + items++);  // 9 digits: every name is 101 bytes
    format += ':';
  }
  return format;
}

struct measured {
  double seconds = 0;
  std::int64_t peak_above_start = -1;  // bytes above the resident size at the start, -1: unknown
};

// check() (parse and layout) of `format`, which must succeed with `items` 4-byte fields.
measured check_named(const std::string& format, std::size_t items) {
  measured m;
  const bool reset = reset_peak();
  const std::int64_t start = status_bytes("VmRSS");
  const bool peak_known = reset && start >= 0;
  const auto t0 = std::chrono::steady_clock::now();
  {
    const auto r = pep3118::check(format, pep3118_test::x86());
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    // Measured while the layout is alive: the peak covers it.
    if (peak_known) {
      const std::int64_t peak = status_bytes("VmHWM");
      if (peak >= 0) m.peak_above_start = peak > start ? peak - start : 0;
    }
    REQUIRE(r.ok());
    CHECK(r->itemsize == static_cast<std::int64_t>(4 * items));
    REQUIRE(r->fields.size() == items);
    CHECK(r->fields.back().path == std::string(92, 'a') + std::to_string(100000000 + items - 1));
    CHECK(r->fields.back().offset == static_cast<std::int64_t>(4 * (items - 1)));
  }
  return m;
}

}  // namespace

// The bound: parse and layout of a format of named items take at most 16 bytes of memory per
// input byte plus 64 MiB (measured in release: about 7.3 bytes per byte at 10 and 100 MiB).
// Linear time: 10 times the input may take at most 30 times as long (measured: about 13; a
// quadratic engine would take about 100 times as long).
TEST_CASE("limits: 100 MiB format in linear time and bounded memory") {
  constexpr std::int64_t bytes_per_byte = 16;
  constexpr std::int64_t constant = 64 * static_cast<std::int64_t>(mib);

  std::size_t small_items = 0;
  std::size_t large_items = 0;
  const std::string small = named_items(10 * mib / scale, small_items);
  const measured small_run = check_named(small, small_items);
  const std::string large = named_items(100 * mib / scale, large_items);
  const measured large_run = check_named(large, large_items);

  MESSAGE(small.size(), " bytes (", small_items, " items): ", small_run.seconds, " s, peak ",
          small_run.peak_above_start, " bytes above the start; ", large.size(), " bytes (",
          large_items, " items): ", large_run.seconds, " s, peak ", large_run.peak_above_start,
          " bytes above the start", std::string(under_asan ? " (AddressSanitizer: sizes / 10, memory not bound)" : ""));

  // Linear time: no quadratic blowup (that would make the ratio about 100). The floor keeps
  // a very fast small run from turning noise into a failure.
  CHECK(large_run.seconds <= 30 * small_run.seconds + 0.5);

  if (!under_asan) {
    for (const auto& [run, size] : {std::pair{small_run, small.size()}, std::pair{large_run, large.size()}}) {
      CAPTURE(size);
      if (run.peak_above_start < 0) {
        MESSAGE("peak memory unknown here (no /proc/self/clear_refs): bound not checked");
        continue;
      }
      CHECK(run.peak_above_start <= bytes_per_byte * static_cast<std::int64_t>(size) + constant);
    }
  }
}

// The worst case per input byte: one-byte items ("i" repeated), each a node, an unnamed field
// and its generated name f0, f1, ... Bound: 640 bytes per input byte plus 64 MiB (measured in
// release: about 410). A 100 MiB format of such items would need about 40 GiB: the size of the
// input a caller accepts is the caller's limit (docs/language.md, "Limits").
TEST_CASE("limits: memory per one-byte item") {
  constexpr std::int64_t bytes_per_byte = 640;
  constexpr std::int64_t constant = 64 * static_cast<std::int64_t>(mib);
  const std::string format = pep3118_test::repeat("i", mib / scale);
  const bool reset = reset_peak();
  const std::int64_t start = status_bytes("VmRSS");
  const bool peak_known = reset && start >= 0;
  const auto r = pep3118::check(format, pep3118_test::x86());
  const std::int64_t peak = status_bytes("VmHWM");
  REQUIRE(r.ok());
  REQUIRE(r->fields.size() == format.size());
  CHECK(r->fields.back().path == "f" + std::to_string(format.size() - 1));
  if (under_asan || !peak_known || peak < 0) return;
  const std::int64_t above = peak > start ? peak - start : 0;
  MESSAGE(format.size(), " one-byte items: peak ", above, " bytes above the start");
  CHECK(above <= bytes_per_byte * static_cast<std::int64_t>(format.size()) + constant);
}
