// pep3118: check format strings, show their layout, compare and convert them. A thin shell
// over the library: argv in, one report per format (or per pair) out, and the exit status.
#include <cstdio>
#include <span>
#include <string_view>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "help.hpp"
#include "input.hpp"
#include "options.hpp"
#include "reports.hpp"

namespace {

using namespace pep3118::cli;

constexpr int exit_valid = 0;
constexpr int exit_invalid = 1;
constexpr int exit_usage = 2;

using format_reporter = report (*)(const options&, std::string_view format);

format_reporter reporter_for(const options& opts) {
  // canon, emit, the buffer check and the portability check write their own JSON; the layout
  // commands share one object.
  if (opts.what == command::canon) return canon_report;
  if (opts.what == command::emit) return emit_report;
  if (describes_buffer(opts)) return buffer_report;
  if (opts.portability) return portability_report;
  if (opts.json) return json_report;
  if (opts.what == command::layout) return layout_table_report;
  if (opts.what == command::explain) return explain_report;
  return check_report;
}

// Table commands and C declarations print a block per format, a blank line between blocks;
// the others (and JSON, and --quiet's lines) print exactly one line per format, so that batch
// output lines up with its input.
bool separates_blocks(const options& opts) {
  if (opts.json || opts.quiet) return false;
  return opts.portability || opts.what == command::layout || opts.what == command::explain ||
         (opts.what == command::emit && opts.emitted == dialect::c);
}

void print_streams(const report& said) {
  fmt::print(stdout, "{}", said.out);
  fmt::print(stderr, "{}", said.err);
  // A program driving `pep3118 ... -` through pipes waits for each answer before it sends
  // the next format.
  std::fflush(stdout);
}

// In full, or under --quiet the failure alone, on stdout with the answers; a format read from
// stdin is named by its line there, since its valid neighbours print nothing.
void print_report(const report& said, const options& opts, format_origin origin) {
  if (!opts.quiet) return print_streams(said);
  if (said.failure.empty()) return;
  if (origin.stdin_line) fmt::print(stdout, "stdin:{}: ", *origin.stdin_line);
  fmt::print(stdout, "{}", said.failure);
  std::fflush(stdout);
}

int report_formats(const options& opts) {
  format_reporter reporter = reporter_for(opts);
  bool all_valid = true;
  bool first = true;
  for_each_format(opts.format_args, stdin, [&](std::string_view format, format_origin origin) {
    report said = reporter(opts, format);
    if (!first && separates_blocks(opts)) fmt::print(stdout, "\n");
    print_report(said, opts, origin);
    all_valid = all_valid && said.valid;
    first = false;
  });
  return all_valid ? exit_valid : exit_invalid;
}

int compare_formats(const options& opts) {
  report said = compare_report(opts, opts.format_args[0], opts.format_args[1]);
  print_report(said, opts, {});
  return said.valid ? exit_valid : exit_invalid;
}

// One header for all the NAME=FORMATs: nothing of it unless every format has a layout. It
// says what --quiet keeps itself (header_report).
int write_header(const options& opts) {
  report said = header_report(opts);
  print_streams(said);
  return said.valid ? exit_valid : exit_invalid;
}

int run(const options& opts) {
  if (opts.what == command::targets) {
    fmt::print(stdout, "{}", targets_report(opts));
    return exit_valid;
  }
  if (opts.what == command::compare) return compare_formats(opts);
  if (opts.what == command::header) return write_header(opts);
  return report_formats(opts);
}

}  // namespace

int main(int argc, char** argv) {
  command_line parsed = parse_command_line(std::span<const char* const>(argv + 1, argv + argc));
  if (const auto* mistake = std::get_if<usage_error>(&parsed)) {
    fmt::print(stderr, "pep3118: {}\nTry '{}' for usage.\n", mistake->message, help_command_line(mistake->about));
    return exit_usage;
  }
  if (const auto* help = std::get_if<help_request>(&parsed)) {
    fmt::print(stdout, "{}", help_text(help->about));
    return exit_valid;
  }
  if (std::holds_alternative<version_request>(parsed)) {
    fmt::print(stdout, "{}", version_text());
    return exit_valid;
  }
  options opts = std::get<options>(std::move(parsed));
  opts.styles = styles_for(opts.color);
  return run(opts);
}
