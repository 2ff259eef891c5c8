/* The C API of pep3118: PEP 3118 buffer format strings read, laid out, compared and printed.
 *
 * C99, and C++ (every function is extern "C" and, from C++11 on, noexcept). For C extension
 * modules, and for bindings from other languages through their foreign function interfaces.
 * docs/c-api.md has the whole story and a complete example; the rules in short:
 *
 * Handles. pep3118_descriptor (a parsed format), pep3118_layout (its layout for a target),
 *   pep3118_comparison, pep3118_buffer_report, pep3118_target, pep3118_checker and
 *   pep3118_cache are opaque. A function that creates one hands it out through its `out`
 *   argument; the matching pep3118_*_free releases it, and freeing NULL does nothing. Handles
 *   never change after they are made: any number of threads may use one at the same time, and
 *   none may while it is freed. The exceptions are a pep3118_checker, which changes with each
 *   check (one thread at a time), and a pep3118_cache, which changes under a lock (any number
 *   of threads at a time).
 *
 * Failures. A function that can fail returns a pep3118_status and, when its `error` argument
 *   is not NULL, fills *error (also on success, with PEP3118_OK). On failure its `out` handle is
 *   set to NULL. Getters cannot fail: for a NULL handle they answer 0, NULL or what their
 *   comment says. No C++ exception ever leaves the library.
 *
 * Strings. Every string the API returns is NUL-terminated and has no NUL inside (the grammar
 *   rejects NUL bytes); names are the bytes the format wrote (UTF-8). Static strings (names
 *   and messages of codes) live for the whole program; strings that belong to a handle (paths,
 *   what a pointer points to, a comparison's explanation, a finding's message) until the handle
 *   is freed, and come with their length too. Text made on request (canonical text, emitted
 *   dialects) is written into the caller's buffer instead.
 */
#ifndef PEP3118_PEP3118_H
#define PEP3118_PEP3118_H

#include <stddef.h>
#include <stdint.h>

#if defined(__cplusplus) && __cplusplus >= 201103L
#define PEP3118_NOEXCEPT noexcept
#else
#define PEP3118_NOEXCEPT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, "MAJOR.MINOR.PATCH". */
const char* pep3118_version(void) PEP3118_NOEXCEPT;

/* ---- Status, codes and errors ------------------------------------------------------------ */

typedef enum pep3118_status {
  PEP3118_OK = 0,
  PEP3118_INVALID_FORMAT,       /* the format does not parse (syntax, limits; warnings when strict) */
  PEP3118_NO_LAYOUT,            /* it parses but has no layout (bit fields, a size over 2^63) */
  PEP3118_TOO_LARGE,            /* compare: too many fields to unroll */
  PEP3118_CANNOT_EXPRESS,       /* emit: the dialect cannot express the format */
  PEP3118_INVALID_TARGET_FILE,  /* pep3118_target_read: a bad line, or a key missing */
  PEP3118_INVALID_ARGUMENT,     /* NULL where a pointer is needed, an index out of range, ... */
  PEP3118_BUFFER_TOO_SMALL,     /* the text does not fit the caller's buffer */
  PEP3118_OUT_OF_MEMORY,
  PEP3118_INTERNAL_ERROR        /* a bug in pep3118: please report it */
} pep3118_status;

/* "ok", "invalid_format", ..., "internal_error"; NULL for a value outside the enum. */
const char* pep3118_status_name(pep3118_status status) PEP3118_NOEXCEPT;

/* The stable diagnostic codes, numbered as pep3118::error_code: a code is never renumbered,
   new ones are appended. */
typedef enum pep3118_code {
  PEP3118_CODE_NONE = -1, /* the failure is not a diagnostic (see pep3118_error) */
  /* syntax */
  PEP3118_CODE_NUL_BYTE = 0,
  PEP3118_CODE_UNKNOWN_CODE,
  PEP3118_CODE_MISSING_CODE,
  PEP3118_CODE_STRAY_BRACE,
  PEP3118_CODE_UNTERMINATED_STRUCT,
  PEP3118_CODE_UNTERMINATED_FUNCTION,
  PEP3118_CODE_EXPECTED_BRACE,
  PEP3118_CODE_EMPTY_SHAPE,
  PEP3118_CODE_EXPECTED_DIM,
  PEP3118_CODE_EXPECTED_SHAPE_CLOSE,
  PEP3118_CODE_SHAPE_AFTER_COUNT,
  PEP3118_CODE_MARK_AFTER_COUNT,
  PEP3118_CODE_NAME_WITHOUT_ITEM,
  PEP3118_CODE_UNTERMINATED_NAME,
  PEP3118_CODE_INVALID_UTF8,
  PEP3118_CODE_BAD_COMPLEX,
  PEP3118_CODE_POINTER_CODE_NOT_AT_END,
  PEP3118_CODE_MISSING_RETURN,
  /* CPython struct rules only */
  PEP3118_CODE_SPACE_AFTER_COUNT,
  PEP3118_CODE_MARK_NOT_FIRST,
  PEP3118_CODE_NOT_IN_STRUCT,
  PEP3118_CODE_NATIVE_ONLY,
  /* limits */
  PEP3118_CODE_FORMAT_TOO_LONG,
  PEP3118_CODE_NUMBER_TOO_LARGE,
  PEP3118_CODE_TOO_DEEP,
  PEP3118_CODE_TOO_MANY_DIMS,
  PEP3118_CODE_SIZE_OVERFLOW,
  /* meaning */
  PEP3118_CODE_DUPLICATE_NAME,
  PEP3118_CODE_BITFIELD_LAYOUT,
  /* warnings: producer spellings the PEP does not define */
  PEP3118_CODE_COMPLEX_SPELLING,
  PEP3118_CODE_CTYPES_POINTER_CODE,
  PEP3118_CODE_NO_STANDARD_SIZE,
  /* compare and emit */
  PEP3118_CODE_TOO_LARGE_TO_COMPARE,
  PEP3118_CODE_NUMPY_CANNOT_EXPRESS,
  PEP3118_CODE_STRUCT_CANNOT_EXPRESS,
  /* target files */
  PEP3118_CODE_BAD_TARGET_LINE,
  PEP3118_CODE_MISSING_TARGET_KEY
} pep3118_code;

/* The stable snake_case name ("unterminated_struct") and the fixed English message of a code;
   NULL for a value outside the enum (PEP3118_CODE_NONE included). */
const char* pep3118_code_name(pep3118_code code) PEP3118_NOEXCEPT;
const char* pep3118_code_message(pep3118_code code) PEP3118_NOEXCEPT;

typedef enum pep3118_severity { PEP3118_SEVERITY_WARNING, PEP3118_SEVERITY_ERROR } pep3118_severity;

/* One thing the parser found: an error, or a warning about a producer's spelling. */
typedef struct pep3118_diagnostic {
  pep3118_severity severity;
  pep3118_code code;
  const char* name;    /* pep3118_code_name(code) */
  const char* message; /* pep3118_code_message(code) */
  size_t offset;       /* byte offset into the format */
} pep3118_diagnostic;

/* Why a call failed. When the failure is a diagnostic (the format's first error, a dialect that
   cannot express it, a bad target file line) code, name and message are the diagnostic's and
   offset its byte offset into that text; otherwise code is PEP3118_CODE_NONE, name is the
   status's name, message says what was wrong and offset is 0. Every string is static. */
typedef struct pep3118_error {
  pep3118_status status;
  pep3118_code code;
  const char* name;
  const char* message;
  size_t offset;
} pep3118_error;

/* ---- Targets ----------------------------------------------------------------------------- */

/* A target ABI: sizes, alignments and byte order of the C types behind the codes. The presets
   are static and never freed; a target read from a file is the caller's to free. */
typedef struct pep3118_target pep3118_target;

typedef enum pep3118_byteorder {
  PEP3118_BYTEORDER_NONE, /* fields: one-byte codes, strings, padding, arrays of structs */
  PEP3118_BYTEORDER_LITTLE,
  PEP3118_BYTEORDER_BIG
} pep3118_byteorder;

/* The machine the library was compiled for (its name is "host"). */
const pep3118_target* pep3118_target_host(void) PEP3118_NOEXCEPT;
/* A preset by name ("x86_64-linux-gnu"); NULL when there is none, or name is NULL. */
const pep3118_target* pep3118_target_find(const char* name) PEP3118_NOEXCEPT;
/* The presets, "host" first: index 0 to count - 1; pep3118_target_at is NULL beyond. */
size_t pep3118_target_count(void) PEP3118_NOEXCEPT;
const pep3118_target* pep3118_target_at(size_t index) PEP3118_NOEXCEPT;
/* A target described by the text of a target file (docs/targets.md). Failure:
   PEP3118_INVALID_TARGET_FILE with bad_target_line (offset: the line's first byte) or
   missing_target_key (offset: the end). */
pep3118_status pep3118_target_read(const char* text, size_t length, pep3118_target** out,
                                   pep3118_error* error) PEP3118_NOEXCEPT;
/* Frees a target from pep3118_target_read; NULL and presets are left alone. */
void pep3118_target_free(pep3118_target* target) PEP3118_NOEXCEPT;
/* NULL, and PEP3118_BYTEORDER_NONE, for a NULL target. */
const char* pep3118_target_name(const pep3118_target* target) PEP3118_NOEXCEPT;
pep3118_byteorder pep3118_target_byteorder(const pep3118_target* target) PEP3118_NOEXCEPT;

/* ---- Parsing ----------------------------------------------------------------------------- */

typedef enum pep3118_rules {
  PEP3118_RULES_PEP3118, /* the full language, NumPy's layout rules */
  PEP3118_RULES_STRUCT   /* CPython's struct module, exactly */
} pep3118_rules;

typedef struct pep3118_parse_options {
  pep3118_rules rules;
  int strict;       /* non-zero: warnings are errors */
  size_t max_depth; /* how deep T{, & and X{ may nest (clamped to 1024) */
  size_t max_dims;  /* dims in one item, shape and count together */
} pep3118_parse_options;

/* The defaults: pep3118 rules, not strict, depth 256, 64 dims. Passing NULL options means them. */
pep3118_parse_options pep3118_parse_options_default(void) PEP3118_NOEXCEPT;

/* A parsed format, with its warnings. */
typedef struct pep3118_descriptor pep3118_descriptor;

/* Reads `length` bytes of `format` (not NUL-terminated; a NUL byte is the error nul_byte).
   Failure: PEP3118_INVALID_FORMAT with the first error's code and offset. */
pep3118_status pep3118_parse(const char* format, size_t length, const pep3118_parse_options* options,
                             pep3118_descriptor** out, pep3118_error* error) PEP3118_NOEXCEPT;
void pep3118_descriptor_free(pep3118_descriptor* descriptor) PEP3118_NOEXCEPT;
/* The warnings of a successful parse (a failed one makes no descriptor); 0 for NULL. */
size_t pep3118_descriptor_diagnostic_count(const pep3118_descriptor* descriptor) PEP3118_NOEXCEPT;
pep3118_status pep3118_descriptor_diagnostic(const pep3118_descriptor* descriptor, size_t index,
                                             pep3118_diagnostic* out, pep3118_error* error) PEP3118_NOEXCEPT;

/* ---- Layout ------------------------------------------------------------------------------ */

/* Itemsize, alignment and the fields of a descriptor laid out for a target. */
typedef struct pep3118_layout pep3118_layout;

/* One leaf of a layout (docs/cli.md, `layout --json`, says the same in JSON). Its strings and
   shape belong to the layout. */
typedef struct pep3118_field {
  const char* path; /* dotted; "name[*].member" inside arrays of structs; "" for a lone unnamed item */
  size_t path_length;
  int64_t offset;    /* bytes from the item's start (element 0 inside arrays of structs) */
  int64_t size;      /* bytes of one element */
  int64_t alignment; /* the alignment the rules applied, 1 when none */
  const char* code;  /* canonical code: "i", "Zd", "s", "x" (named padding), "T", "&", "X" (static) */
  pep3118_byteorder byteorder;
  size_t ndim;            /* the shape's dims, the count last */
  const int64_t* shape;   /* NULL when ndim is 0 */
  const char* points_to;  /* "&" and "X": the canonical text of the target; NULL otherwise */
  size_t points_to_length;
  size_t depth; /* struct nesting, for indented display */
} pep3118_field;

/* Lays out `descriptor` for `target` under the rules it was parsed with. Failure:
   PEP3118_NO_LAYOUT (bitfield_layout, size_overflow). */
pep3118_status pep3118_layout_of(const pep3118_descriptor* descriptor, const pep3118_target* target,
                                 pep3118_layout** out, pep3118_error* error) PEP3118_NOEXCEPT;
/* pep3118_parse, then pep3118_layout_of: the one call an extension module needs. Warnings are
   not kept (parse and lay out separately to see them, or make them errors with strict). */
pep3118_status pep3118_check(const char* format, size_t length, const pep3118_target* target,
                             const pep3118_parse_options* options, pep3118_layout** out,
                             pep3118_error* error) PEP3118_NOEXCEPT;
void pep3118_layout_free(pep3118_layout* layout) PEP3118_NOEXCEPT;

/* What a format demands of the memory it describes: pep3118_check's layout without its fields. */
typedef struct pep3118_item_size {
  int64_t itemsize;
  int64_t alignment; /* as pep3118_layout_alignment */
} pep3118_item_size;

/* pep3118_check without the fields (pep3118::check_size), for the module that needs to know
   that a format is valid and how large its items are: the same failures, itemsize and
   alignment, at a fraction of the cost, and nothing to free. *out is {0, 0} unless it succeeds.
   Once the thread has checked a format as large (up to 4 KiB), a valid format of the fast path's
   subset (as for the checker) costs no allocation. */
pep3118_status pep3118_check_size(const char* format, size_t length, const pep3118_target* target,
                                  const pep3118_parse_options* options, pep3118_item_size* out,
                                  pep3118_error* error) PEP3118_NOEXCEPT;
/* 0 for NULL. The alignment is what the format demands of its container (1 when nothing is aligned). */
int64_t pep3118_layout_itemsize(const pep3118_layout* layout) PEP3118_NOEXCEPT;
int64_t pep3118_layout_alignment(const pep3118_layout* layout) PEP3118_NOEXCEPT;
size_t pep3118_layout_field_count(const pep3118_layout* layout) PEP3118_NOEXCEPT;
pep3118_status pep3118_layout_field(const pep3118_layout* layout, size_t index, pep3118_field* out,
                                    pep3118_error* error) PEP3118_NOEXCEPT;

/* ---- Checking on every buffer ------------------------------------------------------------ */

/* pep3118_check with storage kept between calls (pep3118::checker), for the module that checks
   a format on every buffer it is handed: once a checker has answered a format as large, checking
   a format of the common subset (byte-order marks, counts, codes, names, T{}; docs/performance.md)
   allocates nothing, nor does a failure once one has been answered. It keeps a copy of the
   target and options it is made with. One thread at a time. */
typedef struct pep3118_checker pep3118_checker;

/* NULL options: the defaults. Failure: PEP3118_INVALID_ARGUMENT, PEP3118_OUT_OF_MEMORY. */
pep3118_status pep3118_checker_new(const pep3118_target* target, const pep3118_parse_options* options,
                                   pep3118_checker** out, pep3118_error* error) PEP3118_NOEXCEPT;
/* pep3118_check of `format` with the checker's target and options, the same answer and the same
   failures. *out is the checker's own layout: valid until its next check or its free, and not
   to be freed (copy what you keep). */
pep3118_status pep3118_checker_check(pep3118_checker* checker, const char* format, size_t length,
                                     const pep3118_layout** out, pep3118_error* error) PEP3118_NOEXCEPT;
void pep3118_checker_free(pep3118_checker* checker) PEP3118_NOEXCEPT;

/* ---- Checking the same formats over and over ------------------------------------------------ */

/* pep3118_check through a cache of its answers (pep3118::check_cache), for the module that sees
   the same few formats on every buffer: each distinct format is checked once while it stays
   cached (failures too), and a hit costs a hash, a lookup and a handle. Bounded: at most
   `capacity` formats (0: none), the least recently used goes first; formats over 64 KiB are
   checked every time. Thread-safe: any number of threads may check through one cache at once.
   It keeps a copy of the target and options it is made with. */
typedef struct pep3118_cache pep3118_cache;

/* NULL options: the defaults. Failure: PEP3118_INVALID_ARGUMENT, PEP3118_OUT_OF_MEMORY. */
pep3118_status pep3118_cache_new(size_t capacity, const pep3118_target* target, const pep3118_parse_options* options,
                                 pep3118_cache** out, pep3118_error* error) PEP3118_NOEXCEPT;
/* pep3118_check of `format` with the cache's target and options, the same answer and the same
   failures. *out is a layout of its own that shares the cached answer: free it with
   pep3118_layout_free. It stays valid when the format leaves the cache and after the cache is
   freed. */
pep3118_status pep3118_cache_check(pep3118_cache* cache, const char* format, size_t length, pep3118_layout** out,
                                   pep3118_error* error) PEP3118_NOEXCEPT;
void pep3118_cache_free(pep3118_cache* cache) PEP3118_NOEXCEPT;

/* ---- Comparing --------------------------------------------------------------------------- */

/* Strongest first; each level implies the ones after it (docs/compare.md). */
typedef enum pep3118_level {
  PEP3118_LEVEL_IDENTICAL,         /* the same descriptor, spelling ignored */
  PEP3118_LEVEL_EQUIVALENT,        /* same fields, names and offsets, once the target resolves them */
  PEP3118_LEVEL_LAYOUT_COMPATIBLE, /* the same bytes mean the same things */
  PEP3118_LEVEL_SIZE_COMPATIBLE,   /* the same itemsize */
  PEP3118_LEVEL_INCOMPATIBLE
} pep3118_level;

/* "identical", "equivalent", "layout-compatible", "size-compatible", "incompatible"; NULL for
   a value outside the enum. */
const char* pep3118_level_name(pep3118_level level) PEP3118_NOEXCEPT;

typedef struct pep3118_comparison pep3118_comparison;

/* What one side has where the two first differ. */
typedef struct pep3118_difference_side {
  const char* path; /* the field's path, "" for the whole item */
  size_t path_length;
  const char* what; /* in words: "signed 8-byte integer, little-endian", "none" */
  size_t what_length;
} pep3118_difference_side;

/* Why the next stronger level does not hold: the first place the two differ. */
typedef struct pep3118_difference {
  pep3118_level level; /* the level that fails here */
  int64_t offset;      /* byte offset in the item */
  pep3118_difference_side a;
  pep3118_difference_side b;
} pep3118_difference;

/* Lays both out for the target and compares them. Failure: PEP3118_NO_LAYOUT for the layout
   error of a (else of b; lay each out first to tell), PEP3118_TOO_LARGE (too_large_to_compare). */
pep3118_status pep3118_compare(const pep3118_descriptor* a, const pep3118_descriptor* b,
                               const pep3118_target* target, pep3118_comparison** out,
                               pep3118_error* error) PEP3118_NOEXCEPT;
void pep3118_comparison_free(pep3118_comparison* comparison) PEP3118_NOEXCEPT;
/* The strongest level that holds; PEP3118_LEVEL_INCOMPATIBLE for NULL. */
pep3118_level pep3118_comparison_level(const pep3118_comparison* comparison) PEP3118_NOEXCEPT;
/* Non-zero when the flattened fields differ only in byte order: byteswapping each field would
   make the two layout-compatible. */
int pep3118_comparison_byteswap_equal(const pep3118_comparison* comparison) PEP3118_NOEXCEPT;
/* Fills *out with the first difference and returns 1; returns 0 when the two are identical or an
   argument is NULL. */
int pep3118_comparison_difference(const pep3118_comparison* comparison,
                                  pep3118_difference* out) PEP3118_NOEXCEPT;
/* The answer in one line, for a log or an exception message: "layout-compatible; not equivalent
   at offset 0: a has `a` (signed 4-byte integer, little-endian), b has the item (...)". NULL
   for NULL; *length (when length is not NULL) gets its length. */
const char* pep3118_comparison_explanation(const pep3118_comparison* comparison,
                                           size_t* length) PEP3118_NOEXCEPT;

/* ---- Text: the canonical spelling and other dialects ------------------------------------- */

/* These write their text into buffer[0 .. capacity) with its NUL, and its length without the
   NUL into *length (when length is not NULL). When it does not fit, they write as much as fits
   with a NUL (nothing when capacity is 0; buffer may then be NULL), still set *length, and
   return PEP3118_BUFFER_TOO_SMALL: call again with a buffer of *length + 1 bytes. */

/* The one spelling of the descriptor: two formats are identical when these are equal. */
pep3118_status pep3118_canonical(const pep3118_descriptor* descriptor, char* buffer, size_t capacity,
                                 size_t* length, pep3118_error* error) PEP3118_NOEXCEPT;

typedef enum pep3118_dialect {
  PEP3118_DIALECT_NUMPY,  /* a format NumPy reads with the same itemsize and offsets */
  PEP3118_DIALECT_STRUCT, /* a flat CPython struct-module format */
  PEP3118_DIALECT_C       /* `struct item` with explicit padding and _Static_asserts */
} pep3118_dialect;

/* The same layout for `target`, in `dialect`. Failure: PEP3118_NO_LAYOUT, or
   PEP3118_CANNOT_EXPRESS (numpy_cannot_express, struct_cannot_express) at the first item the
   dialect cannot express. */
pep3118_status pep3118_emit(const pep3118_descriptor* descriptor, const pep3118_target* target,
                            pep3118_dialect dialect, char* buffer, size_t capacity, size_t* length,
                            pep3118_error* error) PEP3118_NOEXCEPT;

/* ---- Whole buffers ----------------------------------------------------------------------- */

/* What a Py_buffer says about its items, field for field (ptrdiff_t is Py_ssize_t's size). */
typedef struct pep3118_buffer_view {
  const char* format; /* NUL-terminated; NULL means "B", as in a Py_buffer */
  ptrdiff_t itemsize;
  int ndim;
  const ptrdiff_t* shape;      /* ndim entries, or NULL when absent */
  const ptrdiff_t* strides;    /* ndim entries in bytes, or NULL */
  const ptrdiff_t* suboffsets; /* ndim entries, or NULL */
} pep3118_buffer_view;

/* Stable codes of buffer findings, numbered as pep3118::buffer_code (docs/buffer.md). */
typedef enum pep3118_buffer_code {
  PEP3118_BUFFER_ITEMSIZE_NEGATIVE,
  PEP3118_BUFFER_ITEMSIZE_ZERO,
  PEP3118_BUFFER_ITEMSIZE_MISMATCH,
  PEP3118_BUFFER_TRAILING_BYTES_UNDESCRIBED,
  PEP3118_BUFFER_PADDING_UNDESCRIBED,
  PEP3118_BUFFER_UNION_AS_BYTES,
  PEP3118_BUFFER_BITFIELDS_AS_WHOLE_FIELDS,
  PEP3118_BUFFER_WCHAR_AS_UCS2,
  PEP3118_BUFFER_PACKED_ITEM_READ_ALIGNED,
  PEP3118_BUFFER_NDIM_TOO_LARGE,
  PEP3118_BUFFER_SHAPE_NEGATIVE,
  PEP3118_BUFFER_BUFFER_TOO_LARGE,
  PEP3118_BUFFER_STRIDES_WITHOUT_SHAPE,
  PEP3118_BUFFER_STRIDES_LENGTH,
  PEP3118_BUFFER_SUBOFFSETS_WITHOUT_STRIDES,
  PEP3118_BUFFER_SUBOFFSETS_LENGTH,
  PEP3118_BUFFER_STRIDE_OVERLAP,
  PEP3118_BUFFER_STRIDE_NOT_MULTIPLE,
  PEP3118_BUFFER_SUBOFFSET_LAST_DIMENSION
} pep3118_buffer_code;

/* "padding_undescribed", ...; NULL for a value outside the enum. */
const char* pep3118_buffer_code_name(pep3118_buffer_code code) PEP3118_NOEXCEPT;

/* Where the parts of a buffer disagree, and the likely cause in words. */
typedef struct pep3118_finding {
  pep3118_severity severity;
  pep3118_buffer_code code;
  const char* name;    /* pep3118_buffer_code_name(code) */
  const char* message; /* one sentence with the numbers, field names and likely cause */
  size_t message_length;
} pep3118_finding;

typedef struct pep3118_buffer_report pep3118_buffer_report;

/* Whether the itemsize, shape, strides and suboffsets agree with the format and each other
   (pep3118::check_buffer). A report is made whenever the format parses and lays out, consistent
   or not. Failure: PEP3118_INVALID_FORMAT, PEP3118_NO_LAYOUT; PEP3118_INVALID_ARGUMENT for a
   negative ndim. */
pep3118_status pep3118_buffer_check(const pep3118_buffer_view* view, const pep3118_target* target,
                                    const pep3118_parse_options* options, pep3118_buffer_report** out,
                                    pep3118_error* error) PEP3118_NOEXCEPT;
void pep3118_buffer_report_free(pep3118_buffer_report* report) PEP3118_NOEXCEPT;
/* Non-zero when no finding is an error (warnings allowed); 0 for NULL. */
int pep3118_buffer_report_consistent(const pep3118_buffer_report* report) PEP3118_NOEXCEPT;
/* As CPython's PyBuffer_IsContiguous(view, 'C') and (view, 'F'); 0 for NULL. */
int pep3118_buffer_report_c_contiguous(const pep3118_buffer_report* report) PEP3118_NOEXCEPT;
int pep3118_buffer_report_f_contiguous(const pep3118_buffer_report* report) PEP3118_NOEXCEPT;
/* The findings: the itemsize's first, then shape, strides and suboffsets. 0 for NULL. */
size_t pep3118_buffer_report_finding_count(const pep3118_buffer_report* report) PEP3118_NOEXCEPT;
pep3118_status pep3118_buffer_report_finding(const pep3118_buffer_report* report, size_t index,
                                             pep3118_finding* out, pep3118_error* error) PEP3118_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif
