// What the C API's source files (src/c_api_*.cpp) share: the one way every entry point reports
// failure and keeps C++ exceptions in, the descriptor handle, and target handles.
#ifndef PEP3118_SRC_C_API_HPP
#define PEP3118_SRC_C_API_HPP

#include <cstddef>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include <pep3118/descriptor.hpp>
#include <pep3118/diagnostic.hpp>
#include <pep3118/layout.hpp>
#include <pep3118/parse.hpp>
#include <pep3118/pep3118.h>
#include <pep3118/result.hpp>
#include <pep3118/target.hpp>

// A parsed format and the warnings its parse gave.
struct pep3118_descriptor {
  explicit pep3118_descriptor(pep3118::result<pep3118::descriptor>&& parsed)
      : warnings(parsed.diagnostics()), value(std::move(parsed).value()) {}

  std::vector<pep3118::diagnostic> warnings;
  pep3118::descriptor value;
};

// A layout: one of its own (pep3118_layout_of, pep3118_check), a checker's current answer,
// borrowed (pep3118_checker_check), or a cached answer, borrowed and kept alive by a share of it
// (pep3118_cache_check).
struct pep3118_layout {
  explicit pep3118_layout(pep3118::result<pep3118::layout>&& laid_out) : owned(std::move(laid_out).value()) {}
  pep3118_layout() = default;
  pep3118_layout(const pep3118_layout&) = delete;
  pep3118_layout& operator=(const pep3118_layout&) = delete;

  const pep3118::layout& value() const noexcept { return borrowed != nullptr ? *borrowed : owned; }

  pep3118::layout owned;
  const pep3118::layout* borrowed = nullptr;
  std::shared_ptr<const void> shares;  // what `borrowed` points into, for a cached answer
};

namespace pep3118::c_api {

// The C enums number their values as the C++ enums do; these keep them in step.
static_assert(PEP3118_CODE_MISSING_TARGET_KEY == static_cast<int>(error_code::missing_target_key));
static_assert(PEP3118_SEVERITY_ERROR == static_cast<int>(severity::error));

pep3118_diagnostic diagnostic_to_c(const diagnostic& found) noexcept;

// Fills *error, when the caller gave one, and returns the status.
pep3118_status succeed(pep3118_error* error) noexcept;
pep3118_status fail(pep3118_error* error, pep3118_status status, const char* message) noexcept;
// The first error among a failed result's diagnostics, with the status its code belongs to.
pep3118_status fail(pep3118_error* error, const std::vector<diagnostic>& diagnostics) noexcept;

inline pep3118_status invalid_argument(pep3118_error* error, const char* message) noexcept {
  return fail(error, PEP3118_INVALID_ARGUMENT, message);
}

// Runs the body of an entry point with *error cleared, and turns any exception into a status:
// none may cross into C.
template <typename Body>
pep3118_status guarded(pep3118_error* error, Body&& body) noexcept {
  succeed(error);
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(error, PEP3118_OUT_OF_MEMORY, "out of memory");
  } catch (...) {
    return fail(error, PEP3118_INTERNAL_ERROR, "internal error: an unexpected C++ exception in pep3118");
  }
}

// An entry point that creates a handle: *out is NULL unless the body succeeds.
template <typename Handle, typename Body>
pep3118_status creating(Handle** out, pep3118_error* error, Body&& body) noexcept {
  if (out != nullptr) *out = nullptr;
  return guarded(error, [&] { return out == nullptr ? invalid_argument(error, "out is NULL") : body(); });
}

// Hands a successful result to the caller as a new handle, or reports its first error.
template <typename Handle, typename T>
pep3118_status deliver(Handle** out, pep3118_error* error, result<T>&& made) {
  if (!made) return fail(error, made.diagnostics());
  *out = new Handle(std::move(made));
  return PEP3118_OK;
}

// *out = to_c(items[index]): the getters of a handle's n-th diagnostic, field or finding.
// `items` is NULL when the handle is.
template <typename Item, typename C, typename Convert>
pep3118_status element_at(const std::vector<Item>* items, std::size_t index, C* out, pep3118_error* error,
                          Convert to_c) noexcept {
  return guarded(error, [&] {
    if (items == nullptr || out == nullptr) return invalid_argument(error, "the handle or out is NULL");
    if (index >= items->size()) return invalid_argument(error, "index out of range: it must be below the count");
    *out = to_c((*items)[index]);
    return PEP3118_OK;
  });
}

// The C++ options the C ones mean (NULL: the defaults) into `cpp`; INVALID_ARGUMENT when
// `rules` is no pep3118_rules value.
pep3118_status read_options(const pep3118_parse_options* options, parse_options& cpp, pep3118_error* error) noexcept;

// A target handle is the address of the pep3118::target itself, so that the presets need no
// wrapper objects: C never looks inside the incomplete type. Precondition: handle is not NULL.
inline const target& target_of(const pep3118_target* handle) noexcept {
  return *reinterpret_cast<const target*>(handle);
}

// `run(target, options)` with the C target and options read (NULL options: the defaults), or
// INVALID_ARGUMENT when the target is NULL or the options are not valid.
template <typename Run>
pep3118_status with_settings(const pep3118_target* handle, const pep3118_parse_options* options, pep3118_error* error,
                             Run run) {
  if (handle == nullptr) return invalid_argument(error, "target is NULL");
  parse_options cpp_options;
  if (const pep3118_status bad = read_options(options, cpp_options, error)) return bad;
  return run(target_of(handle), cpp_options);
}

}  // namespace pep3118::c_api

#endif
