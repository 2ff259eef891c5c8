// The compile-time engine (static.hpp): a few static_asserts to show it runs in a constant
// expression, and, at run time, the same engine held to the PEGTL engine on thousands of
// formats: the same verdict, the same first error, the same itemsize, alignment and fields.
// (tests/static/ holds the static_asserts over the corpus and the compile-fail tests.)
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include <pep3118/layout.hpp>
#include <pep3118/static.hpp>
#include <pep3118/target.hpp>

#include "format_generator.hpp"
#include "test_support.hpp"

namespace {

using pep3118::rule_set;
using pep3118_test::case_seed;
using pep3118_test::generated_case_count;
using pep3118_test::random_source;
using pep3118_test::show;

struct S {
  int a;
  double b;
};
static_assert(pep3118::static_layout("T{i:a:d:b:}").itemsize == sizeof(S));
static_assert(pep3118::describes<S>("T{i:a:d:b:}"));
constexpr pep3118::static_layout issue_example("T{i:a:d:b:}");
static_assert(issue_example.offset("b") == offsetof(S, b));
static_assert(issue_example.size("b") == sizeof(double) && issue_example.field_count == 2);
static_assert(!issue_example.has_field("c"));
static_assert(pep3118::static_layout("(2)T{b:x:T{h:y:}:in:}:arr:").offset("arr[*].in.y") == 2);
static_assert(pep3118::static_layout("ii").offset("f1") == 4);
static_assert(pep3118::static_layout("^bi").itemsize == 5);
static_assert(pep3118::static_layout("@bi", {.rules = rule_set::struct_}).itemsize == 8);

// A field as both engines report it.
struct seen_field {
  std::string path;
  std::int64_t offset;
  std::int64_t size;
  std::int64_t alignment;
  pep3118::type_code code;
  pep3118::node_id node;
  std::uint32_t depth;
  bool operator==(const seen_field&) const = default;
};

std::string shown(const seen_field& f) {
  return "{" + f.path + " @" + std::to_string(f.offset) + " size " + std::to_string(f.size) + " align " +
         std::to_string(f.alignment) + " code " + std::string(pep3118::code_text(f.code)) + " node " +
         std::to_string(f.node) + " depth " + std::to_string(f.depth) + "}";
}

struct collecting_sink : pep3118::detail::no_padding {
  std::vector<seen_field> fields;
  void field(const pep3118::detail::field_view& v) {
    std::string path;
    pep3118::detail::render_path(v.path, nullptr, path);
    fields.push_back({path, v.offset, v.size, v.alignment, v.entry ? pep3118::type_code::structure : v.item.code,
                      v.id, v.depth});
  }
};

// Both engines on one format; the number of fields compared.
std::size_t check_agreement(std::string_view format, const pep3118::parse_options& options,
                            const pep3118::target& tgt) {
  INFO("format \"", show(format), "\" rules ", pep3118::rule_set_name(options.rules), " target ", tgt.name);
  const auto runtime = pep3118::check(format, tgt, options);
  collecting_sink sink;
  const auto outcome = pep3118::detail::static_check(format, options, tgt, sink);
  REQUIRE(outcome.ok == runtime.ok());
  if (!runtime.ok()) {
    const auto errors = pep3118_test::errors_of(runtime.diagnostics());
    REQUIRE(errors.size() == 1);
    CHECK(pep3118::code_name(outcome.error.code) == pep3118::code_name(errors[0].code));
    CHECK(outcome.error.offset == errors[0].offset);
    return 0;
  }
  CHECK(outcome.itemsize == runtime->itemsize);
  CHECK(outcome.alignment == runtime->alignment);
  std::vector<seen_field> expected;
  for (const pep3118::field& f : runtime->fields) {
    expected.push_back({f.path, f.offset, f.size, f.alignment, f.code, f.node, f.depth});
  }
  REQUIRE(sink.fields.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("field ", i, ": static ", shown(sink.fields[i]), " runtime ", shown(expected[i]));
    CHECK(sink.fields[i] == expected[i]);
  }
  return expected.size();
}

// A format damaged in one place: cut short, one byte replaced, or one byte inserted.
std::string damaged(std::string format, random_source& random) {
  static constexpr std::string_view bytes = "{}():,&-> @=<>!^0123456789TXZzxiqdfgs\0\x80\xff";
  const std::size_t at = random.below(format.size() + 1);
  switch (random.below(3)) {
    case 0: format.resize(at); break;
    case 1:
      if (at < format.size()) {
        format[at] = random.pick(bytes);
      }
      break;
    default: format.insert(format.begin() + static_cast<std::ptrdiff_t>(at), random.pick(bytes)); break;
  }
  return format;
}

}  // namespace

TEST_CASE("static: the compile-time engine agrees with PEGTL's on generated formats") {
  const pep3118_test::vocabulary words = pep3118_test::whole_language(true);
  const pep3118::target& host = pep3118::host_target();
  std::size_t fields = 0;
  std::size_t rejected = 0;
  for (std::size_t index = 0; index < generated_case_count(); ++index) {
    random_source random(case_seed(61, index));
    const auto style = random.one_in(2) ? pep3118_test::spelling::plain : pep3118_test::spelling::respelled;
    const std::string format = pep3118_test::generate_format(words, random, style);
    const pep3118::target_list targets = pep3118::all_targets();
    const pep3118::target& tgt = random.one_in(4) ? *targets.items[random.below(targets.size)] : host;
    pep3118::parse_options options;
    options.strict = random.one_in(4);
    fields += check_agreement(format, options, tgt);
    const std::string bad = damaged(format, random);
    rejected += pep3118::check(bad, tgt, options).ok() ? 0 : 1;
    fields += check_agreement(bad, options, tgt);
    options.rules = rule_set::struct_;
    fields += check_agreement(bad, options, tgt);
  }
  // The comparison must have had something to compare, both ways.
  CHECK(fields > generated_case_count());
  CHECK(rejected > generated_case_count() / 4);
}

TEST_CASE("static: the compile-time engine agrees with PEGTL's on the corpus and hostile inputs") {
  std::size_t checked = 0;
  for (const auto& line : pep3118_test::corpus_lines()) {
    const std::string fmt = pep3118_test::text_of(line.object, "fmt");
    for (const rule_set rules : {rule_set::pep3118, rule_set::struct_}) {
      pep3118::parse_options options;
      options.rules = rules;
      for (const pep3118::target* tgt : pep3118::all_targets()) {
        check_agreement(fmt, options, *tgt);
        ++checked;
      }
    }
  }
  CHECK(checked >= 200 * 2 * 11);
  const std::string deep_ok = std::string(200, '&') + "i";
  const std::string too_deep = std::string(300, '&') + "i";
  const std::string huge = "9223372036854775807i9223372036854775807i";
  for (const std::string& format :
       {deep_ok, too_deep, huge, std::string("(4611686018427387904)q"), std::string("T{i:a:i:a:}"),
        std::string("99999999999999999999i"), std::string("3t"), std::string("Zx"), std::string("z i")}) {
    check_agreement(format, {}, pep3118::host_target());
  }
}

TEST_CASE("static: the compile-time engine agrees with PEGTL's on every byte in every position") {
  // Character classes are where an interpreter goes wrong by one: every byte value as a code,
  // inside a name (alone and as a UTF-8 lead or tail), a shape and a count, under both rules.
  std::size_t checked = 0;
  for (int value = 0; value < 256; ++value) {
    const std::string b(1, static_cast<char>(value));
    for (const std::string& format : {b, "T{i:" + b + ":}", "i:\xc3" + b + ":", "i:\xe6" + b + "\x97:",
                                      "i:\xf0" + b + "\x84\x9e:", "(" + b + ")i", "2" + b, "@" + b + "i",
                                      "Z" + b, "z" + b, "X{" + b + "}", "&" + b, "-" + b}) {
      for (const rule_set rules : {rule_set::pep3118, rule_set::struct_}) {
        pep3118::parse_options options;
        options.rules = rules;
        check_agreement(format, options, pep3118::host_target());
        ++checked;
      }
    }
  }
  CHECK(checked == 256 * 13 * 2);
}
