// checker: the fast path into its one result, whose layout's vectors and strings (and the
// diagnostics vector) are overwritten in place; the full engine when the fast path declines.
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
  result<layout> answer{std::vector<diagnostic>{}};
  layout spare;  // the layout's storage while the answer is an error
};

checker::checker(const target& tgt, const parse_options& options) : impl_(std::make_unique<impl>(tgt, options)) {}
checker::~checker() = default;
checker::checker(checker&&) noexcept = default;
checker& checker::operator=(checker&&) noexcept = default;

const result<layout>& checker::check(std::string_view format) {
  impl& self = *impl_;
  result<layout>& answer = self.answer;
  if (!answer.value_) {
    answer.value_.emplace(std::move(self.spare));
  }
  answer.diagnostics_.clear();
  diagnostic error{severity::error, error_code::unknown_code, 0};
  switch (detail::fast_check(format, self.the_target, self.options, self.scratch, *answer.value_, error)) {
    case detail::fast_verdict::laid_out: break;
    case detail::fast_verdict::failed:
      self.spare = std::move(*answer.value_);
      answer.value_.reset();
      answer.diagnostics_.push_back(error);
      break;
    case detail::fast_verdict::declined: answer = detail::full_check(format, self.the_target, self.options); break;
  }
  return answer;
}

}  // namespace pep3118
