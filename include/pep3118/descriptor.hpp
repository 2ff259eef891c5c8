// The typed descriptor (AST) of one format string.
//
// A value type: nodes live in flat arrays owned by the descriptor and refer to each other by
// index, so a descriptor is cheap to move, has no global state and, being immutable once
// built, is safe to share between threads. Under C++20 it can also live in a constant
// expression (the compile-time engine of static.hpp builds one).
#ifndef PEP3118_DESCRIPTOR_HPP
#define PEP3118_DESCRIPTOR_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detail/config.hpp"
#include "type_code.hpp"

namespace pep3118 {

// Which rule set a format was read (and is laid out) under.
enum class rule_set : unsigned char {
  pep3118,  // the full language, NumPy's layout rules
  struct_,  // CPython's struct module, exactly
};

std::string_view rule_set_name(rule_set rules) noexcept;  // "pep3118", "struct"

using node_id = std::uint32_t;

// A read-only view of a contiguous run of values owned by a descriptor (C++17 has no span).
template <typename T>
class array_view {
 public:
  constexpr array_view() noexcept = default;
  constexpr array_view(const T* data, std::size_t size) noexcept : data_(data), size_(size) {}
  constexpr const T* begin() const noexcept { return data_; }
  constexpr const T* end() const noexcept { return data_ + size_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const T& operator[](std::size_t i) const noexcept { return data_[i]; }

 private:
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

// One item: prefixes (shape, count), a body, an optional name. The top-level sequence is a
// structure node too (the root), holding the format's items as members.
struct node {
  type_code code = type_code::structure;
  // The spelling of the code when it is not the canonical one: 'F', 'D' or 'G'; else 0.
  char spelling = 0;
  // The mark in force where the body starts.
  byte_order order = byte_order::native;
  // The mark in force after the body: at a structure's or function's '}' and after a
  // pointer's target. Equal to `order` for plain codes. NumPy aligns a struct member by the
  // mark in force after its body, and pads a struct's end by the mark at its '}'.
  byte_order end_order = byte_order::native;
  bool has_count = false;
  bool has_name = false;
  bool has_arrow = false;         // function: `->` was written
  std::int64_t count = 1;         // the count as written (1 when absent)
  std::uint32_t offset = 0;       // byte offset of the item's first token in the source
  std::uint32_t shape_begin = 0;  // dims of the shape prefix, without the count
  std::uint32_t shape_size = 0;
  std::uint32_t name_begin = 0;   // bytes of the name (valid UTF-8)
  std::uint32_t name_size = 0;
  std::uint32_t children_begin = 0;  // structure: members; pointer: its target;
  std::uint32_t children_size = 0;   // function: arguments, then return items
  std::uint32_t argument_count = 0;  // function: how many children are arguments
};

class descriptor {
 public:
  PEP3118_CONSTEXPR20 descriptor() = default;

  PEP3118_CONSTEXPR20 rule_set rules() const noexcept { return rules_; }
  // The implicit top-level structure; its end_order is the mark in force at the end.
  PEP3118_CONSTEXPR20 const node& root() const noexcept { return nodes_[root_]; }
  PEP3118_CONSTEXPR20 node_id root_id() const noexcept { return root_; }
  PEP3118_CONSTEXPR20 const node& operator[](node_id id) const noexcept { return nodes_[id]; }
  PEP3118_CONSTEXPR20 std::size_t node_count() const noexcept { return nodes_.size(); }

  PEP3118_CONSTEXPR20 array_view<node_id> children(const node& n) const noexcept {
    return {links_.data() + n.children_begin, n.children_size};
  }
  PEP3118_CONSTEXPR20 array_view<std::int64_t> shape(const node& n) const noexcept {
    return {dims_.data() + n.shape_begin, n.shape_size};
  }
  PEP3118_CONSTEXPR20 std::string_view name(const node& n) const noexcept {
    return {names_.data() + n.name_begin, n.name_size};
  }
  // A pointer's target.
  PEP3118_CONSTEXPR20 const node& target_of(const node& pointer) const noexcept { return nodes_[links_[pointer.children_begin]]; }

 private:
  friend class descriptor_builder;
  rule_set rules_ = rule_set::pep3118;
  node_id root_ = 0;
  std::vector<node> nodes_;
  std::vector<node_id> links_;
  std::vector<std::int64_t> dims_;
  std::vector<char> names_;  // not std::string: see detail/config.hpp
};

// The same descriptor up to spelling: the same items, codes, counts and shapes as written,
// names, and marks in force ('!' and '>' alike), under the same rule set. Source offsets,
// whitespace, redundant marks and F/D/G for Zf/Zd/Zg do not matter. This is what compare's
// level `identical` means, and what canonical() prints the same text for.
bool same_structure(const descriptor& a, const descriptor& b) noexcept;

}  // namespace pep3118

#endif
