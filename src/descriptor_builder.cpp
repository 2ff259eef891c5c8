#include "descriptor_builder.hpp"

#include <algorithm>
#include <utility>

#include <pep3118/target.hpp>

#include "codes.hpp"

namespace pep3118 {

namespace {

std::uint32_t narrow(std::size_t value) noexcept { return static_cast<std::uint32_t>(value); }

// ctypes writes native-only codes under '<' and '>' and means their native size. Pointers,
// function pointers and structs are never sized by a mark, and bits have no size at all.
bool lacks_standard_size(type_code code) noexcept {
  return code != type_code::pointer && code != type_code::function && code != type_code::structure &&
         code != type_code::bits && standard_size(code) == 0;
}

}  // namespace

descriptor_builder::descriptor_builder(const parse_options& options) : options_(options) {
  desc_.rules_ = options.rules;
  desc_.nodes_.emplace_back();  // the root: the top-level sequence as an implicit struct
  name_offsets_.push_back(0);
  frames_.push_back({0, 0});
}

void descriptor_builder::byte_order(char mark, std::size_t) { order_ = static_cast<pep3118::byte_order>(mark); }

void descriptor_builder::begin_shape(std::size_t offset) {
  if (prefix_offset_ == no_prefix) {
    prefix_offset_ = offset;
  }
}

void descriptor_builder::dim(std::int64_t value, std::size_t offset) {
  if (prefix_dims_.size() >= options_.max_dims) {
    fail(error_code::too_many_dims, offset);
    return;
  }
  prefix_dims_.push_back(value);
}

void descriptor_builder::count(std::int64_t value, std::size_t offset) {
  if (prefix_offset_ == no_prefix) {
    prefix_offset_ = offset;
  }
  prefix_count_ = value;
  count_offset_ = offset;
  has_count_ = true;
}

void descriptor_builder::code(type_code code, char spelling, std::size_t offset) {
  if (!uses_native_sizes(order_) && lacks_standard_size(code)) {
    warn(error_code::no_standard_size, offset);
  }
  open_item(code, spelling, offset);
}

node_id descriptor_builder::open_item(type_code code, char spelling, std::size_t body_offset) {
  // A repeat count is one more dimension; a length (s, p, x, t) is not.
  if (has_count_ && !detail::count_is_length(code) && prefix_dims_.size() >= options_.max_dims) {
    fail(error_code::too_many_dims, count_offset_);
  }
  node n;
  n.code = code;
  n.spelling = spelling;
  n.order = order_;
  n.end_order = order_;
  n.offset = narrow(prefix_offset_ == no_prefix ? body_offset : prefix_offset_);
  n.has_count = has_count_;
  n.count = prefix_count_;
  n.shape_begin = narrow(desc_.dims_.size());
  n.shape_size = narrow(prefix_dims_.size());
  desc_.dims_.insert(desc_.dims_.end(), prefix_dims_.begin(), prefix_dims_.end());

  const auto id = narrow(desc_.nodes_.size());
  desc_.nodes_.push_back(n);
  name_offsets_.push_back(0);
  children_.push_back(id);

  prefix_offset_ = no_prefix;
  prefix_dims_.clear();
  prefix_count_ = 1;
  has_count_ = false;
  return id;
}

void descriptor_builder::open_container(type_code code, std::size_t offset) {
  // frames_ holds the root too, so its size is the depth the new container would have.
  if (frames_.size() > std::min(options_.max_depth, max_depth_limit)) {
    fail(error_code::too_deep, offset);
    return;
  }
  const node_id id = open_item(code, 0, offset);
  frames_.push_back({id, children_.size()});
}

void descriptor_builder::close_container() {
  const frame f = frames_.back();
  check_unique_names(f);
  node& n = desc_.nodes_[f.container];
  n.end_order = order_;
  n.children_begin = narrow(desc_.links_.size());
  n.children_size = narrow(children_.size() - f.first_child);
  desc_.links_.insert(desc_.links_.end(), children_.begin() + static_cast<std::ptrdiff_t>(f.first_child), children_.end());
  children_.resize(f.first_child);
  frames_.pop_back();
}

void descriptor_builder::begin_struct(std::size_t offset) { open_container(type_code::structure, offset); }
void descriptor_builder::end_struct() { close_container(); }
void descriptor_builder::begin_pointer(std::size_t offset) { open_container(type_code::pointer, offset); }
void descriptor_builder::end_pointer() { close_container(); }
void descriptor_builder::begin_function(std::size_t offset) { open_container(type_code::function, offset); }
void descriptor_builder::end_function() { close_container(); }

void descriptor_builder::arrow() {
  const frame& f = frames_.back();
  node& n = desc_.nodes_[f.container];
  n.has_arrow = true;
  n.argument_count = narrow(children_.size() - f.first_child);
}

void descriptor_builder::name(std::string_view bytes, std::size_t offset) {
  // The grammar only reads a name right after an item of the innermost open container.
  const node_id id = children_.back();
  node& n = desc_.nodes_[id];
  n.has_name = true;
  n.name_begin = narrow(desc_.names_.size());
  n.name_size = narrow(bytes.size());
  desc_.names_.append(bytes);
  name_offsets_[id] = narrow(offset);
}

// Reported at the name that repeats an earlier one; when several do, at the first of them.
void descriptor_builder::check_unique_names(const frame& f) {
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

void descriptor_builder::warn(error_code code, std::size_t offset) {
  if (options_.strict) {
    fail(code, offset);
  } else {
    diagnostics_.push_back({severity::warning, code, offset});
  }
}

void descriptor_builder::fail(error_code code, std::size_t offset) {
  if (!failed_) {
    failed_ = true;
    diagnostics_.push_back({severity::error, code, offset});
  }
}

result<descriptor> descriptor_builder::finish() && {
  if (!failed_) {
    close_container();  // the root
  }
  if (failed_) {
    return result<descriptor>(std::move(diagnostics_));
  }
  return result<descriptor>(std::move(desc_), std::move(diagnostics_));
}

}  // namespace pep3118
