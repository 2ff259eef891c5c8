// The fast path of check(): one pass over the formats extension modules see on every buffer
// (marks, counts, codes, names, nested T{}), straight to the layout, without a descriptor.
//
// Why a second reader: NumPy spent about 15 us a call parsing formats until it added a C fast
// path for the common case; the full engine (PEGTL, descriptor, placer, field walk) cost 24 to
// 56 times what a scanner of the same bytes costs, mostly in building and allocating
// (docs/performance.md). This reader takes only the common subset and declines everything else
// (shapes, pointers, functions, Z and z, F D G, t, whitespace, non-ASCII names, counts on T{},
// the struct rules, codes that warn, duplicate names, overflow, the limits, and any error but
// an unknown code where an item may start), so the full engine answers those. It shares the
// grammar's byte classes, the placer's step and the layout sink's merge rule; on what it takes
// it must answer exactly as the full engine does: tests/test_fast_path.cpp and the fuzz target
// fast_path compare the two field by field.
#ifndef PEP3118_SRC_FAST_PATH_HPP
#define PEP3118_SRC_FAST_PATH_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pep3118/diagnostic.hpp>
#include <pep3118/layout.hpp>
#include <pep3118/parse.hpp>
#include <pep3118/result.hpp>
#include <pep3118/target.hpp>

namespace pep3118::detail {

enum class fast_verdict : unsigned char {
  laid_out,  // `out` holds the layout check() returns (no warnings)
  failed,    // `error` holds check()'s one diagnostic
  declined,  // not the common subset: ask the full engine (`out` is unspecified)
};

// Records kept across checks: clear() keeps them, add() hands out the next one to be assigned
// whole, so that a record costs its stores and not a construction.
template <typename T>
class record_list {
 public:
  void clear() noexcept { used_ = 0; }
  T& add() {
    if (used_ == items_.size()) {
      items_.resize(items_.size() * 2 + 16);
    }
    return items_[used_++];
  }
  // The last record, taken off (the storage stays).
  T& pop() noexcept { return items_[--used_]; }
  std::size_t size() const noexcept { return used_; }
  T& operator[](std::size_t i) noexcept { return items_[i]; }
  const T& operator[](std::size_t i) const noexcept { return items_[i]; }
  T* begin() noexcept { return items_.data(); }
  T* end() noexcept { return items_.data() + used_; }

 private:
  std::vector<T> items_;
  std::size_t used_ = 0;
};

// Storage the fast path reuses between calls (pep3118::checker keeps one): once it has seen a
// format as large, a check allocates nothing. The members are the reader's own.
struct fast_scratch {
  struct scope;
  struct frame;
  struct member;
  struct pad_run;
  struct name_slot;
  record_list<scope> scopes;
  record_list<frame> frames;  // the open structs but the innermost
  record_list<member> fields;
  record_list<pad_run> pads;
  std::vector<name_slot> names;  // open-addressing table for the duplicate-name check
  std::uint32_t stamped = 0;     // the table's stamps handed out: no clearing between checks
  std::string text;              // a padding run's `before`, being written
  std::string within;            // and its `within`

  fast_scratch();
  ~fast_scratch();
  fast_scratch(fast_scratch&&) noexcept;
  fast_scratch& operator=(fast_scratch&&) noexcept;
};

// Lays out `format` when it is in the subset. `out`'s fields and paddings are overwritten in
// place, reusing the capacity of their vectors and strings.
fast_verdict fast_check(std::string_view format, const target& tgt, const parse_options& options,
                        fast_scratch& scratch, layout& out, diagnostic& error);

// check_size()'s fast path: the scan alone, without records of fields or padding runs.
fast_verdict fast_check(std::string_view format, const target& tgt, const parse_options& options,
                        fast_scratch& scratch, item_size& out, diagnostic& error);

// The fast path's storage kept with the thread for check() and check_size(), so that a call
// allocates only what it returns; let go after a format longer than 4 KiB, as its records would
// sit idle.
class thread_scratch {
 public:
  explicit thread_scratch(std::string_view format) noexcept : format_size_(format.size()) {}
  ~thread_scratch();
  thread_scratch(const thread_scratch&) = delete;
  thread_scratch& operator=(const thread_scratch&) = delete;
  fast_scratch& get() noexcept;

 private:
  std::size_t format_size_;
};

// check() without the fast path: parse, then layout_of (src/layout.cpp).
result<layout> full_check(std::string_view format, const target& tgt, const parse_options& options);

// check() and check_size(): the fast path on the thread's storage, and when it declines the
// full engine's answer, which `from_full` makes a result<T>.
template <typename T, typename FromFull>
result<T> fast_or_full(std::string_view format, const target& tgt, const parse_options& options,
                       FromFull from_full) {
  thread_scratch scratch(format);
  T out;
  diagnostic error{severity::error, error_code::unknown_code, 0};
  switch (fast_check(format, tgt, options, scratch.get(), out, error)) {
    case fast_verdict::laid_out: return result<T>(std::move(out), {});
    case fast_verdict::failed: return result<T>({error});
    case fast_verdict::declined: break;
  }
  return from_full(full_check(format, tgt, options));
}

}  // namespace pep3118::detail

#endif
