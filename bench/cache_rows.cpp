// The rows of pep3118::check_cache: a hit, next to hashing the same string, which any cache
// keyed by the text must do at least.
#include <functional>
#include <memory>
#include <string_view>

#include <pep3118/cache.hpp>

#include "bench_row.hpp"
#include "rows.hpp"
#include "setup_check.hpp"

namespace pep3118::bench {

void add_cache_rows(const bench_case& c) {
  // One cache per row, holding this case's format from before the timing: every iteration is
  // a hit, paid as a caller pays it (hash, lookup under the shard's lock, LRU update, and the
  // shared_ptr's reference count up and down).
  const auto cache = std::make_shared<check_cache>(1024, host_target(), c.options);
  expect_result(c, "check_cache", *cache->check(c.format));
  add_row("cache_hit", c, c.format, [cache](std::string_view format) {
    auto cached = cache->check(format);
    benchmark::DoNotOptimize(cached);
  });
  add_row("hash", c, c.format, [](std::string_view format) {
    benchmark::DoNotOptimize(std::hash<std::string_view>{}(format));
  });
}

}  // namespace pep3118::bench
