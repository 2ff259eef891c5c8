#include <pep3118/print.hpp>

#include <string>
#include <string_view>

namespace pep3118 {

namespace {

// '!' and '>' mean the same; the canonical spelling is '>'.
byte_order canonical_mark(byte_order order) noexcept {
  return order == byte_order::network ? byte_order::big : order;
}

class printer {
 public:
  explicit printer(const descriptor& desc) : desc_(desc) {}

  std::string format() {
    members(desc_.children(desc_.root()));
    mark(desc_.root().end_order);
    return std::move(out_);
  }

  std::string item_alone(const node& n) {
    item(n, false);
    return std::move(out_);
  }

  std::string body_alone(const node& n) {
    mark(n.order);
    body(n);
    return std::move(out_);
  }

 private:
  // Everything goes out through here, so that the one space the language needs is written:
  // a bare z or Z (ctypes' string pointers) must end its item, and only ':', '}' and '->'
  // may follow it directly.
  void put(std::string_view text) {
    if (ends_pointer_code_ && text.find_first_of(":}-") != 0) {
      out_ += ' ';
    }
    ends_pointer_code_ = false;
    out_ += text;
  }

  void put(char c) { put(std::string_view(&c, 1)); }

  void mark(byte_order order) {
    const byte_order wanted = canonical_mark(order);
    if (wanted != current_) {
      put(static_cast<char>(wanted));
      current_ = wanted;
    }
  }

  void members(array_view<node_id> ids) {
    for (node_id id : ids) {
      item(desc_[id], true);
    }
  }

  void item(const node& n, bool with_name) {
    const auto dims = desc_.shape(n);
    if (!dims.empty()) {
      std::string shape = "(";
      for (std::size_t i = 0; i < dims.size(); ++i) {
        shape += std::to_string(dims[i]);
        shape += i + 1 == dims.size() ? ')' : ',';
      }
      put(shape);
    }
    mark(n.order);
    if (n.has_count) {
      put(std::to_string(n.count));
    }
    body(n);
    if (with_name && n.has_name) {
      put(':');
      out_ += desc_.name(n);
      out_ += ':';
    }
  }

  void body(const node& n) {
    switch (n.code) {
      case type_code::structure:
        put("T{");
        members(desc_.children(n));
        mark(n.end_order);
        put('}');
        return;
      case type_code::pointer:
        put('&');
        item(desc_.target_of(n), false);
        return;
      case type_code::function: {
        put("X{");
        const auto children = desc_.children(n);
        members({children.begin(), n.has_arrow ? n.argument_count : children.size()});
        if (n.has_arrow) {
          put("->");
          members({children.begin() + n.argument_count, children.size() - n.argument_count});
        }
        mark(n.end_order);
        put('}');
        return;
      }
      default:
        put(code_text(n.code));
        ends_pointer_code_ = n.code == type_code::char_pointer || n.code == type_code::wchar_pointer;
        return;
    }
  }

  const descriptor& desc_;
  std::string out_;
  byte_order current_ = byte_order::native;
  bool ends_pointer_code_ = false;
};

}  // namespace

std::string canonical(const descriptor& desc) { return printer(desc).format(); }

std::string canonical(const descriptor& desc, const node& item) { return printer(desc).item_alone(item); }

std::string canonical_body(const descriptor& desc, const node& item) { return printer(desc).body_alone(item); }

}  // namespace pep3118
