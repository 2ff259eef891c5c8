// The C API's parsing: options, pep3118_parse, and a descriptor's warnings.
#include <cstring>
#include <string_view>
#include <type_traits>

#include <pep3118/parse.hpp>

#include "c_api.hpp"

using namespace pep3118;

namespace pep3118::c_api {

pep3118_status read_options(const pep3118_parse_options* options, parse_options& cpp, pep3118_error* error) noexcept {
  cpp = parse_options{};
  if (options == nullptr) return PEP3118_OK;
  // Read as the integer C stored: a value outside the enum is not a pep3118_rules to C++.
  std::underlying_type_t<pep3118_rules> rules = 0;
  std::memcpy(&rules, &options->rules, sizeof rules);
  if (rules != PEP3118_RULES_PEP3118 && rules != PEP3118_RULES_STRUCT) {
    return invalid_argument(error, "options->rules is not a pep3118_rules value");
  }
  cpp = {rules == PEP3118_RULES_STRUCT ? rule_set::struct_ : rule_set::pep3118, options->strict != 0,
         options->max_depth, options->max_dims};
  return PEP3118_OK;
}

}  // namespace pep3118::c_api

pep3118_parse_options pep3118_parse_options_default(void) noexcept {
  const parse_options defaults;
  return {PEP3118_RULES_PEP3118, defaults.strict ? 1 : 0, defaults.max_depth, defaults.max_dims};
}

pep3118_status pep3118_parse(const char* format, size_t length, const pep3118_parse_options* options,
                             pep3118_descriptor** out, pep3118_error* error) noexcept {
  return c_api::creating(out, error, [&] {
    if (format == nullptr) return c_api::invalid_argument(error, "format is NULL");
    parse_options cpp_options;
    if (const pep3118_status bad = c_api::read_options(options, cpp_options, error)) return bad;
    return c_api::deliver(out, error, parse(std::string_view(format, length), cpp_options));
  });
}

void pep3118_descriptor_free(pep3118_descriptor* descriptor) noexcept { delete descriptor; }

size_t pep3118_descriptor_diagnostic_count(const pep3118_descriptor* descriptor) noexcept {
  return descriptor == nullptr ? 0 : descriptor->warnings.size();
}

pep3118_status pep3118_descriptor_diagnostic(const pep3118_descriptor* descriptor, size_t index,
                                             pep3118_diagnostic* out, pep3118_error* error) noexcept {
  return c_api::element_at(descriptor == nullptr ? nullptr : &descriptor->warnings, index, out, error,
                           c_api::diagnostic_to_c);
}
