// The fast path (fast_path.hpp): the scan (fast_scan.cpp), then the emission (fast_emit.cpp).
#include "fast_path.hpp"

#include <limits>

#include "fast_records.hpp"

namespace pep3118::detail {

namespace {

// The reader knows the pep3118 rules only, and its records index the format with 32 bits.
bool declines(std::string_view format, const parse_options& options) noexcept {
  return options.rules != rule_set::pep3118 || format.size() >= std::numeric_limits<std::uint32_t>::max();
}

// The scan in `Mode`, then `finish(unwrap)` when it has laid the format out.
template <scan_mode Mode, typename Finish>
fast_verdict scan_then(std::string_view format, const target& tgt, const parse_options& options,
                       fast_scratch& scratch, diagnostic& error, Finish finish) {
  if (declines(format, options)) {
    return fast_verdict::declined;
  }
  bool unwrap = false;
  const fast_verdict verdict = scan_format<Mode>(format, tgt, options, scratch, error, unwrap);
  if (verdict == fast_verdict::laid_out) {
    finish(unwrap);
  }
  return verdict;
}

fast_scratch& thread_storage() noexcept {
  thread_local fast_scratch scratch;
  return scratch;
}

}  // namespace

fast_scratch::fast_scratch() = default;
fast_scratch::~fast_scratch() = default;
fast_scratch::fast_scratch(fast_scratch&&) noexcept = default;
fast_scratch& fast_scratch::operator=(fast_scratch&&) noexcept = default;

fast_verdict fast_check(std::string_view format, const target& tgt, const parse_options& options,
                        fast_scratch& scratch, layout& out, diagnostic& error) {
  return scan_then<scan_mode::layout>(format, tgt, options, scratch, error,
                                      [&](bool unwrap) { emit_layout(format, tgt, scratch, unwrap, out); });
}

fast_verdict fast_check(std::string_view format, const target& tgt, const parse_options& options,
                        fast_scratch& scratch, item_size& out, diagnostic& error) {
  return scan_then<scan_mode::sizes>(format, tgt, options, scratch, error, [&](bool) {
    out = {scratch.scopes[0].size, scratch.scopes[0].alignment};
  });
}

thread_scratch::~thread_scratch() {
  constexpr std::size_t kept = 4096;
  if (format_size_ > kept) {
    thread_storage() = fast_scratch();
  }
}

fast_scratch& thread_scratch::get() noexcept { return thread_storage(); }

}  // namespace pep3118::detail
