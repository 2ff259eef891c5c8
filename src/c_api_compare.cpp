// The C API's comparisons: the level, the first difference, and the answer in one line.
#include <string>
#include <utility>

#include <fmt/format.h>

#include <pep3118/compare.hpp>

#include "c_api.hpp"

using namespace pep3118;

namespace {

static_assert(PEP3118_LEVEL_INCOMPATIBLE == static_cast<int>(compat_level::incompatible));

// "`a` (signed 4-byte integer, little-endian)", or "the item (...)" for the whole item.
std::string side_in_words(const difference_side& side) {
  const std::string who = side.path.empty() ? "the item" : "`" + side.path + "`";
  return fmt::format("{} ({})", who, side.what);
}

// What `pep3118 compare` prints, in one line.
std::string explanation_of(const comparison& answer) {
  std::string text(level_name(answer.level));
  if (answer.next) {
    text += fmt::format("; not {} at offset {}: a has {}, b has {}", level_name(answer.next->level),
                        answer.next->offset, side_in_words(answer.next->a), side_in_words(answer.next->b));
  }
  if (answer.byteswap_equal) text += "; they differ only in byte order: a byteswap makes them layout-compatible";
  return text;
}

pep3118_difference_side side_to_c(const difference_side& side) noexcept {
  return {side.path.c_str(), side.path.size(), side.what.c_str(), side.what.size()};
}

}  // namespace

struct pep3118_comparison {
  explicit pep3118_comparison(result<comparison>&& compared)
      : value(std::move(compared).value()), explanation(explanation_of(value)) {}
  comparison value;
  std::string explanation;
};

pep3118_status pep3118_compare(const pep3118_descriptor* a, const pep3118_descriptor* b,
                               const pep3118_target* target, pep3118_comparison** out,
                               pep3118_error* error) noexcept {
  return c_api::creating(out, error, [&] {
    if (a == nullptr || b == nullptr || target == nullptr) {
      return c_api::invalid_argument(error, "a, b or target is NULL");
    }
    return c_api::deliver(out, error, compare(a->value, b->value, c_api::target_of(target)));
  });
}

void pep3118_comparison_free(pep3118_comparison* comparison) noexcept { delete comparison; }

const char* pep3118_level_name(pep3118_level level) noexcept {
  const bool known = level >= PEP3118_LEVEL_IDENTICAL && level <= PEP3118_LEVEL_INCOMPATIBLE;
  // level_name views whole string literals: NUL-terminated.
  return known ? level_name(static_cast<compat_level>(level)).data() : nullptr;
}

pep3118_level pep3118_comparison_level(const pep3118_comparison* comparison) noexcept {
  return comparison == nullptr ? PEP3118_LEVEL_INCOMPATIBLE : static_cast<pep3118_level>(comparison->value.level);
}

int pep3118_comparison_byteswap_equal(const pep3118_comparison* comparison) noexcept {
  return comparison != nullptr && comparison->value.byteswap_equal ? 1 : 0;
}

int pep3118_comparison_difference(const pep3118_comparison* comparison, pep3118_difference* out) noexcept {
  if (comparison == nullptr || out == nullptr || !comparison->value.next) return 0;
  const difference& first = *comparison->value.next;
  *out = {static_cast<pep3118_level>(first.level), first.offset, side_to_c(first.a), side_to_c(first.b)};
  return 1;
}

const char* pep3118_comparison_explanation(const pep3118_comparison* comparison, size_t* length) noexcept {
  if (comparison == nullptr) return nullptr;
  if (length != nullptr) *length = comparison->explanation.size();
  return comparison->explanation.c_str();
}
