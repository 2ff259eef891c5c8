// `pep3118 header`: the C header of layouts it writes, read as text and compiled by the host C
// compiler (as C11 and C99) and C++ compiler (as C++17) together with the structs it describes;
// a struct that does not match must not compile. A missing compiler fails these tests.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "cli_runner.hpp"

using pep3118_test::check_usage_error;
using pep3118_test::cli_run;
using pep3118_test::run_cli;

namespace {

namespace fs = std::filesystem;

// A directory of its own under the system's temporary directory, removed with everything in it.
class scratch_directory {
 public:
  scratch_directory() {
    std::string pattern = (fs::temp_directory_path() / "pep3118-header-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  scratch_directory(const scratch_directory&) = delete;
  scratch_directory& operator=(const scratch_directory&) = delete;
  ~scratch_directory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }

  fs::path operator/(std::string_view name) const { return path_ / name; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& path) {
  std::ifstream file{path, std::ios::binary};
  REQUIRE_MESSAGE(file, "cannot read " << path);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, std::string_view text) {
  std::ofstream file{path, std::ios::binary};
  file << text;
  REQUIRE_MESSAGE(file, "cannot write " << path);
}

// The header for x86-64 Linux, every expected number below is for that target.
cli_run header_for_x86(std::vector<std::string> args) {
  args.insert(args.begin(), {"header", "--target", "x86_64-linux-gnu"});
  return run_cli(args);
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// ---- Compiling the header with the structs --------------------------------------------------

const std::vector<std::string> c11{"cc", "-std=c11"};
const std::vector<std::string> c99{"cc", "-std=c99"};
// With the warnings strict C++ code turns on, which C idioms (casts, 0 as a pointer) trip.
const std::vector<std::string> cxx17{"c++", "-std=c++17", "-Wold-style-cast", "-Wzero-as-null-pointer-constant"};

// The formats of the compile tests and the structs that match them on any host: the header is
// laid out for the host (the default target), as a build would lay it out.
const std::vector<std::string> compiled_formats{
    "Point=T{i:a:d:b:}",                      // a member after padding
    "Pair=T{d:x:d:y:}",                       // a last member: its type moves nothing
    "Mesh=i:count:(4)T{d:x:d:y:}:vertices:",  // an array of structs
    "Grid=(2,3)T{b:x:h:y:}:cells:",           // two dimensions of structs
    "Sample=T{i:id:d}",                       // an unnamed field: f0, not checked
    "Scalar=d",                               // one unnamed item: no members at all
};

constexpr std::string_view matching_structs = R"(#include <stddef.h>
typedef struct Point { int a; double b; } Point;
typedef struct Pair { double x; double y; } Pair;
typedef struct Vertex { double x; double y; } Vertex;
typedef struct Mesh { int count; Vertex vertices[4]; } Mesh;
typedef struct Cell { signed char x; short y; } Cell;
typedef struct Grid { Cell cells[2][3]; } Grid;
typedef struct Sample { int id; double value; } Sample;
typedef double Scalar;
)";

// The structs with one member of the wrong type.
std::string mismatching_structs(std::string_view right, std::string_view wrong) {
  std::string structs(matching_structs);
  structs.replace(structs.find(right), right.size(), wrong);
  return structs;
}

// The structs, then the generated header twice (its guard must hold), then a use of it.
std::string translation_unit(std::string_view structs) {
  return std::string(structs) +
         "#include \"layouts.h\"\n"
         "#include \"layouts.h\"\n"
         "int point_b_offset(void) { return Point_b_OFFSET; }\n";
}

// Compiles `source` (named for its language) against the header in `dir`, warnings as errors.
pep3118_test::program_run compile(const std::vector<std::string>& compiler, const scratch_directory& dir,
                                  std::string_view source) {
  const bool is_cxx = compiler[0] == "c++";
  const fs::path file = dir / (is_cxx ? "unit.cpp" : "unit.c");
  write_file(file, source);
  std::vector<std::string> argv = compiler;
  argv.insert(argv.end(), {"-Wall", "-Wextra", "-pedantic", "-Werror", "-fsyntax-only",
                           "-I", dir.path().string(), file.string()});
  pep3118_test::program_run run = pep3118_test::run_program(argv);
  REQUIRE_MESSAGE(run.started, "cannot run the compiler `" << compiler[0] << "`: install gcc and g++");
  return run;
}

// The header of the compile tests, --check-structs, written into `dir`.
void write_checking_header(const scratch_directory& dir) {
  std::vector<std::string> args{"header", "--check-structs", "--output", (dir / "layouts.h").string()};
  args.insert(args.end(), compiled_formats.begin(), compiled_formats.end());
  const cli_run run = run_cli(args);
  REQUIRE(run.status == 0);
  REQUIRE(run.err.empty());
}

}  // namespace

TEST_CASE("cli header: constants for every field, in the format's order") {
  const cli_run run = header_for_x86({"Point=T{i:a:d:b:}"});
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  CHECK(run.out.starts_with("/* Generated by pep3118 header: do not edit. */\n"
                            "#ifndef PEP3118_LAYOUTS_H\n#define PEP3118_LAYOUTS_H\n\n"));
  CHECK(contains(run.out,
                 "/* Point: the format\n"
                 "     T{i:a:d:b:}\n"
                 "   laid out for x86_64-linux-gnu under the pep3118 rules. */\n"
                 "#define Point_FORMAT \"T{i:a:d:b:}\"\n"
                 "#define Point_ITEMSIZE 16\n"
                 "#define Point_ALIGNMENT 8\n"
                 "#define Point_FIELD_COUNT 2\n"
                 "#define Point_a_OFFSET 0\n"
                 "#define Point_a_SIZE 4\n"
                 "#define Point_b_OFFSET 8\n"
                 "#define Point_b_SIZE 8\n"));
  CHECK(run.out.ends_with("#endif /* PEP3118_LAYOUTS_H */\n"));
  // Without --check-structs, no assertions and no <stddef.h>.
  CHECK(!contains(run.out, "ASSERT"));
  CHECK(!contains(run.out, "#include"));
}

TEST_CASE("cli header: the rules, nested structs, arrays and counts") {
  const cli_run run = header_for_x86({"--rules", "struct", "Flat=ib"});
  CHECK(run.status == 0);
  CHECK(contains(run.out, "under the struct rules"));
  CHECK(contains(run.out, "#define Flat_ITEMSIZE 5\n"));

  const cli_run nested = header_for_x86({"Nest=T{b:a:i:b:}:s:(2,3)d:m:(4)T{h:x:}:arr:"});
  CHECK(nested.status == 0);
  CHECK(contains(nested.out, "#define Nest_FIELD_COUNT 5\n"));
  CHECK(contains(nested.out, "#define Nest_s_b_OFFSET 4\n#define Nest_s_b_SIZE 4\n"));
  // A shape: the size of one element and the count of all of them.
  CHECK(contains(nested.out, "#define Nest_m_OFFSET 8\n#define Nest_m_SIZE 8\n#define Nest_m_COUNT 6\n"));
  // An array of structs: its entry, then the members of element 0.
  CHECK(contains(nested.out, "#define Nest_arr_OFFSET 56\n#define Nest_arr_SIZE 2\n#define Nest_arr_COUNT 4\n"
                             "#define Nest_arr_x_OFFSET 56\n#define Nest_arr_x_SIZE 2\n"));

  // One unnamed item: the item's own offset, size and count.
  const cli_run item = header_for_x86({"Matrix=(2,3)f"});
  CHECK(contains(item.out, "#define Matrix_OFFSET 0\n#define Matrix_SIZE 4\n#define Matrix_COUNT 6\n"));
}

TEST_CASE("cli header: long long literals only beyond 2^31-1") {
  const cli_run run = header_for_x86({"Small=(2147483647)b", "Big=(2147483648)b"});
  CHECK(run.status == 0);
  CHECK(contains(run.out, "#define Small_ITEMSIZE 2147483647\n"));
  CHECK(contains(run.out, "#define Big_ITEMSIZE 2147483648LL\n"));
  CHECK(contains(run.out, "#define Big_COUNT 2147483648LL\n"));
}

TEST_CASE("cli header: the format as a C string literal, and in a comment") {
  // A quote, a backslash and a trigraph in a name; a control byte and a comment's end in another.
  const cli_run run = header_for_x86({"Odd=i:\"\\?\?/:i:\x01*/:"});
  CHECK(run.status == 0);
  CHECK(contains(run.out, "#define Odd_FORMAT \"i:\\\"\\\\?\\?/:i:\\001*/:\"\n"));
  CHECK(contains(run.out, "     i:\"\\?\?/:i:\\x01*\\x2f:\n"));
  // A three-digit octal escape: a digit after it is not read into it.
  const cli_run digit = header_for_x86({"D=i:\x01" "7:"});
  CHECK(contains(digit.out, "#define D_FORMAT \"i:\\0017:\"\n"));
}

TEST_CASE("cli header: names that are not C identifiers get a comment, not constants") {
  const cli_run run = header_for_x86({"--check-structs", "Odd=i:a b:i:ok:T{i:1st:}:s:"});
  CHECK(run.status == 0);
  CHECK(contains(run.out, "/* a b: no constants, a name on its path is not a C identifier */\n"));
  CHECK(contains(run.out, "/* s.1st: no constants, a name on its path is not a C identifier */\n"));
  CHECK(contains(run.out, "#define Odd_ok_OFFSET 4\n"));
  CHECK(contains(run.out, "#define Odd_FIELD_COUNT 3\n"));
  CHECK(!contains(run.out, "1st_OFFSET"));
  CHECK(!contains(run.out, "offsetof(Odd, s"));
  CHECK(contains(run.out, "offsetof(Odd, ok) == Odd_ok_OFFSET"));
}

TEST_CASE("cli header: --check-structs asserts size, alignment, and offset and size of written names") {
  const cli_run run = header_for_x86({"--check-structs", "Sample=T{i:id:d}", "Mesh=i:count:(2,2)T{d:x:}:v:"});
  CHECK(run.status == 0);
  CHECK(contains(run.out, "#include <stddef.h>\n"));
  CHECK(contains(run.out, "PEP3118_LAYOUT_ASSERT(sizeof(Sample) == Sample_ITEMSIZE, Sample_sizeof,\n"
                          "                      \"Sample: sizeof is not 16 as the format says\");\n"));
  CHECK(contains(run.out, "PEP3118_LAYOUT_ASSERT(PEP3118_LAYOUT_ALIGNOF(Sample) == Sample_ALIGNMENT, Sample_alignof,\n"
                          "                      \"Sample: alignment is not 8 as the format says\");\n"));
  CHECK(contains(run.out, "PEP3118_LAYOUT_ASSERT(offsetof(Sample, id) == Sample_id_OFFSET, Sample_id_offsetof,\n"
                          "                      \"Sample.id: offsetof is not 0 as the format says\");\n"
                          "PEP3118_LAYOUT_ASSERT(sizeof(PEP3118_LAYOUT_MEMBER(Sample, id)) == Sample_id_SIZE, Sample_id_size,\n"
                          "                      \"Sample.id: size is not 4 as the format says\");\n"));
  // The unnamed d is NumPy's f0: constants, but no member of the C type to check.
  CHECK(contains(run.out, "#define Sample_f0_OFFSET 8\n"));
  CHECK(!contains(run.out, "offsetof(Sample, f0)"));
  CHECK(contains(run.out, "/* f0: not checked, NumPy's name for an unnamed field, not a member's */\n"));
  // Element 0 of an array of structs, one [0] per dimension.
  CHECK(contains(run.out, "offsetof(Mesh, v[0][0].x) == Mesh_v_x_OFFSET"));
  CHECK(contains(run.out, "sizeof(PEP3118_LAYOUT_MEMBER(Mesh, v[0][0].x)) == Mesh_v_x_SIZE"));
  // A member with a shape holds all its elements.
  CHECK(contains(run.out, "sizeof(PEP3118_LAYOUT_MEMBER(Mesh, v)) == Mesh_v_SIZE * Mesh_v_COUNT, Mesh_v_size,\n"
                          "                      \"Mesh.v: size is not 32 as the format says\");\n"));
  CHECK(contains(run.out, "\"Mesh.v[*].x: offsetof is not 8 as the format says\""));
}

TEST_CASE("cli header: two fields that would make the same macro are an error") {
  scratch_directory dir;
  const fs::path output = dir / "layouts.h";
  const cli_run run = run_cli({"header", "--output", output.string(), "A=i:b_c:T{i:c:}:b:", "A_b=i:c:"});
  CHECK(run.status == 1);
  CHECK(run.out.empty());
  CHECK(contains(run.err, "A: error: A's field `b_c` and A's field `b.c` both define the macro A_b_c_OFFSET"));
  CHECK(contains(run.err, "A_b: error: A's field `b_c` and A_b's field `c` both define the macro A_b_c_OFFSET"));
  CHECK(!fs::exists(output));
}

TEST_CASE("cli header: usage errors") {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"header"},
           {"header", "1st=i"},
           {"header", "a b=i"},
           {"header", "=i"},
           {"header", "Point=i", "Point=d"},
           {"header", "Point"},
           {"header", "-"},
           {"header", "--json", "Point=i"},
           {"header", "--guard", "not a guard", "Point=i"},
           {"check", "--check-structs", "i"},
           {"layout", "--output", "x.h", "i"},
           {"emit", "c", "--guard", "G", "i"},
       }) {
    INFO(args.back());
    check_usage_error(run_cli(args));
  }
  // The message names the argument.
  CHECK(contains(run_cli({"header", "1st=i"}).err, "'1st=i'"));
  CHECK(contains(run_cli({"header", "Point=i", "Point=d"}).err, "'Point=d'"));
  CHECK(contains(run_cli({"header", "Point"}).err, "'Point'"));
}

TEST_CASE("cli header: an invalid format writes nothing and shows where it is wrong") {
  scratch_directory dir;
  const fs::path output = dir / "layouts.h";
  for (const std::string& output_args : {std::string(), output.string()}) {
    std::vector<std::string> args{"header"};
    if (!output_args.empty()) args.insert(args.end(), {"--output", output_args});
    args.insert(args.end(), {"Good=i", "Bad=T{i", "Bits=i3t"});
    const cli_run run = run_cli(args);
    CHECK(run.status == 1);
    CHECK(run.out.empty());
    // Every format's diagnostics, each led by its NAME.
    CHECK(contains(run.err, "Bad: error[unterminated_struct]: expected '}' to close 'T{'\n  T{i\n     ^ offset 3\n"));
    CHECK(contains(run.err, "Bits: error[bitfield_layout]"));
  }
  CHECK(!fs::exists(output));
}

TEST_CASE("cli header: warnings go to stderr and the header is written") {
  const cli_run run = header_for_x86({"Long=<g"});
  CHECK(run.status == 0);
  CHECK(contains(run.err, "Long: warning[no_standard_size]"));
  CHECK(contains(run.out, "#define Long_ITEMSIZE 16\n"));
  CHECK(run_cli({"header", "--strict", "Long=<g"}).status == 1);
}

TEST_CASE("cli header: --output writes the file, and again only when its text changes") {
  scratch_directory dir;
  const fs::path output = dir / "my-layouts.h";
  const cli_run run = header_for_x86({"--output", output.string(), "Point=T{i:a:d:b:}"});
  CHECK(run.status == 0);
  CHECK(run.out.empty());
  const std::string text = read_file(output);
  CHECK(text == header_for_x86({"--guard", "PEP3118_MY_LAYOUTS_H", "Point=T{i:a:d:b:}"}).out);
  CHECK(contains(text, "#ifndef PEP3118_MY_LAYOUTS_H\n"));

  // Unchanged text leaves the file alone (a build then compiles nothing again).
  const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
  fs::last_write_time(output, long_ago);
  const auto written = fs::last_write_time(output);
  CHECK(header_for_x86({"--output", output.string(), "Point=T{i:a:d:b:}"}).status == 0);
  CHECK(fs::last_write_time(output) == written);
  CHECK(header_for_x86({"--output", output.string(), "Point=T{i:a:i:b:}"}).status == 0);
  CHECK(fs::last_write_time(output) > written);
  CHECK(contains(read_file(output), "#define Point_b_OFFSET 4\n"));

  // --guard wins over the file's name.
  CHECK(header_for_x86({"--output", output.string(), "--guard", "MY_GUARD", "P=i"}).status == 0);
  CHECK(read_file(output).starts_with("/* Generated by pep3118 header: do not edit. */\n#ifndef MY_GUARD\n"));

  // A file that cannot be written is an error.
  const cli_run unwritable = run_cli({"header", "--output", (dir / "no-such-dir" / "x.h").string(), "P=i"});
  CHECK(unwritable.status == 1);
  CHECK(contains(unwritable.err, "cannot write"));
}

TEST_CASE("cli header: the header compiles with matching structs as C11, C99 and C++17") {
  scratch_directory dir;
  write_checking_header(dir);
  for (const std::vector<std::string>& compiler : {c11, c99, cxx17}) {
    INFO(compiler[0], " ", compiler[1]);
    const pep3118_test::program_run run = compile(compiler, dir, translation_unit(matching_structs));
    CHECK(run.status == 0);
    CHECK(run.err.empty());
  }
}

TEST_CASE("cli header: a struct that does not match the format does not compile") {
  scratch_directory dir;
  write_checking_header(dir);
  // Point's b a float: its offset, its size, Point's size and alignment are all off.
  const std::string wrong_b = translation_unit(mismatching_structs("int a; double b;", "int a; float b;"));
  for (const std::vector<std::string>& compiler : {c11, cxx17}) {
    INFO(compiler[0], " ", compiler[1]);
    const pep3118_test::program_run run = compile(compiler, dir, wrong_b);
    CHECK(run.status != 0);
    CHECK(contains(run.err, "Point.b: offsetof is not 8 as the format says"));
    CHECK(contains(run.err, "Point.b: size is not 8 as the format says"));
    CHECK(contains(run.err, "Point: sizeof is not 16 as the format says"));
    CHECK(contains(run.err, "Point: alignment is not 8 as the format says"));
    CHECK(!contains(run.err, "Mesh"));
  }
  // Before C11 each check is an array of negative size, named after the check.
  const pep3118_test::program_run run = compile(c99, dir, wrong_b);
  CHECK(run.status != 0);
  CHECK(contains(run.err, "pep3118_layout_assert_Point_b_offsetof"));

  // Pair's last member a float: the struct's size and every offset stay; the member's size
  // tells.
  const std::string wrong_y = translation_unit(mismatching_structs("double x; double y;", "double x; float y;"));
  for (const std::vector<std::string>& compiler : {c11, c99, cxx17}) {
    INFO(compiler[0], " ", compiler[1]);
    const pep3118_test::program_run wrong_last = compile(compiler, dir, wrong_y);
    CHECK(wrong_last.status != 0);
    const std::string_view said =
        compiler == c99 ? "pep3118_layout_assert_Pair_y_size" : "Pair.y: size is not 8 as the format says";
    CHECK(contains(wrong_last.err, said));
    CHECK(!contains(wrong_last.err, "offsetof is not"));
  }
}
