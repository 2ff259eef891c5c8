// Targets: the presets are what docs/targets.md says, and `host` is the preset of this machine.
#include <doctest/doctest.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <pep3118/pep3118.hpp>

#include "cli_runner.hpp"
#include "test_support.hpp"

using pep3118::type_code;

namespace {

// The preset that describes the machine these tests were compiled for.
std::string_view preset_of_this_machine() {
#if defined(__x86_64__) && defined(__linux__)
  return "x86_64-linux-gnu";
#elif defined(__i386__) && defined(__linux__)
  return "i686-linux-gnu";
#elif defined(__aarch64__) && defined(__linux__)
  return "aarch64-linux-gnu";
#elif defined(__aarch64__) && defined(__APPLE__)
  return "aarch64-apple-darwin";
#elif defined(_M_X64) && defined(_MSC_VER)
  return "x86_64-windows-msvc";
#elif defined(__arm__) && defined(__linux__)
  return "armv7-linux-gnueabihf";
#elif defined(__wasm32__)
  return "wasm32";
#elif defined(__s390x__)
  return "s390x-linux-gnu";
#elif defined(__riscv) && __riscv_xlen == 64
  return "riscv64-linux-gnu";
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
  return "powerpc64le-linux-gnu";
#else
  return "";
#endif
}

std::string size_and_alignment(const pep3118::target& t, type_code code) {
  const pep3118::c_type& c = t.native_type(code);
  return std::to_string(c.size) + "/" + std::to_string(c.alignment);
}

// The cells of a Markdown table row: "| a | b |" -> {"a", "b"}.
std::vector<std::string> cells_of(const std::string& row) {
  std::vector<std::string> cells;
  std::stringstream in(row);
  std::string cell;
  std::getline(in, cell, '|');  // before the first bar
  while (std::getline(in, cell, '|')) {
    const auto first = cell.find_first_not_of(' ');
    const auto last = cell.find_last_not_of(' ');
    if (first != std::string::npos) {
      cells.push_back(cell.substr(first, last - first + 1));
    }
  }
  return cells;
}

std::string unquoted(const std::string& cell) { return cell.size() >= 2 && cell.front() == '`' ? cell.substr(1, cell.size() - 2) : cell; }

}  // namespace

TEST_CASE("targets: host is the preset of the build machine") {
  const std::string_view expected = preset_of_this_machine();
  INFO("add a preset for this machine to src/target.cpp and docs/targets.md");
  REQUIRE_FALSE(expected.empty());
  const pep3118::target* preset = pep3118::find_target(expected);
  REQUIRE(preset != nullptr);
  const pep3118::target& host = pep3118::host_target();
  CHECK(host.order == preset->order);
  for (std::size_t i = 0; i < pep3118::type_code_count; ++i) {
    const auto code = static_cast<type_code>(i);
    INFO("code ", pep3118::code_text(code));
    CHECK(size_and_alignment(host, code) == size_and_alignment(*preset, code));
  }
}

TEST_CASE("targets: every preset is what docs/targets.md says") {
  const std::string doc = pep3118_test::read_text_file(std::string(PEP3118_SOURCE_DIR) + "/docs/targets.md");
  REQUIRE_FALSE(doc.empty());
  // Columns of the table: target, byte order, l, q, n (pointer-sized codes), d, g, Zd, Zg.
  const std::vector<type_code> columns{type_code::long_,  type_code::long_long,   type_code::ssize,
                                       type_code::double_, type_code::long_double, type_code::complex_double,
                                       type_code::complex_long_double};
  std::stringstream lines(doc);
  std::string line;
  std::size_t rows = 0;
  while (std::getline(lines, line)) {
    const std::vector<std::string> cells = cells_of(line);
    if (cells.size() != 2 + columns.size() || cells[0].front() != '`') {
      continue;
    }
    ++rows;
    const std::string name = unquoted(cells[0]);
    INFO("docs/targets.md row for ", name);
    const pep3118::target* t = pep3118::find_target(name);
    REQUIRE(t != nullptr);
    CHECK(cells[1] == (t->order == pep3118::endian::big ? "big" : "little"));
    for (std::size_t c = 0; c < columns.size(); ++c) {
      INFO("code ", pep3118::code_text(columns[c]));
      CHECK(cells[2 + c] == size_and_alignment(*t, columns[c]));
    }
    // The codes the table folds into the `n` column share its type.
    for (const type_code code : {type_code::size, type_code::void_pointer, type_code::object, type_code::pointer,
                                 type_code::function}) {
      CHECK(size_and_alignment(*t, code) == size_and_alignment(*t, type_code::ssize));
    }
  }
  // Every preset has its row (host is not a preset).
  std::size_t presets = 0;
  for (const pep3118::target* t : pep3118::all_targets()) {
    presets += t->name == "host" ? 0 : 1;
  }
  CHECK(rows == presets);
  CHECK(presets >= 10);
}

TEST_CASE("targets: the target's byte order resolves @, = and ^") {
  const pep3118::target& big = *pep3118::find_target("s390x-linux-gnu");
  for (const std::string_view format : {"i", "=i", "^i"}) {
    INFO(format);
    const auto laid_out = pep3118::check(format, big);
    REQUIRE(laid_out.ok());
    CHECK(laid_out->fields[0].resolved_order == pep3118::field_order::big);
  }
  const auto little = pep3118::check("<i", big);
  REQUIRE(little.ok());
  CHECK(little->fields[0].resolved_order == pep3118::field_order::little);
}

TEST_CASE("targets: sizes that differ between ABIs") {
  struct expectation {
    std::string_view target;
    std::string_view format;
    std::int64_t itemsize;
  };
  // From the table of docs/targets.md, under NumPy's rules.
  const std::vector<expectation> cases{
      {"x86_64-linux-gnu", "T{b:a:l:b:}", 16},     {"x86_64-windows-msvc", "T{b:a:l:b:}", 8},
      {"i686-linux-gnu", "T{b:a:d:b:}", 12},       {"armv7-linux-gnueabihf", "T{b:a:d:b:}", 16},
      {"i686-linux-gnu", "g", 12},                 {"aarch64-apple-darwin", "g", 8},
      {"s390x-linux-gnu", "T{b:a:g:b:}", 24},      {"wasm32", "T{b:a:g:b:}", 32},
      {"wasm32", "T{b:a:P:b:}", 8},                {"x86_64-windows-msvc", "<l", 4},
  };
  for (const expectation& e : cases) {
    INFO(e.target, " ", e.format);
    const auto laid_out = pep3118::check(e.format, *pep3118::find_target(e.target));
    REQUIRE(laid_out.ok());
    CHECK(laid_out->itemsize == e.itemsize);
  }
}

namespace {

// The example target file of docs/targets.md (the ```text block under "Target files").
std::string documented_target_file() {
  const std::string doc = pep3118_test::read_text_file(std::string(PEP3118_SOURCE_DIR) + "/docs/targets.md");
  const std::size_t section = doc.find("## Target files");
  REQUIRE(section != std::string::npos);
  const std::size_t open = doc.find("```text\n", section);
  REQUIRE(open != std::string::npos);
  const std::size_t begin = open + 8;
  return doc.substr(begin, doc.find("```", begin) - begin);
}

}  // namespace

TEST_CASE("targets: a target file describes an ABI we do not ship") {
  const std::string text = documented_target_file();
  // The file docs/cli.md's example reads is the documented one.
  CHECK(pep3118_test::read_text_file(std::string(PEP3118_SOURCE_DIR) + "/tests/targets/my-dsp.target") == text);
  const auto loaded = pep3118::read_target_file(text);
  REQUIRE(loaded.ok());
  const pep3118::target& dsp = *loaded.value();
  CHECK(dsp.name == "my-dsp");
  CHECK(dsp.order == pep3118::endian::big);
  CHECK(size_and_alignment(dsp, type_code::int_) == "4/2");
  CHECK(size_and_alignment(dsp, type_code::size) == "4/2");
  CHECK(size_and_alignment(dsp, type_code::pointer) == "4/2");
  CHECK(size_and_alignment(dsp, type_code::complex_double) == "16/2");
  const auto laid_out = pep3118::check("T{b:a:i:b:d:c:}", dsp);
  REQUIRE(laid_out.ok());
  CHECK(laid_out->itemsize == 14);
  CHECK(laid_out->fields[1].offset == 2);
  CHECK(laid_out->fields[1].resolved_order == pep3118::field_order::big);
}

TEST_CASE("targets: a bad target file says which line") {
  const std::string good = documented_target_file();
  const auto error_of = [](const std::string& text) { return pep3118_test::error_text(pep3118::read_target_file(text).diagnostics()); };
  const std::size_t int_line = good.find("int = 4 2");
  REQUIRE(int_line != std::string::npos);
  std::string odd_alignment = good;
  odd_alignment.replace(int_line, 9, "int = 4 3");
  CHECK(error_of(odd_alignment) == "bad_target_line@" + std::to_string(int_line));
  CHECK(error_of(good + "int = 4 4\n") == "bad_target_line@" + std::to_string(good.size()));  // twice
  CHECK(error_of(good + "char = 1 1\n") == "bad_target_line@" + std::to_string(good.size()));  // unknown
  CHECK(error_of(good + "just words\n") == "bad_target_line@" + std::to_string(good.size()));
  std::string no_pointer = good.substr(0, good.find("pointer"));
  CHECK(error_of(no_pointer) == "missing_target_key@" + std::to_string(no_pointer.size()));
  CHECK(error_of("") == "missing_target_key@0");
}

TEST_CASE("targets: --target-file on the command line") {
  const std::string path = std::string(PEP3118_SOURCE_DIR) + "/build/test-dsp.target";
  {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    REQUIRE(file != nullptr);
    const std::string text = documented_target_file();
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
  }
  const auto run = pep3118_test::run_cli({"layout", "--json", "--target-file", path, "i"});
  CHECK(run.status == 0);
  CHECK(run.out.find("\"target\":\"my-dsp\"") != std::string::npos);
  CHECK(run.out.find("\"byteorder\":\"big\"") != std::string::npos);
  const auto missing = pep3118_test::run_cli({"check", "--target-file", path + ".absent", "i"});
  CHECK(missing.status == 2);
  CHECK(missing.err.find("cannot read the target file") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("targets: a big-endian target in compare and emit numpy") {
  const pep3118::target& big = *pep3118::find_target("s390x-linux-gnu");
  // `=` is big-endian there: against `<` only a byteswap reconciles them...
  const auto swapped = pep3118::compare(pep3118::parse_or_throw("<i"), pep3118::parse_or_throw("=i"), big);
  REQUIRE(swapped.ok());
  CHECK(swapped->level == pep3118::compat_level::size_compatible);
  CHECK(swapped->byteswap_equal);
  // ...while against `>` they are the same value.
  const auto same = pep3118::compare(pep3118::parse_or_throw(">i"), pep3118::parse_or_throw("=i"), big);
  REQUIRE(same.ok());
  CHECK(same->level == pep3118::compat_level::equivalent);
  // NumPy on any host reads the target's order only when it is spelt out.
  const auto emitted = pep3118::emit_numpy(pep3118::parse_or_throw("T{i:a:d:b:}"), big);
  REQUIRE(emitted.ok());
  CHECK(emitted.value() == ">T{i:a:4xd:b:}");
}
