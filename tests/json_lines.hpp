// A minimal JSON Lines reader for the corpus (tests/corpus/), shared by the unit tests and the
// generator of tests/static/: plain C++, no test framework.
#ifndef PEP3118_TESTS_JSON_LINES_HPP
#define PEP3118_TESTS_JSON_LINES_HPP

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pep3118_test {

// A minimal JSON Lines reader for flat objects: string values (all escapes, \uXXXX with
// surrogate pairs, \u0000 kept as a NUL byte), integers, booleans and null. Nested arrays and
// objects are not needed by the corpus and make the line fail to read.

struct json_value {
  enum class kind { null, boolean, number, string } type = kind::null;
  bool boolean = false;
  std::int64_t number = 0;
  bool integral = true;  // false when the number had a fraction or exponent
  std::string text;      // the string value (UTF-8, may contain NUL bytes)
};

using json_object = std::map<std::string, json_value>;

class json_line_reader {
 public:
  explicit json_line_reader(std::string_view text) : s_(text) {}

  // Reads one object filling `out`; false with `error` set when the line is not one.
  bool read_object(json_object& out, std::string& error) {
    out.clear();
    skip_ws();
    if (!eat('{')) {
      return fail(error, "expected '{'");
    }
    skip_ws();
    if (eat('}')) {
      return finish(error);
    }
    for (;;) {
      skip_ws();
      std::string key;
      if (!read_string(key)) {
        return fail(error, "expected a string key");
      }
      skip_ws();
      if (!eat(':')) {
        return fail(error, "expected ':'");
      }
      skip_ws();
      json_value value;
      if (!read_value(value)) {
        return fail(error, "bad value for key " + key);
      }
      out[key] = std::move(value);
      skip_ws();
      if (eat(',')) {
        continue;
      }
      if (eat('}')) {
        return finish(error);
      }
      return fail(error, "expected ',' or '}'");
    }
  }

 private:
  bool finish(std::string& error) {
    skip_ws();
    if (pos_ != s_.size()) {
      return fail(error, "trailing characters");
    }
    return true;
  }

  bool fail(std::string& error, std::string what) {
    error = what + " at " + std::to_string(pos_);
    return false;
  }

  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) {
      ++pos_;
    }
  }

  bool eat(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool eat_word(std::string_view w) {
    if (s_.substr(pos_, w.size()) == w) {
      pos_ += w.size();
      return true;
    }
    return false;
  }

  bool read_value(json_value& v) {
    if (pos_ >= s_.size()) {
      return false;
    }
    const char c = s_[pos_];
    if (c == '"') {
      v.type = json_value::kind::string;
      return read_string(v.text);
    }
    if (eat_word("true")) {
      v.type = json_value::kind::boolean;
      v.boolean = true;
      return true;
    }
    if (eat_word("false")) {
      v.type = json_value::kind::boolean;
      v.boolean = false;
      return true;
    }
    if (eat_word("null")) {
      v.type = json_value::kind::null;
      return true;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return read_number(v);
    }
    return false;
  }

  bool read_number(json_value& v) {
    v.type = json_value::kind::number;
    bool negative = eat('-');
    std::int64_t value = 0;
    std::size_t digits = 0;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
      const int d = s_[pos_] - '0';
      if (value > (INT64_MAX - d) / 10) {
        return false;  // the corpus has no number this large
      }
      value = value * 10 + d;
      ++pos_;
      ++digits;
    }
    if (digits == 0) {
      return false;
    }
    // A fraction or exponent: skip it, keep the integral part, remember it was not integral.
    if (pos_ < s_.size() && (s_[pos_] == '.' || s_[pos_] == 'e' || s_[pos_] == 'E')) {
      v.integral = false;
      while (pos_ < s_.size() && (std::string_view("0123456789.eE+-").find(s_[pos_]) != std::string_view::npos)) {
        ++pos_;
      }
    }
    v.number = negative ? -value : value;
    return true;
  }

  bool read_hex4(std::uint32_t& out) {
    if (pos_ + 4 > s_.size()) {
      return false;
    }
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[pos_++];
      out <<= 4;
      if (c >= '0' && c <= '9') {
        out |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        out |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        out |= static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool read_string(std::string& out) {
    out.clear();
    if (!eat('"')) {
      return false;
    }
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == '"') {
        return true;
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) {
        return false;
      }
      const char e = s_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!read_hex4(cp)) {
            return false;
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (!eat('\\') || !eat('u') || !read_hex4(low) || low < 0xDC00 || low > 0xDFFF) {
              return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          append_utf8(out, cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

struct json_line {
  std::size_t number = 0;  // 1-based line number
  json_object object;
};

// Every non-empty line of a JSON Lines text; a line that does not read is reported in `errors`.
inline std::vector<json_line> read_json_lines(std::string_view text, std::vector<std::string>& errors) {
  std::vector<json_line> lines;
  std::size_t start = 0;
  std::size_t number = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    ++number;
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    json_line parsed;
    parsed.number = number;
    std::string error;
    if (json_line_reader(line).read_object(parsed.object, error)) {
      lines.push_back(std::move(parsed));
    } else {
      errors.push_back("line " + std::to_string(number) + ": " + error);
    }
  }
  return lines;
}

// The text of a string member, or "" when the object has no such string.
inline std::string text_of(const json_object& object, const std::string& key) {
  const auto it = object.find(key);
  return it == object.end() ? std::string() : it->second.text;
}

}  // namespace pep3118_test

#endif
