// pep3118::check_size: check()'s validity, diagnostics, itemsize and alignment without the
// fields. Its agreement with the full engine on every kind of format is held in
// test_fast_path.cpp (every format there is also sized); here are its examples and its
// allocations, counted as test_checker.cpp counts them.
#include <string>

#include <doctest/doctest.h>

#include <pep3118/pep3118.hpp>

#include "allocation_counter.hpp"
#include "layout_equality.hpp"

namespace {

using pep3118::bench::allocation_count;
using pep3118_test::diagnostics_text;

// check_size must say what check says, and here the sizes are known too.
void check_sized(const std::string& format, const pep3118::target& tgt, std::int64_t itemsize,
                 std::int64_t alignment) {
  INFO("format \"", format, "\" target ", tgt.name);
  const auto sized = pep3118::check_size(format, tgt);
  const auto checked = pep3118::check(format, tgt);
  REQUIRE(sized.ok());
  REQUIRE(checked.ok());
  CHECK(sized->itemsize == itemsize);
  CHECK(sized->alignment == alignment);
  CHECK(checked->itemsize == itemsize);
  CHECK(checked->alignment == alignment);
  CHECK(diagnostics_text(sized.diagnostics()) == diagnostics_text(checked.diagnostics()));
}

const pep3118::target& named(const char* name) {
  const pep3118::target* found = pep3118::find_target(name);
  REQUIRE(found != nullptr);
  return *found;
}

}  // namespace

TEST_CASE("check_size: the sizes of the fast path's formats and of the full engine's") {
  const pep3118::target& x86_64 = named("x86_64-linux-gnu");
  const pep3118::target& i686 = named("i686-linux-gnu");
  // The fast path's: marks, counts, names, nested structs, trailing padding.
  check_sized("<i", x86_64, 4, 1);
  check_sized("i", x86_64, 4, 4);
  check_sized("T{i:a:d:b:h:c:}", x86_64, 24, 8);
  check_sized("T{i:a:d:b:h:c:}", i686, 16, 4);  // d aligns to 4 in a struct on i386
  check_sized("T{i:a:T{d:b:T{h:c:q:d:}:inner:}:middle:}", x86_64, 32, 8);
  check_sized("b3xi:a:", x86_64, 8, 4);
  check_sized("<b3xi:a:", x86_64, 8, 1);
  // The full engine's: shapes, pointers, functions, complex, struct rules.
  check_sized("(2,3)f", x86_64, 24, 4);
  check_sized("&T{i}", x86_64, 8, 8);
  check_sized("X{ii->d}", i686, 4, 4);
  check_sized("Zd", x86_64, 16, 8);
  check_sized("(2)T{b:a:i:b:}:s:", x86_64, 16, 4);
  check_sized("(0)i", x86_64, 0, 4);
  check_sized("=l", x86_64, 4, 1);
  check_sized("ii:f0:", x86_64, 8, 4);  // generated names beside a written fN
}

TEST_CASE("check_size: errors and warnings are check()'s") {
  for (const std::string format : {"i:ab:d:cd:Ki:kl:", "T{i:a:i:a:}", "T{i", "i3t", "=n", "<P"}) {
    INFO("format \"", format, "\"");
    const auto sized = pep3118::check_size(format);
    const auto checked = pep3118::check(format);
    CHECK(sized.ok() == checked.ok());
    CHECK(!sized.diagnostics().empty());
    CHECK(diagnostics_text(sized.diagnostics()) == diagnostics_text(checked.diagnostics()));
    if (sized.ok() && checked.ok()) {
      CHECK(sized->itemsize == checked->itemsize);
      CHECK(sized->alignment == checked->alignment);
    }
  }
  const auto failed = pep3118::check_size("i:ab:d:cd:Ki:kl:");
  REQUIRE(failed.diagnostics().size() == 1);
  CHECK(failed.diagnostics()[0].code == pep3118::error_code::unknown_code);
  CHECK(failed.diagnostics()[0].offset == 10);
}

TEST_CASE("check_size: no allocation once the thread is warm") {
  // As in test_checker.cpp: CI's valgrind run, whose operator new is its own, leaves this out;
  // no doctest macro runs inside a counted stretch.
  const auto allocations_of = [](auto run) {
    const std::size_t before = allocation_count();
    run();
    return allocation_count() - before;
  };
  REQUIRE(allocations_of([] { ::operator delete(::operator new(16)); }) == 1);
  std::string wide = "T{";
  for (int k = 0; k < 150; ++k) {  // under 4 KiB, whose storage the thread keeps
    wide += "d:field_number_" + std::to_string(k) + ":";
  }
  wide += "x}";
  REQUIRE(pep3118::check_size(wide).ok());  // the thread's storage grows to this size
  for (const std::string format : {"<i", "T{i:a:d:b:h:c:}", "T{i:a:T{d:b:T{h:c:q:d:}:inner:}:middle:}",
                                   "b3xi:a:d:a_name_longer_than_sso:", wide.c_str()}) {
    INFO("format \"", format, "\"");
    bool ok = true;
    const std::size_t warm = allocations_of([&] {
      for (int k = 0; k < 10; ++k) {
        ok = pep3118::check_size(format).ok() && ok;
      }
    });
    CHECK(ok);
    CHECK(warm == 0);
    // check() allocates what it returns, the fields.
    CHECK(allocations_of([&] { ok = pep3118::check(format).ok(); }) > 0);
    CHECK(ok);
  }
  // A failure allocates its one diagnostic and nothing else.
  bool failed = false;
  CHECK(allocations_of([&] { failed = !pep3118::check_size("i:ab:d:cd:Ki:kl:").ok(); }) == 1);
  CHECK(failed);
}
