// The C API's failures: statuses, diagnostic codes and the pep3118_error every entry point fills.
#include <array>
#include <cstddef>

#include "c_api.hpp"

// The build defines PEP3118_VERSION as the CMake project's version (as for the CLI).
#ifndef PEP3118_VERSION
#error "PEP3118_VERSION must be defined: target_compile_definitions(pep3118 PRIVATE PEP3118_VERSION=...)"
#endif

namespace pep3118::c_api {

namespace {

// In pep3118_status order.
constexpr std::array<const char*, PEP3118_INTERNAL_ERROR + 1> status_names{
    "ok", "invalid_format", "no_layout", "too_large", "cannot_express", "invalid_target_file",
    "invalid_argument", "buffer_too_small", "out_of_memory", "internal_error"};

// Which failure a diagnostic reports. Syntax, limits, meaning and strict warnings make the
// format invalid, and so will codes appended to error_code later unless listed here.
pep3118_status status_of(error_code code) noexcept {
  switch (code) {
    case error_code::size_overflow:
    case error_code::bitfield_layout: return PEP3118_NO_LAYOUT;
    case error_code::too_large_to_compare: return PEP3118_TOO_LARGE;
    case error_code::numpy_cannot_express:
    case error_code::struct_cannot_express: return PEP3118_CANNOT_EXPRESS;
    case error_code::bad_target_line:
    case error_code::missing_target_key: return PEP3118_INVALID_TARGET_FILE;
    default: return PEP3118_INVALID_FORMAT;
  }
}

bool is_code(pep3118_code code) noexcept {
  return code >= PEP3118_CODE_NUL_BYTE && code <= PEP3118_CODE_MISSING_TARGET_KEY;
}

}  // namespace

// code_name and code_message view whole string literals, so data() is NUL-terminated.
pep3118_diagnostic diagnostic_to_c(const diagnostic& found) noexcept {
  return {static_cast<pep3118_severity>(found.level), static_cast<pep3118_code>(found.code), found.name().data(),
          found.message().data(), found.offset};
}

pep3118_status succeed(pep3118_error* error) noexcept {
  if (error != nullptr) *error = {PEP3118_OK, PEP3118_CODE_NONE, status_names[PEP3118_OK], "", 0};
  return PEP3118_OK;
}

pep3118_status fail(pep3118_error* error, pep3118_status status, const char* message) noexcept {
  if (error != nullptr) *error = {status, PEP3118_CODE_NONE, status_names[status], message, 0};
  return status;
}

pep3118_status fail(pep3118_error* error, const std::vector<diagnostic>& diagnostics) noexcept {
  for (const diagnostic& found : diagnostics) {
    if (found.level != severity::error) continue;
    const pep3118_diagnostic reported = diagnostic_to_c(found);
    const pep3118_status status = status_of(found.code);
    if (error != nullptr) *error = {status, reported.code, reported.name, reported.message, reported.offset};
    return status;
  }
  return fail(error, PEP3118_INTERNAL_ERROR, "internal error: a failed result without an error diagnostic");
}

}  // namespace pep3118::c_api

using namespace pep3118;

const char* pep3118_version(void) noexcept { return PEP3118_VERSION; }

const char* pep3118_status_name(pep3118_status status) noexcept {
  return status >= PEP3118_OK && status <= PEP3118_INTERNAL_ERROR ? c_api::status_names[status] : nullptr;
}

const char* pep3118_code_name(pep3118_code code) noexcept {
  return c_api::is_code(code) ? code_name(static_cast<error_code>(code)).data() : nullptr;
}

const char* pep3118_code_message(pep3118_code code) noexcept {
  return c_api::is_code(code) ? code_message(static_cast<error_code>(code)).data() : nullptr;
}
