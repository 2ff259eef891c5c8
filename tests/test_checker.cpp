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
  // is nothing to count (CI leaves this test out of its valgrind run).
  const std::size_t probe = allocation_count();
  ::operator delete(::operator new(16));  // a call, not a new-expression: never elided
  REQUIRE_MESSAGE(allocation_count() == probe + 1, "allocations are not counted: is operator new replaced?");
  for (const char* format : {"<i", "T{i:a:d:b:h:c:}", "T{b:flag:i:count:d:ratio:h:kind:q:total:}",
                             "T{i:a:T{d:b:T{h:c:q:d:}:inner:}:middle:}", "b3xi:a:d:a_name_longer_than_sso:"}) {
    INFO("format \"", format, "\"");
    pep3118::checker checker;
    REQUIRE(checker.check(format).ok());
    const std::size_t before = allocation_count();
    for (int k = 0; k < 10; ++k) {
      REQUIRE(checker.check(format).ok());
    }
    CHECK(allocation_count() - before == 0);
  }
  // A larger format (300 fields, padding runs) grows the storage once; a smaller one reuses it.
  pep3118::checker checker;
  REQUIRE(checker.check(mixed_formats().back()).ok());
  const std::size_t before = allocation_count();
  REQUIRE(checker.check("T{i:a:d:b:}").ok());
  CHECK(allocation_count() - before == 0);
  // A failing format: the first one allocates the diagnostics' vector, later ones nothing, and
  // the layout's storage survives them. check() itself allocates for what it returns.
  const std::size_t before_failure = allocation_count();
  REQUIRE_FALSE(checker.check("i:ab:d:cd:Ki:kl:").ok());
  CHECK(allocation_count() - before_failure == 1);
  const std::size_t before_more = allocation_count();
  REQUIRE_FALSE(checker.check("i:ab:d:cd:Ki:kl:").ok());
  REQUIRE(checker.check("T{i:a:d:b:}").ok());
  CHECK(allocation_count() - before_more == 0);
  const std::size_t before_check = allocation_count();
  REQUIRE(pep3118::check("T{i:a:d:b:h:c:}").ok());
  CHECK(allocation_count() - before_check > 0);
}
