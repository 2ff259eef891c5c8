// check_buffer: the format's layout, then the exporter's itemsize against it, then the shape,
// strides and suboffsets.
#include <pep3118/buffer.hpp>

#include <utility>
#include <vector>

#include "buffer_geometry.hpp"
#include "buffer_itemsize.hpp"

namespace pep3118 {

result<buffer_check> check_buffer(const buffer_view& view, const target& tgt, const parse_options& options) {
  result<descriptor> parsed = parse(view.format, options);
  if (!parsed) return result<buffer_check>(parsed.diagnostics());
  result<layout> laid_out = layout_of(parsed.value(), tgt);
  // As check(): the parse's warnings, then what the layout said.
  std::vector<diagnostic> diagnostics = parsed.diagnostics();
  diagnostics.insert(diagnostics.end(), laid_out.diagnostics().begin(), laid_out.diagnostics().end());
  if (!laid_out) return result<buffer_check>(std::move(diagnostics));

  buffer_check checked;
  checked.format_layout = std::move(laid_out).value();
  if (view.itemsize) {
    detail::add_itemsize_findings({view.format, parsed.value(), checked.format_layout, tgt}, *view.itemsize,
                                  checked.findings);
  }
  // Strides step over items as the exporter lays them out; when it gave no usable itemsize,
  // the format's stands in (that disagreement is already a finding).
  const bool exporter_size_usable = view.itemsize && *view.itemsize >= 0;
  const detail::buffer_geometry geometry{view,
                                         exporter_size_usable ? *view.itemsize : checked.format_layout.itemsize,
                                         tgt.native_type(type_code::void_pointer).size};
  detail::add_geometry_findings(geometry, checked.findings);
  const detail::contiguity contiguous = detail::contiguity_of(geometry);
  checked.c_contiguous = contiguous.c;
  checked.f_contiguous = contiguous.fortran;

  if (options.strict) {
    for (buffer_finding& found : checked.findings) found.level = severity::error;
  }
  return result<buffer_check>(std::move(checked), std::move(diagnostics));
}

}  // namespace pep3118
