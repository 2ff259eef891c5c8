// check_cache: the same answers as check(), each format checked once while cached, bounded
// with the least recently used format evicted first, and safe to share between threads.
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include <pep3118/cache.hpp>

#include "test_support.hpp"

namespace {

std::string numbered(std::size_t i) { return "T{i:a:" + std::to_string(i) + "s:b:}"; }

}  // namespace

TEST_CASE("cache: the same answers as check(), valid, invalid and with warnings") {
  const pep3118::target& x86 = pep3118_test::x86();
  pep3118::parse_options options;
  options.rules = pep3118::rule_set::struct_;
  pep3118::check_cache cache(64, x86, options);
  for (const char* format : {"@ibq", "<g", "T{i}", "3x2h", "", "ii}"}) {
    INFO("format: ", format);
    const auto expected = pep3118::check(format, x86, options);
    for (int round = 0; round < 2; ++round) {  // the miss, then the hit
      const auto got = cache.check(format);
      REQUIRE(got != nullptr);
      CHECK(got->ok() == expected.ok());
      CHECK(pep3118_test::error_text(got->diagnostics()) == pep3118_test::error_text(expected.diagnostics()));
      CHECK(got->diagnostics().size() == expected.diagnostics().size());
      if (expected.ok()) {
        CHECK(got->value().itemsize == expected->itemsize);
        CHECK(got->value().fields.size() == expected->fields.size());
      }
    }
  }
  const auto stats = cache.stats();
  CHECK(stats.misses == 6);
  CHECK(stats.hits == 6);
  CHECK(stats.size == 6);
}

TEST_CASE("cache: a hit is the result the miss made, not a new check") {
  pep3118::check_cache cache;
  const auto first = cache.check("T{i:a:d:b:}");
  const auto second = cache.check(std::string("T{i:a:") + "d:b:}");  // equal text, other storage
  CHECK(first.get() == second.get());
  const auto other = cache.check("T{i:a:d:c:}");
  CHECK(other.get() != first.get());
}

TEST_CASE("cache: bounded, the least recently used format goes first") {
  pep3118::check_cache cache(2);  // fewer places than shards: one shard per place
  for (std::size_t i = 0; i < 100; ++i) {
    cache.check(numbered(i));
    CHECK(cache.stats().size <= 2);
  }
  CHECK(cache.stats().evictions == 98);

  pep3118::check_cache lru(1);
  const auto a = lru.check("i");
  CHECK(lru.check("i").get() == a.get());
  lru.check("d");                          // evicts "i"
  CHECK(lru.check("i").get() != a.get());  // checked again
  CHECK(lru.stats().misses == 3);
}

TEST_CASE("cache: a hit makes its format the most recently used") {
  // 32 places are 16 shards of 2 (src/cache.cpp); three formats of one shard compete for two.
  std::vector<std::string> same_shard;
  for (std::size_t i = 0; same_shard.size() < 3; ++i) {
    const std::string format = numbered(i);
    if (std::hash<std::string_view>{}(format) % 16 == 0) {
      same_shard.push_back(format);
    }
  }
  pep3118::check_cache cache(32);
  const auto a = cache.check(same_shard[0]);
  const auto b = cache.check(same_shard[1]);
  CHECK(cache.check(same_shard[0]).get() == a.get());  // a is now more recent than b
  cache.check(same_shard[2]);                           // evicts b, not a
  CHECK(cache.check(same_shard[0]).get() == a.get());
  CHECK(cache.check(same_shard[1]).get() != b.get());
}

TEST_CASE("cache: capacity 0 and formats over max_cached_format are checked every time") {
  pep3118::check_cache none(0);
  CHECK(none.check("i").get() != none.check("i").get());
  CHECK(none.stats().size == 0);

  pep3118::check_cache cache;
  const std::string huge = pep3118_test::repeat("i", pep3118::check_cache::max_cached_format + 1);
  const auto first = cache.check(huge);
  REQUIRE(first->ok());
  CHECK(first->value().fields.size() == huge.size());
  CHECK(cache.check(huge).get() != first.get());
  CHECK(cache.stats().size == 0);
  CHECK(cache.stats().misses == 2);
}

TEST_CASE("cache: clear forgets, the counters stay") {
  pep3118::check_cache cache;
  const auto first = cache.check("q");
  cache.clear();
  CHECK(cache.stats().size == 0);
  CHECK(cache.check("q").get() != first.get());
  CHECK(cache.stats().misses == 2);
}

TEST_CASE("cache: threads share one cache") {
  // More formats than places, so threads hit, miss and evict at the same time.
  pep3118::check_cache cache(24, pep3118_test::x86());
  std::atomic<std::size_t> wrong{0};
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 8; ++t) {
    threads.emplace_back([&cache, &wrong, t] {
      for (std::size_t i = 0; i < 4000; ++i) {
        const std::size_t n = (i * 7 + t) % 40;
        const auto got = cache.check(numbered(n));
        // T{i:a:Ns:b:} is 4 + N bytes, padded to a multiple of 4.
        const std::int64_t expected = static_cast<std::int64_t>((4 + n + 3) / 4 * 4);
        if (!got->ok() || got->value().itemsize != expected) {
          ++wrong;
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  CHECK(wrong == 0);
  const auto stats = cache.stats();
  CHECK(stats.hits + stats.misses == 8 * 4000);
  CHECK(stats.size <= 24);
  CHECK(stats.hits > 0);
}
