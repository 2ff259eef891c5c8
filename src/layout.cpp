// The run-time layout: detail::placer's arithmetic and detail::field_walk's fields, collected
// into a pep3118::layout with paths as strings and pointer targets as canonical text.
#include <pep3118/layout.hpp>

#include <string>
#include <utility>
#include <vector>

#include <pep3118/print.hpp>

#include <pep3118/detail/field_walk.hpp>

#include "fast_path.hpp"
#include "layout_parts.hpp"

namespace pep3118 {

namespace {

using detail::field_view;
using detail::member_name;
using detail::path_segment;

std::string path_text(const std::vector<path_segment>& path, const member_name* last = nullptr) {
  std::string text;
  detail::render_path(path, last, text);
  return text;
}

// The sink of detail::field_walk that builds a pep3118::layout.
class layout_sink {
 public:
  layout_sink(const descriptor& desc, const target& tgt, layout& out) : desc_(desc), target_(tgt), out_(out) {
    // At most one field per node (an array of structs' entry is its struct's node): one
    // allocation for the fields instead of one per growth.
    out_.fields.reserve(desc.node_count());
  }

  void field(const field_view& v) {
    pep3118::field f;
    f.path = path_text(v.path);
    f.offset = v.offset;
    f.size = v.size;
    f.alignment = v.alignment;
    f.code = v.item.code;
    f.order = v.item.order;
    f.shape = detail::item_shape(desc_, v.item);
    f.node = v.id;
    f.depth = v.depth;
    if (!v.entry) {
      f.spelling = v.item.spelling;
      f.resolved_order = detail::resolved_order(v.item.code, v.item.order, target_);
      if (v.item.code == type_code::pointer) {
        f.points_to = canonical(desc_, desc_.target_of(v.item));
      } else if (v.item.code == type_code::function) {
        f.points_to = canonical_body(desc_, v.item);
      }
    }
    out_.fields.push_back(std::move(f));
  }

  void padding(std::int64_t offset, std::int64_t size, bool written, const std::vector<path_segment>& within,
               const member_name* before) {
    std::string before_text = before == nullptr ? std::string() : path_text(within, before);
    std::string within_text = path_text(within);
    if (!out_.paddings.empty() && detail::extends(out_.paddings.back(), offset, written, before_text, within_text)) {
      out_.paddings.back().size += size;
      return;
    }
    out_.paddings.push_back({offset, size, written, std::move(before_text), std::move(within_text)});
  }

 private:
  const descriptor& desc_;
  const target& target_;
  layout& out_;
};

}  // namespace

result<layout> layout_of(const descriptor& desc, const target& tgt) {
  layout out;
  detail::placer places(desc, tgt);
  layout_sink sink(desc, tgt, out);
  const detail::scope root = detail::field_walk<layout_sink>(places, sink).run();
  if (places.failed()) {
    return result<layout>({diagnostic{severity::error, places.error(), places.error_offset()}});
  }
  out.itemsize = root.size;
  out.alignment = root.alignment;
  return result<layout>(std::move(out), {});
}

std::int64_t element_count(const std::vector<std::int64_t>& shape) noexcept {
  std::int64_t count = 1;
  for (const std::int64_t dim : shape) {
    count *= dim;
  }
  return count;
}

result<layout> check(std::string_view format, const target& tgt, const parse_options& options) {
  return detail::fast_or_full<layout>(format, tgt, options, [](result<layout>&& full) { return std::move(full); });
}

namespace detail {

result<layout> full_check(std::string_view format, const target& tgt, const parse_options& options) {
  auto parsed = parse(format, options);
  if (!parsed) {
    return result<layout>(parsed.diagnostics());
  }
  auto laid_out = layout_of(parsed.value(), tgt);
  std::vector<diagnostic> diagnostics = parsed.diagnostics();
  diagnostics.insert(diagnostics.end(), laid_out.diagnostics().begin(), laid_out.diagnostics().end());
  if (!laid_out) {
    return result<layout>(std::move(diagnostics));
  }
  return result<layout>(std::move(laid_out).value(), std::move(diagnostics));
}

}  // namespace detail

}  // namespace pep3118
