// The polish of the command line: help for every command (from its one table), --version,
// colors on a terminal (--color, NO_COLOR) and the quiet batch mode, run as a user runs them.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli_runner.hpp"

using pep3118_test::check_usage_error;
using pep3118_test::cli_run;
using pep3118_test::lines_of;
using pep3118_test::run_cli;
using pep3118_test::run_setting;

namespace {

using pep3118::cli::command;
using pep3118::cli::command_info;
using pep3118::cli::command_table;

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// The lines of one section of a help text: those after `heading` up to the next blank line.
std::vector<std::string> section(const std::string& help, const std::string& heading) {
  std::vector<std::string> lines = lines_of(help);
  auto start = std::find(lines.begin(), lines.end(), heading);
  REQUIRE_MESSAGE(start != lines.end(), "no section " << heading);
  auto end = std::find(start + 1, lines.end(), "");
  return {start + 1, end};
}

// The options a help text lists, as `--name` and whether it takes a value: from the lines of
// its options section that start a term (`  --target NAME  ...`, `  -q, --quiet  ...`).
std::map<std::string, bool> listed_options(const std::string& help, const std::string& heading) {
  static const std::regex term(R"(^  (?:-\w, )?(--[a-z-]+)( [^ ]+)?  )");
  std::map<std::string, bool> options;
  std::smatch found;
  for (const std::string& line : section(help, heading)) {
    if (std::regex_search(line, found, term)) options[found[1]] = found[2].matched;
  }
  return options;
}

std::string overview() { return run_cli({"--help"}).out; }

// Escapes a terminal reads as colors (any SGR sequence).
bool has_escapes(std::string_view text) { return contains(text, "\x1b["); }

constexpr std::string_view bold_red = "\x1b[1;31m";
constexpr std::string_view bold_yellow = "\x1b[1;33m";
constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view reset = "\x1b[0m";

std::string painted(std::string_view color, std::string_view text) {
  return std::string(color) + std::string(text) + std::string(reset);
}

// A terminal as a person has one: NO_COLOR unset and TERM not dumb, whatever the test's own.
run_setting on_terminal(bool out, bool err, std::optional<std::string> no_color = std::nullopt,
                        std::string term = "xterm") {
  return {{{"NO_COLOR", std::move(no_color)}, {"TERM", std::move(term)}}, out, err};
}

}  // namespace

// ---- help ------------------------------------------------------------------------------------

TEST_CASE("cli help: every command of the table has its help") {
  const std::string all = overview();
  for (const command_info& info : command_table) {
    INFO(info.name);
    CHECK(!info.summary.empty());
    CHECK(!info.description.empty());
    CHECK(!info.exit_ok.empty());
    for (std::string_view example : info.examples) CHECK(example.find("pep3118 ") != std::string_view::npos);

    const std::string name(info.name);
    cli_run help = run_cli({name, "--help"});
    CHECK(help.status == 0);
    CHECK(help.err.empty());
    std::string synopsis = "usage: pep3118 " + name + " [options]";
    if (!info.operands.empty()) synopsis += " " + std::string(info.operands);
    CHECK(lines_of(help.out).at(0) == synopsis);
    CHECK(contains(help.out, info.description.substr(0, 30)));
    CHECK(!listed_options(help.out, "options:").empty());
    std::vector<std::string> statuses = section(help.out, "exit status:");
    CHECK(statuses.front().starts_with("  0  "));
    CHECK(statuses.back() == "  2  usage error");
    CHECK(contains(help.out, "  1  ") == !info.exit_failed.empty());
    std::vector<std::string> examples = section(help.out, "examples:");
    REQUIRE(examples.size() == info.examples.size());
    for (std::size_t i = 0; i < examples.size(); ++i) CHECK(examples[i] == "  " + std::string(info.examples[i]));

    // The same help, however it is asked for.
    CHECK(run_cli({name, "-h"}).out == help.out);
    CHECK(run_cli({"help", name}).out == help.out);
    CHECK(run_cli({name, "--json", "i", "--help"}).out == help.out);
    // The overview lists it, with its summary's first words.
    CHECK(contains(all, "\n  " + name));
    CHECK(contains(all, info.summary.substr(0, 20)));
  }
}

TEST_CASE("cli help: a command's help lists exactly the options it takes") {
  const std::map<std::string, bool> every_option =
      listed_options(overview(), "options (pep3118 COMMAND --help lists those of COMMAND):");
  REQUIRE(every_option.size() > 10);
  for (const command_info& info : command_table) {
    const std::string name(info.name);
    const std::map<std::string, bool> its_options = listed_options(run_cli({name, "--help"}).out, "options:");
    for (const auto& [option, takes_value] : every_option) {
      if (option == "--help" || option == "--version") continue;
      INFO(name << " " << option);
      std::vector<std::string> args{name, option};
      if (takes_value) args.emplace_back("x");
      const bool refused = contains(run_cli(args).err, "is not an option of " + name);
      CHECK(refused == !its_options.contains(option));
    }
  }
}

TEST_CASE("cli help: the examples of every command's help run") {
  const std::string cli_path = PEP3118_CLI_PATH;
  const std::string cli_dir = cli_path.substr(0, cli_path.rfind('/'));
  REQUIRE(cli_path.ends_with("/pep3118"));
  const char* path = std::getenv("PATH");
  const run_setting with_cli_on_path{{{"PATH", cli_dir + ":" + (path != nullptr ? path : "/usr/bin:/bin")}}};
  for (const command_info& info : command_table) {
    for (std::string_view example : info.examples) {
      INFO(example);
      const pep3118_test::program_run run =
          pep3118_test::run_program({"bash", "-c", std::string(example)}, {}, with_cli_on_path);
      CHECK((run.status == 0 || run.status == 1));
      CHECK(!run.out.empty());
      CHECK(!contains(run.err, "pep3118: "));  // no usage error
    }
  }
}

TEST_CASE("cli help: the overview for --help, -h and help, and help's own mistakes") {
  const std::string all = overview();
  CHECK(all.starts_with("usage: pep3118 COMMAND [options] FORMAT...\n"));
  CHECK(run_cli({"-h"}).out == all);
  cli_run help = run_cli({"help"});
  CHECK(help.status == 0);
  CHECK(help.out == all);
  CHECK(run_cli({"help", "--help"}).out == all);
  // An unknown command asking for help gets the overview, which names the real ones.
  CHECK(run_cli({"frobnicate", "--help"}).out == all);

  check_usage_error(run_cli({"help", "frobnicate"}));
  check_usage_error(run_cli({"help", "check", "layout"}));
}

TEST_CASE("cli help: a usage error points at the help of its command") {
  cli_run mistake = run_cli({"layout", "--frobnicate", "i"});
  check_usage_error(mistake);
  CHECK(lines_of(mistake.err).at(1) == "Try 'pep3118 layout --help' for usage.");
  cli_run no_command = run_cli({"frobnicate"});
  check_usage_error(no_command);
  CHECK(lines_of(no_command.err).at(1) == "Try 'pep3118 --help' for usage.");
  // An option of another command says whose it is not.
  CHECK(contains(run_cli({"canon", "--target", "host", "i"}).err, "--target is not an option of canon"));
  CHECK(contains(run_cli({"check", "--json=yes", "i"}).err, "option --json takes no value"));
}

// ---- --version -------------------------------------------------------------------------------

TEST_CASE("cli --version: the project's version and the rule sets") {
  // PEP3118_VERSION is CMake's PROJECT_VERSION: read it where CMake does.
  std::ifstream lists{PEP3118_SOURCE_DIR "/CMakeLists.txt"};
  const std::string text{std::istreambuf_iterator<char>(lists), std::istreambuf_iterator<char>()};
  std::smatch found;
  REQUIRE(std::regex_search(text, found, std::regex(R"(project\(pep3118\s+VERSION\s+([0-9.]+))")));
  const std::string version = found[1];

  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--version"}, {"-V"}, {"check", "--version", "i"}}) {
    INFO(args.front());
    cli_run run = run_cli(args);
    CHECK(run.status == 0);
    CHECK(run.err.empty());
    CHECK(run.out == "pep3118 " + version + "\nrule sets: pep3118, struct\n");
  }
}

// ---- color -----------------------------------------------------------------------------------

TEST_CASE("cli color: --color=always paints carets, labels and headings") {
  cli_run error = run_cli({"check", "--color=always", "i}"});
  CHECK(contains(error.out, painted(bold_red, "error") + " at offset 1 [stray_brace]: "));
  std::vector<std::string> err = lines_of(error.err);
  REQUIRE(err.size() == 3);
  CHECK(err[0].starts_with(painted(bold_red, "error[stray_brace]") + ": "));
  CHECK(err[1] == "  i}");  // the format itself is never painted
  CHECK(err[2] == "   " + painted(bold_red, "^") + " offset 1");

  cli_run warning = run_cli({"check", "--color", "always", "F"});
  CHECK(warning.err.starts_with(painted(bold_yellow, "warning[complex_spelling]") + ": "));
  CHECK(contains(warning.err, painted(bold_yellow, "^")));
  CHECK(warning.out == "ok  itemsize 8  alignment 4  F  (1 warning)\n");

  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"layout", "i"}, {"explain", "i"}, {"targets"}, {"check", "--portability", "i"}}) {
    INFO(args.front());
    std::vector<std::string> always = args;
    always.emplace_back("--color=always");
    const std::string out = run_cli(always).out;
    CHECK((contains(out, "\n" + std::string(bold)) || out.starts_with(bold)));
    // The heading is painted as one piece, the rows not at all.
    for (const std::string& line : lines_of(out)) {
      if (has_escapes(line)) CHECK((line.starts_with(bold) && line.ends_with(reset)));
    }
  }

  // compare: the caret display of an invalid side; the pair's own findings too.
  CHECK(contains(run_cli({"compare", "--color=always", "i", "i}"}).out, painted(bold_red, "^")));
  // header: the C header is never painted, what goes to stderr is.
  cli_run header = run_cli({"header", "--color=always", "Long=<g"});
  CHECK(!has_escapes(header.out));
  CHECK(contains(header.err, painted(bold_yellow, "warning[no_standard_size]")));
}

TEST_CASE("cli color: never painted when piped, with --color=never, or in JSON") {
  const std::vector<std::vector<std::string>> runs{
      {"check", "i}", "F"},         {"layout", "i", "i}"}, {"explain", "F"},        {"compare", "<d", "x}"},
      {"canon", "F", "T{"},         {"emit", "c", "i", "&i"}, {"targets"},          {"header", "A=<g", "B=T{"},
      {"check", "--itemsize", "3", "i"}, {"check", "--portability", "ib"}};
  for (const std::vector<std::string>& args : runs) {
    INFO(args.front() << " " << args.back());
    // What the tests see by default: files, not terminals.
    cli_run piped = run_cli(args);
    CHECK(!has_escapes(piped.out));
    CHECK(!has_escapes(piped.err));
    std::vector<std::string> never = args;
    never.emplace_back("--color=never");
    cli_run on_terminal_never = run_cli(never, {}, on_terminal(true, true));
    CHECK(!has_escapes(on_terminal_never.out));
    CHECK(!has_escapes(on_terminal_never.err));
  }
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"check", "i}", "F"}, {"compare", "i", "i}"}, {"canon", "T{"}, {"emit", "numpy", "&i"}, {"targets"},
           {"check", "--itemsize", "3", "i"}, {"check", "--portability", "ib"}}) {
    INFO(args.front());
    std::vector<std::string> json = args;
    json.insert(json.end(), {"--json", "--color=always"});
    cli_run run = run_cli(json);
    CHECK(!run.out.empty());
    CHECK(!has_escapes(run.out));
    CHECK(!has_escapes(run.err));
  }
}

TEST_CASE("cli color: auto paints each stream that is a terminal, unless NO_COLOR or TERM=dumb") {
  // stdout a terminal: its heading painted; stderr a file: plain.
  cli_run out_terminal = run_cli({"layout", "i"}, {}, on_terminal(true, false));
  CHECK(out_terminal.out.find(std::string(bold) + "offset") != std::string::npos);
  cli_run carets_to_file = run_cli({"check", "i}"}, {}, on_terminal(true, false));
  CHECK(carets_to_file.out.starts_with(painted(bold_red, "error")));
  CHECK(!has_escapes(carets_to_file.err));
  // stderr a terminal: the carets painted; stdout a file: plain.
  cli_run err_terminal = run_cli({"check", "--color=auto", "i}"}, {}, on_terminal(false, true));
  CHECK(!has_escapes(err_terminal.out));
  CHECK(err_terminal.err.starts_with(painted(bold_red, "error[stray_brace]")));

  // NO_COLOR with a value beats auto; set but empty it does not count.
  CHECK(!has_escapes(run_cli({"check", "i}"}, {}, on_terminal(true, true, "1")).err));
  CHECK(!has_escapes(run_cli({"layout", "i"}, {}, on_terminal(true, true, "1")).out));
  CHECK(has_escapes(run_cli({"check", "i}"}, {}, on_terminal(true, true, "")).err));
  // A terminal that shows no colors.
  CHECK(!has_escapes(run_cli({"check", "i}"}, {}, on_terminal(true, true, std::nullopt, "dumb")).err));
  // The command line beats the environment.
  CHECK(has_escapes(run_cli({"check", "--color=always", "i}"}, {}, on_terminal(false, false, "1")).err));
}

TEST_CASE("cli color: --color takes auto, always or never") {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"check", "--color", "i"}, {"check", "--color=", "i"}, {"check", "--color=yes", "i"},
           {"check", "--color", "blue", "i"}, {"targets", "--color=ALWAYS"}}) {
    INFO(args.at(1));
    cli_run run = run_cli(args);
    check_usage_error(run);
  }
  CHECK(contains(run_cli({"check", "--color=yes", "i"}).err, "(valid: auto, always, never)"));
}

// ---- --quiet ---------------------------------------------------------------------------------

namespace {

// One command's quiet contract: its arguments with a valid format (or pair) and with an
// invalid one, and the failure line expected for the invalid one.
struct quiet_case {
  command what;
  std::vector<std::string> valid;
  std::vector<std::string> invalid;
  std::string failure;
};

const std::string stray_brace =
    "error at offset 1 [stray_brace]: '}' without a matching 'T{' or 'X{'  i}\n";

// Every command of the table but targets (which says nothing of formats, so takes no --quiet).
const std::vector<quiet_case>& quiet_cases() {
  static const std::vector<quiet_case> cases{
      {command::check, {"check", "i", "F"}, {"check", "i", "i}"}, stray_brace},
      {command::layout, {"layout", "i", "F"}, {"layout", "i}", "d"}, stray_brace},
      {command::explain, {"explain", "F"}, {"explain", "i}"}, stray_brace},
      {command::canon, {"canon", "F"}, {"canon", "i}"}, stray_brace},
      {command::emit, {"emit", "c", "F"}, {"emit", "struct", "i}"}, stray_brace},
      {command::compare, {"compare", "F", "Zf"}, {"compare", "--target", "x86_64-linux-gnu", "<d", ">d"},
       "size-compatible  (required: layout-compatible)\n"},
  };
  return cases;
}

}  // namespace

TEST_CASE("cli quiet: nothing for what is valid, one line for each failure, the exit status kept") {
  for (const command_info& info : command_table) {
    if (info.what == command::targets || info.what == command::header) continue;  // below
    const auto found = std::find_if(quiet_cases().begin(), quiet_cases().end(),
                                    [&](const quiet_case& one) { return one.what == info.what; });
    REQUIRE_MESSAGE(found != quiet_cases().end(), "no quiet case for " << info.name);
    for (std::string_view quiet : {"--quiet", "-q"}) {
      INFO(info.name << " " << quiet);
      std::vector<std::string> valid = found->valid;
      valid.emplace_back(quiet);
      cli_run said_nothing = run_cli(valid);
      CHECK(said_nothing.status == 0);
      CHECK(said_nothing.out.empty());
      CHECK(said_nothing.err.empty());

      std::vector<std::string> invalid = found->invalid;
      invalid.emplace_back(quiet);
      cli_run failed = run_cli(invalid);
      CHECK(failed.status == 1);
      CHECK(failed.out == found->failure);
      CHECK(failed.err.empty());
    }
  }
}

TEST_CASE("cli quiet: a batch from stdin names the line of each failure") {
  cli_run run = run_cli({"check", "--quiet", "x}", "-", "d"}, "i\nT{\nd\n\xff\n");
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  CHECK(run.out ==
        "error at offset 1 [stray_brace]: '}' without a matching 'T{' or 'X{'  x}\n"
        "stdin:2: error at offset 2 [unterminated_struct]: expected '}' to close 'T{'  T{\n"
        "stdin:4: " + lines_of(run_cli({"check", "\xff"}).out).at(0) + "\n");
  // Blocks lose their blank lines: one line for each failure, as for check.
  CHECK(run_cli({"layout", "-q", "-"}, "i\ni}\nd\nT{\n").out ==
        "stdin:2: " + stray_brace +
        "stdin:4: error at offset 2 [unterminated_struct]: expected '}' to close 'T{'  T{\n");
  CHECK(run_cli({"canon", "-q", "-"}, "i\n\nd\n").out.empty());
}

TEST_CASE("cli quiet: the buffer and portability checks, an invalid pair") {
  cli_run buffer = run_cli({"check", "-q", "--target", "x86_64-linux-gnu", "--itemsize", "12", "T{f:r:f:s:}"});
  CHECK(buffer.status == 1);
  CHECK(buffer.err.empty());
  REQUIRE(lines_of(buffer.out).size() == 1);
  CHECK(buffer.out.starts_with("error [trailing_bytes_undescribed]: the format describes 8 bytes"));
  CHECK(run_cli({"check", "-q", "--itemsize", "8", "--shape", "3", "--strides", "12", "T{i:a:b:b:}"}).out.empty());

  cli_run portability = run_cli({"check", "-q", "--portability", "--target", "x86_64-linux-gnu", "ib", "i", "ib3x"});
  CHECK(portability.status == 1);
  CHECK(portability.out ==
        "ambiguous: the readers that accept it disagree on the itemsize  ib\n"
        "not portable: rejected by memoryview, memoryview.cast  ib3x\n");
  CHECK(run_cli({"check", "-q", "--portability", "i"}).out.empty());

  // compare: each invalid side's error line.
  cli_run sides = run_cli({"compare", "-q", "T{", "i}"});
  CHECK(sides.status == 1);
  CHECK(sides.out == "error at offset 2 [unterminated_struct]: expected '}' to close 'T{'  T{\n" + stray_brace);
}

TEST_CASE("cli quiet: header still writes the header, and only errors go to stderr") {
  cli_run warned = run_cli({"header", "--quiet", "Long=<g"});
  CHECK(warned.status == 0);
  CHECK(contains(warned.out, "#define Long_ITEMSIZE"));
  CHECK(warned.err.empty());
  CHECK(warned.out == run_cli({"header", "Long=<g"}).out);

  cli_run failed = run_cli({"header", "-q", "Good=i", "Bad=T{i", "Bits=i3t"});
  CHECK(failed.status == 1);
  CHECK(failed.out.empty());
  std::vector<std::string> err = lines_of(failed.err);
  REQUIRE(err.size() == 2);
  CHECK(err[0] == "Bad: error at offset 3 [unterminated_struct]: expected '}' to close 'T{'  T{i");
  CHECK(err[1].starts_with("Bits: error at offset 1 [bitfield_layout]: "));

  cli_run clash = run_cli({"header", "-q", "A=i:b_c:T{i:c:}:b:"});
  CHECK(clash.status == 1);
  CHECK(lines_of(clash.err).size() == 1);
  CHECK(clash.err.starts_with("A: error: "));
}

TEST_CASE("cli quiet: not with --json, not for targets") {
  check_usage_error(run_cli({"check", "--quiet", "--json", "i"}));
  check_usage_error(run_cli({"compare", "-q", "--json", "i", "i"}));
  check_usage_error(run_cli({"targets", "--quiet"}));
  check_usage_error(run_cli({"check", "--quiet=yes", "i"}));
}
