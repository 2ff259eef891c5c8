// The corpus of facts from other projects' test suites (tests/corpus/README.md): every line
// whose rules are `struct` or `pep3118` must give its itemsize for x86_64-linux-gnu under that
// rule set, or be rejected where the line records an error.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <pep3118/pep3118.hpp>

#include "test_support.hpp"

#ifndef PEP3118_SOURCE_DIR
#error "PEP3118_SOURCE_DIR must name the source root"
#endif

using pep3118_test::corpus_lines;
using pep3118_test::error_text;
using pep3118_test::json_value;
using pep3118_test::show;

namespace {

const json_value* find(const pep3118_test::json_object& o, const std::string& key) {
  const auto it = o.find(key);
  return it == o.end() ? nullptr : &it->second;
}

}  // namespace

TEST_CASE("corpus: JSON Lines reader") {
  std::vector<std::string> errors;
  const auto lines = pep3118_test::read_json_lines(
      "{\"fmt\": \"2\\u0000i\", \"n\": 12, \"neg\": -3, \"t\": true, \"f\": false, \"z\": null}\n"
      "\n"
      "{\"s\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20ac\\ud83d\\ude00\"}\n"
      "{\"broken\": \n",
      errors);
  REQUIRE(lines.size() == 2);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind("line 4", 0) == 0);
  const auto& a = lines[0].object;
  CHECK(lines[0].number == 1);
  CHECK(a.at("fmt").type == json_value::kind::string);
  CHECK(a.at("fmt").text == std::string("2\0i", 3));
  CHECK(a.at("n").number == 12);
  CHECK(a.at("neg").number == -3);
  CHECK(a.at("t").boolean);
  CHECK(a.at("f").type == json_value::kind::boolean);
  CHECK_FALSE(a.at("f").boolean);
  CHECK(a.at("z").type == json_value::kind::null);
  CHECK(lines[1].number == 3);
  CHECK(lines[1].object.at("s").text == "\"\\/\b\f\n\r\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}

TEST_CASE("corpus: struct and pep3118 vectors") {
  const auto lines = corpus_lines();
  const pep3118::target& target = pep3118_test::x86();
  std::size_t checked = 0;
  for (const auto& line : lines) {
    const auto* rules = find(line.object, "rules");
    const auto* fmt = find(line.object, "fmt");
    REQUIRE(rules != nullptr);
    REQUIRE(fmt != nullptr);
    if (rules->text != "struct" && rules->text != "pep3118") {
      continue;
    }
    const auto* itemsize = find(line.object, "itemsize");
    const auto* error = find(line.object, "error");
    const auto* source = find(line.object, "source");
    const auto* tgt = find(line.object, "target");
    INFO("line ", line.number, ": \"", show(fmt->text), "\" rules ", rules->text,
         " (", source != nullptr ? source->text : std::string("?"), ")");
    REQUIRE(tgt != nullptr);
    CHECK(tgt->text == "x86_64-linux-gnu");
    REQUIRE((itemsize != nullptr) != (error != nullptr));

    pep3118::parse_options options;
    options.rules = rules->text == "struct" ? pep3118::rule_set::struct_ : pep3118::rule_set::pep3118;
    const auto r = pep3118::check(fmt->text, target, options);
    INFO("result: ", error_text(r.diagnostics()));
    if (error != nullptr) {
      INFO("expected an error: ", error->text);
      CHECK_FALSE(r.ok());
      CHECK(pep3118_test::errors_of(r.diagnostics()).size() == 1);
    } else {
      REQUIRE(itemsize->type == json_value::kind::number);
      CHECK(r.ok());
      if (r.ok()) {
        CHECK(r->itemsize == itemsize->number);
      }
    }
    ++checked;
  }
  // 64 struct lines and 100 pep3118 lines at the time of writing: a corpus read as empty or
  // half would pass silently otherwise.
  CHECK(checked >= 164);
}
