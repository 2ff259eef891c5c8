// The C API's text: the canonical spelling and the emitted dialects, into the caller's buffer.
#include <algorithm>
#include <cstring>
#include <string>

#include <pep3118/emit.hpp>
#include <pep3118/print.hpp>

#include "c_api.hpp"

using namespace pep3118;

namespace {

// snprintf's contract, and a status that says when the text was cut.
pep3118_status write_text(const std::string& text, char* buffer, size_t capacity, size_t* length,
                          pep3118_error* error) noexcept {
  if (buffer == nullptr && capacity != 0) return c_api::invalid_argument(error, "buffer is NULL but capacity is not 0");
  if (length != nullptr) *length = text.size();
  if (capacity != 0) {
    const size_t written = std::min(text.size(), capacity - 1);
    std::memcpy(buffer, text.data(), written);
    buffer[written] = '\0';
  }
  if (text.size() >= capacity) {
    return c_api::fail(error, PEP3118_BUFFER_TOO_SMALL,
                       "the text and its NUL do not fit the buffer: *length is the text's length");
  }
  return PEP3118_OK;
}

result<std::string> emitted(const descriptor& desc, const target& tgt, pep3118_dialect dialect) {
  switch (dialect) {
    case PEP3118_DIALECT_NUMPY: return emit_numpy(desc, tgt);
    case PEP3118_DIALECT_STRUCT: return emit_struct(desc, tgt);
    default: return emit_c(desc, tgt);
  }
}

bool is_dialect(pep3118_dialect dialect) noexcept {
  return dialect >= PEP3118_DIALECT_NUMPY && dialect <= PEP3118_DIALECT_C;
}

}  // namespace

pep3118_status pep3118_canonical(const pep3118_descriptor* descriptor, char* buffer, size_t capacity,
                                 size_t* length, pep3118_error* error) noexcept {
  return c_api::guarded(error, [&] {
    if (descriptor == nullptr) return c_api::invalid_argument(error, "descriptor is NULL");
    return write_text(canonical(descriptor->value), buffer, capacity, length, error);
  });
}

pep3118_status pep3118_emit(const pep3118_descriptor* descriptor, const pep3118_target* target,
                            pep3118_dialect dialect, char* buffer, size_t capacity, size_t* length,
                            pep3118_error* error) noexcept {
  return c_api::guarded(error, [&] {
    if (descriptor == nullptr || target == nullptr) {
      return c_api::invalid_argument(error, "descriptor or target is NULL");
    }
    if (!is_dialect(dialect)) return c_api::invalid_argument(error, "dialect is not a pep3118_dialect value");
    const result<std::string> text = emitted(descriptor->value, c_api::target_of(target), dialect);
    if (!text) return c_api::fail(error, text.diagnostics());
    return write_text(text.value(), buffer, capacity, length, error);
  });
}
