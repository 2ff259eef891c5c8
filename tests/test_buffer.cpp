// check_buffer by hand: every finding with the numbers and names its message must carry, the
// cases that must stay quiet, contiguity, strict parsing, and the codes' stable names. What
// real producers export is tested in test_buffer_producers.cpp, the CLI in test_buffer_cli.cpp.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <pep3118/buffer.hpp>

#include "test_support.hpp"

using pep3118::buffer_check;
using pep3118::buffer_code;
using pep3118::buffer_finding;
using pep3118::buffer_view;
using pep3118::severity;
using pep3118_test::x86;

namespace {

using dims = std::vector<std::int64_t>;

buffer_view sized(std::string_view format, std::int64_t itemsize) {
  buffer_view view;
  view.format = format;
  view.itemsize = itemsize;
  return view;
}

buffer_view strided(std::string_view format, std::int64_t itemsize, dims shape, dims strides) {
  buffer_view view = sized(format, itemsize);
  view.shape = std::move(shape);
  view.strides = std::move(strides);
  return view;
}

buffer_view indirect(std::string_view format, std::int64_t itemsize, dims shape, dims strides, dims suboffsets) {
  buffer_view view = strided(format, itemsize, std::move(shape), std::move(strides));
  view.suboffsets = std::move(suboffsets);
  return view;
}

buffer_check checked(const buffer_view& view, const pep3118::parse_options& options = {}) {
  pep3118::result<buffer_check> result = pep3118::check_buffer(view, x86(), options);
  INFO("format: ", pep3118_test::show(view.format));
  REQUIRE(result.ok());
  return std::move(result).value();
}

// "code,code" of every finding, "" for none: one string to compare and to print on failure.
std::string codes_of(const buffer_check& check) {
  std::string codes;
  for (const buffer_finding& found : check.findings) {
    if (!codes.empty()) codes += ',';
    codes += found.name();
  }
  return codes;
}

// The one finding of a view, which must be `code`; its message.
std::string only_finding(const buffer_view& view, buffer_code code) {
  const buffer_check check = checked(view);
  INFO("format: ", pep3118_test::show(view.format));
  REQUIRE(codes_of(check) == std::string(pep3118::buffer_code_name(code)));
  CHECK(check.findings[0].level == pep3118::buffer_code_severity(code));
  CHECK(check.consistent() == (check.findings[0].level == severity::warning));
  return check.findings[0].message;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace

TEST_CASE("buffer: an itemsize the format describes is consistent") {
  for (auto [format, itemsize] : std::vector<std::pair<std::string_view, std::int64_t>>{
           {"i", 4}, {"T{i:a:b:b:}", 8}, {"T{=i:a:b:b:}", 5}, {"", 0}, {"0i", 0}, {"<g", 16}}) {
    INFO(format);
    const buffer_check check = checked(sized(format, itemsize));
    CHECK(codes_of(check) == "");
    CHECK(check.consistent());
    CHECK(check.format_layout.itemsize == itemsize);
  }
}

TEST_CASE("buffer: without an itemsize the format's stands in") {
  buffer_view view;
  view.format = "d";
  view.shape = dims{3};
  view.strides = dims{12};
  CHECK(codes_of(checked(view)) == "stride_not_multiple");
}

TEST_CASE("buffer: itemsize_negative and itemsize_zero") {
  CHECK(contains(only_finding(sized("i", -4), buffer_code::itemsize_negative), "itemsize -4"));
  const std::string zero = only_finding(sized("i", 0), buffer_code::itemsize_zero);
  CHECK(contains(zero, "itemsize 0"));
  CHECK(contains(zero, "the format describes 4 bytes"));
}

TEST_CASE("buffer: trailing_bytes_undescribed says how many bytes, after which field, and why") {
  // NumPy: a dtype whose itemsize is larger than its fields exports no trailing `x`.
  CHECK(only_finding(sized("T{f:r:f:s:}", 12), buffer_code::trailing_bytes_undescribed) ==
        "the format describes 8 bytes, the exporter says 12: 4 trailing bytes after `s` are not described "
        "(NumPy drops the trailing padding of a dtype whose itemsize is larger than its fields, and ctypes before "
        "Python 3.12 drops all padding)");
  // ctypes before 3.12: the same fields as a C struct take the exporter's itemsize.
  CHECK(only_finding(sized("T{<i:a:<c:b:}", 8), buffer_code::trailing_bytes_undescribed) ==
        "the format describes 5 bytes, the exporter says 8: 3 trailing bytes after `b` are not described (ctypes "
        "before Python 3.12 writes no padding, and these fields take 8 bytes as an aligned C struct)");
  // One unnamed item is named by its code; a format ending in padding by the offset.
  CHECK(contains(only_finding(sized("d", 9), buffer_code::trailing_bytes_undescribed),
                 "1 trailing byte after `d` is"));
  CHECK(contains(only_finding(sized("i4x", 12), buffer_code::trailing_bytes_undescribed),
                 "4 trailing bytes from offset 8"));
  CHECK(contains(only_finding(sized("", 3), buffer_code::trailing_bytes_undescribed), "from offset 0"));
}

TEST_CASE("buffer: padding_undescribed names the first field C puts elsewhere") {
  CHECK(only_finding(sized("T{<c:a:<i:b:}", 8), buffer_code::padding_undescribed) ==
        "the format describes 5 bytes, the exporter says 8, what these fields take as an aligned C struct: the "
        "format writes no padding (ctypes before Python 3.12 never does), so `b` is at offset 1 in the format but "
        "at 4 in C");
  // A nested struct is padded at its own end in C.
  CHECK(contains(only_finding(sized("T{T{<d:d:<c:c:}:i:<c:c:}", 24), buffer_code::padding_undescribed),
                 "`c` is at offset 9 in the format but at 16 in C"));
  // An array of structs: its element's C size.
  CHECK(contains(only_finding(sized("T{<c:a:(2)T{<c:x:<q:y:}:s:}", 40), buffer_code::padding_undescribed),
                 "`s` is at offset 1 in the format but at 8 in C"));
}

TEST_CASE("buffer: union_as_bytes, alone or as a field among ctypes fields") {
  CHECK(only_finding(sized("B", 8), buffer_code::union_as_bytes) ==
        "the format is `B` (1 byte), the exporter says 8: ctypes exports a union, and before Python 3.12 a packed "
        "struct, as `B` with the real itemsize, so the format does not say what the item holds");
  CHECK(contains(only_finding(sized("T{<c:x:B:u:}", 16), buffer_code::union_as_bytes),
                 "the format describes 2 bytes, the exporter says 16: field `u` is a bare `B`"));
  // A `B` with a mark of its own is ctypes' c_ubyte; without other ctypes marks it is NumPy's uint8.
  CHECK(codes_of(checked(sized("T{<c:x:<B:u:}", 16))) == "trailing_bytes_undescribed");
  CHECK(codes_of(checked(sized("T{B:x:}", 4))) == "trailing_bytes_undescribed");
  CHECK(codes_of(checked(sized("2B", 8))) == "trailing_bytes_undescribed");
}

TEST_CASE("buffer: bitfields_as_whole_fields names two neighbours of one integer type") {
  CHECK(
      only_finding(sized("T{<i:a:<i:b:<c:c:}", 8), buffer_code::bitfields_as_whole_fields) ==
      "bitfields: the format lists 9 bytes of whole fields, the exporter says 8: ctypes exports each bitfield as "
      "its whole base type (`a` and `b` are both `<i`), so the format cannot say where the bits are");
  // Too many bytes without such neighbours: no likelier cause.
  CHECK(codes_of(checked(sized("T{<i:a:<h:b:}", 4))) == "itemsize_mismatch");
}

TEST_CASE("buffer: wchar_as_ucs2 when 4-byte u makes the sizes agree") {
  CHECK(contains(only_finding(sized("<u", 4), buffer_code::wchar_as_ucs2),
                 "the format describes 2 bytes, the exporter says 4, what it takes with a 4-byte `u`"));
  CHECK(codes_of(checked(sized("T{(3)<u:w:<i:c:}", 16))) == "wchar_as_ucs2");
  // A `u` that 4 bytes do not explain either.
  CHECK(codes_of(checked(sized("<u", 6))) == "trailing_bytes_undescribed");
}

TEST_CASE("buffer: packed_item_read_aligned when the fields packed take the itemsize") {
  CHECK(contains(only_finding(sized("T{b:a:i:b:}", 5), buffer_code::packed_item_read_aligned),
                 "the format describes 8 bytes, the exporter says 5, what its fields take packed"));
}

TEST_CASE("buffer: itemsize_mismatch when no cause is recognised") {
  CHECK(only_finding(sized("d", 4), buffer_code::itemsize_mismatch) ==
        "the format describes 8 bytes, the exporter says 4: reading an item by the format runs 4 bytes past its "
        "end");
}

TEST_CASE("buffer: shape findings") {
  buffer_view view = sized("i", 4);
  view.shape = dims(65, 1);
  CHECK(contains(only_finding(view, buffer_code::ndim_too_large), "65 dimensions"));
  view.shape = dims{2, -3};
  CHECK(contains(only_finding(view, buffer_code::shape_negative), "dimension 1 of the shape is -3"));
  view.shape = dims{INT64_MAX / 2, 3};
  CHECK(contains(only_finding(view, buffer_code::buffer_too_large), "does not fit a Py_ssize_t"));
}

TEST_CASE("buffer: strides and suboffsets need what they refine, one entry per dimension") {
  buffer_view view = sized("i", 4);
  view.strides = dims{4};
  CHECK(codes_of(checked(view)) == "strides_without_shape");
  view.suboffsets = dims{-1};
  view.strides.reset();
  CHECK(codes_of(checked(view)) == "suboffsets_without_strides");
  CHECK(only_finding(strided("i", 4, {2, 3}, {12}), buffer_code::strides_length) ==
        "strides has 1 entry but the shape has 2 dimensions: a Py_buffer has one stride per dimension");
  CHECK(contains(only_finding(indirect("i", 4, {2, 3}, {12, 4}, {-1, -1, -1}), buffer_code::suboffsets_length),
                 "suboffsets has 3 entries but the shape has 2 dimensions"));
}

TEST_CASE("buffer: strides that are not multiples of what they step over") {
  CHECK(contains(only_finding(strided("=i", 4, {3}, {6}), buffer_code::stride_not_multiple),
                 "stride 6 (dimension 0) is not a multiple of itemsize 4"));
  CHECK(
      contains(only_finding(strided("=i", 4, {3}, {3}), buffer_code::stride_overlap),
               "stride 3 (dimension 0) is not a multiple of itemsize 4 but smaller: neighbouring items overlap by "
               "1 byte"));
  CHECK(codes_of(checked(strided("=i", 4, {3}, {-2}))) == "stride_overlap");
  // A dimension with a suboffset holds pointers: its stride steps over 8 bytes.
  CHECK(contains(only_finding(indirect("i", 4, {3, 4}, {4, 4}, {0, -1}), buffer_code::stride_overlap),
                 "the pointer size 8 (dimension 0 holds pointers: its suboffset is 0)"));
  CHECK(codes_of(checked(indirect("i", 4, {3, 4}, {12, 4}, {0, -1}))) == "stride_not_multiple");
}

TEST_CASE("buffer: strides that never step, or step by whole items, are quiet") {
  for (const buffer_view& view :
       {strided("d", 8, {4, 6}, {48, 8}), strided("d", 8, {6, 4}, {8, 48}), strided("d", 8, {5}, {-8}),
        strided("i", 4, {3, 4}, {0, 4}), strided("i", 4, {1, 4}, {3, 4}), strided("i", 4, {0, 4}, {3, 4}),
        strided("i", 4, {3}, {INT64_MIN}), indirect("i", 4, {3, 4}, {8, 4}, {0, -1})}) {
    CHECK(codes_of(checked(view)) == "");
  }
}

TEST_CASE("buffer: suboffset_last_dimension") {
  CHECK(contains(only_finding(indirect("i", 4, {12}, {8}, {0}), buffer_code::suboffset_last_dimension),
                 "suboffset 0 on the last dimension: every item is reached through a pointer of its own"));
  CHECK(codes_of(checked(indirect("i", 4, {3, 4}, {8, 4}, {0, -1}))) == "");
}

TEST_CASE("buffer: contiguity as PyBuffer_IsContiguous") {
  struct expectation {
    buffer_view view;
    bool c;
    bool fortran;
  };
  buffer_view scalar = sized("d", 8);
  buffer_view c_without_strides = sized("d", 8);
  c_without_strides.shape = dims{4, 6};
  buffer_view row_without_strides = sized("d", 8);
  row_without_strides.shape = dims{1, 6};
  for (const expectation& expected : std::vector<expectation>{
           {scalar, true, true},
           {c_without_strides, true, false},
           {row_without_strides, true, true},
           {strided("d", 8, {4, 6}, {48, 8}), true, false},
           {strided("d", 8, {4, 6}, {8, 32}), false, true},
           {strided("d", 8, {2, 6}, {96, 8}), false, false},
           {strided("d", 8, {4, 1}, {8, 999}), true, true},
           {strided("d", 8, {0, 6}, {3, 5}), true, true},
           {indirect("d", 8, {4, 6}, {48, 8}, {-1, -1}), false, false},
       }) {
    const buffer_check check = checked(expected.view);
    CHECK(check.c_contiguous == expected.c);
    CHECK(check.f_contiguous == expected.fortran);
  }
}

TEST_CASE("buffer: strict parsing makes warning findings errors") {
  const buffer_view overlapping = strided("=i", 4, {3}, {2});
  CHECK(checked(overlapping).consistent());
  pep3118::parse_options strict;
  strict.strict = true;
  const buffer_check check = checked(overlapping, strict);
  REQUIRE(codes_of(check) == "stride_overlap");
  CHECK(check.findings[0].level == severity::error);
  CHECK_FALSE(check.consistent());
}

TEST_CASE("buffer: an invalid format is the failure, with the format's diagnostics") {
  const pep3118::result<buffer_check> bad = pep3118::check_buffer(sized("T{i", 4), x86());
  CHECK_FALSE(bad.ok());
  CHECK(pep3118_test::error_text(bad.diagnostics()) == "unterminated_struct@3");
  // The format's warnings travel with a value.
  const pep3118::result<buffer_check> warned = pep3118::check_buffer(sized("<g", 16), x86());
  REQUIRE(warned.ok());
  CHECK(pep3118_test::warnings_of(warned.diagnostics()).size() == 1);
}

TEST_CASE("buffer: codes have distinct snake_case names") {
  std::set<std::string_view> names;
  constexpr auto last = static_cast<std::size_t>(buffer_code::suboffset_last_dimension);
  for (std::size_t i = 0; i <= last; ++i) {
    const std::string_view name = pep3118::buffer_code_name(static_cast<buffer_code>(i));
    INFO(name);
    CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") == std::string_view::npos);
    CHECK(names.insert(name).second);
  }
  CHECK(pep3118::buffer_code_name(buffer_code::padding_undescribed) == "padding_undescribed");
  CHECK(pep3118::buffer_code_severity(buffer_code::stride_overlap) == severity::warning);
  CHECK(pep3118::buffer_code_severity(buffer_code::union_as_bytes) == severity::error);
}
