// The fast path's scan (fast_path.hpp): reads the format once and places every member as it
// goes, with the arithmetic of detail::placer, restated for a reader that cannot look ahead:
// a struct's alignment, its name and whether its members need generated names are known only
// at its '}', and a lone unnamed top-level item is unwrapped only when the format ends. So
// offsets stay relative to their struct, names are spans of the format, and a padding run's
// `before` waits for the next field of its struct (fast_records.hpp).
#include <algorithm>
#include <array>
#include <limits>

#include <pep3118/grammar.hpp>

#include <pep3118/detail/checked.hpp>
#include <pep3118/detail/codes.hpp>
#include <pep3118/detail/descriptor_builder.hpp>

#include "fast_records.hpp"

namespace pep3118::detail {

namespace {

// What a byte means where an item may start.
enum class byte_class : unsigned char {
  unknown,  // starts nothing: the full engine reports unknown_code here too
  mark,
  digit,
  code,
  other,    // the full engine reads it (whitespace, '(', '&', 'X', 'Z', 'z', 'F', ':', NUL, ...)
};

// A byte's class and, for a code, what the scan asks of it: one load per byte.
struct byte_info {
  byte_class what = byte_class::unknown;
  type_code code = type_code::int_;
  std::int64_t standard = 0;   // standard_size(code)
  bool length = false;         // count_is_length(code)
  bool native_only = false;    // lacks_standard_size(code): warns under a standard mark
  bool declined = false;       // t: bitfield_layout is the full engine's
};

template <char... Cs>
constexpr void classify(std::array<byte_info, 256>& table, byte_class as, const tao::pegtl::ascii::one<Cs...>*) {
  ((table[static_cast<unsigned char>(Cs)].what = as), ...);
}

// From the grammar's own rules, so that the two readers cannot disagree on what a code is.
constexpr std::array<byte_info, 256> make_byte_infos() {
  std::array<byte_info, 256> table{};
  classify(table, byte_class::other, static_cast<const grammar::ws*>(nullptr));
  classify(table, byte_class::other, static_cast<const grammar::complex_spelling*>(nullptr));
  for (const char c : std::string_view("(&TXZz:}\0", 9)) {
    table[static_cast<unsigned char>(c)].what = byte_class::other;
  }
  classify(table, byte_class::mark, static_cast<const grammar::byte_order*>(nullptr));
  classify(table, byte_class::code, static_cast<const grammar::simple_code*>(nullptr));
  for (char c = '0'; c <= '9'; ++c) {
    table[static_cast<unsigned char>(c)].what = byte_class::digit;
  }
  for (std::size_t byte = 0; byte < table.size(); ++byte) {
    byte_info& info = table[byte];
    if (info.what == byte_class::code) {
      info.code = code_from_char(static_cast<char>(byte));
      info.standard = standard_size(info.code);
      info.length = count_is_length(info.code);
      info.native_only = lacks_standard_size(info.code);
      info.declined = info.code == type_code::bits;
    }
  }
  return table;
}

constexpr std::array<byte_info, 256> byte_infos = make_byte_infos();

const byte_info& info_of(char c) noexcept { return byte_infos[static_cast<unsigned char>(c)]; }
byte_class class_of(char c) noexcept { return info_of(c).what; }

// Where one member went in its struct (detail::placement, for one element or a plain repeat).
struct placed {
  std::int64_t lead = 0;
  std::int64_t offset = 0;
  std::int64_t stride = 0;
  std::int64_t alignment = 1;
  std::int64_t deferred = 0;
  std::int64_t extent = 0;  // stride times the repeat
};

class scan {
 public:
  scan(std::string_view format, const target& tgt, const parse_options& options, fast_scratch& scratch)
      : format_(format), target_(tgt), options_(options), s_(scratch) {
    s_.scopes.clear();
    s_.fields.clear();
    s_.pads.clear();
    s_.scopes.add() = {};  // the root
    if (++s_.generation == 0) {  // the stamps wrapped: forget every slot once
      std::fill(s_.names.begin(), s_.names.end(), fast_scratch::name_slot{});
      s_.generation = 1;
    }
    names_used_ = 0;
  }

  fast_verdict run(diagnostic& error) {
    const std::size_t end = format_.size();
    const std::size_t max_open = std::min(options_.max_depth, max_depth_limit);
    std::size_t open = 1;  // the root counts, as the builder's frames do
    while (i_ < end) {
      const char c = format_[i_];
      switch (class_of(c)) {
        case byte_class::mark:
          order_ = static_cast<byte_order>(c);
          ++i_;
          continue;
        case byte_class::digit:
        case byte_class::code:
          if (!item()) {
            return fast_verdict::declined;
          }
          continue;
        case byte_class::unknown:
          error = {severity::error, error_code::unknown_code, i_};
          return fast_verdict::failed;
        case byte_class::other: break;
      }
      if (c == 'T' && i_ + 1 < end && format_[i_ + 1] == '{' && open <= max_open) {
        open_struct();
        ++open;
        continue;
      }
      if (c == '}' && cur_ != 0) {
        if (!close_struct()) {
          return fast_verdict::declined;
        }
        --open;
        continue;
      }
      return fast_verdict::declined;
    }
    if (cur_ != 0 || !end_scope(0)) {
      return fast_verdict::declined;
    }
    return fast_verdict::laid_out;
  }

  // The top-level sequence's lone unnamed item, which NumPy unwraps: its path is empty.
  bool unwraps() const noexcept {
    const fast_scratch::scope& root = s_.scopes[0];
    return root.members == 1 && root.lone_unwrappable;
  }

 private:
  // [count] code [name]
  bool item() {
    bool has_count = false;
    std::int64_t count = 1;
    if (class_of(format_[i_]) == byte_class::digit) {
      has_count = true;
      if (!number(count) || i_ == format_.size() || class_of(format_[i_]) != byte_class::code) {
        return false;  // what follows the count is the full engine's to judge
      }
    }
    const byte_info& info = info_of(format_[i_]);
    const type_code code = info.code;
    const bool native_sizes = uses_native_sizes(order_);
    if (info.declined || (!native_sizes && info.native_only) || (has_count && !info.length && options_.max_dims == 0)) {
      return false;  // bitfield_layout, a warning, too_many_dims
    }
    ++i_;
    const node_id node = ++nodes_;
    span_name written;
    if (!name(written)) {
      return false;
    }
    std::int64_t body_size = 0;
    std::int64_t body_alignment = 1;
    if (info.length) {
      body_size = count;
    } else {
      const c_type& native = target_.native_type(code);
      body_size = native_sizes || info.standard == 0 ? native.size : info.standard;
      body_alignment = native.alignment;
    }
    const std::int64_t repeat = info.length ? 1 : count;
    placed p;
    if (!place(cur_, body_size, body_alignment, repeat, order_ == byte_order::native, p)) {
      return false;
    }
    const bool unnamed_pad = code == type_code::pad && !written.written;
    span_name member_name = written;
    if (!finish_member(cur_, member_name, unnamed_pad, p)) {
      return false;
    }
    if (unnamed_pad) {
      add_pad(cur_, p.offset, p.extent, true, {}, true);
    } else {
      s_.fields.add() = {.scope = cur_,
                         .name = member_name,
                         .node = node,
                         .offset = p.offset,
                         .size = body_size,
                         .alignment = p.alignment,
                         .count = count,
                         .has_count = has_count,
                         .code = code,
                         .order = order_};
    }
    add_pad(cur_, p.offset + p.extent, p.deferred, false, {}, true);
    return true;
  }

  void open_struct() {
    const auto index = static_cast<std::uint32_t>(s_.scopes.size());
    s_.scopes.add() = {.parent = cur_,
                       .node = ++nodes_,
                       .name = {},  // read after its '}'
                       .order = order_,
                       .first_field = static_cast<std::uint32_t>(s_.fields.size()),
                       .pending_from = static_cast<std::uint32_t>(s_.pads.size())};
    cur_ = index;
    i_ += 2;
  }

  bool close_struct() {
    const std::uint32_t child = cur_;
    ++i_;
    if (!end_scope(child)) {
      return false;
    }
    const std::uint32_t parent = s_.scopes[child].parent;
    cur_ = parent;
    span_name member_name;
    if (!name(member_name)) {
      return false;
    }
    placed p;
    const fast_scratch::scope& closed = s_.scopes[child];
    if (!place(parent, closed.size, closed.alignment, 1, order_ == byte_order::native, p) ||
        !finish_member(parent, member_name, false, p)) {
      return false;
    }
    fast_scratch::scope& s = s_.scopes[child];
    s.offset = p.offset;
    s.name = member_name;
    if (s_.fields.size() == s.first_field) {
      s_.fields.add() = {.scope = parent,
                         .name = member_name,
                         .node = s.node,
                         .offset = p.offset,
                         .size = p.stride,
                         .alignment = p.alignment,
                         .entry = true,
                         .code = type_code::structure,
                         .order = s.order};
    }
    add_pad(parent, p.offset + p.extent, p.deferred, false, {}, true);
    return true;
  }

  // The end of a struct or of the format: trailing padding under '@', and the generated names
  // checked against the written ones.
  bool end_scope(std::uint32_t index) {
    fast_scratch::scope& s = s_.scopes[index];
    // NumPy's fN skips numbers a written name already uses, including later ones: the full
    // engine knows them all before it names anything.
    if (s.generated_like && s.unnamed > 0) {
      return false;
    }
    if (order_ != byte_order::native) {
      return true;
    }
    const std::int64_t trailing = padding_to(s.size, s.alignment);
    const std::int64_t at = s.size;
    if (!checked_add(s.size, trailing, s.size)) {
      return false;
    }
    if (index == 0 && trailing > 0) {
      s.lone_unwrappable = false;
    }
    add_pad(index, at, trailing, false, {}, false);
    return true;
  }

  // The arithmetic of detail::placer::place for one member of `scope`.
  bool place(std::uint32_t index, std::int64_t size, std::int64_t alignment, std::int64_t repeat, bool aligned,
             placed& p) {
    fast_scratch::scope& s = s_.scopes[index];
    p.stride = size;
    if (aligned) {
      p.alignment = alignment;
      p.lead = padding_to(s.size, alignment);
      if (!checked_add(s.size, p.lead, s.size) || !checked_lcm(s.alignment, alignment, s.alignment)) {
        return false;
      }
      const std::int64_t intra = padding_to(size, alignment);
      if (repeat > 1) {
        if (!checked_add(p.stride, intra, p.stride)) {
          return false;
        }
      } else {
        p.deferred = intra;
      }
    }
    p.offset = s.size;
    return checked_mul(p.stride, repeat, p.extent) && checked_add(s.size, p.extent, s.size) &&
           checked_add(s.size, p.deferred, s.size);
  }

  // Names the member (written, or the next fN unless it is an unnamed `x`), resolves the runs
  // waiting for it and records the run of alignment padding before it.
  bool finish_member(std::uint32_t index, span_name& name, bool unnamed_pad, const placed& p) {
    fast_scratch::scope& s = s_.scopes[index];
    ++s.members;
    if (index == 0 && s.members == 1) {
      s.lone_unwrappable = !name.written && !unnamed_pad && p.deferred == 0;
    }
    if (name.written) {
      if (!remember(index, name)) {
        return false;  // duplicate_name
      }
      s.generated_like = s.generated_like || (format_[name.begin] == 'f' &&
                                              generated_number(format_.substr(name.begin, name.size)) >= 0);
    } else if (!unnamed_pad) {
      name.number = s.unnamed++;
    }
    if (unnamed_pad) {
      return true;
    }
    if (s.pending > 0) {
      for (std::size_t k = s.pending_from; k < s_.pads.size(); ++k) {
        fast_scratch::pad_run& run = s_.pads[k];
        if (run.pending && run.scope == index) {
          run.before = name;
          run.pending = false;
        }
      }
      s.pending = 0;
    }
    s.pending_from = static_cast<std::uint32_t>(s_.pads.size());
    add_pad(index, p.offset - p.lead, p.lead, false, name, false);
    return true;
  }

  void add_pad(std::uint32_t index, std::int64_t offset, std::int64_t size, bool written, span_name before,
               bool pending) {
    if (size > 0) {
      s_.pads.add() = {.scope = index, .offset = offset, .size = size, .before = before, .written = written, .pending = pending};
      s_.scopes[index].pending += pending ? 1 : 0;
    }
  }

  // Digits as the builder reads them; a number beyond int64 is the full engine's error.
  bool number(std::int64_t& value) {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    value = 0;
    for (; i_ < format_.size() && class_of(format_[i_]) == byte_class::digit; ++i_) {
      const std::int64_t digit = format_[i_] - '0';
      if (value > (max - digit) / 10) {
        return false;
      }
      value = value * 10 + digit;
    }
    return true;
  }

  // An optional `:name:` of ASCII bytes; anything else in a name is the full engine's.
  bool name(span_name& out) {
    if (i_ == format_.size() || format_[i_] != ':') {
      return true;
    }
    const std::size_t first = i_ + 1;
    std::uint32_t h = 2166136261U;  // FNV-1a, while the bytes are read anyway
    std::size_t k = first;
    for (; k < format_.size() && format_[k] != ':'; ++k) {
      const auto byte = static_cast<unsigned char>(format_[k]);
      if (static_cast<unsigned char>(byte - 1) >= 0x7F) {  // NUL or not ASCII
        return false;
      }
      h = (h ^ byte) * 16777619U;
    }
    if (k == format_.size()) {
      return false;
    }
    out.written = true;
    out.begin = static_cast<std::uint32_t>(first);
    out.size = static_cast<std::uint32_t>(k - first);
    out.hash = h;
    i_ = k + 1;
    return true;
  }

  // Records a written name of a struct; false when the struct already has it.
  bool remember(std::uint32_t index, const span_name& name) {
    std::vector<fast_scratch::name_slot>& table = s_.names;
    if ((names_used_ + 1) * 2 > table.size()) {
      grow();
    }
    const std::string_view text = format_.substr(name.begin, name.size);
    const std::size_t mask = table.size() - 1;
    for (std::size_t k = slot_of(index, name.hash) & mask;; k = (k + 1) & mask) {
      fast_scratch::name_slot& slot = table[k];
      if (slot.generation != s_.generation) {
        slot = {s_.generation, index, name.begin, name.size, name.hash};
        ++names_used_;
        return true;
      }
      if (slot.hash == name.hash && slot.scope == index && format_.substr(slot.begin, slot.size) == text) {
        return false;
      }
    }
  }

  void grow() {
    std::vector<fast_scratch::name_slot>& table = s_.names;
    std::vector<fast_scratch::name_slot> old;
    old.swap(table);
    table.assign(std::max<std::size_t>(64, old.size() * 2), fast_scratch::name_slot{});
    const std::size_t mask = table.size() - 1;
    for (const fast_scratch::name_slot& slot : old) {
      if (slot.generation == s_.generation) {
        std::size_t k = slot_of(slot.scope, slot.hash) & mask;
        while (table[k].generation == s_.generation) {
          k = (k + 1) & mask;
        }
        table[k] = slot;
      }
    }
  }

  // The name's hash and its struct, mixed.
  static std::size_t slot_of(std::uint32_t index, std::uint32_t hash) noexcept {
    const std::uint64_t h = (static_cast<std::uint64_t>(index) << 32 | hash) * 0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(h >> 32);
  }

  std::string_view format_;
  const target& target_;
  const parse_options& options_;
  fast_scratch& s_;
  std::size_t i_ = 0;
  std::uint32_t cur_ = 0;
  node_id nodes_ = 0;
  byte_order order_ = byte_order::native;
  std::size_t names_used_ = 0;
};


}  // namespace

fast_verdict scan_format(std::string_view format, const target& tgt, const parse_options& options,
                         fast_scratch& scratch, diagnostic& error, bool& unwrap) {
  scan reader(format, tgt, options, scratch);
  const fast_verdict verdict = reader.run(error);
  unwrap = reader.unwraps();
  return verdict;
}

}  // namespace pep3118::detail
