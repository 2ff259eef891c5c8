// The fast path's emission (fast_path.hpp): adds the structs' offsets up, renders the paths
// and writes the fields and padding runs into the layout in place, the runs sorted by offset
// and merged as the field walk's sink merges them.
#include <algorithm>
#include <string>

#include <pep3118/detail/codes.hpp>

#include "fast_records.hpp"
#include "layout_parts.hpp"

namespace pep3118::detail {

namespace {

// `std::string` as render_name's output, appending in place.
struct appender {
  std::string& text;
  void push_back(char c) { text.push_back(c); }
};

// The path of `name` in a struct whose path is `scope` (render_path's spelling).
void join(std::string& out, std::string_view scope_path, bool has_segments, const span_name& name,
          std::string_view format) {
  const std::string_view written = name.written ? format.substr(name.begin, name.size) : std::string_view();
  if (!has_segments) {  // the root's members, and the unwrapped struct's
    out.assign(written);
  } else {
    out.assign(scope_path);
    out.push_back('.');
    out.append(written);
  }
  if (name.written) {
    return;
  }
  appender to{out};
  render_name(name.in(format), to);
}

class emission {
 public:
  emission(std::string_view format, const target& tgt, fast_scratch& scratch, layout& out, bool unwrap)
      : format_(format), target_(tgt), s_(scratch), out_(out), unwrap_(unwrap) {}

  void run() {
    scopes();
    fields();
    paddings();
    out_.itemsize = s_.scopes[0].size;
    out_.alignment = s_.scopes[0].alignment;
  }

 private:
  // Absolute bases, depths and path texts; a scope comes after its parent.
  void scopes() {
    s_.paths.clear();
    fast_scratch::scope& root = s_.scopes[0];
    root.base = 0;
    root.depth = 0;
    root.has_segments = false;
    root.path_begin = 0;
    root.path_size = 0;
    for (std::size_t k = 1; k < s_.scopes.size(); ++k) {
      fast_scratch::scope& s = s_.scopes[k];
      const fast_scratch::scope& parent = s_.scopes[s.parent];
      const bool unwrapped = unwrapped_scope(k);
      s.base = parent.base + s.offset;
      s.depth = unwrapped ? parent.depth : parent.depth + 1;
      s.path_begin = static_cast<std::uint32_t>(s_.paths.size());
      if (unwrapped) {
        s.has_segments = false;
      } else {
        join(s_.text, path_of(parent), parent.has_segments, s.name, format_);
        s_.paths += s_.text;
        s.has_segments = true;
      }
      s.path_size = static_cast<std::uint32_t>(s_.paths.size() - s.path_begin);
    }
  }

  void fields() {
    std::vector<field>& fields = out_.fields;
    fields.reserve(s_.fields.size());  // no-op once the storage is as large
    std::size_t n = 0;
    for (const fast_scratch::member& m : s_.fields) {
      if (m.entry && unwrap_ && unwrapped_scope_node(m.node)) {
        continue;  // the unwrapped struct shows as its members only
      }
      if (n == fields.size()) {
        fields.emplace_back();
      }
      field& f = fields[n++];
      const fast_scratch::scope& s = s_.scopes[m.scope];
      if (unwrap_ && m.scope == 0) {
        f.path.clear();
      } else {
        join(f.path, path_of(s), s.has_segments, m.name, format_);
      }
      f.offset = s.base + m.offset;
      f.size = m.size;
      f.alignment = m.alignment;
      f.code = m.code;
      f.spelling = 0;
      f.order = m.order;
      f.resolved_order = m.entry ? field_order::none : resolved_order(m.code, m.order, target_);
      f.shape.clear();
      if (m.has_count && !count_is_length(m.code)) {
        f.shape.push_back(m.count);
      }
      f.points_to.clear();
      f.node = m.node;
      f.depth = s.depth;
    }
    fields.resize(n);
  }

  // In offset order, touching runs of the same kind merged, as the layout sink does.
  void paddings() {
    bool sorted = true;
    for (std::size_t k = 0; k < s_.pads.size(); ++k) {
      fast_scratch::pad_run& run = s_.pads[k];
      run.offset += s_.scopes[run.scope].base;
      sorted = sorted && (k == 0 || s_.pads[k - 1].offset < run.offset);
    }
    if (!sorted) {
      std::sort(s_.pads.begin(), s_.pads.end(),
                [](const fast_scratch::pad_run& a, const fast_scratch::pad_run& b) { return a.offset < b.offset; });
    }
    std::vector<padding>& paddings = out_.paddings;
    std::size_t n = 0;
    for (const fast_scratch::pad_run& run : s_.pads) {
      const fast_scratch::scope& s = s_.scopes[run.scope];
      const std::string_view within = path_of(s);
      if (run.before.exists()) {
        join(s_.text, within, s.has_segments, run.before, format_);
      } else {
        s_.text.clear();
      }
      if (n > 0 && extends(paddings[n - 1], run.offset, run.written, s_.text, within)) {
        paddings[n - 1].size += run.size;
        continue;
      }
      if (n == paddings.size()) {
        paddings.emplace_back();
      }
      padding& p = paddings[n++];
      p.offset = run.offset;
      p.size = run.size;
      p.written = run.written;
      p.before.assign(s_.text);
      p.within.assign(within);
    }
    paddings.resize(n);
  }

  std::string_view path_of(const fast_scratch::scope& s) const noexcept {
    return std::string_view(s_.paths).substr(s.path_begin, s.path_size);
  }

  // The lone top-level struct NumPy unwraps is the first scope after the root.
  bool unwrapped_scope(std::size_t k) const noexcept { return unwrap_ && k == 1 && s_.scopes[1].parent == 0; }
  bool unwrapped_scope_node(node_id node) const noexcept {
    return s_.scopes.size() > 1 && unwrapped_scope(1) && s_.scopes[1].node == node;
  }

  std::string_view format_;
  const target& target_;
  fast_scratch& s_;
  layout& out_;
  bool unwrap_;
};

}  // namespace

void emit_layout(std::string_view format, const target& tgt, fast_scratch& scratch, bool unwrap, layout& out) {
  emission(format, tgt, scratch, out, unwrap).run();
}

}  // namespace pep3118::detail
