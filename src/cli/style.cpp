#include "style.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <utility>

#ifndef _WIN32
#include <unistd.h>
#endif

#include <fmt/format.h>

namespace pep3118::cli {

namespace {

constexpr std::array<std::pair<std::string_view, color_choice>, 3> color_choices{{
    {"auto", color_choice::automatic},
    {"always", color_choice::always},
    {"never", color_choice::never},
}};

// SGR sequences: bold red, bold yellow, bold; and back to the terminal's default.
std::string_view escape_of(tone how) noexcept {
  switch (how) {
    case tone::error: return "\x1b[1;31m";
    case tone::warning: return "\x1b[1;33m";
    case tone::heading: return "\x1b[1m";
  }
  return "";  // not reached: the switch names every tone
}
constexpr std::string_view reset = "\x1b[0m";

bool is_terminal(std::FILE* stream) noexcept {
#ifdef _WIN32
  // A Windows console shows escapes as text unless told otherwise; auto stays plain there.
  (void)stream;
  return false;
#else
  return isatty(fileno(stream)) != 0;
#endif
}

bool environment_forbids_color() noexcept {
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return (no_color != nullptr && *no_color != '\0') ||
         (term != nullptr && std::string_view(term) == "dumb");
}

}  // namespace

std::optional<color_choice> color_choice_named(std::string_view name) noexcept {
  for (const auto& [word, choice] : color_choices) {
    if (word == name) return choice;
  }
  return std::nullopt;
}

tone tone_of(severity level) noexcept { return level == severity::error ? tone::error : tone::warning; }

std::string style::paint(tone how, std::string_view text) const {
  if (!colored_) return std::string(text);
  return fmt::format("{}{}{}", escape_of(how), text, reset);
}

stream_styles styles_for(color_choice choice) {
  if (choice != color_choice::automatic) {
    const bool colored = choice == color_choice::always;
    return {style(colored), style(colored)};
  }
  const bool allowed = !environment_forbids_color();
  return {style(allowed && is_terminal(stdout)), style(allowed && is_terminal(stderr))};
}

}  // namespace pep3118::cli
