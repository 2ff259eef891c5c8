// The names and severities of the buffer findings' codes.
#include <pep3118/buffer.hpp>

#include <algorithm>
#include <array>

namespace pep3118 {

namespace {

struct buffer_code_entry {
  std::string_view name;
  severity level;
};

// In buffer_code order; a static_assert below keeps the table and the enum the same length.
// Warnings are what PEP 3118 allows but consumers trip over; errors are descriptions that
// cannot all be true at once.
constexpr std::array buffer_code_table{
    buffer_code_entry{"itemsize_negative", severity::error},
    buffer_code_entry{"itemsize_zero", severity::error},
    buffer_code_entry{"itemsize_mismatch", severity::error},
    buffer_code_entry{"trailing_bytes_undescribed", severity::error},
    buffer_code_entry{"padding_undescribed", severity::error},
    buffer_code_entry{"union_as_bytes", severity::error},
    buffer_code_entry{"bitfields_as_whole_fields", severity::error},
    buffer_code_entry{"wchar_as_ucs2", severity::error},
    buffer_code_entry{"packed_item_read_aligned", severity::error},
    buffer_code_entry{"ndim_too_large", severity::error},
    buffer_code_entry{"shape_negative", severity::error},
    buffer_code_entry{"buffer_too_large", severity::error},
    buffer_code_entry{"strides_without_shape", severity::error},
    buffer_code_entry{"strides_length", severity::error},
    buffer_code_entry{"suboffsets_without_strides", severity::error},
    buffer_code_entry{"suboffsets_length", severity::error},
    buffer_code_entry{"stride_overlap", severity::warning},
    buffer_code_entry{"stride_not_multiple", severity::warning},
    buffer_code_entry{"suboffset_last_dimension", severity::warning},
};
static_assert(buffer_code_table.size() == static_cast<std::size_t>(buffer_code::suboffset_last_dimension) + 1);

}  // namespace

std::string_view buffer_code_name(buffer_code code) noexcept {
  return buffer_code_table[static_cast<std::size_t>(code)].name;
}

severity buffer_code_severity(buffer_code code) noexcept {
  return buffer_code_table[static_cast<std::size_t>(code)].level;
}

bool buffer_check::consistent() const noexcept {
  return std::none_of(findings.begin(), findings.end(),
                      [](const buffer_finding& found) { return found.level == severity::error; });
}

}  // namespace pep3118
