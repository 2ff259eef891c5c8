// Emitters: the same layout written in another dialect.
#ifndef PEP3118_EMIT_HPP
#define PEP3118_EMIT_HPP

#include <string>
#include <string_view>

#include "descriptor.hpp"
#include "result.hpp"
#include "target.hpp"

namespace pep3118 {

// A format NumPy's parser reads back with the same itemsize and field offsets (explicit
// padding, no (2)(3), no whitespace, explicit byte orders for a foreign target), or the
// error numpy_cannot_express at the first item NumPy cannot represent.
result<std::string> emit_numpy(const descriptor& desc, const target& tgt = host_target());

// A flat CPython struct-module format with the same layout, or struct_cannot_express.
result<std::string> emit_struct(const descriptor& desc, const target& tgt = host_target());

// A C declaration of the layout for the target: `struct NAME` with explicit padding members,
// fixed-width types where the code has one, and _Static_asserts on its size, alignment and
// every field's offset.
result<std::string> emit_c(const descriptor& desc, const target& tgt = host_target(),
                           std::string_view struct_name = "item");

}  // namespace pep3118

#endif
