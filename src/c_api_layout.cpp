// The C API's layouts: pep3118_layout_of, pep3118_check, and the fields as plain C structs.
#include <cstdint>
#include <utility>

#include <pep3118/layout.hpp>

#include "c_api.hpp"

using namespace pep3118;

struct pep3118_layout {
  explicit pep3118_layout(result<layout>&& laid_out) : value(std::move(laid_out).value()) {}
  layout value;
};

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
  // Each step reports its own failure, and the parse's warnings are dropped with its descriptor.
  pep3118_descriptor* parsed = nullptr;
  const pep3118_status parse_status = pep3118_parse(format, length, options, &parsed, error);
  if (parse_status != PEP3118_OK) {
    if (out != nullptr) *out = nullptr;
    return parse_status;
  }
  const pep3118_status layout_status = pep3118_layout_of(parsed, target, out, error);
  pep3118_descriptor_free(parsed);
  return layout_status;
}

void pep3118_layout_free(pep3118_layout* layout) noexcept { delete layout; }

int64_t pep3118_layout_itemsize(const pep3118_layout* layout) noexcept {
  return layout == nullptr ? 0 : layout->value.itemsize;
}

int64_t pep3118_layout_alignment(const pep3118_layout* layout) noexcept {
  return layout == nullptr ? 0 : layout->value.alignment;
}

size_t pep3118_layout_field_count(const pep3118_layout* layout) noexcept {
  return layout == nullptr ? 0 : layout->value.fields.size();
}

pep3118_status pep3118_layout_field(const pep3118_layout* layout, size_t index, pep3118_field* out,
                                    pep3118_error* error) noexcept {
  return c_api::element_at(layout == nullptr ? nullptr : &layout->value.fields, index, out, error, field_to_c);
}
