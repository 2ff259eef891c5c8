// Value-or-diagnostics: the return type of every non-throwing entry point.
#ifndef PEP3118_RESULT_HPP
#define PEP3118_RESULT_HPP

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic.hpp"

namespace pep3118 {

class checker;

// A result holds a value when no diagnostic is an error; warnings travel with the value.
template <typename T>
class result {
 public:
  result(T value, std::vector<diagnostic> diagnostics)
      : value_(std::move(value)), diagnostics_(std::move(diagnostics)) {}
  explicit result(std::vector<diagnostic> diagnostics) : diagnostics_(std::move(diagnostics)) {}

  bool ok() const noexcept { return value_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  // Precondition: ok().
  const T& value() const& noexcept { return *value_; }
  T&& value() && noexcept { return std::move(*value_); }
  const T* operator->() const noexcept { return &*value_; }
  const std::vector<diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  friend class checker;  // fills its one result in place, reusing its storage
  std::optional<T> value_;
  std::vector<diagnostic> diagnostics_;
};

// Thrown by the throwing conveniences; what() reads "offset N: message [code]".
class error : public std::runtime_error {
 public:
  explicit error(std::vector<diagnostic> diagnostics);
  const std::vector<diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<diagnostic> diagnostics_;
};

}  // namespace pep3118

#endif
