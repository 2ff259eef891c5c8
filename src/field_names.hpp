// The names NumPy gives the fields of a struct, as strings for the emitters.
#ifndef PEP3118_SRC_FIELD_NAMES_HPP
#define PEP3118_SRC_FIELD_NAMES_HPP

#include <string>
#include <vector>

#include <pep3118/descriptor.hpp>
#include <pep3118/detail/member_names.hpp>

namespace pep3118::detail {

// detail::member_names as strings ("" for unnamed padding).
std::vector<std::string> numpy_names(const descriptor& desc, const node& container);

}  // namespace pep3118::detail

#endif
