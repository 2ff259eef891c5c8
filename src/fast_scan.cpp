// The fast path's scan (fast_path.hpp): reads the format once and places every member as it
// goes, with the placer's own step (detail::place_member). What the full engine's field walk
// knows from the whole descriptor, a reader that cannot look ahead learns late: a struct's
// alignment, its name and whether its members need generated names are known only at its '}',
// and a lone unnamed top-level item is unwrapped only when the format ends. So offsets stay
// relative to their struct, names are spans of the format, and a padding run's `before` waits
// for the next field of its struct (fast_records.hpp); the emission settles them.
#include <algorithm>
#include <array>
#include <bit>
#include <limits>

#include <pep3118/grammar.hpp>

#include <pep3118/detail/checked.hpp>
#include <pep3118/detail/codes.hpp>
#include <pep3118/detail/descriptor_builder.hpp>
#include <pep3118/detail/placement.hpp>

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
  bool length = false;         // count_is_length(code)
  bool native_only = false;    // lacks_standard_size(code): warns under a standard mark
  bool placed = false;         // a code the scan places: all but t (bitfield_layout is the full engine's)
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
      info.length = count_is_length(info.code);
      info.native_only = lacks_standard_size(info.code);
      info.placed = info.code != type_code::bits;
    }
  }
  return table;
}

constexpr std::array<byte_info, 256> byte_infos = make_byte_infos();

const byte_info& info_of(char c) noexcept { return byte_infos[static_cast<unsigned char>(c)]; }
byte_class class_of(char c) noexcept { return info_of(c).what; }

// The duplicate-name check: an open-addressing table of the written names, keyed by struct. A
// slot is 12 bytes (a stamp, the name's hash, where it starts in the format), so that the table
// of a large format stays in the caches as far as it can; names of equal hashes are compared
// (a million names of one struct share a 32-bit hash about a hundred times). Each call takes a
// stamp per struct it may open, above every earlier call's, so nothing is cleared between
// checks.
//
// A table beyond the first-level cache costs a miss a name, which would make the cost per byte
// of a large format several times a small one's. So a large table's inserts wait in a queue
// while their slots are fetched, and land when the queue is full, 16 names later: the misses
// overlap. The scan needs the answer only when it ends (settle()); a duplicate found late
// declines all the same.
class name_table {
 public:
  name_table(std::string_view format, fast_scratch& scratch) : format_(format), s_(scratch) {
    const std::uint32_t needed = static_cast<std::uint32_t>(format.size()) + 1;  // a struct a byte, and the root
    if (s_.stamped > std::numeric_limits<std::uint32_t>::max() - needed) {  // they would wrap: forget every slot
      std::fill(s_.names.begin(), s_.names.end(), fast_scratch::name_slot{});
      s_.stamped = 0;
    }
    base_ = s_.stamped + 1;
    s_.stamped += needed;
  }

  // False when struct `scope` already has the name, or, for a large table, when a name queued
  // earlier lands on a duplicate. Forced inline: called from both modes' scans, GCC 12 stopped
  // inlining it and check() lost 3% of its instructions.
  [[gnu::always_inline]] bool insert(std::uint32_t scope, const span_name& name) {
    const entry named{scope, name.hash, name.begin, name.size};
    if (s_.names.size() <= cached_slots) {
      return put(named);
    }
    if (queued_ - landed_ == queue_.size() && !put(queue_[landed_++ % queue_.size()])) {
      return false;
    }
    __builtin_prefetch(&s_.names[slot_of(scope, name.hash) & (s_.names.size() - 1)], 1);
    queue_[queued_++ % queue_.size()] = named;
    return true;
  }

  // False when a queued name is a duplicate.
  bool settle() { return landed_ == queued_ || land_queued(); }

 private:
  struct entry {
    std::uint32_t scope;
    std::uint32_t hash;
    std::uint32_t begin;
    std::uint32_t size;
  };

  static constexpr std::size_t cached_slots = 4096;  // 48 KiB: the table fits the first-level cache

  bool land_queued() {
    while (landed_ < queued_) {
      if (!put(queue_[landed_++ % queue_.size()])) {
        return false;
      }
    }
    return true;
  }

  // Forced inline as insert() is: out of line, check() lost 5% of its instructions on 200 names.
  [[gnu::always_inline]] bool put(const entry& name) {
    std::vector<fast_scratch::name_slot>& table = s_.names;
    if ((used_ + 1) * 2 > table.size()) {
      grow();
    }
    const std::uint32_t stamp = base_ + name.scope;
    const std::size_t mask = table.size() - 1;
    for (std::size_t k = slot_of(name.scope, name.hash) & mask;; k = (k + 1) & mask) {
      fast_scratch::name_slot& slot = table[k];
      if (slot.stamp < base_) {  // empty, or an earlier call's
        slot = {stamp, name.hash, name.begin};
        ++used_;
        return true;
      }
      if (slot.stamp == stamp && slot.hash == name.hash && written_at(slot.begin, name)) {
        return false;
      }
    }
  }

  // Once a call at most: a written name takes two colons, so a table of as many slots as the
  // format has colons holds all its names at half load.
  void grow() {
    std::vector<fast_scratch::name_slot>& table = s_.names;
    std::vector<fast_scratch::name_slot> old;
    old.swap(table);
    const auto colons = static_cast<std::size_t>(std::count(format_.begin(), format_.end(), ':'));
    table.assign(std::bit_ceil(std::max({std::size_t{64}, colons, old.size() * 2})), fast_scratch::name_slot{});
    const std::size_t mask = table.size() - 1;
    for (const fast_scratch::name_slot& slot : old) {
      if (slot.stamp >= base_) {
        std::size_t k = slot_of(slot.stamp - base_, slot.hash) & mask;
        while (table[k].stamp >= base_) {
          k = (k + 1) & mask;
        }
        table[k] = slot;
      }
    }
  }

  // Whether the name written at `at` is `name`: compared with its closing colon, as a name holds
  // none.
  bool written_at(std::uint32_t at, const entry& name) const noexcept {
    const std::string_view text = format_.substr(name.begin, name.size + 1);
    return format_.substr(at, text.size()) == text;
  }

  // The name's hash and its struct, mixed.
  static std::size_t slot_of(std::uint32_t scope, std::uint32_t hash) noexcept {
    const std::uint64_t h = (static_cast<std::uint64_t>(scope) << 32 | hash) * 0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(h >> 32);
  }

  std::string_view format_;
  fast_scratch& s_;
  std::uint32_t base_ = 0;  // the root's stamp; struct k's is base_ + k
  std::size_t used_ = 0;
  std::array<entry, 16> queue_;  // written before it is read
  std::uint32_t queued_ = 0;  // names queued in this call, and landed in the table
  std::uint32_t landed_ = 0;
};

// An optional `:name:` at `i` of ASCII bytes, hashed as it is read; false for anything else in a
// name (the full engine's to judge).
bool read_name(std::string_view format, std::size_t& i, span_name& out) {
  if (i == format.size() || format[i] != ':') {
    return true;
  }
  const std::size_t first = i + 1;
  std::uint32_t h = 2166136261U;  // FNV-1a
  std::size_t k = first;
  for (; k < format.size() && format[k] != ':'; ++k) {
    const auto byte = static_cast<unsigned char>(format[k]);
    if (static_cast<unsigned char>(byte - 1) >= 0x7F) {  // NUL or not ASCII
      return false;
    }
    h = (h ^ byte) * 16777619U;
  }
  if (k == format.size()) {
    return false;
  }
  out.written = true;
  out.begin = static_cast<std::uint32_t>(first);
  out.size = static_cast<std::uint32_t>(k - first);
  out.hash = h;
  i = k + 1;
  return true;
}

// Digits as the grammar's actions read them; a number beyond int64 is the full engine's error.
bool read_count(std::string_view format, std::size_t& i, std::int64_t& value) {
  value = 0;
  for (; i < format.size() && class_of(format[i]) == byte_class::digit; ++i) {
    if (!append_digit(value, format[i])) {
      return false;
    }
  }
  return true;
}

// detail::place_member on the open struct, for an item of the subset (no shapes, so a repeat
// is its count); p.body holds its element. The extent is the bytes of all its elements.
bool place(fast_scratch::frame& f, std::int64_t repeat, bool aligned, placement& p) {
  p.elements = repeat;
  return place_member(f.size, f.alignment, aligned, repeat > 1, true, p);
}

std::int64_t extent(const placement& p) noexcept { return p.stride * p.elements; }  // place() checked it

// Places `count` of a code on the open struct under the mark in force: a length code (s, p) is
// one element of `count` bytes, any other code `count` elements of its size for the target.
// Forced inline, as add_field: out of line it cost every case 3 to 9% of its instructions.
[[gnu::always_inline]] inline bool place_code(fast_scratch::frame& f, const byte_info& info, std::int64_t count,
                                              byte_order order, const target& tgt, placement& p) {
  p.body = info.length ? element{count, 1} : code_element(info.code, order, tgt);
  return place(f, info.length ? 1 : count, order == byte_order::native, p);
}

// Whether the scan leaves an item of this code under this mark to the full engine: no code (after
// a count), t, or a code that warns.
bool left_to_full(const byte_info& info, byte_order order) noexcept {
  return !info.placed || (!uses_native_sizes(order) && info.native_only);
}

// Records a field (not a struct's entry) placed at `p` in struct `scope`. Forced inline: GCC 12
// left it out of line, and check() lost 4% of its instructions on 200 fields and 10% on `<i`.
[[gnu::always_inline]] inline void add_field(fast_scratch& s, std::uint32_t scope, const span_name& name, node_id node,
                                             const placement& p, std::int64_t count, bool has_count, type_code code,
                                             byte_order order) {
  s.fields.add() = {.scope = scope,
                    .name = name,
                    .node = node,
                    .offset = p.offset,
                    .size = p.body.size,
                    .alignment = p.alignment,
                    .count = count,
                    .has_count = has_count,
                    .entry = false,
                    .code = code,
                    .order = order};
}

// The scan proper. The innermost open struct lives in `f_`; opening a member struct parks it
// in scratch.frames. Under scan_mode::sizes it keeps no records of fields or padding runs:
// check_size() needs the root's size and alignment alone, and writing the records is most of
// what a member costs.
template <scan_mode Mode>
class scan {
  static constexpr bool records = Mode == scan_mode::layout;

 public:
  scan(std::string_view format, const target& tgt, const parse_options& options, fast_scratch& scratch)
      : format_(format), target_(tgt), options_(options), s_(scratch), names_(format, scratch) {
    s_.scopes.clear();
    s_.frames.clear();
    s_.fields.clear();
    s_.pads.clear();
    s_.scopes.add() = {};  // the root
    f_ = {};
  }

  fast_verdict run(diagnostic& error, bool& unwrap) {
    const std::size_t end = format_.size();
    const std::size_t max_open = std::min(options_.max_depth, max_depth_limit);
    while (i_ < end) {
      const char c = format_[i_];
      const byte_info& info = info_of(c);
      switch (info.what) {
        case byte_class::mark:
          order_ = static_cast<byte_order>(c);
          ++i_;
          continue;
        case byte_class::digit:
        case byte_class::code:
          if (!item(info)) {
            return fast_verdict::declined;
          }
          continue;
        case byte_class::unknown:
          if (!names_.settle()) {
            return fast_verdict::declined;  // duplicate_name
          }
          error = {severity::error, error_code::unknown_code, i_};
          return fast_verdict::failed;
        case byte_class::other: break;
      }
      // s_.frames holds the open structs but the innermost; with the root they are the
      // builder's frames, whose count the depth limit bounds.
      if (c == 'T' && i_ + 1 < end && format_[i_ + 1] == '{' && s_.frames.size() + 1 <= max_open) {
        open_struct();
        continue;
      }
      if (c == '}' && s_.frames.size() > 0) {
        if (!close_struct()) {
          return fast_verdict::declined;
        }
        continue;
      }
      return fast_verdict::declined;
    }
    if (s_.frames.size() > 0 || !end_struct() || !names_.settle()) {
      return fast_verdict::declined;
    }
    s_.scopes[0].size = f_.size;
    s_.scopes[0].alignment = f_.alignment;
    unwrap = f_.members == 1 && f_.lone_unwrappable;
    return fast_verdict::laid_out;
  }

 private:
  // [count] code [name]
  bool item(const byte_info& first) {
    std::int64_t count = 1;
    const bool has_count = first.what == byte_class::digit;
    if (has_count && (!read_count(format_, i_, count) || i_ == format_.size())) {
      return false;
    }
    const byte_info& info = has_count ? info_of(format_[i_]) : first;
    if (left_to_full(info, order_) || (has_count && !info.length && options_.max_dims == 0)) {
      return false;  // too_many_dims
    }
    ++i_;
    const node_id node = ++nodes_;
    span_name name;
    if (!read_name(format_, i_, name)) {
      return false;
    }
    placement p;
    if (!place_code(f_, info, count, order_, target_, p)) {
      return false;
    }
    if (info.code == type_code::pad && !name.written) {  // padding, not a field
      count_member(false, p);
      add_pad(p.offset, extent(p), true, {}, true);
      return true;
    }
    if (!name_member(name, p)) {
      return false;
    }
    if constexpr (records) {
      add_field(s_, f_.scope, name, node, p, count, has_count, info.code, order_);
    }
    add_pad(p.offset + extent(p), p.deferred, false, {}, true);
    return true;
  }

  void open_struct() {
    const auto index = static_cast<std::uint32_t>(s_.scopes.size());
    s_.scopes.add() = {.parent = f_.scope, .node = ++nodes_, .name = {}};
    s_.frames.add() = f_;
    f_ = {.scope = index,
          .order = order_,
          .first_field = static_cast<std::uint32_t>(s_.fields.size()),
          .pending_from = static_cast<std::uint32_t>(s_.pads.size())};
    i_ += 2;
  }

  bool close_struct() {
    ++i_;
    if (!end_struct()) {
      return false;
    }
    const fast_scratch::frame child = f_;
    f_ = s_.frames.pop();
    span_name name;
    placement p;
    p.body = {child.size, child.alignment};
    // NumPy aligns a struct by the mark in force at its '}'.
    if (!read_name(format_, i_, name) || !place(f_, 1, order_ == byte_order::native, p) || !name_member(name, p)) {
      return false;
    }
    fast_scratch::scope& s = s_.scopes[child.scope];
    s.name = name;
    s.offset = p.offset;
    s.size = child.size;
    s.alignment = child.alignment;
    if (records && s_.fields.size() == child.first_field) {  // no field of its own: an entry shows its name
      s_.fields.add() = {.scope = f_.scope,
                         .name = name,
                         .node = s.node,
                         .offset = p.offset,
                         .size = p.stride,
                         .alignment = p.alignment,
                         .count = 1,
                         .has_count = false,
                         .entry = true,
                         .code = type_code::structure,
                         .order = child.order};
    }
    add_pad(p.offset + extent(p), p.deferred, false, {}, true);
    return true;
  }

  // The end of the open struct or of the format: trailing padding under '@', and the generated
  // names checked against the written ones (NumPy's fN skips numbers a written name uses, even
  // a later one: the full engine knows them all before it names anything).
  bool end_struct() {
    if (f_.generated_like && f_.unnamed > 0) {
      return false;
    }
    if (order_ != byte_order::native) {
      return true;
    }
    const std::int64_t trailing = padding_to(f_.size, f_.alignment);
    const std::int64_t at = f_.size;
    if (!checked_add(f_.size, trailing, f_.size)) {
      return false;
    }
    if (trailing > 0) {
      f_.lone_unwrappable = false;
      add_pad(at, trailing, false, {}, false);
    }
    return true;
  }

  void count_member(bool unwrappable, const placement& p) {
    if (++f_.members == 1) {
      f_.lone_unwrappable = unwrappable && p.deferred == 0 && s_.frames.size() == 0;
    }
  }

  // A member that is a field: its name (written, or the next fN), checked for duplicates; the
  // runs waiting for it, and the alignment padding before it.
  bool name_member(span_name& name, const placement& p) {
    count_member(!name.written, p);
    if (name.written) {
      if (!names_.insert(f_.scope, name)) {
        return false;  // duplicate_name
      }
      f_.generated_like = f_.generated_like || (format_[name.begin] == 'f' &&
                                                generated_number(format_.substr(name.begin, name.size)) >= 0);
    } else {
      name.number = f_.unnamed++;
    }
    if (f_.pending > 0) {
      for (std::size_t k = f_.pending_from; k < s_.pads.size(); ++k) {
        fast_scratch::pad_run& run = s_.pads[k];
        if (run.pending && run.scope == f_.scope) {
          run.before = name;
          run.pending = false;
        }
      }
      f_.pending = 0;
    }
    f_.pending_from = static_cast<std::uint32_t>(s_.pads.size());
    add_pad(p.offset - p.lead, p.lead, false, name, false);
    return true;
  }

  void add_pad(std::int64_t offset, std::int64_t size, bool written, span_name before, bool pending) {
    if (records && size > 0) {
      s_.pads.add() = {.scope = f_.scope, .offset = offset, .size = size, .before = before, .written = written,
                       .pending = pending};
      f_.pending += pending ? 1 : 0;
    }
  }

  std::string_view format_;
  const target& target_;
  const parse_options& options_;
  fast_scratch& s_;
  name_table names_;
  fast_scratch::frame f_;
  std::size_t i_ = 0;
  node_id nodes_ = 0;
  byte_order order_ = byte_order::native;
};

// A format of one code after at most one mark ("<i", "d", "=q"): what most buffers carry, and
// what NumPy reads without its parser too. Placing it is a lookup, where the loop's setting up
// (the name table's stamps, the root's frame, every record list cleared) would cost it twice
// over. Leaves the records the loop would (the root, field f0 unwrapped) and returns true; false
// for any other format, and for what the loop must judge: padding (not a field), the codes it
// declines, and a size its alignment does not divide (padding after it, no unwrapping).
template <scan_mode Mode>
bool scan_lone_code(std::string_view format, const target& tgt, fast_scratch& s) {
  const std::size_t n = format.size();
  if (n == 0 || n > 2 || (n == 2 && class_of(format[0]) != byte_class::mark)) {
    return false;
  }
  const byte_order order = n == 2 ? static_cast<byte_order>(format[0]) : byte_order::native;
  const byte_info& info = info_of(format[n - 1]);
  if (left_to_full(info, order) || info.code == type_code::pad) {
    return false;
  }
  fast_scratch::frame root;
  placement p;
  if (!place_code(root, info, 1, order, tgt, p) || p.deferred != 0 || padding_to(root.size, root.alignment) != 0) {
    return false;
  }
  s.scopes.clear();
  s.scopes.add() = {.name = {}, .size = root.size, .alignment = root.alignment};
  if constexpr (Mode == scan_mode::layout) {
    s.fields.clear();
    s.pads.clear();
    add_field(s, 0, span_name{.number = 0}, 1, p, 1, false, info.code, order);
  }
  return true;
}

}  // namespace

// One function per mode, which the caller picks: the mode costs nothing at run time.
template <scan_mode Mode>
fast_verdict scan_format(std::string_view format, const target& tgt, const parse_options& options,
                         fast_scratch& scratch, diagnostic& error, bool& unwrap) {
  if (scan_lone_code<Mode>(format, tgt, scratch)) {
    unwrap = true;
    return fast_verdict::laid_out;
  }
  return scan<Mode>(format, tgt, options, scratch).run(error, unwrap);
}

template fast_verdict scan_format<scan_mode::layout>(std::string_view, const target&, const parse_options&,
                                                     fast_scratch&, diagnostic&, bool&);
template fast_verdict scan_format<scan_mode::sizes>(std::string_view, const target&, const parse_options&,
                                                    fast_scratch&, diagnostic&, bool&);

}  // namespace pep3118::detail
