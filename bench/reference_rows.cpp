#include "bench_row.hpp"
#include "floor_scanner.hpp"
#include "rows.hpp"

namespace pep3118::bench {
namespace {

void add_python_row(std::string_view kind, const bench_case& c, std::string_view input,
                    const python_function& function) {
  add_row(kind, c, input, [&function](std::string_view format) { benchmark::DoNotOptimize(function.call(format)); },
          allocations::not_counted);
}

}  // namespace

void add_reference_rows(const bench_case& c, const python_references& python) {
  if (!c.flat_format.empty()) {
    add_row("floor", c, c.flat_format, [](std::string_view format) {
      auto scanned = floor_scan(format);
      benchmark::DoNotOptimize(scanned);
    });
  }
  if (!c.struct_format.empty()) {
    add_python_row("struct", c, c.struct_format, python.struct_new);
  }
  if (c.numpy_row) {
    add_python_row("numpy", c, c.format, python.numpy_parse);
  }
}

}  // namespace pep3118::bench
