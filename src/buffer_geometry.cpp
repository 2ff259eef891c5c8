#include "buffer_geometry.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "buffer_codes.hpp"
#include "buffer_words.hpp"
#include <pep3118/detail/checked.hpp>

namespace pep3118::detail {

namespace {

// PyBUF_MAX_NDIM: CPython's memoryview refuses more dimensions.
constexpr std::size_t max_ndim = 64;

std::string dims_text(std::size_t count) {
  return counted(static_cast<std::int64_t>(count), "dimension", "dimensions");
}

bool has_negative(const std::vector<std::int64_t>& shape) {
  return std::any_of(shape.begin(), shape.end(), [](std::int64_t dim) { return dim < 0; });
}

// Dimensions are numbered from 0, as in Python's shape tuples.
class geometry_checker {
 public:
  geometry_checker(const buffer_geometry& geometry, std::vector<buffer_finding>& findings)
      : view_(geometry.view),
        itemsize_(geometry.itemsize),
        pointer_size_(geometry.pointer_size),
        findings_(findings) {}

  void run() {
    if (view_.strides && !view_.shape) {
      add(buffer_code::strides_without_shape,
          "strides without a shape: a Py_buffer with strides must have a shape (PyBUF_STRIDES implies PyBUF_ND)");
    }
    if (view_.suboffsets && !view_.strides) {
      add(buffer_code::suboffsets_without_strides,
          "suboffsets without strides: a Py_buffer with suboffsets must have strides (PyBUF_INDIRECT implies "
          "PyBUF_STRIDES)");
    }
    if (!view_.shape) return;
    const bool has_items = check_shape();
    const bool strides_fit = fits_shape(view_.strides, "strides", "stride", buffer_code::strides_length);
    const bool suboffsets_fit =
        fits_shape(view_.suboffsets, "suboffsets", "suboffset", buffer_code::suboffsets_length);
    if (has_items && strides_fit) check_strides(suboffsets_fit);
    if (suboffsets_fit) check_last_suboffset();
  }

 private:
  void add(buffer_code code, std::string message) { findings_.push_back(make_finding(code, std::move(message))); }

  // Whether the shape is sound and holds at least one item (else strides are never used).
  bool check_shape() {
    const std::vector<std::int64_t>& shape = *view_.shape;
    if (shape.size() > max_ndim) {
      add(buffer_code::ndim_too_large,
          fmt::format(
              "the shape has {}, more than PyBUF_MAX_NDIM ({}): CPython's memoryview refuses such a buffer",
              dims_text(shape.size()), max_ndim));
    }
    for (std::size_t i = 0; i < shape.size(); ++i) {
      if (shape[i] < 0) {
        add(buffer_code::shape_negative,
            fmt::format("dimension {} of the shape is {}: a dimension counts items and cannot be negative", i,
                        shape[i]));
      }
    }
    if (has_negative(shape)) return false;
    std::int64_t length = itemsize_;
    for (std::int64_t dim : shape) {
      if (!checked_mul(length, dim, length)) {
        add(buffer_code::buffer_too_large,
            fmt::format("the buffer's length, the product of the shape ({}) and the itemsize {}, does not fit a "
                        "Py_ssize_t",
                        fmt::join(shape, ","), itemsize_));
        return false;
      }
    }
    return std::find(shape.begin(), shape.end(), 0) == shape.end();
  }

  // One entry per dimension.
  bool fits_shape(const std::optional<std::vector<std::int64_t>>& list, std::string_view list_name,
                  std::string_view entry_name, buffer_code code) {
    if (!list) return false;
    const std::size_t ndim = view_.shape->size();
    if (list->size() == ndim) return true;
    add(code, fmt::format("{} has {} but the shape has {}: a Py_buffer has one {} per dimension", list_name,
                          counted(static_cast<std::int64_t>(list->size()), "entry", "entries"), dims_text(ndim),
                          entry_name));
    return false;
  }

  bool is_indirect(std::size_t dim) const { return view_.suboffsets && (*view_.suboffsets)[dim] >= 0; }

  // A stride steps over what its dimension holds: items, or pointers where a suboffset says
  // the dimension is an array of pointers. Dimensions of extent 1 never step, and NumPy may
  // leave any stride there.
  void check_strides(bool suboffsets_fit) {
    const std::vector<std::int64_t>& shape = *view_.shape;
    const std::vector<std::int64_t>& strides = *view_.strides;
    for (std::size_t i = 0; i < shape.size(); ++i) {
      if (shape[i] <= 1) continue;
      const bool pointers = suboffsets_fit && is_indirect(i);
      const std::int64_t element = pointers ? pointer_size_ : itemsize_;
      // A stride of 0 (broadcasting) is a multiple too. No negation: a stride may be INT64_MIN.
      if (element <= 0 || strides[i] % element == 0) continue;
      const std::string element_text =
          pointers ? fmt::format("the pointer size {} (dimension {} holds pointers: its suboffset is {})",
                                 pointer_size_, i, (*view_.suboffsets)[i])
                   : fmt::format("itemsize {}", itemsize_);
      const std::string_view elements = pointers ? "pointers" : "items";
      if (strides[i] > -element && strides[i] < element) {
        const std::int64_t overlap = element - (strides[i] < 0 ? -strides[i] : strides[i]);
        add(buffer_code::stride_overlap,
            fmt::format("stride {} (dimension {}) is not a multiple of {} but smaller: neighbouring {} overlap by "
                        "{}, so writing one changes the next (legal for read-only views, which NumPy's "
                        "as_strided makes)",
                        strides[i], i, element_text, elements, counted_bytes(overlap)));
      } else {
        add(buffer_code::stride_not_multiple,
            fmt::format("stride {} (dimension {}) is not a multiple of {}: the {} are off an even grid and may be "
                        "unaligned for their type (legal in PEP 3118; NumPy exports such strides for a field of a "
                        "packed structured array)",
                        strides[i], i, element_text, elements));
      }
    }
  }

  void check_last_suboffset() {
    const std::vector<std::int64_t>& suboffsets = *view_.suboffsets;
    if (suboffsets.empty() || suboffsets.back() < 0) return;
    add(buffer_code::suboffset_last_dimension,
        fmt::format(
            "suboffset {} on the last dimension: every item is reached through a pointer of its own, so no "
            "two items are contiguous (PIL-style indirection points to rows, each a contiguous run); "
            "CPython's memoryview takes a slow path for it and calls it a corner case the PEP should "
            "perhaps forbid, and NumPy refuses buffers with suboffsets",
            suboffsets.back()));
  }

  const buffer_view& view_;
  const std::int64_t itemsize_;
  const std::int64_t pointer_size_;
  std::vector<buffer_finding>& findings_;
};

// Whether each stride, taken in `order` (innermost dimension first), is the bytes of what the
// dimensions before it hold.
bool strides_follow(const buffer_geometry& geometry, const std::vector<std::size_t>& order) {
  const std::vector<std::int64_t>& shape = *geometry.view.shape;
  const std::vector<std::int64_t>& strides = *geometry.view.strides;
  std::int64_t expected = geometry.itemsize;
  for (std::size_t i : order) {
    if (shape[i] > 1 && strides[i] != expected) return false;
    if (!checked_mul(expected, shape[i], expected)) return false;
  }
  return true;
}

}  // namespace

void add_geometry_findings(const buffer_geometry& geometry, std::vector<buffer_finding>& findings) {
  geometry_checker(geometry, findings).run();
}

contiguity contiguity_of(const buffer_geometry& geometry) {
  const buffer_view& view = geometry.view;
  if (view.suboffsets) return {};
  if (!view.shape) return {true, true};
  const std::vector<std::int64_t>& shape = *view.shape;
  if (has_negative(shape)) return {};
  if (geometry.itemsize == 0 || std::find(shape.begin(), shape.end(), 0) != shape.end()) return {true, true};
  if (!view.strides) {
    // C order by definition; Fortran order too when at most one dimension has extent above 1.
    return {true, std::count_if(shape.begin(), shape.end(), [](std::int64_t dim) { return dim > 1; }) <= 1};
  }
  if (view.strides->size() != shape.size()) return {};
  std::vector<std::size_t> inner_first(shape.size());
  for (std::size_t i = 0; i < shape.size(); ++i) inner_first[i] = shape.size() - 1 - i;
  std::vector<std::size_t> outer_first(inner_first.rbegin(), inner_first.rend());
  return {strides_follow(geometry, inner_first), strides_follow(geometry, outer_first)};
}

}  // namespace pep3118::detail
