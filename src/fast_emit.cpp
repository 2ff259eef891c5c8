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

// A name's text: the written bytes, or fN as render_name spells it, into a small buffer and
// then appended at once.
void append_name(std::string& out, const span_name& name, std::string_view format) {
  if (name.written) {
    out.append(format.substr(name.begin, name.size));
    return;
  }
  struct digits_buffer {
    char text[24];
    std::size_t size = 0;
    void push_back(char c) { text[size++] = c; }
  } generated;
  render_name(name.in(format), generated);
  out.append(generated.text, generated.size);
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
  // Absolute bases and depths; a scope comes after its parent.
  void scopes() {
    fast_scratch::scope& root = s_.scopes[0];
    root.base = 0;
    root.depth = 0;
    for (std::size_t k = 1; k < s_.scopes.size(); ++k) {
      fast_scratch::scope& s = s_.scopes[k];
      const fast_scratch::scope& parent = s_.scopes[s.parent];
      s.base = parent.base + s.offset;
      s.depth = unwrapped_scope(k) ? parent.depth : parent.depth + 1;
    }
  }

  // Writes the path of struct k into `out` (render_path's spelling: its members' names from the
  // top down, joined by dots); false when it has no segment (the root, the unwrapped struct).
  // Walking up the chain for each path costs the path's length, however deep the nesting.
  bool scope_path(std::size_t k, std::string& out) const {
    if (k == 0 || unwrapped_scope(k)) {
      out.clear();
      return false;
    }
    if (scope_path(s_.scopes[k].parent, out)) {
      out.push_back('.');
    }
    append_name(out, s_.scopes[k].name, format_);
    return true;
  }

  void member_path(std::size_t k, const span_name& name, std::string& out) const {
    if (scope_path(k, out)) {
      out.push_back('.');
    }
    append_name(out, name, format_);
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
        member_path(m.scope, m.name, f.path);
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
    paddings.reserve(s_.pads.size());  // the runs before merging: enough, in one allocation
    std::size_t n = 0;
    std::string& before = s_.text;
    std::string& within = s_.within;
    for (const fast_scratch::pad_run& run : s_.pads) {
      scope_path(run.scope, within);
      if (run.before.exists()) {
        member_path(run.scope, run.before, before);
      } else {
        before.clear();
      }
      if (n > 0 && extends(paddings[n - 1], run.offset, run.written, before, within)) {
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
      p.before.assign(before);
      p.within.assign(within);
    }
    paddings.resize(n);
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
