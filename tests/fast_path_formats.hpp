// A fixed-seed generator of formats from the subset the fast path of check() takes
// (src/fast_path.hpp), for tests/test_fast_path.cpp: byte-order marks, decimal counts, the
// simple codes, `:name:`s of ASCII bytes, nested `T{}` without counts, nothing between tokens.
//
// Each drawn format says what in it the fast path may legitimately decline (duplicate names,
// an `f<digits>` name beside unnamed members, g n N P O under a non-native mark, huge counts,
// whitespace in a name), how deep its structs nest and whether it has a count, so a test can
// require the fast path to answer everything else. It also records the byte offsets where an
// item may start, to plant an unknown code there.
#ifndef PEP3118_TESTS_FAST_PATH_FORMATS_HPP
#define PEP3118_TESTS_FAST_PATH_FORMATS_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "format_generator.hpp"

namespace pep3118_test {

struct subset_format {
  std::string text;
  bool duplicate_name = false;    // two equal written names in one struct or at top level
  bool numbered_name = false;     // an f<digits> name beside an unnamed member in one struct
  bool non_native_code = false;   // g n N P O under = < > ! (those warn)
  bool huge_count = false;        // a count near or beyond 2^63 (overflow, number_too_large)
  bool blank_in_name = false;     // a name holding a space or another ASCII blank
  std::size_t depth = 0;          // how deep T{ nests (max_depth must be at least this)
  bool has_count = false;         // some item has a count (max_dims 0 rejects it)
  std::vector<std::size_t> item_starts;  // offsets where an item may start (sorted, unique)

  // Nothing in it that the fast path may decline under the default options.
  bool plain() const noexcept {
    return !duplicate_name && !numbered_name && !non_native_code && !huge_count && !blank_in_name;
  }
};

// Bytes that can start nothing (no code, mark, digit, T, X, Z, z, &, (, }, :, blank, NUL or
// non-ASCII): where an item may start each is `unknown_code` at its offset.
inline constexpr std::string_view no_item_bytes = "ajkmoryvACEJKMRSUVWY#$%*+.;[]_|~";

class subset_generator {
 public:
  explicit subset_generator(random_source& random) : random_(random) {}

  subset_format draw() {
    out_ = subset_format{};
    mark_ = '@';
    const std::size_t items = random_.one_in(5) ? 1 : random_.below(6);
    sequence(0, items);
    if (random_.one_in(8)) {
      marks();
    }
    start_here();
    std::set<std::size_t> unique(out_.item_starts.begin(), out_.item_starts.end());
    out_.item_starts.assign(unique.begin(), unique.end());
    return out_;
  }

 private:
  static constexpr std::string_view codes = "xcbB?hHiIlLqQnNefdgspPOuw";
  static constexpr std::string_view native_only = "gnNPO";
  static constexpr std::string_view all_marks = "@=<>!^";

  struct scope {
    std::set<std::string> names;
    bool numbered = false;
    bool unnamed = false;
  };

  void start_here() { out_.item_starts.push_back(out_.text.size()); }

  void marks() {
    const std::size_t n = random_.one_in(6) ? 2 : 1;
    for (std::size_t i = 0; i < n; ++i) {
      start_here();
      mark_ = random_.pick(all_marks);
      out_.text += mark_;
      start_here();
    }
  }

  void sequence(std::size_t depth, std::size_t items) {
    scope names;
    for (std::size_t i = 0; i < items; ++i) {
      // Pad runs: several x in a row, counted or not.
      const std::size_t run = random_.one_in(8) ? 2 + random_.below(3) : 1;
      for (std::size_t r = 0; r < run; ++r) {
        item(depth, names, run > 1);
      }
    }
    if (names.numbered && names.unnamed) {
      out_.numbered_name = true;
    }
    start_here();
  }

  static bool numbered(const std::string& name) {
    if (name.size() < 2 || name[0] != 'f') return false;
    for (std::size_t i = 1; i < name.size(); ++i) {
      if (name[i] < '0' || name[i] > '9') return false;
    }
    return true;
  }

  std::string count_text() {
    out_.has_count = true;
    switch (random_.below(10)) {
      case 0: return "0";
      case 1: return "1";
      case 2:
      case 3:
      case 4: return std::to_string(2 + random_.below(8));
      case 5: return std::to_string(10 + random_.below(90));
      case 6: return random_.pick(std::vector<std::string>{"256", "4096", "65536", "1000000"});
      case 7: return random_.pick(std::vector<std::string>{"4294967296", "1099511627776", "0000", "007"});
      case 8: return std::to_string(2 + random_.below(3));
      default:
        if (random_.one_in(3)) {
          out_.huge_count = true;
          return random_.pick(std::vector<std::string>{"9223372036854775807", "4611686018427387904",
                                                       "99999999999999999999", "1152921504606846976"});
        }
        return "3";
    }
  }

  std::string name_text(scope& names) {
    static const std::vector<std::string> fixed = {
        "a", "b", "c", "count", "x", "y", "i", "T", "f", "f0", "f1", "f2", "f10", "",
        "T{i}", "}", "{", "a.b", "[*]", "->", "(2)", "&", "#", "\x7f", "\x01", "ab", "kl", "mn"};
    std::string name;
    for (int attempt = 0; attempt < 4; ++attempt) {
      if (random_.one_in(4)) {
        name.clear();
        const std::size_t n = 1 + random_.below(8);
        for (std::size_t i = 0; i < n; ++i) {
          char c = static_cast<char>(1 + random_.below(0x7f));
          if (c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') {
            c = 'z';
          }
          name += c;
        }
      } else {
        name = random_.pick(fixed);
      }
      if (random_.one_in(40)) {
        name += random_.one_in(2) ? " x" : "\t";
        out_.blank_in_name = true;
      }
      if (names.names.count(name) == 0 || random_.one_in(6)) break;
    }
    if (!names.names.insert(name).second) {
      out_.duplicate_name = true;
    }
    if (numbered(name)) {
      names.numbered = true;
    }
    return name;
  }

  void item(std::size_t depth, scope& names, bool pad_run) {
    start_here();
    if (random_.one_in(4)) {
      marks();
    }
    if (!pad_run && depth < 4 && random_.one_in(depth == 0 ? 3 : 4)) {
      out_.depth = std::max(out_.depth, depth + 1);
      out_.text += "T{";
      start_here();
      switch (random_.below(8)) {
        case 0: break;  // T{}
        case 1:
          out_.text += random_.one_in(2) ? "4x" : "x";
          start_here();
          break;
        default: sequence(depth + 1, 1 + random_.below(4)); break;
      }
      if (random_.one_in(8)) {
        marks();
      }
      out_.text += '}';
    } else {
      char code = pad_run ? 'x' : random_.pick(codes);
      if (code != 'x' && random_.one_in(5)) code = 'x';
      const bool non_native = mark_ == '=' || mark_ == '<' || mark_ == '>' || mark_ == '!';
      if (non_native && native_only.find(code) != std::string_view::npos) {
        if (random_.one_in(4)) {
          out_.non_native_code = true;
        } else {
          code = 'i';
        }
      }
      if (random_.one_in(3)) {
        out_.text += count_text();
      }
      out_.text += code;
    }
    if (random_.one_in(2)) {
      out_.text += ':';
      out_.text += name_text(names);
      out_.text += ':';
    } else {
      names.unnamed = true;
    }
    start_here();
  }

  random_source& random_;
  subset_format out_;
  char mark_ = '@';
};

inline subset_format generate_subset_format(random_source& random) {
  return subset_generator(random).draw();
}

// The format damaged in one place by any byte: cut short, one byte replaced, or one inserted.
inline std::string damaged_anyhow(std::string format, random_source& random) {
  const std::size_t at = random.below(format.size() + 1);
  const char byte = static_cast<char>(random.below(256));
  switch (random.below(3)) {
    case 0: format.resize(at); break;
    case 1:
      if (at < format.size()) {
        format[at] = byte;
      } else {
        format += byte;
      }
      break;
    default: format.insert(format.begin() + static_cast<std::ptrdiff_t>(at), byte); break;
  }
  return format;
}

}  // namespace pep3118_test

#endif
