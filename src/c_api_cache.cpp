// The C API's cache: a pep3118::check_cache whose answers are handed out as layout handles that
// share them, so that an answer outlives its place in the cache and the cache itself.
#include <memory>
#include <string_view>
#include <utility>

#include <pep3118/cache.hpp>

#include "c_api.hpp"

using namespace pep3118;

struct pep3118_cache {
  pep3118_cache(std::size_t capacity, const target& tgt, const parse_options& options)
      : engine(capacity, tgt, options) {}

  check_cache engine;
};

pep3118_status pep3118_cache_new(size_t capacity, const pep3118_target* target, const pep3118_parse_options* options,
                                 pep3118_cache** out, pep3118_error* error) noexcept {
  return c_api::creating(out, error, [&] {
    return c_api::with_settings(target, options, error, [&](const pep3118::target& tgt, const parse_options& read) {
      *out = new pep3118_cache(capacity, tgt, read);
      return PEP3118_OK;
    });
  });
}

pep3118_status pep3118_cache_check(pep3118_cache* cache, const char* format, size_t length, pep3118_layout** out,
                                   pep3118_error* error) noexcept {
  return c_api::creating(out, error, [&] {
    if (cache == nullptr || format == nullptr) return c_api::invalid_argument(error, "cache or format is NULL");
    std::shared_ptr<const result<layout>> answer = cache->engine.check(std::string_view(format, length));
    if (!*answer) return c_api::fail(error, answer->diagnostics());
    auto handle = std::make_unique<pep3118_layout>();
    handle->borrowed = &answer->value();
    handle->shares = std::move(answer);
    *out = handle.release();
    return PEP3118_OK;
  });
}

void pep3118_cache_free(pep3118_cache* cache) noexcept { delete cache; }
