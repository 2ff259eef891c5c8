// The fast path (fast_path.hpp): the scan (fast_scan.cpp), then the emission (fast_emit.cpp).
#include "fast_path.hpp"

#include <limits>

#include "fast_records.hpp"

namespace pep3118::detail {

fast_scratch::fast_scratch() = default;
fast_scratch::~fast_scratch() = default;
fast_scratch::fast_scratch(fast_scratch&&) noexcept = default;
fast_scratch& fast_scratch::operator=(fast_scratch&&) noexcept = default;

fast_verdict fast_check(std::string_view format, const target& tgt, const parse_options& options,
                        fast_scratch& scratch, layout& out, diagnostic& error) {
  if (options.rules != rule_set::pep3118 || format.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return fast_verdict::declined;
  }
  bool unwrap = false;
  const fast_verdict verdict = scan_format(format, tgt, options, scratch, error, unwrap);
  if (verdict == fast_verdict::laid_out) {
    emit_layout(format, tgt, scratch, unwrap, out);
  }
  return verdict;
}

}  // namespace pep3118::detail
