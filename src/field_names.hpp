// The names NumPy gives the fields of a struct, shared by the layout and the emitters.
#ifndef PEP3118_SRC_FIELD_NAMES_HPP
#define PEP3118_SRC_FIELD_NAMES_HPP

#include <string>
#include <vector>

#include <pep3118/descriptor.hpp>

namespace pep3118::detail {

// An unnamed `x` is padding, not a field.
constexpr bool is_unnamed_pad(const node& item) noexcept { return item.code == type_code::pad && !item.has_name; }

// One name per member of `container`, in order ("" for unnamed padding): the written name,
// or for an unnamed field the lowest f0, f1, ... that the struct does not use yet.
std::vector<std::string> numpy_names(const descriptor& desc, const node& container);

}  // namespace pep3118::detail

#endif
