// A checker: check() with storage kept between calls, for the consumer that validates a format
// on every buffer it is handed and wants that to cost no allocation.
#ifndef PEP3118_CHECKER_HPP
#define PEP3118_CHECKER_HPP

#include <memory>
#include <string_view>

#include "layout.hpp"
#include "parse.hpp"
#include "result.hpp"
#include "target.hpp"

namespace pep3118 {

// check(format, tgt, options) that reuses the storage of its previous answer: once a checker
// has answered a format with as many fields, paddings and path bytes, checking a format of the
// common subset (marks, counts, codes, names, T{}; see docs/performance.md) allocates nothing,
// nor does an unknown code in one once a failure has been answered. The answer is a reference to the checker's own, valid until its next check() or its
// destruction; copy it to keep it. One checker per thread: check() is not thread-safe, the
// answer is immutable. For formats seen over and over, check_cache answers with a lookup.
class checker {
 public:
  explicit checker(const target& tgt = host_target(), const parse_options& options = {});
  ~checker();
  checker(checker&&) noexcept;
  checker& operator=(checker&&) noexcept;
  checker(const checker&) = delete;
  checker& operator=(const checker&) = delete;

  // Equal to pep3118::check(format, tgt, options).
  const result<layout>& check(std::string_view format);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace pep3118

#endif
