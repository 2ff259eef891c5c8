// Checked 64-bit size arithmetic: every size that grows goes through here.
#ifndef PEP3118_DETAIL_CHECKED_HPP
#define PEP3118_DETAIL_CHECKED_HPP

#include <cstdint>
#include <limits>

namespace pep3118::detail {

// Each returns false, leaving `out` unspecified, when the result does not fit.
constexpr bool checked_add(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  return !__builtin_add_overflow(a, b, &out);
}

constexpr bool checked_mul(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  return !__builtin_mul_overflow(a, b, &out);
}

// Appends a decimal digit to a number being read; false when it would not fit a signed 64-bit
// size. One reading of counts and dims for the grammar's actions and the fast path.
constexpr bool append_digit(std::int64_t& value, char c) noexcept {
  const std::int64_t digit = c - '0';
  if (value > (std::numeric_limits<std::int64_t>::max() - digit) / 10) {
    return false;
  }
  value = value * 10 + digit;
  return true;
}

constexpr bool is_power_of_two(std::int64_t value) noexcept { return value > 0 && (value & (value - 1)) == 0; }

// Bytes needed to bring a non-negative offset up to a multiple of a positive alignment.
// Alignments are powers of two on every real target; a mask spares the division, which costs
// more than the rest of placing a member.
constexpr std::int64_t padding_to(std::int64_t offset, std::int64_t alignment) noexcept {
  if (is_power_of_two(alignment)) {
    return (alignment - (offset & (alignment - 1))) & (alignment - 1);
  }
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
  if (is_power_of_two(a) && is_power_of_two(b)) {  // the larger one, without dividing
    out = a > b ? a : b;
    return true;
  }
  return checked_mul(a / gcd(a, b), b, out);
}

}  // namespace pep3118::detail

#endif
