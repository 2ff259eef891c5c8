#include "json_writer.hpp"

#include <fmt/format.h>

namespace pep3118::cli {

namespace {

// The UTF-8 sequence starting at `at`: its length when well formed, else the length of its
// maximal subpart (the bytes that could still have begun a well-formed sequence, at least one),
// which becomes one U+FFFD as in Python's and the browsers' decoders (Unicode 3.9.6).
struct utf8_sequence {
  std::size_t length;
  bool well_formed;
};

// Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF.
utf8_sequence utf8_sequence_at(std::string_view bytes, std::size_t at) {
  // Past the end reads as a value no byte has, so every range check fails there.
  auto byte_at = [bytes](std::size_t i) -> unsigned {
    return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0x100;
  };
  unsigned lead = byte_at(at);
  if (lead < 0x80) return {1, true};
  std::size_t length = 0;
  unsigned second_low = 0x80;
  unsigned second_high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) second_low = 0xa0;   // overlong
    if (lead == 0xed) second_high = 0x9f;  // surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) second_low = 0x90;   // overlong
    if (lead == 0xf4) second_high = 0x8f;  // above U+10FFFF
  } else {
    return {1, false};
  }
  unsigned second = byte_at(at + 1);
  if (second < second_low || second > second_high) return {1, false};
  for (std::size_t i = 2; i < length; ++i) {
    unsigned continuation = byte_at(at + i);
    if (continuation < 0x80 || continuation > 0xbf) return {i, false};
  }
  return {length, true};
}

bool is_control(unsigned char byte) noexcept { return byte < 0x20 || byte == 0x7f; }

std::string json_quoted(std::string_view bytes) {
  std::string quoted;
  quoted.reserve(bytes.size() + 2);
  quoted += '"';
  std::size_t at = 0;
  while (at < bytes.size()) {
    auto [length, well_formed] = utf8_sequence_at(bytes, at);
    if (!well_formed) {
      quoted += "\\ufffd";
      at += length;
      continue;
    }
    auto byte = static_cast<unsigned char>(bytes[at]);
    if (byte == '"' || byte == '\\') {
      quoted += '\\';
      quoted += static_cast<char>(byte);
    } else if (is_control(byte)) {
      fmt::format_to(std::back_inserter(quoted), "\\u{:04x}", byte);
    } else {
      quoted.append(bytes.substr(at, length));
    }
    at += length;
  }
  quoted += '"';
  return quoted;
}

}  // namespace

void json_writer::begin_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (container_is_empty_.empty()) return;
  if (!container_is_empty_.back()) text_ += ',';
  container_is_empty_.back() = false;
}

void json_writer::begin_object() {
  begin_value();
  text_ += '{';
  container_is_empty_.push_back(true);
}

void json_writer::end_object() {
  text_ += '}';
  container_is_empty_.pop_back();
}

void json_writer::begin_array() {
  begin_value();
  text_ += '[';
  container_is_empty_.push_back(true);
}

void json_writer::end_array() {
  text_ += ']';
  container_is_empty_.pop_back();
}

void json_writer::key(std::string_view name) {
  begin_value();
  text_ += json_quoted(name);
  text_ += ':';
  after_key_ = true;
}

void json_writer::string(std::string_view bytes) {
  begin_value();
  text_ += json_quoted(bytes);
}

void json_writer::number(std::int64_t value) {
  begin_value();
  fmt::format_to(std::back_inserter(text_), "{}", value);
}

void json_writer::boolean(bool value) {
  begin_value();
  text_ += value ? "true" : "false";
}

void json_writer::null() {
  begin_value();
  text_ += "null";
}

}  // namespace pep3118::cli
