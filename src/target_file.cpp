// Target files: an ABI we do not ship, described by the user (docs/targets.md).
#include <pep3118/target.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <utility>

#include <pep3118/detail/target_table.hpp>

namespace pep3118 {

namespace {

// Keeps the name the target's string_view refers to.
struct owned_target : target {
  std::string name_storage;
};

constexpr std::string_view spaces = " \t\r";

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(spaces);
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(spaces) - first + 1);
}

std::optional<std::int64_t> positive(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, failure] = std::from_chars(text.data(), end, value);
  if (text.empty() || failure != std::errc{} || stop != end || value <= 0) {
    return std::nullopt;
  }
  return value;
}

// "8 8": a size and a power-of-two alignment.
std::optional<c_type> c_type_from(std::string_view value) {
  const std::size_t gap = value.find_first_of(spaces);
  if (gap == std::string_view::npos) {
    return std::nullopt;
  }
  const auto size = positive(value.substr(0, gap));
  const auto alignment = positive(trimmed(value.substr(gap)));
  if (!size || !alignment || (*alignment & (*alignment - 1)) != 0) {
    return std::nullopt;
  }
  return c_type{*size, *alignment};
}

// The C-type keys, in the order of detail::c_abi's members.
constexpr std::array<std::string_view, 10> type_keys{"bool",  "short",  "int",         "long",   "long long",
                                                     "size_t", "float", "double", "long double", "pointer"};

c_type& member_of(detail::c_abi& abi, std::size_t key) {
  std::array<c_type*, 10> members{&abi.bool_,  &abi.short_, &abi.int_,    &abi.long_,       &abi.long_long,
                                  &abi.size,   &abi.float_, &abi.double_, &abi.long_double, &abi.pointer};
  return *members[key];
}

}  // namespace

result<std::shared_ptr<const target>> read_target_file(std::string_view text) {
  using failure = result<std::shared_ptr<const target>>;
  const auto bad_line = [](std::size_t offset) {
    return failure({diagnostic{severity::error, error_code::bad_target_line, offset}});
  };
  std::optional<std::string> name;
  std::optional<endian> order;
  detail::c_abi abi{};
  std::array<bool, type_keys.size()> seen{};
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    const std::size_t at = start;
    start = end + 1;
    line = trimmed(line.substr(0, line.find('#')));
    if (line.empty()) {
      continue;
    }
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) {
      return bad_line(at);
    }
    const std::string_view key = trimmed(line.substr(0, equals));
    const std::string_view value = trimmed(line.substr(equals + 1));
    if (key == "name" && !name && !value.empty()) {
      name = std::string(value);
    } else if (key == "byteorder" && !order && (value == "little" || value == "big")) {
      order = value == "little" ? endian::little : endian::big;
    } else {
      const auto* found = std::find(type_keys.begin(), type_keys.end(), key);
      const auto index = static_cast<std::size_t>(found - type_keys.begin());
      const std::optional<c_type> type = c_type_from(value);
      if (found == type_keys.end() || seen[index] || !type) {
        return bad_line(at);
      }
      member_of(abi, index) = *type;
      seen[index] = true;
    }
  }
  if (!name || !order || std::find(seen.begin(), seen.end(), false) != seen.end()) {
    return failure({diagnostic{severity::error, error_code::missing_target_key, text.size()}});
  }
  auto loaded = std::make_shared<owned_target>();
  loaded->name_storage = std::move(*name);
  static_cast<target&>(*loaded) = detail::make_target(loaded->name_storage, *order, abi);
  return result<std::shared_ptr<const target>>(std::shared_ptr<const target>(std::move(loaded)), {});
}

}  // namespace pep3118
