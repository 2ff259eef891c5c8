// pep3118::checker: check()'s answers, which are the full engine's, from storage kept between
// calls; no allocation once warm. The allocations are counted by the replaced operator new of
// bench/allocation_counter.cpp, which this test program links (tests/CMakeLists.txt).
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <pep3118/pep3118.hpp>

#include "allocation_counter.hpp"
#include "fast_path.hpp"
#include "layout_equality.hpp"

namespace {

using pep3118::bench::allocation_count;
using pep3118_test::check_same_layout;
using pep3118_test::diagnostics_text;
using pep3118_test::show;

// Formats the fast path lays out, fails, and declines (the full engine answers those), of
// growing and shrinking sizes so that the reused storage is outgrown and left partly unused.
const std::vector<std::string>& mixed_formats() {
  static const std::vector<std::string> formats = [] {
    std::vector<std::string> list = {
        "<i", "T{i:a:d:b:h:c:}", "T{b:flag:i:count:d:ratio:h:kind:q:total:}", "i:ab:d:cd:Ki:kl:",
        "T{i:a:T{d:b:T{h:c:q:d:}:inner:}:middle:}", "(2,3)f", "T{i:a:i:a:}", "&T{i}", "Zd", "b3xi:a:", "",
        "T{}", "iT{}:e:x", "<g", "^T{b:a:d:c:}", "T{i:a:}:b:T{d:c:}:d:", "3i:very_long_name_beyond_sso:"};
    std::string wide = "T{";
    for (int k = 0; k < 300; ++k) {
      wide += "d:field_number_" + std::to_string(k) + ":";
    }
    list.push_back(wide + "}");
    list.push_back("i");
    list.push_back(wide + "x}");
    return list;
  }();
  return formats;
}

// Allocations made while `run` runs, on this thread.
template <typename Run>
std::size_t allocations_of(Run run) {
  const std::size_t before = allocation_count();
  run();
  return allocation_count() - before;
}

void check_same_answer(const pep3118::result<pep3118::layout>& expected, const pep3118::result<pep3118::layout>& got) {
  CHECK(got.ok() == expected.ok());
  CHECK(diagnostics_text(got.diagnostics()) == diagnostics_text(expected.diagnostics()));
  if (got.ok() && expected.ok()) {
    check_same_layout(expected.value(), got.value());
  }
}

}  // namespace

TEST_CASE("checker: answers as the full engine on every target, whatever it answered before") {
  for (const pep3118::target* tgt : pep3118::all_targets()) {
    for (const pep3118::parse_options& options :
         {pep3118::parse_options{}, pep3118::parse_options{pep3118::rule_set::struct_, false, 256, 64},
          pep3118::parse_options{pep3118::rule_set::pep3118, true, 2, 64}}) {
      pep3118::checker checker(*tgt, options);
      // Twice through, so that each format meets storage that another one left behind.
      for (int round = 0; round < 2; ++round) {
        for (const std::string& format : mixed_formats()) {
          INFO("target ", tgt->name, ", format \"", show(format), "\", round ", round);
          check_same_answer(pep3118::detail::full_check(format, *tgt, options), checker.check(format));
        }
      }
    }
  }
}

TEST_CASE("checker: the answer is its own until the next check") {
  pep3118::checker checker;
  const pep3118::result<pep3118::layout>& first = checker.check("T{i:a:d:b:}");
  const pep3118::result<pep3118::layout> kept = first;  // a copy outlives the next check
  const pep3118::result<pep3118::layout>& second = checker.check("<h");
  CHECK(&first == &second);
  REQUIRE(kept.ok());
  CHECK(kept->itemsize == 16);
  CHECK(kept->fields.size() == 2);
  REQUIRE(second.ok());
  CHECK(second->itemsize == 2);
  pep3118::checker moved = std::move(checker);
  CHECK(moved.check("d")->itemsize == 8);
}

TEST_CASE("checker: no allocation once warm, for the formats of the fast path") {
  // The count comes from this program's operator new; under valgrind, which replaces it, there
  // is nothing to count (CI leaves this test out of its valgrind run). No doctest macro runs
  // inside a counted stretch: doctest allocates for itself the first time round.
  const std::size_t counted = allocations_of([] { ::operator delete(::operator new(16)); });  // a call: never elided
  REQUIRE_MESSAGE(counted == 1, "allocations are not counted: is operator new replaced?");
  for (const char* format : {"<i", "T{i:a:d:b:h:c:}", "T{b:flag:i:count:d:ratio:h:kind:q:total:}",
                             "T{i:a:T{d:b:T{h:c:q:d:}:inner:}:middle:}", "b3xi:a:d:a_name_longer_than_sso:"}) {
    INFO("format \"", format, "\"");
    pep3118::checker checker;
    REQUIRE(checker.check(format).ok());
    bool ok = true;
    const std::size_t warm = allocations_of([&] {
      for (int k = 0; k < 10; ++k) {
        ok = checker.check(format).ok() && ok;
      }
    });
    REQUIRE(ok);
    CHECK(warm == 0);
  }
  // A larger format (300 fields, padding runs) grows the storage once; a smaller one reuses it.
  pep3118::checker checker;
  REQUIRE(checker.check(mixed_formats().back()).ok());
  bool ok = false;
  CHECK(allocations_of([&] { ok = checker.check("T{i:a:d:b:}").ok(); }) == 0);
  CHECK(ok);
  // A failing format: the first one allocates the diagnostics' vector, later ones nothing, and
  // the layout's storage survives them. check() itself allocates for what it returns.
  bool failed = false;
  CHECK(allocations_of([&] { failed = !checker.check("i:ab:d:cd:Ki:kl:").ok(); }) == 1);
  CHECK(failed);
  CHECK(allocations_of([&] {
          failed = !checker.check("i:ab:d:cd:Ki:kl:").ok();
          ok = checker.check("T{i:a:d:b:}").ok();
        }) == 0);
  CHECK(failed);
  CHECK(ok);
  CHECK(allocations_of([&] { ok = pep3118::check("T{i:a:d:b:h:c:}").ok(); }) > 0);
  CHECK(ok);
}
