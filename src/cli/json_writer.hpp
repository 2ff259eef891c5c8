// A tiny JSON emitter: compact output (no spaces), keys in the order written, commas placed
// by the writer. Strings are byte strings and always come out as valid JSON.
#ifndef PEP3118_CLI_JSON_WRITER_HPP
#define PEP3118_CLI_JSON_WRITER_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pep3118::cli {

class json_writer {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The key of the next value in the current object.
  void key(std::string_view name);
  // Distinct names, not overloads: a string literal would otherwise pick bool.
  // Any bytes: '"' and '\' escaped, control characters (NUL included) as \u00XX, valid
  // UTF-8 kept, invalid UTF-8 as U+FFFD (one per maximal subpart, as Python decodes it).
  void string(std::string_view bytes);
  void number(std::int64_t value);
  void boolean(bool value);
  void null();

  const std::string& text() const noexcept { return text_; }

 private:
  // A comma before every value but the first of its container, none after a key.
  void begin_value();

  std::string text_;
  std::vector<bool> container_is_empty_;
  bool after_key_ = false;
};

}  // namespace pep3118::cli

#endif
