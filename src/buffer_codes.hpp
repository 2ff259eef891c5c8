// Making buffer findings: every finding takes its severity from its code.
#ifndef PEP3118_SRC_BUFFER_CODES_HPP
#define PEP3118_SRC_BUFFER_CODES_HPP

#include <string>
#include <utility>

#include <pep3118/buffer.hpp>

namespace pep3118::detail {

inline buffer_finding make_finding(buffer_code code, std::string message) {
  return {code, buffer_code_severity(code), std::move(message)};
}

}  // namespace pep3118::detail

#endif
