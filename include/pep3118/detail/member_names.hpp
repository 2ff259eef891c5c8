// The names NumPy gives the members of a struct, and the dotted paths of fields made of them:
// shared by the run-time layout, the emitters and the compile-time engine.
#ifndef PEP3118_DETAIL_MEMBER_NAMES_HPP
#define PEP3118_DETAIL_MEMBER_NAMES_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <pep3118/descriptor.hpp>
#include <pep3118/detail/config.hpp>

namespace pep3118::detail {

// An unnamed `x` is padding, not a field.
constexpr bool is_unnamed_pad(const node& item) noexcept { return item.code == type_code::pad && !item.has_name; }

// A member's name: the written one, or for an unnamed field `f` and a number. Unnamed padding
// has neither.
struct member_name {
  std::string_view written;
  std::int64_t number = -1;  // the N of fN; -1 for written names and unnamed padding
};

// One step of a field's path: a member's name, or the "[*]" of an array of structs' elements.
struct path_segment {
  member_name name;
  bool elements = false;
};

// Appends a member's name to `out` (an object with `push_back(char)`): the written bytes, or
// `f` and the number.
template <typename Out>
constexpr void render_name(const member_name& m, Out& out) {
  if (m.number < 0) {
    for (const char c : m.written) {
      out.push_back(c);
    }
    return;
  }
  out.push_back('f');
  char digits[20] = {};
  std::size_t size = 0;
  std::int64_t rest = m.number;
  do {
    digits[size++] = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest != 0);
  while (size > 0) {
    out.push_back(digits[--size]);
  }
}

// Appends the text of a path (`a.b[*].c`), and of `last` after it when given, to `out`: one
// spelling of paths for the layout's strings and for the compile-time engine's lookups.
template <typename Out>
constexpr void render_path(const std::vector<path_segment>& path, const member_name* last, Out& out) {
  bool first = true;
  const auto name = [&](const member_name& m) {
    if (!first) {
      out.push_back('.');
    }
    first = false;
    render_name(m, out);
  };
  for (const path_segment& segment : path) {
    if (segment.elements) {
      for (const char c : std::string_view("[*]")) {
        out.push_back(c);
      }
      first = false;
    } else {
      name(segment.name);
    }
  }
  if (last != nullptr) {
    name(*last);
  }
}

// The N of a written name spelt exactly as NumPy would spell fN, else -1.
constexpr std::int64_t generated_number(std::string_view name) noexcept {
  constexpr std::size_t max_digits = 18;  // fits in int64; member counts are far below
  if (name.size() < 2 || name.size() > 1 + max_digits || name[0] != 'f' || (name[1] == '0' && name.size() > 2)) {
    return -1;
  }
  std::int64_t value = 0;
  for (const char c : name.substr(1)) {
    if (c < '0' || c > '9') {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

// One name per member of `container`, in order: the written name, or for an unnamed field
// the lowest f0, f1, ... that the struct does not use yet.
PEP3118_CONSTEXPR20 std::vector<member_name> member_names(const descriptor& desc, const node& container) {
  const auto members = desc.children(container);
  // The numbers only grow, so a new name can only clash with a written one.
  std::vector<std::int64_t> taken;
  for (const node_id id : members) {
    if (desc[id].has_name) {
      const std::int64_t number = generated_number(desc.name(desc[id]));
      if (number >= 0) {
        taken.push_back(number);
      }
    }
  }
  std::sort(taken.begin(), taken.end());
  std::vector<member_name> names;
  names.reserve(members.size());
  std::int64_t next = 0;
  for (const node_id id : members) {
    const node& item = desc[id];
    member_name name;
    if (item.has_name) {
      name.written = desc.name(item);
    } else if (!is_unnamed_pad(item)) {
      while (std::binary_search(taken.begin(), taken.end(), next)) {
        ++next;
      }
      name.number = next++;
    }
    names.push_back(name);
  }
  return names;
}

}  // namespace pep3118::detail

#endif
