// Color on a terminal: ANSI escapes around the labels and carets of diagnostics and around
// table headings, only on a stream that is a terminal and only when the user wants them. The
// one place that knows an escape code.
#ifndef PEP3118_CLI_STYLE_HPP
#define PEP3118_CLI_STYLE_HPP

#include <optional>
#include <string>
#include <string_view>

#include "pep3118/diagnostic.hpp"

namespace pep3118::cli {

// --color: auto (the default), always, never.
enum class color_choice { automatic, always, never };

// "auto", "always", "never".
std::optional<color_choice> color_choice_named(std::string_view name) noexcept;

// What a piece of text is, which decides its color.
enum class tone { error, warning, heading };

tone tone_of(severity level) noexcept;

// How text is shown on one stream: painted, or plain (the default).
class style {
 public:
  style() = default;
  explicit style(bool colored) noexcept : colored_(colored) {}

  // `text` (part of one line) in the tone's color, or as it is when plain.
  std::string paint(tone how, std::string_view text) const;

 private:
  bool colored_ = false;
};

// The style of each output stream.
struct stream_styles {
  style out;
  style err;
};

// always: both painted; never: both plain; auto: each stream painted when it is a terminal,
// unless NO_COLOR is set to a non-empty value (https://no-color.org) or TERM is `dumb`.
stream_styles styles_for(color_choice choice);

}  // namespace pep3118::cli

#endif
