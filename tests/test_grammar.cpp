// The grammars themselves: PEGTL's analyze finds no problems, grammar/pep3118.peg is exactly what
// tests/peg_printer.hpp prints from the C++ rules, every error point is a ^rule there, and the
// printer prints what the rules say.
#include <cstddef>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include <pep3118/error_points.hpp>
#include <pep3118/grammar.hpp>
#include <pep3118/struct_grammar.hpp>

#include "peg_printer.hpp"

// A small grammar of the test's own, inside pep3118::grammar so the printer names its rules
// (as `peg_printer_test::...`): combinators and characters the real grammar does not use.
namespace pep3118::grammar::peg_printer_test {

struct open : pg::one<'('> {};
struct group;
struct list : pg::star<group, pg::opt<pg::one<','>>> {};  // star<R, S> is star<seq<R, S>>
struct group : pg::seq<open, list, pg::one<')'>> {};
struct detector : pg::at<pg::one<'\''>> {};
struct start : pg::seq<list, pg::sor<pg::eof, detector>> {};

struct quotes : pg::string<'a', '\'', '\\', '\x7F'> {};
struct specials : pg::one<']', '-', '\\', '^'> {};
struct caret_first : pg::one<'^', 'a'> {};
struct negated : pg::not_one<'a', '\n'> {};
struct negated_range : pg::not_range<'0', '9'> {};
struct odd_ranges : pg::ranges<'a', 'z', '_'> {};
struct nested : pg::seq<pg::seq<open, open>, pg::sor<open, pg::seq<open, open>>, pg::opt<open, open>> {};
struct prefixes : pg::seq<pg::not_at<pg::star<open>>, pg::at<pg::not_at<open>>, pg::star<pg::at<open>>, pg::plus<pg::eof>> {};
struct empties : pg::sor<pg::success, pg::any, pg::failure> {};

}  // namespace pep3118::grammar::peg_printer_test

namespace pep3118::grammar {
template <>
inline constexpr std::optional<error_code> error_point<peg_printer_test::detector>{error_code::unknown_code};
}  // namespace pep3118::grammar

namespace {

std::string read_source_file(const std::string& relative) {
  const std::string path = std::string(PEP3118_SOURCE_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct numbered_line {
  std::size_t number;  // 1-based, in the file
  std::string text;
};

// The rule lines of grammar/pep3118.peg: comment lines (first non-blank character '#') and
// blank lines dropped.
std::vector<numbered_line> peg_rule_lines() {
  std::istringstream text(read_source_file("grammar/pep3118.peg"));
  std::vector<numbered_line> lines;
  std::string line;
  for (std::size_t number = 1; std::getline(text, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    lines.push_back({number, line});
  }
  return lines;
}

}  // namespace

TEST_CASE("grammar: analyze finds no problems in the pep3118 grammar") {
  CHECK(tao::pegtl::analyze<pep3118::grammar::format>() == 0);
}

TEST_CASE("grammar: analyze finds no problems in the struct grammar") {
  CHECK(tao::pegtl::analyze<pep3118::grammar::struct_module::format>() == 0);
}

TEST_CASE("grammar: grammar/pep3118.peg is what the printer prints from the C++ rules") {
  const std::vector<numbered_line> file = peg_rule_lines();
  const std::vector<std::string> printed = pep3118::peg::pep3118_peg_lines();
  REQUIRE_FALSE(printed.empty());

  for (std::size_t i = 0; i < file.size() || i < printed.size(); ++i) {
    const bool in_file = i < file.size();
    const bool in_printer = i < printed.size();
    if (in_file && in_printer && file[i].text == printed[i]) continue;
    std::ostringstream message;
    message << "grammar/pep3118.peg is out of step with the C++ rules at rule line " << i + 1 << ":\n";
    if (in_file) {
      message << "  pep3118.peg line " << file[i].number << ": " << file[i].text << "\n";
    } else {
      message << "  pep3118.peg: (no more rule lines)\n";
    }
    if (in_printer) {
      message << "  printer (C++ rules):  " << printed[i] << "\n";
    } else {
      message << "  printer (C++ rules):  (no more rule lines)\n";
    }
    message << "Update grammar/pep3118.peg to the printer's output (see tests/peg_printer.hpp).";
    FAIL(message.str());
  }
  CHECK(file.size() == printed.size());
}

TEST_CASE("grammar: every error point of error_points.hpp is a ^rule of grammar/pep3118.peg") {
  // The detectors as listed in the header: error_point<name>{error_code::...}.
  const std::string header = read_source_file("grammar/pep3118/error_points.hpp");
  const std::regex listed(R"(error_point<([A-Za-z_][A-Za-z0-9_:]*)>\s*\{)");
  std::set<std::string> error_points;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), listed); it != std::sregex_iterator(); ++it) {
    error_points.insert((*it)[1].str());
  }
  REQUIRE(error_points.size() >= 20);
  CHECK(error_points.count("nul_byte") == 1);
  CHECK(error_points.count("struct_module::missing_code") == 1);

  // The ^rules defined in the .peg.
  std::set<std::string> detectors;
  for (const numbered_line& line : peg_rule_lines()) {
    if (line.text.empty() || line.text[0] != '^') continue;
    const auto arrow = line.text.find(" <- ");
    REQUIRE_MESSAGE(arrow != std::string::npos, "pep3118.peg line " << line.number << ": " << line.text);
    detectors.insert(line.text.substr(1, arrow - 1));
  }

  for (const std::string& name : error_points) {
    CHECK_MESSAGE(detectors.count(name) == 1,
                  "error point " << name << " (error_points.hpp) is not a ^rule of grammar/pep3118.peg: "
                                 << "unreachable from the start rules, or the .peg is stale");
  }
  for (const std::string& name : detectors) {
    CHECK_MESSAGE(error_points.count(name) == 1,
                  "^" << name << " in grammar/pep3118.peg is not an error point of error_points.hpp");
  }
}

TEST_CASE("grammar: the peg printer prints rules as grammar.hpp writes them") {
  namespace g = pep3118::grammar;
  using pep3118::peg::definition;

  // Written by hand from grammar.hpp / struct_grammar.hpp.
  CHECK(definition<g::shape>() == "shape <- shape_open sep first_dim (sep ',' sep next_dim)* sep shape_close");
  CHECK(definition<g::struct_close>() == "struct_close <- '}' / ^unterminated_struct / element_error");
  CHECK(definition<g::unterminated_struct>() == "^unterminated_struct <- !.");
  CHECK(definition<g::expected_dim>() == "^expected_dim <- \"\"");
  CHECK(definition<g::ws>() == "ws <- [ \\x09\\x0A\\x0D\\x0B\\x0C]");
  CHECK(definition<g::nul_byte>() == "^nul_byte <- &'\\x00'");
  CHECK(definition<g::arrow>() == "arrow <- '->'");
  CHECK(definition<g::missing_code>() == "^missing_code <- &[}:),\\-] / !.");
  CHECK(definition<g::utf8_ascii>() == "utf8_ascii <- [\\x01-9;-\\x7F]");
  CHECK(definition<g::item>() == "item <- (prefixed_body / body) (sep name)?");
  CHECK(definition<g::returns>() == "returns <- return_item sep elements / ^nul_byte / ^missing_return");
  CHECK(definition<g::struct_module::native_format>() ==
        "struct_module::native_format <- struct_module::native_mark? (ws / struct_module::native_item)* "
        "struct_module::format_end");
  CHECK(definition<g::struct_module::not_in_struct>() ==
        "^struct_module::not_in_struct <- &[\\^T{}(),:&XZzgOuwtFDG]");
}

TEST_CASE("grammar: the peg printer escapes, parenthesizes and walks rules in preorder") {
  namespace t = pep3118::grammar::peg_printer_test;
  using pep3118::peg::definition;

  CHECK(definition<t::quotes>() == "peg_printer_test::quotes <- 'a\\'\\\\\\x7F'");
  CHECK(definition<t::specials>() == "peg_printer_test::specials <- [\\]\\-\\\\^]");
  CHECK(definition<t::caret_first>() == "peg_printer_test::caret_first <- [\\^a]");
  CHECK(definition<t::negated>() == "peg_printer_test::negated <- [^a\\x0A]");
  CHECK(definition<t::negated_range>() == "peg_printer_test::negated_range <- [^0-9]");
  CHECK(definition<t::odd_ranges>() == "peg_printer_test::odd_ranges <- [a-z_]");
  CHECK(definition<t::nested>() ==
        "peg_printer_test::nested <- (peg_printer_test::open peg_printer_test::open) "
        "(peg_printer_test::open / peg_printer_test::open peg_printer_test::open) "
        "(peg_printer_test::open peg_printer_test::open)?");
  CHECK(definition<t::prefixes>() ==
        "peg_printer_test::prefixes <- !peg_printer_test::open* &(!peg_printer_test::open) "
        "(&peg_printer_test::open)* (!.)+");
  CHECK(definition<t::empties>() == "peg_printer_test::empties <- \"\" / . / !\"\"");

  // Each rule once, depth-first in preorder, through the recursion group -> list -> group.
  const std::vector<std::string> expected{
      "peg_printer_test::start <- peg_printer_test::list (!. / ^peg_printer_test::detector)",
      "peg_printer_test::list <- (peg_printer_test::group ','?)*",
      "peg_printer_test::group <- peg_printer_test::open peg_printer_test::list ')'",
      "peg_printer_test::open <- '('",
      "^peg_printer_test::detector <- &'\\''",
  };
  CHECK(pep3118::peg::grammar_lines<t::start>() == expected);

  // A second section prints only rules the first did not.
  pep3118::peg::printer printer;
  CHECK(printer.section<t::group>().size() == 3);
  CHECK(printer.section<t::start>() == std::vector<std::string>{expected.front(), expected.back()});
}
