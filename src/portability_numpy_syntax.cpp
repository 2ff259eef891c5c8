// Where NumPy 1.24's parser (numpy.core._internal.__dtype_from_pep3118) stops on a format the
// pep3118 rules read, for reasons of syntax and type codes: a consumer of the grammar's events
// that follows NumPy's reading item by item, and a scan for whitespace.
//
// NumPy reads an item as: at most one shape, at most one mark, a count, a body, a name. So it
// refuses what pep3118 also allows: a mark before a shape (`<(2)i`), two shapes (`(2)(3)i`,
// which NumPy itself writes for nested sub-arrays), two marks in a row, and a mark with no item
// after it (`T{i<}`, `i<`, `@`).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include <pep3118/diagnostic.hpp>  // actions.hpp names error_code

#include <pep3118/detail/actions.hpp>
#include "control.hpp"
#include "portability_readers.hpp"

namespace pep3118::detail {

namespace {

// A NumPy sub-array has at most 32 dimensions (NPY_MAXDIMS). The count makes a sub-array of
// its own, which the shape's wraps: the limit holds for the shape alone.
constexpr std::size_t numpy_max_dims = 32;
// NumPy's parser recurses once per `T{`, and Python stops a recursion at 1000 frames, the
// caller's included: from a shallow caller 994 levels are read, 995 are not (measured).
constexpr std::size_t numpy_max_nesting = 990;

// A count NumPy folds into the type's size (S5, U3, V4) instead of making it a dimension.
bool count_is_folded(type_code code) noexcept {
  return code == type_code::bytes || code == type_code::ucs4 || code == type_code::pad;
}

bool is_standard_mark(char mark) noexcept { return mark != '@' && mark != '^'; }

// Why NumPy has no type for a code under the mark in force; nullopt when it has one.
std::optional<std::string> missing_type(type_code code, char spelling, char mark) {
  if (spelling != 0) return fmt::format("`{}`: NumPy spells complex numbers Zf, Zd, Zg", spelling);
  const std::string_view written = code_text(code);
  switch (code) {
    case type_code::ucs2: return "`u`: NumPy reads no UCS-2 strings (NotImplementedError)";
    case type_code::bits: return "`t`: NumPy reads no bit fields (NotImplementedError)";
    case type_code::ssize:
    case type_code::size:
    case type_code::void_pointer:
    case type_code::pascal_bytes:
    case type_code::char_pointer:
    case type_code::wchar_pointer:
    case type_code::complex_half:
      return fmt::format("`{}`: NumPy 1.24 has no type for this code", written);
    case type_code::long_double:
    case type_code::complex_long_double:
      if (is_standard_mark(mark)) {
        return fmt::format("`{}` under `{}`: NumPy reads long doubles only under `@` or `^`", written, mark);
      }
      return std::nullopt;
    default: return std::nullopt;
  }
}

// The grammar's events (detail/actions.hpp), read as NumPy reads the text. Keeps the first
// refusal: the events come in source order, as NumPy reads.
class numpy_syntax {
 public:
  void byte_order(char mark, std::size_t offset) {
    start_item(offset);
    if (marks_ > 0) refuse(offset, "two byte-order marks in a row: NumPy reads one per item");
    ++marks_;
    pending_mark_ = offset;
    mark_ = mark == '!' ? '>' : mark;
  }

  void begin_shape(std::size_t offset) {
    start_item(offset);
    if (shapes_ > 0) refuse(offset, "two shapes on one item: NumPy reads one (write (2,3), not (2)(3))");
    if (marks_ > 0) refuse(offset, "a byte-order mark before a shape: NumPy reads the shape first (write (2)<i)");
    ++shapes_;
  }

  void dim(std::int64_t value, std::size_t offset) {
    check_dim(value, offset);
    if (++dims_ > numpy_max_dims) {
      refuse(item_offset_, fmt::format("a shape of more than {} dimensions: NumPy's limit", numpy_max_dims));
    }
  }

  void count(std::int64_t value, std::size_t offset) {
    start_item(offset);
    count_ = value;
    count_offset_ = offset;
  }

  void code(type_code code, char spelling, std::size_t offset) {
    start_item(offset);
    if (std::optional<std::string> missing = missing_type(code, spelling, mark_)) {
      refuse(offset, std::move(*missing));
    }
    body(code);
  }

  void begin_struct(std::size_t offset) {
    start_item(offset);
    body(type_code::structure);
    if (++depth_ > numpy_max_nesting) {
      refuse(offset, fmt::format("more than {} nested T{{: Python's recursion limit stops NumPy's parser",
                                 numpy_max_nesting));
    }
  }

  void end_struct() {
    refuse_pending_mark();
    --depth_;
  }

  void begin_pointer(std::size_t offset) { refuse(offset, "`&`: NumPy reads no pointers (NotImplementedError)"); }
  void begin_function(std::size_t offset) {
    refuse(offset, "`X{}`: NumPy reads no function pointers (NotImplementedError)");
  }
  void end_pointer() {}
  void arrow() {}
  void end_function() {}
  void name(std::string_view, std::size_t) {}
  void warn(error_code, std::size_t) {}
  // Never called for a format the pep3118 rules read; kept so that a failure would stop.
  void fail(error_code, std::size_t) { failed_ = true; }
  bool failed() const noexcept { return failed_; }

  std::optional<refusal> finish() {
    refuse_pending_mark();
    return std::move(first_);
  }

 private:
  // The first event of an item's prefix: where refusals of the whole item point.
  void start_item(std::size_t offset) {
    if (!in_prefix_) item_offset_ = offset;
    in_prefix_ = true;
  }

  void check_dim(std::int64_t value, std::size_t offset) {
    if (value > numpy_int_max) refuse(offset, "a dimension above 2^31-1: NumPy keeps dimensions in a C int");
  }

  // The body starts: the prefix is complete.
  void body(type_code code) {
    // NumPy wraps the element in the count's sub-array, then in the shape's; a sub-array of
    // zero elements has no fields and size 0, which NumPy takes for a type without a size.
    if (shapes_ > 0 && count_ == 0) {
      refuse(item_offset_, "a shape on a count of 0: NumPy cannot build a sub-array of an empty sub-array "
                           "(invalid itemsize in generic type tuple)");
    }
    if (count_ && *count_ != 1) {
      if (!count_is_folded(code)) {
        check_dim(*count_, count_offset_);
      } else if (*count_ > numpy_int_max / (code == type_code::ucs4 ? 4 : 1)) {
        refuse(count_offset_, "a string or padding of more than 2^31-1 bytes: NumPy keeps sizes in a C int");
      }
    }
    in_prefix_ = false;
    shapes_ = marks_ = dims_ = 0;
    count_.reset();
    pending_mark_.reset();
  }

  void refuse_pending_mark() {
    if (pending_mark_) refuse(*pending_mark_, "a byte-order mark with no item after it: NumPy needs one");
    pending_mark_.reset();
    marks_ = 0;
    in_prefix_ = false;
  }

  void refuse(std::size_t offset, std::string reason) {
    if (!first_) first_ = refusal{offset, std::move(reason)};
  }

  char mark_ = '@';  // in force, sticky across '}' as in NumPy
  std::size_t depth_ = 0;
  bool in_prefix_ = false;
  std::size_t item_offset_ = 0;
  std::size_t shapes_ = 0;
  std::size_t marks_ = 0;
  std::size_t dims_ = 0;
  std::optional<std::int64_t> count_;
  std::size_t count_offset_ = 0;
  std::optional<std::size_t> pending_mark_;  // a mark no body has followed yet
  std::optional<refusal> first_;
  bool failed_ = false;
};

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// NumPy's parser reads whitespace only inside a name (as part of it) and inside a shape (where
// Python's int() strips it around each dimension). A ':' opens or closes a name: in a format
// the pep3118 rules read, names hold no ':', and nothing else does.
std::optional<refusal> whitespace_refusal(std::string_view format) {
  bool in_name = false;
  bool in_shape = false;
  for (std::size_t at = 0; at < format.size(); ++at) {
    const char c = format[at];
    if (c == ':') in_name = !in_name;
    if (in_name) continue;
    if (c == '(') in_shape = true;
    if (c == ')') in_shape = false;
    if (is_space(c) && !in_shape) {
      return refusal{at, "whitespace outside a shape or a name (np.asarray strips it first; pybind11 does not)"};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<refusal> numpy_syntax_refusal(std::string_view format) {
  numpy_syntax reader;
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(format.data(), format.size(), "");
  (void)tao::pegtl::parse<grammar::format, action, control>(in, reader);
  std::optional<refusal> syntax = reader.finish();
  std::optional<refusal> space = whitespace_refusal(format);
  // NumPy reads from the left: the earlier of the two is where it stops.
  if (syntax && space) return *space->offset < *syntax->offset ? space : syntax;
  return syntax ? syntax : space;
}

}  // namespace pep3118::detail
