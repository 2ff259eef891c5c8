// The C API's whole-buffer check: a Py_buffer's itemsize, shape, strides and suboffsets
// against its format (pep3118::check_buffer).
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <pep3118/buffer.hpp>

#include "c_api.hpp"

using namespace pep3118;

struct pep3118_buffer_report {
  explicit pep3118_buffer_report(result<buffer_check>&& checked) : value(std::move(checked).value()) {}
  buffer_check value;
};

namespace {

static_assert(PEP3118_BUFFER_SUBOFFSET_LAST_DIMENSION == static_cast<int>(buffer_code::suboffset_last_dimension));

// A Py_buffer's list of ndim values; NULL is absent.
std::optional<std::vector<std::int64_t>> dims_of(const ptrdiff_t* values, int ndim) {
  if (values == nullptr) return std::nullopt;
  return std::vector<std::int64_t>(values, values + ndim);
}

buffer_view view_of(const pep3118_buffer_view& view) {
  // CPython: "If format is NULL, 'B' (unsigned bytes) is assumed."
  return {view.format == nullptr ? "B" : view.format, view.itemsize, dims_of(view.shape, view.ndim),
          dims_of(view.strides, view.ndim), dims_of(view.suboffsets, view.ndim)};
}

// buffer_code_name views whole string literals, so its data() is NUL-terminated.
pep3118_finding finding_to_c(const buffer_finding& found) noexcept {
  return {static_cast<pep3118_severity>(found.level), static_cast<pep3118_buffer_code>(found.code),
          found.name().data(), found.message.c_str(), found.message.size()};
}

}  // namespace

const char* pep3118_buffer_code_name(pep3118_buffer_code code) noexcept {
  const bool known = code >= PEP3118_BUFFER_ITEMSIZE_NEGATIVE && code <= PEP3118_BUFFER_SUBOFFSET_LAST_DIMENSION;
  return known ? buffer_code_name(static_cast<buffer_code>(code)).data() : nullptr;
}

pep3118_status pep3118_buffer_check(const pep3118_buffer_view* view, const pep3118_target* target,
                                    const pep3118_parse_options* options, pep3118_buffer_report** out,
                                    pep3118_error* error) noexcept {
  return c_api::creating(out, error, [&] {
    if (view == nullptr) return c_api::invalid_argument(error, "view is NULL");
    if (view->ndim < 0) return c_api::invalid_argument(error, "view->ndim is negative");
    return c_api::with_settings(target, options, error, [&](const pep3118::target& tgt, const parse_options& read) {
      return c_api::deliver(out, error, check_buffer(view_of(*view), tgt, read));
    });
  });
}

void pep3118_buffer_report_free(pep3118_buffer_report* report) noexcept { delete report; }

int pep3118_buffer_report_consistent(const pep3118_buffer_report* report) noexcept {
  return report != nullptr && report->value.consistent() ? 1 : 0;
}

int pep3118_buffer_report_c_contiguous(const pep3118_buffer_report* report) noexcept {
  return report != nullptr && report->value.c_contiguous ? 1 : 0;
}

int pep3118_buffer_report_f_contiguous(const pep3118_buffer_report* report) noexcept {
  return report != nullptr && report->value.f_contiguous ? 1 : 0;
}

size_t pep3118_buffer_report_finding_count(const pep3118_buffer_report* report) noexcept {
  return report == nullptr ? 0 : report->value.findings.size();
}

pep3118_status pep3118_buffer_report_finding(const pep3118_buffer_report* report, size_t index,
                                             pep3118_finding* out, pep3118_error* error) noexcept {
  return c_api::element_at(report == nullptr ? nullptr : &report->value.findings, index, out, error, finding_to_c);
}
