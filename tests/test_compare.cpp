// compare(): the five levels of DESIGN §4, the alias rules, and the first difference.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include <pep3118/pep3118.hpp>

#include "test_support.hpp"

using pep3118::compat_level;
using pep3118_test::x86;

namespace {

struct pair_case {
  std::string_view a;
  std::string_view b;
  compat_level level;
};

pep3118::comparison compared(std::string_view a, std::string_view b) {
  const auto result = pep3118::compare(pep3118::parse_or_throw(a), pep3118::parse_or_throw(b), x86());
  REQUIRE(result.ok());
  return result.value();
}

void check_pairs(const std::vector<pair_case>& cases) {
  for (const pair_case& c : cases) {
    INFO(c.a, " vs ", c.b);
    CHECK(pep3118::level_name(compared(c.a, c.b).level) == pep3118::level_name(c.level));
    // The levels are symmetric.
    CHECK(pep3118::level_name(compared(c.b, c.a).level) == pep3118::level_name(c.level));
  }
}

}  // namespace

TEST_CASE("compare: identical ignores spelling only") {
  check_pairs({
      {"i", "i", compat_level::identical},
      {"T{i:a:d:b:}", " T{ i :a: d:b: } ", compat_level::identical},
      {"!i", ">i", compat_level::identical},
      {"<<i", "<i", compat_level::identical},
      {"@i", "i", compat_level::identical},
      {"F", "Zf", compat_level::identical},
      {"D", "Zd", compat_level::identical},
      {"G", "Zg", compat_level::identical},
      {"(2)(3)i", "(2,3)i", compat_level::identical},
      {"<(2)i", "(2)<i", compat_level::identical},
      {"X{ii->d}", "X{ i i -> d }", compat_level::identical},
  });
}

TEST_CASE("compare: equivalent resolves aliases through the target") {
  check_pairs({
      {"l", "q", compat_level::equivalent},   // signed 8-byte on x86-64
      {"L", "Q", compat_level::equivalent},
      {"n", "q", compat_level::equivalent},
      {"N", "Q", compat_level::equivalent},
      {"<i", "=i", compat_level::equivalent},  // = is little-endian on x86-64
      {"<i", "i", compat_level::equivalent},
      {"=l", "i", compat_level::equivalent},   // standard l is 4 bytes
      {"2i", "(2)i", compat_level::equivalent},
      {"T{bi}", "T{b3xi}", compat_level::equivalent},  // implicit and written padding
      {"&l", "&q", compat_level::equivalent},
      {"ii", "i:f0:i:f1:", compat_level::equivalent},  // NumPy's names for unnamed fields
  });
}

TEST_CASE("compare: layout-compatible ignores names, grouping and count-vs-shape") {
  check_pairs({
      {"ii", "2i", compat_level::layout_compatible},
      {"iii", "i(2)i", compat_level::layout_compatible},
      {"T{ii}i", "3i", compat_level::layout_compatible},
      {"T{b:a:i:b:}", "T{b:x:i:y:}", compat_level::layout_compatible},
      {"Zd", "dd", compat_level::layout_compatible},  // not equivalent: complex is one value
      {"5s", "(5)c", compat_level::layout_compatible},
      {"3T{ii}", "6i", compat_level::layout_compatible},
      {"4x:gap:i", "4xi", compat_level::layout_compatible},  // named padding is still padding
  });
}

TEST_CASE("compare: kinds never merge") {
  check_pairs({
      {"c", "b", compat_level::size_compatible},
      {"?", "B", compat_level::size_compatible},
      {"e", "H", compat_level::size_compatible},
      {"i", "f", compat_level::size_compatible},
      {"i", "I", compat_level::size_compatible},
      {"P", "Q", compat_level::size_compatible},  // a pointer is not an integer
      {"&i", "&d", compat_level::size_compatible},
      {"&i", "P", compat_level::size_compatible},
      {"O", "P", compat_level::size_compatible},
      {"d", "ii", compat_level::size_compatible},
  });
}

TEST_CASE("compare: incompatible when the itemsize differs") {
  check_pairs({
      {"i", "q", compat_level::incompatible},
      {"ib", "^ib", compat_level::incompatible},  // NumPy pads the first to 8
      {"T{b:a:i:b:}", "=T{b:a:i:b:}", compat_level::incompatible},
  });
}

TEST_CASE("compare: the first difference, in words") {
  SUBCASE("equivalent but spelt differently") {
    const auto c = compared("<i", "=i");
    REQUIRE(c.next.has_value());
    CHECK(pep3118::level_name(c.next->level) == "identical");
    CHECK(c.next->a.what == "written <i");
    CHECK(c.next->b.what == "written =i");
  }
  SUBCASE("a value of another size") {
    const auto c = compared("T{q:a:}", "T{i:a:i:b:}");
    REQUIRE(c.next.has_value());
    CHECK(pep3118::level_name(c.level) == "size-compatible");
    CHECK(pep3118::level_name(c.next->level) == "layout-compatible");
    CHECK(c.next->offset == 0);
    CHECK(c.next->a.path == "a");
    CHECK(c.next->a.what == "signed 8-byte integer, little-endian");
    CHECK(c.next->b.what == "signed 4-byte integer, little-endian");
  }
  SUBCASE("padding against a value") {
    const auto c = compared("bxxxi", "=bi3x");  // 8 bytes each: b, 3 pad, i  against  b, i, 3 pad
    REQUIRE(c.next.has_value());
    CHECK(c.next->offset == 1);
    CHECK(c.next->a.what == "3 padding bytes before `f1`");
    CHECK(c.next->b.path == "f1");
  }
  SUBCASE("different itemsize") {
    const auto c = compared("i", "q");
    REQUIRE(c.next.has_value());
    CHECK(pep3118::level_name(c.next->level) == "size-compatible");
    CHECK(c.next->a.what == "an item of 4 bytes");
    CHECK(c.next->b.what == "an item of 8 bytes");
  }
  SUBCASE("a missing field") {
    const auto c = compared("T{i:a:i:b:}", "T{i:a:}i");
    REQUIRE(c.next.has_value());
    CHECK(pep3118::level_name(c.next->level) == "equivalent");
  }
}

TEST_CASE("compare: byte order alone") {
  CHECK(compared("<i", ">i").byteswap_equal);
  CHECK(compared("T{<i:a:<d:b:}", "T{>i:a:>d:b:}").byteswap_equal);
  CHECK(compared("<Zd", ">dd").byteswap_equal);
  CHECK_FALSE(compared("<i", "<i").byteswap_equal);
  CHECK_FALSE(compared("<i", ">f").byteswap_equal);
  CHECK_FALSE(compared("<i", "=i").byteswap_equal);  // already equivalent on x86-64
  CHECK_FALSE(compared("<b", ">b").byteswap_equal);  // one byte: identical in layout
}

TEST_CASE("compare: each Cython mismatch against the format of its C type") {
  // tests/corpus lines with rules "cython-type-mismatch": Cython refused these formats for one
  // C type; the format that describes that type is on the right.
  struct mismatch {
    std::string_view refused;
    std::string_view c_type_format;
    compat_level level;
  };
  const std::vector<mismatch> cases{
      {"=ciii", "ciii", compat_level::incompatible},  // struct {char a; int b, c, d;}: 13 vs 16
      {"cii", "ciii", compat_level::incompatible},    // one int short
      {"@cici", "^cici", compat_level::incompatible}, // packed struct: aligned 16 vs 10
      {"if", "i", compat_level::incompatible},        // C int: 8 vs 4
  };
  for (const mismatch& m : cases) {
    INFO(m.refused, " vs ", m.c_type_format);
    const auto c = compared(m.refused, m.c_type_format);
    CHECK(pep3118::level_name(c.level) == pep3118::level_name(m.level));
    REQUIRE(c.next.has_value());
  }
  // The corpus lists exactly these four.
  std::size_t listed = 0;
  for (const auto& line : pep3118_test::corpus_lines()) {
    if (pep3118_test::text_of(line.object, "rules") == "cython-type-mismatch") {
      ++listed;
      const std::string format = pep3118_test::text_of(line.object, "fmt");
      bool covered = false;
      for (const mismatch& m : cases) {
        covered = covered || format == m.refused;
      }
      INFO(format);
      CHECK(covered);
    }
  }
  CHECK(listed == cases.size());
}

TEST_CASE("compare: unrolling is bounded") {
  const auto a = pep3118::parse_or_throw("(100000000)T{i}");
  const auto b = pep3118::parse_or_throw("(100000000)T{i:a:}");
  const auto result = pep3118::compare(a, b, x86());
  REQUIRE_FALSE(result.ok());
  CHECK(result.diagnostics()[0].name() == "too_large_to_compare");
}

TEST_CASE("compare: level names") {
  for (const auto level : {compat_level::identical, compat_level::equivalent, compat_level::layout_compatible,
                           compat_level::size_compatible, compat_level::incompatible}) {
    CHECK(pep3118::level_from_name(pep3118::level_name(level)) == level);
  }
  CHECK_FALSE(pep3118::level_from_name("compatible").has_value());
}

TEST_CASE("compare: chains of pointers stay linear") {
  // Found by the compare fuzzer: every level asked about the same pair of targets again, at
  // each link of the chain, and the work grew as 3^depth. 200 links would never finish.
  const std::string a = pep3118_test::repeat("&", 200) + "l";
  const std::string b = pep3118_test::repeat("&", 200) + "q";
  CHECK(pep3118::level_name(compared(a, b).level) == "equivalent");
  CHECK(pep3118::level_name(compared(a, pep3118_test::repeat("&", 200) + "d").level) == "size-compatible");
}

TEST_CASE("compare: an array of structs without values is not unrolled") {
  // Found by the compare fuzzer: 2*10^16 empty structs were unrolled one by one, and with no
  // field visited no budget ran out. Both sides hold no bytes: layout-compatible, at once.
  CHECK(pep3118::level_name(compared("T{}", "22337203685477580T{}").level) == "layout-compatible");
  CHECK(pep3118::level_name(compared("12xi", "(3)T{4x}i").level) == "layout-compatible");
}
