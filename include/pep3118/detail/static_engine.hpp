// The compile-time engine: the constexpr interpreter over grammar/ into the shared builder,
// then the shared placement and field walk. Everything here is constexpr and also runs at run
// time, which is how tests/test_static.cpp and fuzz/engines.cpp hold it to the PEGTL engine.
#ifndef PEP3118_DETAIL_STATIC_ENGINE_HPP
#define PEP3118_DETAIL_STATIC_ENGINE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <pep3118/detail/descriptor_builder.hpp>
#include <pep3118/detail/field_walk.hpp>
#include <pep3118/detail/interpreter.hpp>
#include <pep3118/detail/placement.hpp>
#include <pep3118/diagnostic.hpp>
#include <pep3118/parse.hpp>
#include <pep3118/target.hpp>

namespace pep3118::detail {

struct static_outcome {
  bool ok = false;
  diagnostic error{severity::error, error_code::nul_byte, 0};  // the first error, when !ok
  std::int64_t itemsize = 0;
  std::int64_t alignment = 1;
};

// Parses and lays out `format`, handing every field and padding run to `sink` (see
// field_walk.hpp). The same verdict, error and layout as pep3118::check().
template <typename Sink>
constexpr static_outcome static_check(std::string_view format, const parse_options& options, const target& tgt,
                                      Sink& sink) {
  descriptor_builder builder(options);
  if (builder.begin(format.size())) {
    if (options.rules == rule_set::struct_) {
      interpret<grammar::struct_module::format>(format, builder);
    } else {
      interpret<grammar::format>(format, builder);
    }
  }
  builder.end();
  if (builder.failed()) {
    return {false, builder.error()};
  }
  placer places(builder.built(), tgt);
  const scope root = field_walk<Sink>(places, sink).run();
  if (places.failed()) {
    return {false, {severity::error, places.error(), places.error_offset()}};
  }
  return {true, {}, root.size, root.alignment};
}

// Sinks of the compile-time engine.

struct no_padding {
  constexpr void padding(std::int64_t, std::int64_t, bool, const std::vector<path_segment>&, const member_name*) {}
};

struct field_counter : no_padding {
  std::size_t count = 0;
  constexpr void field(const field_view&) { ++count; }
};

// An `out` for render_path that compares the path with a text instead of writing it.
class path_matcher {
 public:
  constexpr explicit path_matcher(std::string_view text) noexcept : text_(text) {}
  constexpr void push_back(char c) noexcept {
    same_ = same_ && next_ < text_.size() && text_[next_] == c;
    ++next_;
  }
  constexpr bool matched() const noexcept { return same_ && next_ == text_.size(); }

 private:
  std::string_view text_;
  std::size_t next_ = 0;
  bool same_ = true;
};

// The first field whose path is `path`, as layout().fields would list it.
struct field_finder : no_padding {
  std::string_view path;
  bool found = false;
  std::int64_t offset = 0;
  std::int64_t size = 0;
  constexpr void field(const field_view& v) {
    if (found) {
      return;
    }
    path_matcher matcher(path);
    render_path(v.path, nullptr, matcher);
    if (matcher.matched()) {
      found = true;
      offset = v.offset;
      size = v.size;
    }
  }
};

}  // namespace pep3118::detail

#endif
