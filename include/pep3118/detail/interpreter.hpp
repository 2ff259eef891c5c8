// A constexpr interpreter for the PEGTL rule types of grammar/: PEGTL itself cannot run in a
// constant expression, so the compile-time engine walks the same rule types here, with the
// same error points (error_points.hpp) and the same actions (actions.hpp) feeding the same
// consumer. It does what PEGTL's parse with detail::control does:
//
// * a rule is matched through its `rule_t` (PEGTL's canonical combinator), a failed match
//   consumes nothing;
// * once the consumer has failed every rule fails at once;
// * a detector that matches reports its error at the position after its match and fails;
// * a rule's action fires after the rule matched, never inside at<> or not_at<>.
//
// Only the combinators the grammars use are known; another one is a compile error, and
// tests/test_static.cpp runs this interpreter against PEGTL on thousands of formats.
#ifndef PEP3118_DETAIL_INTERPRETER_HPP
#define PEP3118_DETAIL_INTERPRETER_HPP

#include <cstddef>
#include <string_view>
#include <type_traits>

#include <tao/pegtl.hpp>

#include <pep3118/detail/actions.hpp>
#include <pep3118/error_points.hpp>

namespace pep3118::detail {

namespace pgi = tao::pegtl::internal;

// The text being parsed and the current position in it.
class static_input {
 public:
  constexpr explicit static_input(std::string_view text) noexcept
      : begin_(text.data()), current_(text.data()), end_(text.data() + text.size()) {}

  constexpr const char* begin() const noexcept { return begin_; }  // of the whole text
  constexpr const char* current() const noexcept { return current_; }
  constexpr std::size_t byte() const noexcept { return static_cast<std::size_t>(current_ - begin_); }
  constexpr bool empty() const noexcept { return current_ == end_; }
  constexpr std::size_t size() const noexcept { return static_cast<std::size_t>(end_ - current_); }
  constexpr char peek() const noexcept { return *current_; }
  constexpr void bump(std::size_t count = 1) noexcept { current_ += count; }
  constexpr void rewind(const char* to) noexcept { current_ = to; }

 private:
  const char* begin_;
  const char* current_;
  const char* end_;
};

// What an action sees: the text its rule matched (PEGTL's action_input, as far as actions use it).
class static_action_input {
 public:
  constexpr static_action_input(const static_input& in, const char* begin) noexcept
      : in_(in), begin_(begin), end_(in.current()) {}

  constexpr const char* begin() const noexcept { return begin_; }
  constexpr std::string_view string_view() const noexcept {
    return {begin_, static_cast<std::size_t>(end_ - begin_)};
  }
  constexpr char peek_char() const noexcept { return *begin_; }
  constexpr const static_input& input() const noexcept { return in_; }

 private:
  const static_input& in_;
  const char* begin_;
  const char* end_;
};

template <typename Rule, bool Apply, typename Consumer>
constexpr bool match(static_input& in, Consumer& consumer);

template <typename Rule>
inline constexpr bool has_action = !std::is_base_of_v<tao::pegtl::nothing<Rule>, action<Rule>>;

template <typename>
inline constexpr bool unknown_combinator = false;

// The combinators, matched on `rule_t`.
template <typename RuleT>
struct combinator {
  static_assert(unknown_combinator<RuleT>, "interpreter: a PEGTL combinator it does not know (add a specialization)");
};

template <typename... Rules>
struct combinator<pgi::seq<Rules...>> {
  template <bool Apply, typename Consumer>
  static constexpr bool match(static_input& in, Consumer& c) {
    return (detail::match<Rules, Apply>(in, c) && ...);
  }
};

template <typename... Rules>
struct combinator<pgi::sor<Rules...>> {
  template <bool Apply, typename Consumer>
  static constexpr bool match(static_input& in, Consumer& c) {
    return (detail::match<Rules, Apply>(in, c) || ...);
  }
};

template <typename Rule>
struct combinator<pgi::star<Rule>> {
  template <bool Apply, typename Consumer>
  static constexpr bool match(static_input& in, Consumer& c) {
    // A repetition that consumes nothing ends the loop (PEGTL's analyze rules it out anyway).
    for (const char* before = in.current(); detail::match<Rule, Apply>(in, c) && in.current() != before;
         before = in.current()) {
    }
    return true;
  }
};

template <typename Rule>
struct combinator<pgi::plus<Rule>> {
  template <bool Apply, typename Consumer>
  static constexpr bool match(static_input& in, Consumer& c) {
    return detail::match<Rule, Apply>(in, c) && combinator<pgi::star<Rule>>::template match<Apply>(in, c);
  }
};

template <typename Rule>
struct combinator<pgi::opt<Rule>> {
  template <bool Apply, typename Consumer>
  static constexpr bool match(static_input& in, Consumer& c) {
    (void)detail::match<Rule, Apply>(in, c);
    return true;
  }
};

template <typename Rule>
struct combinator<pgi::at<Rule>> {
  template <bool, typename Consumer>
  static constexpr bool match(static_input& in, Consumer& c) {
    const char* start = in.current();
    const bool matched = detail::match<Rule, false>(in, c);
    in.rewind(start);
    return matched;
  }
};

template <typename Rule>
struct combinator<pgi::not_at<Rule>> {
  template <bool, typename Consumer>
  static constexpr bool match(static_input& in, Consumer& c) {
    return !combinator<pgi::at<Rule>>::template match<false>(in, c);
  }
};

template <>
struct combinator<pgi::eof> {
  template <bool, typename Consumer>
  static constexpr bool match(static_input& in, Consumer&) {
    return in.empty();
  }
};

template <>
struct combinator<pgi::success> {
  template <bool, typename Consumer>
  static constexpr bool match(static_input&, Consumer&) {
    return true;
  }
};

template <>
struct combinator<pgi::failure> {
  template <bool, typename Consumer>
  static constexpr bool match(static_input&, Consumer&) {
    return false;
  }
};

// One character that `accepts` takes.
template <typename Accepts>
constexpr bool match_char(static_input& in, Accepts accepts) {
  if (in.empty() || !accepts(in.peek())) {
    return false;
  }
  in.bump();
  return true;
}

template <>
struct combinator<pgi::any<pgi::peek_char>> {
  template <bool, typename Consumer>
  static constexpr bool match(static_input& in, Consumer&) {
    return match_char(in, [](char) { return true; });
  }
};

// Characters compare as PEGTL compares them: as `char`.
template <pgi::result_on_found R, char... Cs>
struct combinator<pgi::one<R, pgi::peek_char, Cs...>> {
  template <bool, typename Consumer>
  static constexpr bool match(static_input& in, Consumer&) {
    return match_char(in, [](char c) { return ((c == Cs) || ...) == (R == pgi::result_on_found::success); });
  }
};

template <pgi::result_on_found R, char Lo, char Hi>
struct combinator<pgi::range<R, pgi::peek_char, Lo, Hi>> {
  template <bool, typename Consumer>
  static constexpr bool match(static_input& in, Consumer&) {
    return match_char(in, [](char c) { return (Lo <= c && c <= Hi) == (R == pgi::result_on_found::success); });
  }
};

// Pairs of bounds; an odd last character stands for itself.
template <char... Cs>
struct combinator<pgi::ranges<pgi::peek_char, Cs...>> {
  static constexpr bool accepts(char c) noexcept {
    constexpr char bounds[] = {Cs...};
    constexpr std::size_t size = sizeof...(Cs);
    for (std::size_t i = 0; i + 1 < size; i += 2) {
      if (bounds[i] <= c && c <= bounds[i + 1]) {
        return true;
      }
    }
    return size % 2 == 1 && c == bounds[size - 1];
  }
  template <bool, typename Consumer>
  static constexpr bool match(static_input& in, Consumer&) {
    return match_char(in, accepts);
  }
};

template <char... Cs>
struct combinator<pgi::string<Cs...>> {
  template <bool, typename Consumer>
  static constexpr bool match(static_input& in, Consumer&) {
    constexpr char text[] = {Cs...};
    if (in.size() < sizeof...(Cs)) {
      return false;
    }
    for (std::size_t i = 0; i < sizeof...(Cs); ++i) {
      if (in.current()[i] != text[i]) {
        return false;
      }
    }
    in.bump(sizeof...(Cs));
    return true;
  }
};

// One rule: its combinator, then its error point or its action.
template <typename Rule, bool Apply, typename Consumer>
constexpr bool match(static_input& in, Consumer& consumer) {
  if (consumer.failed()) {
    return false;
  }
  const char* start = in.current();
  const bool matched = combinator<typename Rule::rule_t>::template match<Apply>(in, consumer);
  if constexpr (grammar::error_point<Rule>.has_value()) {
    if (matched) {
      consumer.fail(*grammar::error_point<Rule>, in.byte());
    }
    in.rewind(start);
    return false;
  } else {
    if (!matched) {
      in.rewind(start);
      return false;
    }
    if constexpr (Apply && has_action<Rule>) {
      if constexpr (requires { action<Rule>::apply0(consumer); }) {
        action<Rule>::apply0(consumer);
      } else {
        action<Rule>::apply(static_action_input(in, start), consumer);
      }
    }
    return true;
  }
}

// Parses `text` with the grammar rule `Grammar` into `consumer`.
template <typename Grammar, typename Consumer>
constexpr void interpret(std::string_view text, Consumer& consumer) {
  static_input in(text);
  (void)match<Grammar, true>(in, consumer);
}

}  // namespace pep3118::detail

#endif
