// describe: every code's field in words and as C types (as written, and fixed-width as emit c
// writes them), on x86-64 Linux. Expected strings are written by hand.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include <pep3118/pep3118.hpp>

#include "test_support.hpp"

using pep3118::c_names;
using pep3118_test::x86;

namespace {

struct described {
  std::string_view format;
  std::string_view words;
  std::string_view c_as_written;
  std::string_view c_fixed_width;
};

// The format's first field.
void check_described(const described& expected) {
  INFO("format: ", expected.format);
  const pep3118::descriptor desc = pep3118::parse_or_throw(expected.format);
  const auto laid_out = pep3118::layout_of(desc, x86());
  REQUIRE(laid_out.ok());
  REQUIRE_FALSE(laid_out->fields.empty());
  const pep3118::field& leaf = laid_out->fields.front();
  CHECK(pep3118::type_in_words(leaf) == expected.words);
  CHECK(pep3118::c_type_of(leaf, desc) == expected.c_as_written);
  CHECK(pep3118::c_type_of(leaf, desc, c_names::fixed_width) == expected.c_fixed_width);
}

}  // namespace

TEST_CASE("describe: scalars, code by code") {
  const std::vector<described> cases{
      {"4x:gap:", "4 pad bytes", "char[4]", "char[4]"},
      {"x:gap:", "1 pad byte", "char[1]", "char[1]"},
      {"c", "char", "char", "char"},
      {"b", "signed 1-byte integer", "signed char", "int8_t"},
      {"<b", "signed 1-byte integer", "signed char", "int8_t"},
      {"B", "unsigned 1-byte integer", "unsigned char", "uint8_t"},
      {"?", "bool", "_Bool", "_Bool"},
      {"h", "signed 2-byte integer", "short", "int16_t"},
      {"H", "unsigned 2-byte integer", "unsigned short", "uint16_t"},
      {"i", "signed 4-byte integer", "int", "int32_t"},
      {"I", "unsigned 4-byte integer", "unsigned int", "uint32_t"},
      {"l", "signed 8-byte integer", "long", "int64_t"},
      {"<l", "signed 4-byte integer", "int32_t", "int32_t"},
      {"^l", "signed 8-byte integer", "long", "int64_t"},
      {"L", "unsigned 8-byte integer", "unsigned long", "uint64_t"},
      {"=L", "unsigned 4-byte integer", "uint32_t", "uint32_t"},
      {"q", "signed 8-byte integer", "long long", "int64_t"},
      {"Q", "unsigned 8-byte integer", "unsigned long long", "uint64_t"},
      {">Q", "unsigned 8-byte integer", "uint64_t", "uint64_t"},
      {"n", "signed 8-byte integer", "Py_ssize_t", "int64_t"},
      {"<n", "signed 8-byte integer", "Py_ssize_t", "int64_t"},
      {"N", "unsigned 8-byte integer", "size_t", "uint64_t"},
      {"e", "IEEE 754 half (2 bytes)", "_Float16", "uint16_t"},  // fixed width: the bits, as many compilers lack _Float16
      {"f", "IEEE 754 4-byte float", "float", "float"},
      {"d", "IEEE 754 8-byte float", "double", "double"},
      {"!d", "IEEE 754 8-byte float", "double", "double"},
      {"g", "long double (16 bytes)", "long double", "long double"},
      {"Ze", "complex of two 2-byte floats", "_Float16 _Complex", "uint16_t[2]"},
      {"Zf", "complex of two 4-byte floats", "float _Complex", "float _Complex"},
      {"D", "complex of two 8-byte floats", "double _Complex", "double _Complex"},
      {"Zg", "complex of two 16-byte long doubles", "long double _Complex", "long double _Complex"},
      {"5s", "5-byte string", "char[5]", "char[5]"},
      {"s", "1-byte string", "char[1]", "char[1]"},
      {"5p", "Pascal string of 5 bytes", "char[5]", "char[5]"},
      {"P", "untyped pointer", "void *", "void *"},
      {"O", "Python object pointer", "PyObject *", "PyObject *"},
      {"u", "UCS-2 code unit", "uint16_t", "uint16_t"},
      {"w", "UCS-4 code point", "uint32_t", "uint32_t"},
      {"z", "pointer to a C string", "char *", "char *"},
      {"Z", "pointer to a wide C string", "wchar_t *", "wchar_t *"},
  };
  for (const described& expected : cases) check_described(expected);
}

TEST_CASE("describe: arrays, pointers, function pointers, arrays of structs") {
  const std::vector<described> cases{
      {"(2,3)d", "array (2,3) of IEEE 754 8-byte float", "double[2][3]", "double[2][3]"},
      {"(2)<3h", "array (2,3) of signed 2-byte integer", "int16_t[2][3]", "int16_t[2][3]"},
      {"1i", "array (1) of signed 4-byte integer", "int[1]", "int32_t[1]"},
      {"(2)4s", "array (2) of 4-byte string", "char[2][4]", "char[2][4]"},
      {"4c", "array (4) of char", "char[4]", "char[4]"},
      {"&i", "pointer to i", "int *", "int *"},
      {"&<i", "pointer to <i", "int32_t *", "int32_t *"},
      {"&&i", "pointer to &i", "int **", "int **"},
      {"&(2)h", "pointer to (2)h", "short (*)[2]", "short (*)[2]"},
      {"&4s", "pointer to 4s", "char (*)[4]", "char (*)[4]"},
      {"&T{i}", "pointer to T{i}", "struct *", "void *"},
      {"&&T{i}", "pointer to &T{i}", "struct **", "void *"},
      {"&X{}", "pointer to X{}", "void (*(*))(void)", "void (*(*))(void)"},
      {"X{ii->d}", "function pointer", "void (*)(void)", "void (*)(void)"},
      {"(2)X{}", "array (2) of function pointer", "void (*[2])(void)", "void (*[2])(void)"},
      {"(2)&i", "array (2) of pointer to i", "int *[2]", "int *[2]"},
      {"(2)T{i}:s:", "struct array of 2 elements, 4 bytes each", "struct[2]", "struct[2]"},
      {"1T{i}:s:", "struct array of 1 element, 4 bytes each", "struct[1]", "struct[1]"},
      {"&T{i:\xc3\xa9:}", "pointer to T{i:\xc3\xa9:}", "struct *", "void *"},
  };
  for (const described& expected : cases) check_described(expected);
}

TEST_CASE("describe: bit fields, which have no layout, in words and as C") {
  // `t` never lays out (bitfield_layout), so its field is made by hand.
  const pep3118::descriptor desc = pep3118::parse_or_throw("3t");
  pep3118::field bits;
  bits.code = pep3118::type_code::bits;
  bits.node = desc.children(desc.root())[0];
  CHECK(pep3118::type_in_words(bits) == "bit field");
  CHECK(pep3118::c_type_of(bits, desc) == "unsigned int");
}
