// Shape, strides and suboffsets: whether they fit together and with the itemsize, and whether
// the items are contiguous.
#ifndef PEP3118_SRC_BUFFER_GEOMETRY_HPP
#define PEP3118_SRC_BUFFER_GEOMETRY_HPP

#include <cstdint>
#include <vector>

#include <pep3118/buffer.hpp>

namespace pep3118::detail {

struct buffer_geometry {
  const buffer_view& view;
  std::int64_t itemsize;      // what one item takes: the exporter's, or the format's
  std::int64_t pointer_size;  // what a dimension with a suboffset holds instead of items
};

// Findings about the shape, then the strides, then the suboffsets.
void add_geometry_findings(const buffer_geometry& geometry, std::vector<buffer_finding>& findings);

struct contiguity {
  bool c = false;
  bool fortran = false;
};

// As CPython's PyBuffer_IsContiguous: no suboffsets at all, and each stride the product of
// the itemsize and the extents inside it (dimensions of extent 1 excepted); an empty buffer,
// and one without strides in C order, count as contiguous.
contiguity contiguity_of(const buffer_geometry& geometry);

}  // namespace pep3118::detail

#endif
