// c_api.cxx_header: pep3118.h from C++. Included first, it compiles alone; its functions are
// noexcept (no exception crosses the C API) and usable as any C++ code uses a C library.
#include <pep3118/pep3118.h>

#include <cstdio>
#include <type_traits>

#include "check.h"

static_assert(std::is_same_v<decltype(pep3118_version), const char*() noexcept>);
static_assert(std::is_same_v<decltype(pep3118_parse),
                             pep3118_status(const char*, size_t, const pep3118_parse_options*, pep3118_descriptor**,
                                            pep3118_error*) noexcept>);
static_assert(std::is_same_v<decltype(pep3118_descriptor_free), void(pep3118_descriptor*) noexcept>);
static_assert(std::is_same_v<decltype(pep3118_layout_field),
                             pep3118_status(const pep3118_layout*, size_t, pep3118_field*, pep3118_error*) noexcept>);
// The structs the API fills are plain C data.
static_assert(std::is_trivial_v<pep3118_error> && std::is_standard_layout_v<pep3118_error>);
static_assert(std::is_trivial_v<pep3118_field> && std::is_standard_layout_v<pep3118_field>);

int main() {
  pep3118_layout* layout = nullptr;
  pep3118_error error{};
  CHECK_OK(pep3118_check("T{i:a:d:b:}", 11, pep3118_target_find("x86_64-linux-gnu"), nullptr, &layout, &error),
           error);
  CHECK_INT(pep3118_layout_itemsize(layout), 16);
  pep3118_field field{};
  CHECK_OK(pep3118_layout_field(layout, 1, &field, &error), error);
  CHECK_STR(field.path, "b");
  CHECK_INT(field.offset, 8);
  pep3118_layout_free(layout);
  std::puts("c_api.cxx_header: every check passed");
  return 0;
}
