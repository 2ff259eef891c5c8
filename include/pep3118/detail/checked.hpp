// Checked 64-bit size arithmetic: every size that grows goes through here.
#ifndef PEP3118_DETAIL_CHECKED_HPP
#define PEP3118_DETAIL_CHECKED_HPP

#include <cstdint>

namespace pep3118::detail {

// Each returns false, leaving `out` unspecified, when the result does not fit.
constexpr bool checked_add(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  return !__builtin_add_overflow(a, b, &out);
}

constexpr bool checked_mul(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  return !__builtin_mul_overflow(a, b, &out);
}

// Bytes needed to bring a non-negative offset up to a multiple of a positive alignment.
constexpr std::int64_t padding_to(std::int64_t offset, std::int64_t alignment) noexcept {
  const std::int64_t rest = offset % alignment;
  return rest == 0 ? 0 : alignment - rest;
}

constexpr std::int64_t gcd(std::int64_t a, std::int64_t b) noexcept {
  while (b != 0) {
    const std::int64_t r = a % b;
    a = b;
    b = r;
  }
  return a;
}

constexpr bool checked_lcm(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  return checked_mul(a / gcd(a, b), b, out);
}

}  // namespace pep3118::detail

#endif
