// checker: the fast path into a layout whose vectors and strings are reused, the full engine
// when the fast path declines.
#include <pep3118/checker.hpp>

#include <utility>
#include <vector>

#include "fast_path.hpp"

namespace pep3118 {

struct checker::impl {
  impl(const target& tgt, const parse_options& opts) : the_target(tgt), options(opts) {}

  const target the_target;
  const parse_options options;
  detail::fast_scratch scratch;
  layout spare;  // the previous answer's storage, taken back before each check
  result<layout> answer{std::vector<diagnostic>{}};
};

checker::checker(const target& tgt, const parse_options& options) : impl_(std::make_unique<impl>(tgt, options)) {}
checker::~checker() = default;
checker::checker(checker&&) noexcept = default;
checker& checker::operator=(checker&&) noexcept = default;

const result<layout>& checker::check(std::string_view format) {
  impl& self = *impl_;
  if (self.answer.ok()) {
    self.spare = std::move(self.answer).value();
  }
  diagnostic error{severity::error, error_code::unknown_code, 0};
  switch (detail::fast_check(format, self.the_target, self.options, self.scratch, self.spare, error)) {
    case detail::fast_verdict::laid_out: self.answer = result<layout>(std::move(self.spare), {}); break;
    case detail::fast_verdict::failed: self.answer = result<layout>({error}); break;
    case detail::fast_verdict::declined:
      self.answer = detail::full_check(format, self.the_target, self.options);
      break;
  }
  return self.answer;
}

}  // namespace pep3118
