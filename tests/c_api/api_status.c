/* The version, and the names of statuses, diagnostic codes, levels and buffer codes: the stable
   names are a contract, so each is checked against its enumerator. */
#include <pep3118/pep3118.h>

#include <stddef.h>

#include "api_tests.h"

struct named {
  int value;
  const char* name;
};

static const struct named statuses[] = {
    {PEP3118_OK, "ok"},
    {PEP3118_INVALID_FORMAT, "invalid_format"},
    {PEP3118_NO_LAYOUT, "no_layout"},
    {PEP3118_TOO_LARGE, "too_large"},
    {PEP3118_CANNOT_EXPRESS, "cannot_express"},
    {PEP3118_INVALID_TARGET_FILE, "invalid_target_file"},
    {PEP3118_INVALID_ARGUMENT, "invalid_argument"},
    {PEP3118_BUFFER_TOO_SMALL, "buffer_too_small"},
    {PEP3118_OUT_OF_MEMORY, "out_of_memory"},
    {PEP3118_INTERNAL_ERROR, "internal_error"},
};

/* Every code, in order: the enumerators must be numbered as the library's codes. */
static const struct named codes[] = {
    {PEP3118_CODE_NUL_BYTE, "nul_byte"},
    {PEP3118_CODE_UNKNOWN_CODE, "unknown_code"},
    {PEP3118_CODE_MISSING_CODE, "missing_code"},
    {PEP3118_CODE_STRAY_BRACE, "stray_brace"},
    {PEP3118_CODE_UNTERMINATED_STRUCT, "unterminated_struct"},
    {PEP3118_CODE_UNTERMINATED_FUNCTION, "unterminated_function"},
    {PEP3118_CODE_EXPECTED_BRACE, "expected_brace"},
    {PEP3118_CODE_EMPTY_SHAPE, "empty_shape"},
    {PEP3118_CODE_EXPECTED_DIM, "expected_dim"},
    {PEP3118_CODE_EXPECTED_SHAPE_CLOSE, "expected_shape_close"},
    {PEP3118_CODE_SHAPE_AFTER_COUNT, "shape_after_count"},
    {PEP3118_CODE_MARK_AFTER_COUNT, "mark_after_count"},
    {PEP3118_CODE_NAME_WITHOUT_ITEM, "name_without_item"},
    {PEP3118_CODE_UNTERMINATED_NAME, "unterminated_name"},
    {PEP3118_CODE_INVALID_UTF8, "invalid_utf8"},
    {PEP3118_CODE_BAD_COMPLEX, "bad_complex"},
    {PEP3118_CODE_POINTER_CODE_NOT_AT_END, "pointer_code_not_at_end"},
    {PEP3118_CODE_MISSING_RETURN, "missing_return"},
    {PEP3118_CODE_SPACE_AFTER_COUNT, "space_after_count"},
    {PEP3118_CODE_MARK_NOT_FIRST, "mark_not_first"},
    {PEP3118_CODE_NOT_IN_STRUCT, "not_in_struct"},
    {PEP3118_CODE_NATIVE_ONLY, "native_only"},
    {PEP3118_CODE_FORMAT_TOO_LONG, "format_too_long"},
    {PEP3118_CODE_NUMBER_TOO_LARGE, "number_too_large"},
    {PEP3118_CODE_TOO_DEEP, "too_deep"},
    {PEP3118_CODE_TOO_MANY_DIMS, "too_many_dims"},
    {PEP3118_CODE_SIZE_OVERFLOW, "size_overflow"},
    {PEP3118_CODE_DUPLICATE_NAME, "duplicate_name"},
    {PEP3118_CODE_BITFIELD_LAYOUT, "bitfield_layout"},
    {PEP3118_CODE_COMPLEX_SPELLING, "complex_spelling"},
    {PEP3118_CODE_CTYPES_POINTER_CODE, "ctypes_pointer_code"},
    {PEP3118_CODE_NO_STANDARD_SIZE, "no_standard_size"},
    {PEP3118_CODE_TOO_LARGE_TO_COMPARE, "too_large_to_compare"},
    {PEP3118_CODE_NUMPY_CANNOT_EXPRESS, "numpy_cannot_express"},
    {PEP3118_CODE_STRUCT_CANNOT_EXPRESS, "struct_cannot_express"},
    {PEP3118_CODE_BAD_TARGET_LINE, "bad_target_line"},
    {PEP3118_CODE_MISSING_TARGET_KEY, "missing_target_key"},
};

static const struct named levels[] = {
    {PEP3118_LEVEL_IDENTICAL, "identical"},
    {PEP3118_LEVEL_EQUIVALENT, "equivalent"},
    {PEP3118_LEVEL_LAYOUT_COMPATIBLE, "layout-compatible"},
    {PEP3118_LEVEL_SIZE_COMPATIBLE, "size-compatible"},
    {PEP3118_LEVEL_INCOMPATIBLE, "incompatible"},
};

static const struct named buffer_codes[] = {
    {PEP3118_BUFFER_ITEMSIZE_NEGATIVE, "itemsize_negative"},
    {PEP3118_BUFFER_ITEMSIZE_ZERO, "itemsize_zero"},
    {PEP3118_BUFFER_ITEMSIZE_MISMATCH, "itemsize_mismatch"},
    {PEP3118_BUFFER_TRAILING_BYTES_UNDESCRIBED, "trailing_bytes_undescribed"},
    {PEP3118_BUFFER_PADDING_UNDESCRIBED, "padding_undescribed"},
    {PEP3118_BUFFER_UNION_AS_BYTES, "union_as_bytes"},
    {PEP3118_BUFFER_BITFIELDS_AS_WHOLE_FIELDS, "bitfields_as_whole_fields"},
    {PEP3118_BUFFER_WCHAR_AS_UCS2, "wchar_as_ucs2"},
    {PEP3118_BUFFER_PACKED_ITEM_READ_ALIGNED, "packed_item_read_aligned"},
    {PEP3118_BUFFER_NDIM_TOO_LARGE, "ndim_too_large"},
    {PEP3118_BUFFER_SHAPE_NEGATIVE, "shape_negative"},
    {PEP3118_BUFFER_BUFFER_TOO_LARGE, "buffer_too_large"},
    {PEP3118_BUFFER_STRIDES_WITHOUT_SHAPE, "strides_without_shape"},
    {PEP3118_BUFFER_STRIDES_LENGTH, "strides_length"},
    {PEP3118_BUFFER_SUBOFFSETS_WITHOUT_STRIDES, "suboffsets_without_strides"},
    {PEP3118_BUFFER_SUBOFFSETS_LENGTH, "suboffsets_length"},
    {PEP3118_BUFFER_STRIDE_OVERLAP, "stride_overlap"},
    {PEP3118_BUFFER_STRIDE_NOT_MULTIPLE, "stride_not_multiple"},
    {PEP3118_BUFFER_SUBOFFSET_LAST_DIMENSION, "suboffset_last_dimension"},
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* Each table lists every value from 0 in order. The value after the last is no name; it lies
   within the enum's range, so C++ may read it. */
static void check_names(const struct named* table, size_t count, const char* (*name_of)(int)) {
  size_t i;
  for (i = 0; i < count; ++i) {
    CHECK_INT(table[i].value, i);
    CHECK_STR(name_of(table[i].value), table[i].name);
  }
  CHECK_STR(name_of((int)count), NULL);
}

static const char* status_name(int value) { return pep3118_status_name((pep3118_status)value); }
static const char* code_name(int value) { return pep3118_code_name((pep3118_code)value); }
static const char* level_name(int value) { return pep3118_level_name((pep3118_level)value); }
static const char* buffer_code_name(int value) { return pep3118_buffer_code_name((pep3118_buffer_code)value); }

static void test_code_messages(void) {
  size_t i;
  for (i = 0; i < COUNT(codes); ++i) {
    const char* message = pep3118_code_message((pep3118_code)codes[i].value);
    CHECK(message != NULL && message[0] != '\0');
  }
  CHECK_STR(pep3118_code_message(PEP3118_CODE_UNTERMINATED_STRUCT), "expected '}' to close 'T{'");
  CHECK_STR(pep3118_code_message((pep3118_code)COUNT(codes)), NULL);
  CHECK_STR(pep3118_code_name(PEP3118_CODE_NONE), NULL);
  CHECK_STR(pep3118_code_message(PEP3118_CODE_NONE), NULL);
}

void test_status(void) {
  CHECK_STR(pep3118_version(), PEP3118_EXPECTED_VERSION);
  check_names(statuses, COUNT(statuses), status_name);
  check_names(codes, COUNT(codes), code_name);
  check_names(levels, COUNT(levels), level_name);
  check_names(buffer_codes, COUNT(buffer_codes), buffer_code_name);
  test_code_messages();
}
