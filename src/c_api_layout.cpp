// The C API's layouts: pep3118_layout_of, pep3118_check, pep3118_check_size, and the fields as
// plain C structs.
#include <cstdint>
#include <string_view>

#include <pep3118/layout.hpp>

#include "c_api.hpp"

using namespace pep3118;

namespace {

static_assert(PEP3118_BYTEORDER_LITTLE == static_cast<int>(field_order::little) &&
              PEP3118_BYTEORDER_BIG == static_cast<int>(field_order::big));

// Borrows the field's strings and shape: they live as long as the layout. code_text views
// whole string literals, so its data() is NUL-terminated.
pep3118_field field_to_c(const field& leaf) noexcept {
  const bool points = leaf.code == type_code::pointer || leaf.code == type_code::function;
  return {leaf.path.c_str(),
          leaf.path.size(),
          leaf.offset,
          leaf.size,
          leaf.alignment,
          code_text(leaf.code).data(),
          static_cast<pep3118_byteorder>(leaf.resolved_order),
          leaf.shape.size(),
          leaf.shape.empty() ? nullptr : leaf.shape.data(),
          points ? leaf.points_to.c_str() : nullptr,
          points ? leaf.points_to.size() : 0,
          leaf.depth};
}

// `run(format, target, options)` with the C arguments of pep3118_check and pep3118_check_size
// read, or INVALID_ARGUMENT when they cannot be.
template <typename Run>
pep3118_status with_format(const char* format, size_t length, const pep3118_target* target,
                           const pep3118_parse_options* options, pep3118_error* error, Run run) {
  if (format == nullptr) return c_api::invalid_argument(error, "format is NULL");
  return c_api::with_settings(target, options, error, [&](const pep3118::target& tgt, const parse_options& read) {
    return run(std::string_view(format, length), tgt, read);
  });
}

}  // namespace

pep3118_status pep3118_layout_of(const pep3118_descriptor* descriptor, const pep3118_target* target,
                                 pep3118_layout** out, pep3118_error* error) noexcept {
  return c_api::creating(out, error, [&] {
    if (descriptor == nullptr || target == nullptr) {
      return c_api::invalid_argument(error, "descriptor or target is NULL");
    }
    return c_api::deliver(out, error, layout_of(descriptor->value, c_api::target_of(target)));
  });
}

pep3118_status pep3118_check(const char* format, size_t length, const pep3118_target* target,
                             const pep3118_parse_options* options, pep3118_layout** out,
                             pep3118_error* error) noexcept {
  return c_api::creating(out, error, [&] {
    // pep3118::check takes the fast path; the first error picks the status (a parse error:
    // INVALID_FORMAT, no layout: NO_LAYOUT), and the warnings are not kept.
    return with_format(format, length, target, options, error, [&](const auto&... read) {
      return c_api::deliver(out, error, check(read...));
    });
  });
}

pep3118_status pep3118_check_size(const char* format, size_t length, const pep3118_target* target,
                                  const pep3118_parse_options* options, pep3118_item_size* out,
                                  pep3118_error* error) noexcept {
  if (out != nullptr) *out = {0, 0};
  return c_api::guarded(error, [&] {
    if (out == nullptr) return c_api::invalid_argument(error, "out is NULL");
    return with_format(format, length, target, options, error, [&](const auto&... read) {
      const result<item_size> sized = check_size(read...);
      if (!sized) return c_api::fail(error, sized.diagnostics());
      *out = {sized->itemsize, sized->alignment};
      return PEP3118_OK;
    });
  });
}

void pep3118_layout_free(pep3118_layout* layout) noexcept { delete layout; }

int64_t pep3118_layout_itemsize(const pep3118_layout* layout) noexcept {
  return layout == nullptr ? 0 : layout->value().itemsize;
}

int64_t pep3118_layout_alignment(const pep3118_layout* layout) noexcept {
  return layout == nullptr ? 0 : layout->value().alignment;
}

size_t pep3118_layout_field_count(const pep3118_layout* layout) noexcept {
  return layout == nullptr ? 0 : layout->value().fields.size();
}

pep3118_status pep3118_layout_field(const pep3118_layout* layout, size_t index, pep3118_field* out,
                                    pep3118_error* error) noexcept {
  return c_api::element_at(layout == nullptr ? nullptr : &layout->value().fields, index, out, error, field_to_c);
}
