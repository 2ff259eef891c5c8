// A fixed-seed generator of valid format strings over the whole pep3118 language, and of other
// spellings of the same descriptor, for property tests (tests/test_canonical.cpp).
//
// A format is drawn as a tree (what the descriptor will hold), then spelled as text. Spelling
// `plain` writes each token once with nothing between (but the blank a bare z or Z needs before
// what follows); spelling `respelled` writes the same descriptor another way the language
// allows: whitespace between tokens, redundant marks, `!` for `>`, `F D G` for `Zf Zd Zg` (and
// back), `(2)(3)` for `(2,3)`, a mark moved among the shapes, leading zeros in numbers.
#ifndef PEP3118_TESTS_FORMAT_GENERATOR_HPP
#define PEP3118_TESTS_FORMAT_GENERATOR_HPP

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pep3118_test {

// How many cases each property test draws: PEP3118_GENERATED_CASES, default 3000.
inline std::size_t generated_case_count() {
  const char* set = std::getenv("PEP3118_GENERATED_CASES");
  if (set == nullptr || *set == '\0') return 3000;
  return static_cast<std::size_t>(std::strtoull(set, nullptr, 10));
}

// Draws that are the same on every platform: the standard fixes mt19937_64's output but not
// what its distributions make of it, so draws are taken from the raw output.
class random_source {
 public:
  explicit random_source(std::uint64_t seed) : engine_(seed) {}

  // One of 0 .. n-1 (n > 0); the modulo bias is irrelevant here.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
  bool one_in(std::size_t n) { return below(n) == 0; }
  template <typename Container>
  const auto& pick(const Container& from) {
    return from[below(from.size())];
  }

 private:
  std::mt19937_64 engine_;
};

// The seed of case `index` of a test: every case can be replayed alone.
inline std::uint64_t case_seed(std::uint64_t test_seed, std::size_t index) {
  return test_seed * 0x9e3779b97f4a7c15ULL + index;
}

namespace generated {

// One item as the descriptor holds it.
struct item {
  char mark = 0;  // a byte-order mark that takes effect at this item ('@' '=' '<' '>' '^'), or 0
  std::vector<std::int64_t> shape;
  std::optional<std::int64_t> count;
  std::string code;           // "i", "Zf", "F", "z", ...; "T", "&" and "X" for the composites
  std::vector<item> members;  // T: the members; X: the arguments; &: the target, alone
  std::vector<item> returns;  // X, after `->`
  bool arrow = false;         // X: `->` is written, and at least one return
  char end_mark = 0;          // T, X: a mark just before the '}', or 0
  std::optional<std::string> name;
};

struct format {
  std::vector<item> items;
  char end_mark = 0;  // a mark at the very end, or 0
};

}  // namespace generated

// What formats are drawn from.
struct vocabulary {
  std::vector<std::string> codes;  // the bodies of items that are not T, & or X
  std::string marks;               // '!' is a spelling of '>', not listed
  std::vector<std::string> names;
  std::size_t max_items = 4;  // in one sequence
  std::size_t max_depth = 3;  // T, & and X nested
  bool composites = true;
  std::size_t shape_one_in = 5;  // an item has a shape with probability 1/shape_one_in
  std::size_t count_one_in = 4;
  std::size_t name_one_in = 3;
  std::size_t mark_one_in = 4;
  std::int64_t max_dim = 3;
  std::int64_t max_count = 3;  // of a repeat; lengths (s, p, x, t) go to 9
};

// Every code, mark, name and construct of the language. `t` (bit fields) parses but has no
// layout; leave it out for tests that lay formats out or compare them.
inline vocabulary whole_language(bool with_bit_fields) {
  vocabulary words;
  words.codes = {"x", "c", "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "e",
                 "f", "d", "g", "s", "p", "P", "O", "u", "w", "Zf", "Zd", "Zg", "Ze", "F", "D",
                 "G", "z", "Z"};
  if (with_bit_fields) words.codes.push_back("t");
  words.marks = "@=<>^";
  // NumPy's own names (f0, f1) collide with the automatic ones; the others test that any
  // UTF-8 but ':' is a name, the empty name included.
  words.names = {"a", "b", "count", "f0", "f1", "", " ", "two words", "\t", "}", "T{i}", "->",
                 "\xc3\xa9", "\xe6\x97\xa5\xe6\x9c\xac", "\xf0\x9d\x84\x9e"};
  return words;
}

// A few codes that alias each other on some targets (l is q on x86-64, = is < there), short
// formats: two draws are often the same descriptor, or differ in one small way.
inline vocabulary few_words() {
  vocabulary words;
  words.codes = {"i", "l", "q"};
  words.marks = "@<=";
  words.names = {"a"};
  words.max_items = 2;
  words.max_depth = 1;
  words.shape_one_in = 4;
  words.count_one_in = 4;
  words.name_one_in = 6;
  words.mark_one_in = 3;
  words.max_dim = 2;
  words.max_count = 2;
  return words;
}

// Draws the tree of a valid format.
class tree_generator {
 public:
  tree_generator(const vocabulary& words, random_source& random)
      : words_(words), random_(random) {}

  generated::format format() {
    generated::format drawn;
    drawn.items = sequence(0, 1);
    drawn.end_mark = maybe_mark();
    return drawn;
  }

 private:
  // Names are unique among the items of one sequence (a struct, the top level, or a function's
  // arguments and returns together).
  using name_scope = std::set<std::string>;

  std::vector<generated::item> sequence(std::size_t depth, std::size_t min_items) {
    name_scope names;
    return items(depth, min_items, names);
  }

  std::vector<generated::item> items(std::size_t depth, std::size_t min_items, name_scope& names) {
    std::vector<generated::item> drawn;
    std::size_t count = min_items + random_.below(words_.max_items + 1 - min_items);
    for (std::size_t i = 0; i < count; ++i) drawn.push_back(item(depth, &names));
    return drawn;
  }

  char maybe_mark() {
    return random_.one_in(words_.mark_one_in) ? random_.pick(words_.marks) : char{0};
  }

  // `names` is null for a pointer's target, which has no name of its own.
  generated::item item(std::size_t depth, name_scope* names) {
    generated::item drawn;
    drawn.mark = maybe_mark();
    if (random_.one_in(words_.shape_one_in)) {
      std::size_t dims = 1 + random_.below(2);
      std::size_t dim_values = static_cast<std::size_t>(words_.max_dim) + 1;
      for (std::size_t i = 0; i < dims; ++i)
        drawn.shape.push_back(static_cast<std::int64_t>(random_.below(dim_values)));
    }
    body(drawn, depth);
    if (random_.one_in(words_.count_one_in)) {
      // s, p and x counts are byte lengths, t counts are bits: let them be longer.
      bool is_length =
          drawn.code == "s" || drawn.code == "p" || drawn.code == "x" || drawn.code == "t";
      std::int64_t most = is_length ? 9 : words_.max_count;
      drawn.count = static_cast<std::int64_t>(random_.below(static_cast<std::size_t>(most) + 1));
    }
    if (names != nullptr && random_.one_in(words_.name_one_in)) {
      const std::string& name = random_.pick(words_.names);
      if (names->insert(name).second) drawn.name = name;
    }
    return drawn;
  }

  void body(generated::item& drawn, std::size_t depth) {
    bool nests = words_.composites && depth < words_.max_depth && random_.one_in(4);
    if (!nests) {
      drawn.code = random_.pick(words_.codes);
      return;
    }
    switch (random_.below(3)) {
      case 0:
        drawn.code = "T";
        drawn.members = sequence(depth + 1, 0);
        drawn.end_mark = maybe_mark();
        return;
      case 1:
        drawn.code = "&";
        drawn.members.push_back(item(depth + 1, nullptr));
        return;
      default: {
        drawn.code = "X";
        name_scope signature;
        drawn.members = items(depth + 1, 0, signature);
        drawn.arrow = random_.one_in(2);
        // `->` needs a return item after it (marks alone are missing_return).
        if (drawn.arrow) drawn.returns = items(depth + 1, 1, signature);
        drawn.end_mark = maybe_mark();
        return;
      }
    }
  }

  const vocabulary& words_;
  random_source& random_;
};

enum class spelling { plain, respelled };

// Writes a tree as text. `respelled` draws its choices from `random`; `plain` draws nothing.
class format_speller {
 public:
  format_speller(spelling style, random_source& random) : style_(style), random_(random) {}

  std::string spell(const generated::format& drawn) {
    for (const generated::item& one : drawn.items) item(one, true);
    redundant_marks();
    if (drawn.end_mark != 0) mark(drawn.end_mark);
    redundant_marks();
    if (respelling() && random_.one_in(3)) out_ += whitespace();
    return std::move(out_);
  }

 private:
  bool respelling() const noexcept { return style_ == spelling::respelled; }

  std::string whitespace() {
    static constexpr std::string_view blanks = " \t\n\r\v\f";
    std::string drawn(1, blanks[random_.below(blanks.size())]);
    if (random_.one_in(4)) drawn += ' ';
    return drawn;
  }

  // Every token goes out through here. A bare z or Z must end its item: only ':', '}', '->'
  // or whitespace may follow it.
  void token(std::string_view text) {
    bool needs_blank = after_pointer_code_ && text.find_first_of(":}-") != 0;
    after_pointer_code_ = false;
    if (needs_blank) {
      out_ += ' ';
    } else if (respelling() && random_.one_in(4)) {
      out_ += whitespace();
    }
    out_ += text;
  }

  void number(std::int64_t value) {
    std::string digits = std::to_string(value);
    if (respelling() && random_.one_in(6)) digits.insert(0, 1 + random_.below(2), '0');
    token(digits);
  }

  void mark(char wanted) {
    in_force_ = wanted;
    token(std::string(1, wanted == '>' && respelling() && random_.one_in(2) ? '!' : wanted));
  }

  // The mark already in force, written again (a no-op), now and then.
  void redundant_marks() {
    while (respelling() && random_.one_in(6)) mark(in_force_);
  }

  void item(const generated::item& one, bool with_name) {
    redundant_marks();
    // The item's mark may stand before the shapes or after any group of them.
    std::vector<std::vector<std::int64_t>> groups = shape_groups(one.shape);
    std::size_t mark_at = respelling() ? random_.below(groups.size() + 1) : 0;
    for (std::size_t g = 0; g <= groups.size(); ++g) {
      if (g == mark_at && one.mark != 0) mark(one.mark);
      if (g > 0) redundant_marks();
      if (g < groups.size()) shape(groups[g]);
    }
    if (one.count) number(*one.count);
    body(one);
    if (with_name && one.name) {
      token(":");
      out_ += *one.name;
      out_ += ':';
    }
  }

  // (2,3) as one group; respelled, split at random: (2)(3).
  std::vector<std::vector<std::int64_t>> shape_groups(const std::vector<std::int64_t>& dims) {
    std::vector<std::vector<std::int64_t>> groups;
    for (std::int64_t dim : dims) {
      if (groups.empty() || (respelling() && random_.one_in(2))) groups.emplace_back();
      groups.back().push_back(dim);
    }
    return groups;
  }

  void shape(const std::vector<std::int64_t>& dims) {
    token("(");
    for (std::size_t i = 0; i < dims.size(); ++i) {
      if (i > 0) token(",");
      number(dims[i]);
    }
    token(")");
  }

  void members(const std::vector<generated::item>& items) {
    for (const generated::item& one : items) item(one, true);
    redundant_marks();
  }

  void body(const generated::item& one) {
    if (one.code == "T") {
      token("T{");
      members(one.members);
      close(one.end_mark);
    } else if (one.code == "&") {
      token("&");
      item(one.members.front(), false);
    } else if (one.code == "X") {
      token("X{");
      members(one.members);
      if (one.arrow) {
        token("->");
        members(one.returns);
      }
      close(one.end_mark);
    } else {
      token(code_spelling(one.code));
      after_pointer_code_ = one.code == "z" || one.code == "Z";
    }
  }

  void close(char end_mark) {
    if (end_mark != 0) mark(end_mark);
    redundant_marks();
    token("}");
  }

  // F, D, G and Zf, Zd, Zg are one code each: respelled, either may stand for the other.
  std::string code_spelling(const std::string& code) {
    static constexpr std::string_view pairs[][2] = {{"Zf", "F"}, {"Zd", "D"}, {"Zg", "G"}};
    if (!respelling() || !random_.one_in(2)) return code;
    for (const auto& pair : pairs) {
      if (code == pair[0]) return std::string(pair[1]);
      if (code == pair[1]) return std::string(pair[0]);
    }
    return code;
  }

  spelling style_;
  random_source& random_;
  std::string out_;
  char in_force_ = '@';
  bool after_pointer_code_ = false;
};

// A valid format drawn from `words`.
inline std::string generate_format(const vocabulary& words, random_source& random,
                                   spelling style = spelling::plain) {
  generated::format drawn = tree_generator(words, random).format();
  return format_speller(style, random).spell(drawn);
}

}  // namespace pep3118_test

#endif
