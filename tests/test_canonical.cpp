// The canonical printer over thousands of generated formats (issue 3): reading the canonical
// text back gives the same descriptor and the same layout, printing is idempotent, and compare
// says `identical` exactly when two canonical texts are equal. PEP3118_GENERATED_CASES sets
// how many cases each test draws.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

#include <pep3118/pep3118.hpp>

#include "format_generator.hpp"
#include "layout_equality.hpp"
#include "test_support.hpp"

using pep3118_test::case_seed;
using pep3118_test::format_speller;
using pep3118_test::generated_case_count;
using pep3118_test::random_source;
using pep3118_test::show;
using pep3118_test::spelling;
using pep3118_test::tree_generator;

namespace {

// Parses what the generator promised is valid; a failure here is a generator or parser bug.
pep3118::descriptor parsed(const std::string& format) {
  pep3118::result<pep3118::descriptor> read = pep3118::parse(format);
  INFO("format: \"", show(format), "\"");
  REQUIRE_MESSAGE(read.ok(), pep3118_test::error_text(read.diagnostics()));
  return read.value();
}

// '!' and '>' are one mark spelt two ways; a field remembers the spelling.
pep3118::byte_order unspelt(pep3118::byte_order order) {
  return order == pep3118::byte_order::network ? pep3118::byte_order::big : order;
}

// Equal layouts: everything but how a field's mark and code were spelt.
void check_same_layout(const pep3118::layout& a, const pep3118::layout& b) {
  CHECK(a.itemsize == b.itemsize);
  CHECK(a.alignment == b.alignment);
  REQUIRE(a.fields.size() == b.fields.size());
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    const pep3118::field& fa = a.fields[i];
    const pep3118::field& fb = b.fields[i];
    INFO("field ", i, ": ", show(fa.path));
    CHECK(fa.path == fb.path);
    CHECK(fa.offset == fb.offset);
    CHECK(fa.size == fb.size);
    CHECK(fa.alignment == fb.alignment);
    CHECK(fa.code == fb.code);
    CHECK(unspelt(fa.order) == unspelt(fb.order));
    CHECK(fa.resolved_order == fb.resolved_order);
    CHECK(fa.shape == fb.shape);
    CHECK(fa.points_to == fb.points_to);
    CHECK(fa.depth == fb.depth);
  }
  pep3118_test::check_same_paddings(a, b);
}

// The codes of the errors, without their offsets (which count bytes of different texts).
std::vector<std::string> error_codes(const std::vector<pep3118::diagnostic>& diagnostics) {
  std::vector<std::string> codes;
  for (const pep3118::diagnostic& diag : pep3118_test::errors_of(diagnostics))
    codes.emplace_back(diag.name());
  return codes;
}

// Both have the same layout, or neither has one, for the same reason.
void check_same_layout_for(const pep3118::descriptor& a, const pep3118::descriptor& b,
                           const pep3118::target& tgt) {
  INFO("target: ", tgt.name);
  pep3118::result<pep3118::layout> laid_a = pep3118::layout_of(a, tgt);
  pep3118::result<pep3118::layout> laid_b = pep3118::layout_of(b, tgt);
  REQUIRE(laid_a.ok() == laid_b.ok());
  if (laid_a.ok()) {
    check_same_layout(laid_a.value(), laid_b.value());
  } else {
    CHECK(error_codes(laid_a.diagnostics()) == error_codes(laid_b.diagnostics()));
  }
}

// Every target in turn, so that each case is laid out for one of them.
const pep3118::target& target_for_case(std::size_t index) {
  pep3118::target_list targets = pep3118::all_targets();
  return *targets.items[index % targets.size];
}

pep3118::compat_level level_of(const pep3118::descriptor& a, const pep3118::descriptor& b) {
  pep3118::result<pep3118::comparison> compared = pep3118::compare(a, b, pep3118_test::x86());
  REQUIRE_MESSAGE(compared.ok(), pep3118_test::error_text(compared.diagnostics()));
  return compared->level;
}

// A plain and a respelled text of one drawn format.
struct two_spellings {
  std::string plain;
  std::string respelled;
};

two_spellings spelled_twice(const pep3118_test::vocabulary& words, random_source& random) {
  pep3118_test::generated::format drawn = tree_generator(words, random).format();
  return {format_speller(spelling::plain, random).spell(drawn),
          format_speller(spelling::respelled, random).spell(drawn)};
}

}  // namespace

TEST_CASE("canonical: reading the canonical text back gives the same descriptor and layout") {
  const pep3118_test::vocabulary words = pep3118_test::whole_language(true);
  for (std::size_t index = 0; index < generated_case_count(); ++index) {
    random_source random(case_seed(1, index));
    // Respelled: whitespace, `!`, `F` and split shapes must read back too.
    const std::string format = pep3118_test::generate_format(words, random, spelling::respelled);
    INFO("case ", index, ": \"", show(format), "\"");
    const pep3118::descriptor d = parsed(format);
    const std::string text = pep3118::canonical(d);
    INFO("canonical: \"", show(text), "\"");
    const pep3118::descriptor d2 = parsed(text);
    CHECK(pep3118::same_structure(d, d2));
    CHECK(pep3118::canonical(d2) == text);
    check_same_layout_for(d, d2, target_for_case(index));
  }
}

TEST_CASE("canonical: every spelling of a descriptor has one canonical text") {
  const pep3118_test::vocabulary words = pep3118_test::whole_language(false);
  for (std::size_t index = 0; index < generated_case_count(); ++index) {
    random_source random(case_seed(2, index));
    const two_spellings texts = spelled_twice(words, random);
    INFO("case ", index, ": \"", show(texts.plain), "\" respelled \"", show(texts.respelled), "\"");
    const pep3118::descriptor plain = parsed(texts.plain);
    const pep3118::descriptor respelled = parsed(texts.respelled);
    CHECK(pep3118::same_structure(plain, respelled));
    CHECK(pep3118::canonical(plain) == pep3118::canonical(respelled));
    CHECK(level_of(plain, respelled) == pep3118::compat_level::identical);
    check_same_layout_for(plain, respelled, target_for_case(index));
  }
}

TEST_CASE("canonical: compare says identical exactly when the canonical texts are equal") {
  // Short formats of a few aliasing codes, paired with a respelling of themselves or with
  // another draw: many pairs are one descriptor spelt two ways, many differ in one small way
  // (l for q, < for =, 2i for (2)i, a name).
  const pep3118_test::vocabulary words = pep3118_test::few_words();
  std::size_t identical = 0;
  for (std::size_t index = 0; index < generated_case_count(); ++index) {
    random_source random(case_seed(3, index));
    const two_spellings first = spelled_twice(words, random);
    const std::string second =
        random.one_in(2) ? first.respelled : spelled_twice(words, random).respelled;
    INFO("case ", index, ": \"", show(first.plain), "\" and \"", show(second), "\"");
    const pep3118::descriptor a = parsed(first.plain);
    const pep3118::descriptor b = parsed(second);
    const bool same_text = pep3118::canonical(a) == pep3118::canonical(b);
    INFO("canonical: \"", show(pep3118::canonical(a)), "\" and \"", show(pep3118::canonical(b)),
         "\"");
    CHECK((level_of(a, b) == pep3118::compat_level::identical) == same_text);
    CHECK(pep3118::same_structure(a, b) == same_text);
    if (same_text) ++identical;
  }
  // Both answers must have come up often for the property to say anything.
  CHECK(identical * 4 >= generated_case_count());
  CHECK((generated_case_count() - identical) * 4 >= generated_case_count());
}

TEST_CASE("canonical: formats of the whole language compare identical only to themselves") {
  const pep3118_test::vocabulary words = pep3118_test::whole_language(false);
  for (std::size_t index = 0; index < generated_case_count(); ++index) {
    random_source random(case_seed(4, index));
    const std::string first = pep3118_test::generate_format(words, random);
    const std::string second = pep3118_test::generate_format(words, random);
    INFO("case ", index, ": \"", show(first), "\" and \"", show(second), "\"");
    const pep3118::descriptor a = parsed(first);
    const pep3118::descriptor b = parsed(second);
    const bool same_text = pep3118::canonical(a) == pep3118::canonical(b);
    CHECK((level_of(a, b) == pep3118::compat_level::identical) == same_text);
  }
}
