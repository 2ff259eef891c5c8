// What each command says about one format (or, for `compare`, about two, and for `targets`,
// about the targets).
#ifndef PEP3118_CLI_REPORTS_HPP
#define PEP3118_CLI_REPORTS_HPP

#include <string>
#include <string_view>

#include "options.hpp"

namespace pep3118::cli {

struct report {
  std::string out;  // for stdout
  std::string err;  // for stderr
  bool valid = true;
  // What --quiet prints instead of `out` and `err`: "" when valid, else one line for each
  // failure (an invalid format: its first error; a pair: its level), on the stream where the
  // command's answers go.
  std::string failure;
};

// One line: `ok  itemsize 16  alignment 8  T{i:a:d:b:}` or `error at offset 1 [...]: ...`;
// the caret display of every diagnostic on stderr.
report check_report(const options& opts, std::string_view format);
// One JSON object on one line (DESIGN §6), whatever the command.
report json_report(const options& opts, std::string_view format);
// A block: header lines and a table of the fields.
report layout_table_report(const options& opts, std::string_view format);
// A block: header lines and a table of fields and padding runs, in words and C types.
report explain_report(const options& opts, std::string_view format);
// check with --itemsize, --shape, --strides or --suboffsets: one line, `ok  itemsize 8
// alignment 8  contiguous  d` or the first error finding; every finding on stderr; valid when
// the whole buffer description is consistent. --json: one object (docs/buffer.md).
report buffer_report(const options& opts, std::string_view format);
// check --portability: a block, the verdict and a table of how CPython's struct module, NumPy's
// parser and CPython's memoryview read the format; valid when all accept it with one itemsize.
// --json: {"format","valid","target","readers","ambiguous","portable","suggestion","diagnostics"}.
report portability_report(const options& opts, std::string_view format);

// One line: the canonical text (escaped as every format shown), or check's error line; caret
// displays on stderr. --json: {"format","valid","canonical","diagnostics"}.
report canon_report(const options& opts, std::string_view format);
// The format in opts.emitted's dialect: one line (numpy, struct) or a block (c), or check's
// error line; caret displays on stderr. --json: {"format","valid","dialect","target","rules",
// "output","diagnostics"}.
report emit_report(const options& opts, std::string_view format);
// The level that holds, the required one, the first difference and whether a byteswap would
// do; valid when the level is at least opts.required_level. --json: one object (docs/cli.md).
report compare_report(const options& opts, std::string_view format_a, std::string_view format_b);

// The targets this build knows, as a table or (--json) a JSON array.
std::string targets_report(const options& opts);

// header: one C header with the layout of every opts.named_formats as macros, and with
// opts.check_structs static assertions on the C types of those names (docs/cli.md). It is the
// report's `out`, or with opts.output_file written there (only when its content changed) and
// `out` is empty. The caret display of every diagnostic goes to `err`; when a format has no
// layout, or two fields would make the same macro, nothing is written and the report is
// invalid. The header is the product, not a statement about the formats: under opts.quiet
// `out` still holds it, and `err` only one line for each failure (an invalid format's led by
// its NAME).
report header_report(const options& opts);

}  // namespace pep3118::cli

#endif
