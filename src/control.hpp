// How the grammars run: the PEGTL control shared by every consumer.
//
// The error path uses no exceptions. When a detector rule (error_points.hpp) matches, the
// consumer records the error, and from then on every rule fails at once, so the parse
// unwinds through ordinary `false` returns without doing further work or firing actions.
#ifndef PEP3118_SRC_CONTROL_HPP
#define PEP3118_SRC_CONTROL_HPP

#include <cstddef>

#include <tao/pegtl.hpp>

#include <pep3118/error_points.hpp>

namespace pep3118::detail {

template <typename Rule>
struct control : tao::pegtl::normal<Rule> {
  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename Consumer>
  [[nodiscard]] static bool match(ParseInput& in, Consumer& consumer) {
    if (consumer.failed()) {
      return false;
    }
    const bool matched = tao::pegtl::normal<Rule>::template match<A, M, Action, Control>(in, consumer);
    if constexpr (grammar::error_point<Rule>.has_value()) {
      if (matched) {
        consumer.fail(*grammar::error_point<Rule>, in.byte());
      }
      return false;
    } else {
      return matched;
    }
  }
};

}  // namespace pep3118::detail

#endif
