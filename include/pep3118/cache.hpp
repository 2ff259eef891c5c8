// A cache of check() results, for consumers that validate the same format strings over and
// over: an extension module sees the same few formats on every buffer it is handed, as
// CPython's struct module sees the same few and keeps their compiled forms.
#ifndef PEP3118_CACHE_HPP
#define PEP3118_CACHE_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "layout.hpp"
#include "parse.hpp"
#include "result.hpp"
#include "target.hpp"

namespace pep3118 {

// Each distinct format is parsed and laid out once while it stays cached; a hit costs a hash of
// the string, a lookup and a reference count. Invalid formats are cached too (they repeat as
// well). Bounded: at most `capacity` formats, the least recently used one goes first; formats
// longer than max_cached_format are checked every time and never kept (their layouts are large
// and their parse dwarfs a lookup). Thread-safe: any number of threads may call check() on one
// cache; the results are immutable and stay valid as long as someone holds them.
class check_cache {
 public:
  static constexpr std::size_t max_cached_format = 64 * 1024;

  // check(format, tgt, options) is what the cache answers. A capacity of 0 caches nothing.
  explicit check_cache(std::size_t capacity = 1024, const target& tgt = host_target(),
                       const parse_options& options = {});
  ~check_cache();
  check_cache(const check_cache&) = delete;
  check_cache& operator=(const check_cache&) = delete;

  // The result of pep3118::check(format, target, options).
  std::shared_ptr<const result<layout>> check(std::string_view format);

  struct statistics {
    std::size_t size = 0;      // formats cached now
    std::size_t capacity = 0;
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;  // checks that had to parse (uncacheable formats included)
    std::uint64_t evictions = 0;
  };
  statistics stats() const;

  // Forgets every cached format (the statistics' counters stay).
  void clear();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace pep3118

#endif
