// CPython 3.11's memoryview as a reader for portability_of. It reads items of one native C
// type only, by the format's text: one type code, optionally after '@' (Objects/memoryobject.c:
// adjust_fmt and unpack_single for item access, get_native_fmtchar for cast). Item access and
// cast take the same codes in 3.11; CPython 3.12 adds `e` to item access, which this models
// not. A cast needs a byte format on one side too, which a cast from a byte view always has.
#include <optional>
#include <string_view>

#include <pep3118/detail/codes.hpp>
#include "portability_readers.hpp"

namespace pep3118::detail {

namespace {

constexpr std::string_view native_codes = "cbBhHiIlLqQnNfd?P";

// The one native code the format is, or nullopt.
std::optional<type_code> native_code_of(std::string_view format) {
  if (format.size() == 2 && format.front() == '@') format.remove_prefix(1);
  if (format.size() != 1 || native_codes.find(format.front()) == std::string_view::npos) return std::nullopt;
  return code_from_char(format.front());
}

reading memoryview_reading(reader who, std::string_view format, const target& tgt, std::string_view refused_why) {
  if (std::optional<type_code> code = native_code_of(format)) {
    return accepted(who, tgt.native_type(*code).size);
  }
  return refused(who, refusal{std::nullopt, std::string(refused_why)});
}

}  // namespace

reading memoryview_item_reading(std::string_view format, const target& tgt) {
  return memoryview_reading(reader::memoryview_item, format, tgt,
                            "item access reads only c b B h H i I l L q Q n N f d ? P, optionally after `@`");
}

reading memoryview_cast_reading(std::string_view format, const target& tgt) {
  return memoryview_reading(reader::memoryview_cast, format, tgt,
                            "cast targets are only c b B h H i I l L q Q n N f d ? P, optionally after `@`");
}

}  // namespace pep3118::detail
