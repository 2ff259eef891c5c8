// The consumer that builds a descriptor from the grammar's events: the one builder behind
// both engines, PEGTL's at run time (parse.cpp) and the constexpr interpreter at compile time
// (static.hpp), so both accept and reject exactly the same formats.
#ifndef PEP3118_DETAIL_DESCRIPTOR_BUILDER_HPP
#define PEP3118_DETAIL_DESCRIPTOR_BUILDER_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include <pep3118/descriptor.hpp>
#include <pep3118/detail/codes.hpp>
#include <pep3118/detail/config.hpp>
#include <pep3118/diagnostic.hpp>
#include <pep3118/parse.hpp>
#include <pep3118/result.hpp>
#include <pep3118/target.hpp>

namespace pep3118 {

class descriptor_builder {
 public:
  PEP3118_CONSTEXPR20 explicit descriptor_builder(const parse_options& options);

  // Before the parse: false, and the error format_too_long, when the format is longer than
  // nodes can record offsets for (32 bits); else room is reserved so that a short format
  // parses with a few allocations instead of one per growth of each array.
  PEP3118_CONSTEXPR20 bool begin(std::size_t length);

  PEP3118_CONSTEXPR20 void byte_order(char mark, std::size_t offset);
  PEP3118_CONSTEXPR20 void begin_shape(std::size_t offset);
  PEP3118_CONSTEXPR20 void dim(std::int64_t value, std::size_t offset);
  PEP3118_CONSTEXPR20 void count(std::int64_t value, std::size_t offset);
  PEP3118_CONSTEXPR20 void code(type_code code, char spelling, std::size_t offset);
  PEP3118_CONSTEXPR20 void begin_struct(std::size_t offset);
  PEP3118_CONSTEXPR20 void end_struct();
  PEP3118_CONSTEXPR20 void begin_pointer(std::size_t offset);
  PEP3118_CONSTEXPR20 void end_pointer();
  PEP3118_CONSTEXPR20 void begin_function(std::size_t offset);
  PEP3118_CONSTEXPR20 void arrow();
  PEP3118_CONSTEXPR20 void end_function();
  PEP3118_CONSTEXPR20 void name(std::string_view bytes, std::size_t offset);
  PEP3118_CONSTEXPR20 void warn(error_code code, std::size_t offset);
  PEP3118_CONSTEXPR20 void fail(error_code code, std::size_t offset);
  PEP3118_CONSTEXPR20 bool failed() const noexcept { return failed_; }

  // The end of the input: closes the top-level sequence unless the parse failed.
  PEP3118_CONSTEXPR20 void end();
  // After end(): the first error, when failed(); else the descriptor.
  PEP3118_CONSTEXPR20 const diagnostic& error() const noexcept { return error_; }
  PEP3118_CONSTEXPR20 const descriptor& built() const noexcept { return desc_; }

  // end(), then the descriptor or the first error (with the warnings found before it).
  result<descriptor> finish() &&;

 private:
  struct frame {
    node_id container;
    std::size_t first_child;  // index into children_
  };

  PEP3118_CONSTEXPR20 node_id open_item(type_code code, char spelling, std::size_t body_offset);
  PEP3118_CONSTEXPR20 void open_container(type_code code, std::size_t offset);
  PEP3118_CONSTEXPR20 void close_container();
  PEP3118_CONSTEXPR20 void check_unique_names(const frame& f);

  const parse_options options_;
  descriptor desc_;
  pep3118::byte_order order_ = pep3118::byte_order::native;
  std::vector<frame> frames_;
  std::vector<node_id> children_;         // members of the open containers, innermost last
  std::vector<std::uint32_t> name_offsets_;  // by node: where its name starts in the source
  std::vector<diagnostic> diagnostics_;
  bool failed_ = false;
  diagnostic error_{severity::error, error_code::nul_byte, 0};

  // The prefix of the item being read, until its body opens it.
  static constexpr std::size_t no_prefix = static_cast<std::size_t>(-1);
  std::size_t prefix_offset_ = no_prefix;
  std::vector<std::int64_t> prefix_dims_;
  std::int64_t prefix_count_ = 1;
  std::size_t count_offset_ = 0;
  bool has_count_ = false;

  // Scratch for the duplicate-name check, reused across structs.
  std::vector<std::pair<std::string_view, std::uint32_t>> names_scratch_;
};

namespace detail {

constexpr std::uint32_t narrow(std::size_t value) noexcept { return static_cast<std::uint32_t>(value); }

// ctypes writes native-only codes under '<' and '>' and means their native size. Pointers,
// function pointers and structs are never sized by a mark, and bits have no size at all.
constexpr bool lacks_standard_size(type_code code) noexcept {
  return code != type_code::pointer && code != type_code::function && code != type_code::structure &&
         code != type_code::bits && standard_size(code) == 0;
}

}  // namespace detail

inline PEP3118_CONSTEXPR20 descriptor_builder::descriptor_builder(const parse_options& options) : options_(options) {
  desc_.rules_ = options.rules;
  desc_.nodes_.emplace_back();  // the root: the top-level sequence as an implicit struct
  name_offsets_.push_back(0);
  frames_.push_back({0, 0});
}

inline PEP3118_CONSTEXPR20 bool descriptor_builder::begin(std::size_t length) {
  if (length >= std::numeric_limits<std::uint32_t>::max()) {
    fail(error_code::format_too_long, 0);
    return false;
  }
  // Every item takes at least one byte of the format, so a short format never outgrows this.
  // Long formats grow as they go: reserving for their worst case would waste most of it.
  constexpr std::size_t short_format = 64;
  const std::size_t items = std::min(length, short_format) + 1;
  desc_.nodes_.reserve(items);
  desc_.links_.reserve(items);
  desc_.names_.reserve(std::min(length, short_format));
  name_offsets_.reserve(items);
  children_.reserve(items);
  return true;
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::byte_order(char mark, std::size_t) { order_ = static_cast<pep3118::byte_order>(mark); }

inline PEP3118_CONSTEXPR20 void descriptor_builder::begin_shape(std::size_t offset) {
  if (prefix_offset_ == no_prefix) {
    prefix_offset_ = offset;
  }
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::dim(std::int64_t value, std::size_t offset) {
  if (prefix_dims_.size() >= options_.max_dims) {
    fail(error_code::too_many_dims, offset);
    return;
  }
  prefix_dims_.push_back(value);
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::count(std::int64_t value, std::size_t offset) {
  if (prefix_offset_ == no_prefix) {
    prefix_offset_ = offset;
  }
  prefix_count_ = value;
  count_offset_ = offset;
  has_count_ = true;
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::code(type_code code, char spelling, std::size_t offset) {
  if (!uses_native_sizes(order_) && detail::lacks_standard_size(code)) {
    warn(error_code::no_standard_size, offset);
  }
  open_item(code, spelling, offset);
}

inline PEP3118_CONSTEXPR20 node_id descriptor_builder::open_item(type_code code, char spelling, std::size_t body_offset) {
  // A repeat count is one more dimension; a length (s, p, x, t) is not.
  if (has_count_ && !detail::count_is_length(code) && prefix_dims_.size() >= options_.max_dims) {
    fail(error_code::too_many_dims, count_offset_);
  }
  node n;
  n.code = code;
  n.spelling = spelling;
  n.order = order_;
  n.end_order = order_;
  n.offset = detail::narrow(prefix_offset_ == no_prefix ? body_offset : prefix_offset_);
  n.has_count = has_count_;
  n.count = prefix_count_;
  n.shape_begin = detail::narrow(desc_.dims_.size());
  n.shape_size = detail::narrow(prefix_dims_.size());
  desc_.dims_.insert(desc_.dims_.end(), prefix_dims_.begin(), prefix_dims_.end());

  const auto id = detail::narrow(desc_.nodes_.size());
  desc_.nodes_.push_back(n);
  name_offsets_.push_back(0);
  children_.push_back(id);

  prefix_offset_ = no_prefix;
  prefix_dims_.clear();
  prefix_count_ = 1;
  has_count_ = false;
  return id;
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::open_container(type_code code, std::size_t offset) {
  // frames_ holds the root too, so its size is the depth the new container would have.
  if (frames_.size() > std::min(options_.max_depth, max_depth_limit)) {
    fail(error_code::too_deep, offset);
    return;
  }
  const node_id id = open_item(code, 0, offset);
  frames_.push_back({id, children_.size()});
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::close_container() {
  const frame f = frames_.back();
  check_unique_names(f);
  node& n = desc_.nodes_[f.container];
  n.end_order = order_;
  n.children_begin = detail::narrow(desc_.links_.size());
  n.children_size = detail::narrow(children_.size() - f.first_child);
  desc_.links_.insert(desc_.links_.end(), children_.begin() + static_cast<std::ptrdiff_t>(f.first_child), children_.end());
  children_.resize(f.first_child);
  frames_.pop_back();
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::begin_struct(std::size_t offset) { open_container(type_code::structure, offset); }
inline PEP3118_CONSTEXPR20 void descriptor_builder::end_struct() { close_container(); }
inline PEP3118_CONSTEXPR20 void descriptor_builder::begin_pointer(std::size_t offset) { open_container(type_code::pointer, offset); }
inline PEP3118_CONSTEXPR20 void descriptor_builder::end_pointer() { close_container(); }
inline PEP3118_CONSTEXPR20 void descriptor_builder::begin_function(std::size_t offset) { open_container(type_code::function, offset); }
inline PEP3118_CONSTEXPR20 void descriptor_builder::end_function() { close_container(); }

inline PEP3118_CONSTEXPR20 void descriptor_builder::arrow() {
  const frame& f = frames_.back();
  node& n = desc_.nodes_[f.container];
  n.has_arrow = true;
  n.argument_count = detail::narrow(children_.size() - f.first_child);
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::name(std::string_view bytes, std::size_t offset) {
  // The grammar only reads a name right after an item of the innermost open container.
  const node_id id = children_.back();
  node& n = desc_.nodes_[id];
  n.has_name = true;
  n.name_begin = detail::narrow(desc_.names_.size());
  n.name_size = detail::narrow(bytes.size());
  desc_.names_.insert(desc_.names_.end(), bytes.begin(), bytes.end());
  name_offsets_[id] = detail::narrow(offset);
}

// Reported at the name that repeats an earlier one; when several do, at the first of them.
inline PEP3118_CONSTEXPR20 void descriptor_builder::check_unique_names(const frame& f) {
  names_scratch_.clear();
  for (std::size_t i = f.first_child; i < children_.size(); ++i) {
    const node& n = desc_.nodes_[children_[i]];
    if (n.has_name) {
      names_scratch_.emplace_back(desc_.name(n), name_offsets_[children_[i]]);
    }
  }
  std::sort(names_scratch_.begin(), names_scratch_.end());
  std::uint32_t first_repeat = 0;
  bool repeated = false;
  for (std::size_t i = 1; i < names_scratch_.size(); ++i) {
    const bool second_of_its_name = names_scratch_[i].first == names_scratch_[i - 1].first &&
                                    (i < 2 || names_scratch_[i - 2].first != names_scratch_[i].first);
    if (second_of_its_name && (!repeated || names_scratch_[i].second < first_repeat)) {
      first_repeat = names_scratch_[i].second;
      repeated = true;
    }
  }
  if (repeated) {
    fail(error_code::duplicate_name, first_repeat);
  }
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::warn(error_code code, std::size_t offset) {
  if (options_.strict) {
    fail(code, offset);
  } else {
    diagnostics_.push_back({severity::warning, code, offset});
  }
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::fail(error_code code, std::size_t offset) {
  if (!failed_) {
    failed_ = true;
    error_ = {severity::error, code, offset};
    diagnostics_.push_back(error_);
  }
}

inline PEP3118_CONSTEXPR20 void descriptor_builder::end() {
  if (!failed_) {
    close_container();  // the root
  }
}

inline result<descriptor> descriptor_builder::finish() && {
  end();
  if (failed_) {
    return result<descriptor>(std::move(diagnostics_));
  }
  return result<descriptor>(std::move(desc_), std::move(diagnostics_));
}

}  // namespace pep3118

#endif
