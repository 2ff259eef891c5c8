// The exporter's itemsize against the size the format describes, and when they differ the
// likely cause: the habits of the producers (ctypes, NumPy) that export such buffers.
#ifndef PEP3118_SRC_BUFFER_ITEMSIZE_HPP
#define PEP3118_SRC_BUFFER_ITEMSIZE_HPP

#include <cstdint>
#include <string_view>
#include <vector>

#include <pep3118/buffer.hpp>
#include <pep3118/descriptor.hpp>
#include <pep3118/layout.hpp>
#include <pep3118/target.hpp>

namespace pep3118::detail {

struct described_item {
  std::string_view format;
  const descriptor& desc;
  const layout& laid_out;  // layout_of(desc, tgt)
  const target& tgt;
};

// At most one finding: none when `itemsize` is the size the format describes.
void add_itemsize_findings(const described_item& item, std::int64_t itemsize,
                           std::vector<buffer_finding>& findings);

}  // namespace pep3118::detail

#endif
