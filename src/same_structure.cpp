// Structural equality of descriptors, independent of the printer (a test checks the two agree).
#include <pep3118/descriptor.hpp>

#include <algorithm>

namespace pep3118 {

namespace {

byte_order effective(byte_order order) noexcept {
  return order == byte_order::network ? byte_order::big : order;
}

bool same_item(const descriptor& da, const node& a, const descriptor& db, const node& b) noexcept {
  const auto shape_a = da.shape(a);
  const auto shape_b = db.shape(b);
  const auto children_a = da.children(a);
  const auto children_b = db.children(b);
  if (a.code != b.code || effective(a.order) != effective(b.order) ||
      effective(a.end_order) != effective(b.end_order) || a.has_count != b.has_count ||
      (a.has_count && a.count != b.count) || a.has_name != b.has_name || da.name(a) != db.name(b) ||
      a.has_arrow != b.has_arrow || a.argument_count != b.argument_count ||
      !std::equal(shape_a.begin(), shape_a.end(), shape_b.begin(), shape_b.end()) ||
      children_a.size() != children_b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < children_a.size(); ++i) {
    if (!same_item(da, da[children_a[i]], db, db[children_b[i]])) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool same_structure(const descriptor& a, const descriptor& b) noexcept {
  return a.rules() == b.rules() && same_item(a, a.root(), b, b.root());
}

}  // namespace pep3118
