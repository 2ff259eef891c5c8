#include "floor_scanner.hpp"

#include <array>
#include <cstddef>
#include <limits>

namespace pep3118::bench {
namespace {

struct code_size {
  std::int64_t native = 0;    // under '@' and '^'; 0: not a code
  std::int64_t alignment = 1; // under '@'
  std::int64_t standard = 0;  // under '=', '<', '>', '!'; 0: none, the native size is used
};

template <typename T>
constexpr code_size native_type(std::int64_t standard) {
  return {static_cast<std::int64_t>(sizeof(T)), static_cast<std::int64_t>(alignof(T)), standard};
}

// One lookup per code byte: the whole "grammar" of the flat codes is this table.
constexpr std::array<code_size, 256> make_code_table() {
  std::array<code_size, 256> table{};
  const auto set = [&table](char code, code_size size) { table[static_cast<unsigned char>(code)] = size; };
  for (const char one_byte : {'x', 'c', 'b', 'B', 's', 'p'}) {
    set(one_byte, native_type<char>(1));
  }
  set('?', native_type<bool>(1));
  set('h', native_type<short>(2));
  set('H', native_type<unsigned short>(2));
  set('i', native_type<int>(4));
  set('I', native_type<unsigned int>(4));
  set('l', native_type<long>(4));
  set('L', native_type<unsigned long>(4));
  set('q', native_type<long long>(8));
  set('Q', native_type<unsigned long long>(8));
  set('n', native_type<std::ptrdiff_t>(0));
  set('N', native_type<std::size_t>(0));
  set('e', {2, 2, 2});  // half: no C type, NumPy aligns it to 2
  set('f', native_type<float>(4));
  set('d', native_type<double>(8));
  set('g', native_type<long double>(0));
  set('P', native_type<void*>(0));
  return table;
}

constexpr std::array<code_size, 256> code_table = make_code_table();

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Alignments are powers of two.
constexpr std::int64_t align_up(std::int64_t offset, std::int64_t alignment) {
  return (offset + alignment - 1) & ~(alignment - 1);
}

floor_result fail_at(std::size_t offset) { return {false, 0, offset}; }

}  // namespace

floor_result floor_scan(std::string_view format) noexcept {
  constexpr std::int64_t max_size = std::numeric_limits<std::int64_t>::max();
  const std::size_t end = format.size();
  std::int64_t offset = 0;
  std::int64_t alignment = 1;
  bool aligned = true;       // '@'
  bool native_sizes = true;  // '@' or '^'
  std::size_t i = 0;
  while (i < end) {
    const char c = format[i];
    if (c == '@' || c == '^' || c == '=' || c == '<' || c == '>' || c == '!') {
      aligned = c == '@';
      native_sizes = c == '@' || c == '^';
      ++i;
      continue;
    }
    std::int64_t count = 1;
    if (is_digit(c)) {
      count = 0;
      for (; i < end && is_digit(format[i]); ++i) {
        if (count > (max_size - 9) / 10) {
          return fail_at(i);
        }
        count = count * 10 + (format[i] - '0');
      }
      if (i == end) {
        return fail_at(i);
      }
    }
    const code_size& code = code_table[static_cast<unsigned char>(format[i])];
    if (code.native == 0) {
      return fail_at(i);
    }
    const std::int64_t size = native_sizes || code.standard == 0 ? code.native : code.standard;
    if (aligned) {
      offset = align_up(offset, code.alignment);
      alignment = code.alignment > alignment ? code.alignment : alignment;
    }
    std::int64_t bytes = 0;
    if (__builtin_mul_overflow(size, count, &bytes) || __builtin_add_overflow(offset, bytes, &offset)) {
      return fail_at(i);
    }
    ++i;
    if (i < end && format[i] == ':') {
      const std::size_t close = format.find(':', i + 1);
      if (close == std::string_view::npos) {
        return fail_at(end);
      }
      i = close + 1;
    }
  }
  if (aligned) {
    offset = align_up(offset, alignment);
  }
  return {true, offset, 0};
}

}  // namespace pep3118::bench
