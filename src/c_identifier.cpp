#include "c_identifier.hpp"

#include <array>
#include <algorithm>
#include <iterator>

#include <fmt/format.h>

namespace pep3118::detail {

namespace {

// C11's keywords, and macros that stddef.h or the compiler (GNU modes) may define.
constexpr std::array<std::string_view, 49> reserved_words{
    "auto",       "break",     "case",           "char",
    "const",      "continue",  "default",        "do",
    "double",     "else",      "enum",           "extern",
    "float",      "for",       "goto",           "if",
    "inline",     "int",       "long",           "register",
    "restrict",   "return",    "short",          "signed",
    "sizeof",     "static",    "struct",         "switch",
    "typedef",    "union",     "unsigned",       "void",
    "volatile",   "while",     "_Alignas",       "_Alignof",
    "_Atomic",    "_Bool",     "_Complex",       "_Generic",
    "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local",
    "NULL",       "offsetof",  "linux",          "unix",
    "i386"};

bool is_ascii_alnum(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string c_identifier(std::string_view name) {
  if (name.empty()) return "unnamed";
  std::string id;
  if (name.front() >= '0' && name.front() <= '9') id = "f_";
  for (char c : name) id += is_ascii_alnum(c) ? c : '_';
  if (std::ranges::find(reserved_words, id) != reserved_words.end()) id += '_';
  return id;
}

std::string c_scope::claim(std::string name) {
  std::string unique = name;
  for (int suffix = 2; used_.contains(unique); ++suffix) unique = fmt::format("{}_{}", name, suffix);
  used_.insert(unique);
  return unique;
}

std::string c_comment_text(std::string_view text) {
  std::string shown;
  char previous = 0;
  for (char c : text) {
    if (previous == '*' && c == '/') {
      shown += "\\x2f";
    } else if (c >= 0x20 && c <= 0x7e) {
      shown += c;
    } else {
      fmt::format_to(std::back_inserter(shown), "\\x{:02x}", static_cast<unsigned char>(c));
    }
    previous = c;
  }
  return shown;
}

}  // namespace pep3118::detail
