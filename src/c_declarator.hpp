// C declarators for fields: the one place that knows how C spells each code's type, shared by
// describe (explain, compare) and emit_c.
#ifndef PEP3118_SRC_C_DECLARATOR_HPP
#define PEP3118_SRC_C_DECLARATOR_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pep3118/describe.hpp>
#include <pep3118/descriptor.hpp>
#include <pep3118/layout.hpp>

namespace pep3118::detail {

// A C declarator split where the declared name goes, so that pointers and arrays can be
// wrapped around it: `void (*` name `)(void)`, `int` name `[2]`.
struct c_declarator {
  std::string before;
  std::string after;

  // The type without a name: "int[2]", "void (*)(void)", "int *".
  std::string type_name() const;
  // The type declaring `name`: "int x[2]", "void (*f)(void)", "int *p".
  std::string declaration(std::string_view name) const;
};

// An array of `element` with these dims, outermost first.
c_declarator c_array_of(c_declarator element, const std::vector<std::int64_t>& dims);

// A field's type: one element of it, made an array by the field's shape. A pointer's target
// is spelt as written (`int *` for `&i`), but for halves; under c_names::fixed_width a
// pointer that leads to a struct is `void *`, since C would need a declared struct type.
c_declarator c_field_declarator(const field& leaf, const descriptor& desc, c_names names);

// What a pointer finally points to, past pointers to pointers: `i` for `&&i`.
const node& final_pointee(const descriptor& desc, const node& pointer);

}  // namespace pep3118::detail

#endif
