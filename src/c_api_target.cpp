// The C API's targets: the presets by name or index, and targets read from a target file.
#include <algorithm>
#include <memory>
#include <string_view>
#include <utility>

#include "c_api.hpp"

using namespace pep3118;

namespace {

const pep3118_target* handle_of(const target* preset) noexcept {
  return reinterpret_cast<const pep3118_target*>(preset);
}

// A target read from a file: a copy of what read_target_file made, which it keeps alive
// because the copied name views that one's storage.
struct loaded_target : target {
  explicit loaded_target(std::shared_ptr<const target> read) : target(*read), source(std::move(read)) {}
  std::shared_ptr<const target> source;
};

bool is_preset(const pep3118_target* handle) noexcept {
  const target_list presets = all_targets();
  return std::find(presets.begin(), presets.end(), &c_api::target_of(handle)) != presets.end();
}

}  // namespace

const pep3118_target* pep3118_target_host(void) noexcept { return handle_of(&host_target()); }

const pep3118_target* pep3118_target_find(const char* name) noexcept {
  return name == nullptr ? nullptr : handle_of(find_target(name));
}

size_t pep3118_target_count(void) noexcept { return all_targets().size; }

const pep3118_target* pep3118_target_at(size_t index) noexcept {
  const target_list presets = all_targets();
  return index < presets.size ? handle_of(presets.items[index]) : nullptr;
}

pep3118_status pep3118_target_read(const char* text, size_t length, pep3118_target** out,
                                   pep3118_error* error) noexcept {
  return c_api::creating(out, error, [&] {
    if (text == nullptr) return c_api::invalid_argument(error, "text is NULL");
    result<std::shared_ptr<const target>> read = read_target_file(std::string_view(text, length));
    if (!read) return c_api::fail(error, read.diagnostics());
    target* loaded = new loaded_target(std::move(read).value());
    *out = reinterpret_cast<pep3118_target*>(loaded);
    return PEP3118_OK;
  });
}

void pep3118_target_free(pep3118_target* handle) noexcept {
  if (handle == nullptr || is_preset(handle)) return;
  delete static_cast<const loaded_target*>(&c_api::target_of(handle));
}

// Target names view string literals or a std::string: NUL-terminated.
const char* pep3118_target_name(const pep3118_target* handle) noexcept {
  return handle == nullptr ? nullptr : c_api::target_of(handle).name.data();
}

pep3118_byteorder pep3118_target_byteorder(const pep3118_target* handle) noexcept {
  if (handle == nullptr) return PEP3118_BYTEORDER_NONE;
  return c_api::target_of(handle).order == endian::little ? PEP3118_BYTEORDER_LITTLE : PEP3118_BYTEORDER_BIG;
}
