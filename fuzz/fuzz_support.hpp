// Shared helpers of the libFuzzer targets in fuzz/ (see docs/fuzzing.md).
//
// Every target defines LLVMFuzzerTestOneInput; a broken invariant prints what broke and the input
// (escaped) to stderr, then calls abort(), which libFuzzer (or replay_main.cpp) reports as a crash.
#ifndef PEP3118_FUZZ_SUPPORT_HPP
#define PEP3118_FUZZ_SUPPORT_HPP

#include <pep3118/pep3118.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace pep3118_fuzz {

// Both rule sets: every target is run under each.
inline constexpr pep3118::rule_set rule_sets[] = {pep3118::rule_set::pep3118, pep3118::rule_set::struct_};

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
  return {reinterpret_cast<const char*>(data), size};
}

inline pep3118::parse_options options_for(pep3118::rule_set rules) {
  pep3118::parse_options options;
  options.rules = rules;
  return options;
}

// The input as a C-like string literal, for crash reports.
inline std::string escaped(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte == '\\' || byte == '"') {
      out += '\\';
      out += ch;
    } else if (byte >= 0x20 && byte < 0x7f) {
      out += ch;
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", byte);
      out += hex;
    }
  }
  return out;
}

[[noreturn]] inline void fail(const char* file, int line, const char* what, std::string_view input,
                              std::string_view detail = {}) {
  std::fprintf(stderr, "%s:%d: broken invariant: %s\n  input: \"%s\"\n", file, line, what,
               escaped(input).c_str());
  if (!detail.empty()) {
    std::fprintf(stderr, "  detail: %s\n", escaped(detail).c_str());
  }
  std::abort();
}

// A failed result must say why: at least one diagnostic.
template <typename T>
bool failed_cleanly(const pep3118::result<T>& r) noexcept {
  return r.ok() || !r.diagnostics().empty();
}

// Equal itemsize, and the same fields at the same paths and offsets.
inline bool same_layout(const pep3118::layout& a, const pep3118::layout& b) noexcept {
  if (a.itemsize != b.itemsize || a.fields.size() != b.fields.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    if (a.fields[i].path != b.fields[i].path || a.fields[i].offset != b.fields[i].offset ||
        a.fields[i].size != b.fields[i].size) {
      return false;
    }
  }
  return true;
}

}  // namespace pep3118_fuzz

// FUZZ_CHECK(condition, what): abort with a report when condition is false. Needs `input` (the
// whole fuzz input as a std::string_view) in scope.
#define FUZZ_CHECK(condition, what)                                     \
  do {                                                                  \
    if (!(condition)) {                                                 \
      ::pep3118_fuzz::fail(__FILE__, __LINE__, what, input);            \
    }                                                                   \
  } while (false)

#define FUZZ_CHECK_DETAIL(condition, what, detail)                      \
  do {                                                                  \
    if (!(condition)) {                                                 \
      ::pep3118_fuzz::fail(__FILE__, __LINE__, what, input, detail);    \
    }                                                                   \
  } while (false)

#endif
