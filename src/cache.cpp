// check_cache: shards of an LRU list and a hash index each, behind one mutex per shard.
//
// The format is hashed once: the hash picks the shard and is kept in the index's key, so the
// index never hashes again. A miss checks the format outside the lock, so a slow parse in one
// thread does not hold up the hits of the others; two threads missing the same format at once
// both check it, and the first to insert wins.
#include <pep3118/cache.hpp>

#include <algorithm>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pep3118 {

namespace {

using value_ptr = std::shared_ptr<const result<layout>>;

struct entry {
  std::string format;
  std::size_t hash;
  value_ptr value;
};

// The index's key: the text (owned by the entry, or the caller's during a lookup) and its hash.
struct key {
  std::string_view text;
  std::size_t hash;
};
struct key_hash {
  std::size_t operator()(const key& k) const noexcept { return k.hash; }
};
struct key_equal {
  bool operator()(const key& a, const key& b) const noexcept { return a.text == b.text; }
};

class shard {
 public:
  explicit shard(std::size_t capacity) : capacity_(capacity) {}

  value_ptr find(const key& k) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = index_.find(k);
    if (it == index_.end()) {
      return nullptr;
    }
    recent_.splice(recent_.begin(), recent_, it->second);  // now the most recently used
    ++hits_;
    return it->second->value;
  }

  // Keeps `value` for k, unless another thread kept one first: the one kept is returned.
  value_ptr insert(const key& k, value_ptr value) {
    const std::lock_guard<std::mutex> lock(mutex_);
    ++misses_;
    if (const auto it = index_.find(k); it != index_.end()) {
      return it->second->value;
    }
    recent_.push_front({std::string(k.text), k.hash, std::move(value)});
    // The key views the entry's own string: list nodes, and so their strings, never move. An
    // entry the index does not know would be evicted by its text one day, taking the index's
    // entry for a later copy of it along: so when the index cannot take it, it goes.
    try {
      index_.emplace(key{recent_.front().format, k.hash}, recent_.begin());
    } catch (...) {
      recent_.pop_front();
      throw;
    }
    if (recent_.size() > capacity_) {
      const entry& oldest = recent_.back();
      index_.erase(key{oldest.format, oldest.hash});
      recent_.pop_back();
      ++evictions_;
    }
    return recent_.front().value;
  }

  void count_miss() {
    const std::lock_guard<std::mutex> lock(mutex_);
    ++misses_;
  }

  void add_to(check_cache::statistics& total) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    total.size += recent_.size();
    total.hits += hits_;
    total.misses += misses_;
    total.evictions += evictions_;
  }

  void clear() {
    const std::lock_guard<std::mutex> lock(mutex_);
    index_.clear();
    recent_.clear();
  }

 private:
  mutable std::mutex mutex_;
  const std::size_t capacity_;
  std::list<entry> recent_;  // most recently used first
  std::unordered_map<key, std::list<entry>::iterator, key_hash, key_equal> index_;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
  std::uint64_t evictions_ = 0;
};

// Enough shards that threads rarely wait for each other, never more than there are places, so
// that every shard holds at least one format and the capacities add up to exactly `capacity`.
constexpr std::size_t max_shards = 16;

}  // namespace

struct check_cache::impl {
  impl(std::size_t places, const target& tgt, const parse_options& opts)
      : capacity(places), the_target(tgt), options(opts) {
    const std::size_t count = std::clamp<std::size_t>(places, 1, max_shards);
    shards.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      shards.push_back(std::make_unique<shard>(places / count + (i < places % count ? 1 : 0)));
    }
  }

  value_ptr checked(std::string_view format) const {
    return std::make_shared<const result<layout>>(pep3118::check(format, the_target, options));
  }

  const std::size_t capacity;
  const target the_target;
  const parse_options options;
  std::vector<std::unique_ptr<shard>> shards;
};

check_cache::check_cache(std::size_t capacity, const target& tgt, const parse_options& options)
    : impl_(std::make_unique<impl>(capacity, tgt, options)) {}

check_cache::~check_cache() = default;

std::shared_ptr<const result<layout>> check_cache::check(std::string_view format) {
  const key k{format, std::hash<std::string_view>{}(format)};
  shard& s = *impl_->shards[k.hash % impl_->shards.size()];
  if (impl_->capacity == 0 || format.size() > max_cached_format) {
    s.count_miss();
    return impl_->checked(format);
  }
  if (value_ptr hit = s.find(k)) {
    return hit;
  }
  return s.insert(k, impl_->checked(format));
}

check_cache::statistics check_cache::stats() const {
  statistics total;
  total.capacity = impl_->capacity;
  for (const auto& s : impl_->shards) {
    s->add_to(total);
  }
  return total;
}

void check_cache::clear() {
  for (const auto& s : impl_->shards) {
    s->clear();
  }
}

}  // namespace pep3118
