# pep3118_layout_header: PEP 3118 layouts for C and C++17 at build time (docs/build-time.md).
#
#   pep3118_layout_header(TARGET tgt HEADER name.h FORMATS Name=fmt [Name=fmt ...]
#                         [CHECK_STRUCTS] [RULES pep3118|struct]
#                         [ABI preset-name|path/to/target-file])
#
# Runs `pep3118 header` (the imported or aliased executable target pep3118::cli) when `tgt` is
# built, and gives `tgt` the generated header: #include "name.h" has NAME_ITEMSIZE,
# NAME_<field>_OFFSET, ... and, with CHECK_STRUCTS, static assertions that the C type NAME has
# the layout. The layouts are for the compiler that builds `tgt`, probed without running
# anything (so cross-compiling works), unless ABI names a preset target or a target file.
# A `;` in a format (only a field name can have one) is written `\;` in a quoted argument.
#
# Nothing global is set: only an internal cache entry per language remembers the probed ABI.

include_guard(GLOBAL)

# The probe: the size and the alignment as a struct member of every C type behind the format
# codes (docs/targets.md, "Target files"), as digits in a char array that the compiler puts in
# the object file, where file(STRINGS) finds them. main() reads the array so that no linker drops
# it. The same source compiles as C and as C++. Kept as global properties, not variables: this
# file may be included in a subproject's directory scope (add_subdirectory, FetchContent) and
# its functions called from the parent's.
set_property(GLOBAL PROPERTY _PEP3118_ABI_PROBE_SOURCE [=[
#include <stddef.h>

#ifdef __cplusplus
typedef bool bool_type;
#else
typedef _Bool bool_type;
#endif

#define PROBE_STRUCT(type, tag) struct probe_##tag { char c; type t; };
PROBE_STRUCT(bool_type, bool)
PROBE_STRUCT(short, short)
PROBE_STRUCT(int, int)
PROBE_STRUCT(long, long)
PROBE_STRUCT(long long, long_long)
PROBE_STRUCT(size_t, size_t)
PROBE_STRUCT(float, float)
PROBE_STRUCT(double, double)
PROBE_STRUCT(long double, long_double)
PROBE_STRUCT(void *, pointer)

#define PROBE_DIGITS(n) \
  (char)('0' + (n) / 100 % 10), (char)('0' + (n) / 10 % 10), (char)('0' + (n) % 10)
#define PROBE_TYPE(type, tag) \
  PROBE_DIGITS(sizeof(type)), PROBE_DIGITS(offsetof(struct probe_##tag, t))

char pep3118_abi[] = {
  'P', '3', '1', '1', '8', 'A', 'B', 'I', '[',
  PROBE_TYPE(bool_type, bool),
  PROBE_TYPE(short, short),
  PROBE_TYPE(int, int),
  PROBE_TYPE(long, long),
  PROBE_TYPE(long long, long_long),
  PROBE_TYPE(size_t, size_t),
  PROBE_TYPE(float, float),
  PROBE_TYPE(double, double),
  PROBE_TYPE(long double, long_double),
  PROBE_TYPE(void *, pointer),
  ']', '\0'};

int main(int argc, char **argv) {
  (void)argv;
  return pep3118_abi[argc];
}
]=])

# The target file's keys, in the probe's order.
set_property(GLOBAL PROPERTY _PEP3118_ABI_KEYS
  "bool" "short" "int" "long" "long long" "size_t" "float" "double" "long double" "pointer")

# Writes `content` to `path` only when it differs, so that what depends on the file is not
# redone at every configure.
function(_pep3118_write_if_changed path content)
  if(EXISTS "${path}")
    file(READ "${path}" old)
    if(old STREQUAL content)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${content}")
endfunction()

# Compiles the probe with the project's LANG compiler and flags and reads its numbers back:
# the lines of a target file named compiler-<lang>, as a list in `out_var` (a cache entry
# keeps no newlines).
function(_pep3118_probe_abi lang out_var)
  string(TOLOWER "${lang}" lang_name)
  set(extension c)
  if(lang STREQUAL "CXX")
    set(extension cpp)
  endif()
  set(probe_dir "${CMAKE_BINARY_DIR}/CMakeFiles/pep3118_abi_probe_${lang_name}")
  get_property(probe_source GLOBAL PROPERTY _PEP3118_ABI_PROBE_SOURCE)
  get_property(keys GLOBAL PROPERTY _PEP3118_ABI_KEYS)
  file(WRITE "${probe_dir}/probe.${extension}" "${probe_source}")
  # COPY_FILE: the executable (or, under CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY, the
  # archive) holds the array either way.
  try_compile(compiled "${probe_dir}/build" "${probe_dir}/probe.${extension}"
    OUTPUT_VARIABLE compiler_output
    COPY_FILE "${probe_dir}/probe.bin")
  if(NOT compiled)
    message(FATAL_ERROR "pep3118_layout_header: the ABI probe does not compile with the ${lang} "
                        "compiler; pass ABI. The compiler said:\n${compiler_output}")
  endif()
  file(STRINGS "${probe_dir}/probe.bin" found REGEX "P3118ABI\\[[0-9]+\\]")
  list(REMOVE_DUPLICATES found)
  list(LENGTH found count)
  if(NOT count EQUAL 1)
    # Several (a macOS universal binary, say) would be several ABIs in one build.
    message(FATAL_ERROR "pep3118_layout_header: found ${count} ABIs in the ${lang} probe, not one; "
                        "pass ABI")
  endif()
  string(REGEX REPLACE ".*P3118ABI\\[([0-9]+)\\].*" "\\1" digits "${found}")

  if(CMAKE_${lang}_BYTE_ORDER STREQUAL "BIG_ENDIAN")
    set(byte_order big)
  elseif(CMAKE_${lang}_BYTE_ORDER STREQUAL "LITTLE_ENDIAN")
    set(byte_order little)
  else()
    message(FATAL_ERROR "pep3118_layout_header: CMake does not know the byte order of the ${lang} "
                        "compiler; pass ABI")
  endif()

  set(lines
    "# The ABI of the ${lang} compiler ${CMAKE_${lang}_COMPILER_ID} ${CMAKE_${lang}_COMPILER_VERSION}, probed by pep3118_layout_header."
    "name = compiler-${lang_name}"
    "byteorder = ${byte_order}")
  set(at 0)
  foreach(key IN LISTS keys)
    # Three digits for the size, three for the alignment; math() drops the leading zeros.
    string(SUBSTRING "${digits}" ${at} 3 size)
    math(EXPR size "${size}")
    math(EXPR at "${at} + 3")
    string(SUBSTRING "${digits}" ${at} 3 alignment)
    math(EXPR alignment "${alignment}")
    math(EXPR at "${at} + 3")
    list(APPEND lines "${key} = ${size} ${alignment}")
  endforeach()
  set(${out_var} "${lines}" PARENT_SCOPE)
endfunction()

# The target file of the compiler's ABI for LANG, probed once per compiler and flags (cached)
# and written to the top of the build tree: its path in `out_var`.
function(_pep3118_compiler_target_file lang out_var)
  set(probed_with "${CMAKE_${lang}_COMPILER}|${CMAKE_${lang}_COMPILER_TARGET}|${CMAKE_${lang}_FLAGS}")
  if(NOT "${PEP3118_LAYOUT_HEADER_ABI_${lang}_PROBED_WITH}" STREQUAL probed_with)
    _pep3118_probe_abi(${lang} lines)
    set(PEP3118_LAYOUT_HEADER_ABI_${lang} "${lines}" CACHE INTERNAL "the ${lang} compiler's ABI")
    set(PEP3118_LAYOUT_HEADER_ABI_${lang}_PROBED_WITH "${probed_with}" CACHE INTERNAL
        "the ${lang} compiler and flags the ABI was probed with")
  endif()
  string(TOLOWER "${lang}" lang_name)
  set(file "${CMAKE_BINARY_DIR}/pep3118_generated/compiler-${lang_name}.target")
  list(JOIN PEP3118_LAYOUT_HEADER_ABI_${lang} "\n" text)
  _pep3118_write_if_changed("${file}" "${text}\n")
  set(${out_var} "${file}" PARENT_SCOPE)
endfunction()

function(pep3118_layout_header)
  # Checked here, not when the package is found: users of the rest of it may have an older CMake.
  if(CMAKE_VERSION VERSION_LESS 3.20)
    message(FATAL_ERROR "pep3118_layout_header needs CMake 3.20 or later (CMAKE_<LANG>_BYTE_ORDER)")
  endif()
  cmake_parse_arguments(PARSE_ARGV 0 arg "CHECK_STRUCTS" "TARGET;HEADER;RULES;ABI" "FORMATS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "pep3118_layout_header: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_TARGET OR NOT TARGET "${arg_TARGET}")
    message(FATAL_ERROR "pep3118_layout_header: TARGET must name a target, got '${arg_TARGET}'")
  endif()
  if(NOT arg_HEADER)
    message(FATAL_ERROR "pep3118_layout_header: HEADER (the header's file name) is missing")
  endif()
  if(NOT arg_FORMATS)
    message(FATAL_ERROR "pep3118_layout_header: FORMATS needs at least one Name=format")
  endif()
  if(arg_RULES AND NOT arg_RULES MATCHES "^(pep3118|struct)$")
    message(FATAL_ERROR "pep3118_layout_header: RULES is pep3118 or struct, got '${arg_RULES}'")
  endif()
  if(NOT TARGET pep3118::cli)
    message(FATAL_ERROR "pep3118_layout_header: there is no target pep3118::cli (the pep3118 "
                        "command line tool): call find_package(pep3118) first")
  endif()

  set(options "")
  set(inputs "")
  if(arg_RULES)
    list(APPEND options --rules "${arg_RULES}")
  endif()
  if(arg_CHECK_STRUCTS)
    list(APPEND options --check-structs)
  endif()
  if(NOT arg_ABI)
    # The compiler of the project's C code, else of its C++ code: both have one ABI.
    get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
    if("C" IN_LIST languages)
      _pep3118_compiler_target_file(C target_file)
    elseif("CXX" IN_LIST languages)
      _pep3118_compiler_target_file(CXX target_file)
    else()
      message(FATAL_ERROR "pep3118_layout_header: enable C or CXX, or pass ABI")
    endif()
    list(APPEND options --target-file "${target_file}")
    list(APPEND inputs "${target_file}")
  elseif(arg_ABI MATCHES "[/.]")
    get_filename_component(target_file "${arg_ABI}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND options --target-file "${target_file}")
    list(APPEND inputs "${target_file}")
  else()
    list(APPEND options --target "${arg_ABI}")
  endif()

  set(include_dir "${CMAKE_CURRENT_BINARY_DIR}/pep3118_generated/${arg_TARGET}")
  set(header "${include_dir}/${arg_HEADER}")
  get_filename_component(header_dir "${header}" DIRECTORY)
  file(MAKE_DIRECTORY "${header_dir}")
  # Each Name=format is one argument (VERBATIM quotes it for the shell); `--` keeps them formats.
  set(command pep3118::cli header ${options} --output "${header}" -- ${arg_FORMATS})
  # The Makefile generators do not rerun a command because it changed: a file that changes with
  # it (new formats, another ABI) makes them.
  set(command_file "${header}.command")
  _pep3118_write_if_changed("${command_file}" "${command}")
  # The CLI leaves the header alone when its text is the same, so that nothing that includes it
  # is compiled again; the stamp is what tells the build the step is done (else the Makefile
  # generators, seeing a header older than its inputs, would run it at every build).
  set(stamp "${header}.stamp")
  add_custom_command(OUTPUT "${stamp}"
    BYPRODUCTS "${header}"
    COMMAND ${command}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS pep3118::cli "${command_file}" ${inputs}
    COMMENT "Generating the PEP 3118 layouts ${arg_HEADER} for ${arg_TARGET}"
    VERBATIM)
  target_sources(${arg_TARGET} PRIVATE "${stamp}" "${header}")
  target_include_directories(${arg_TARGET} PRIVATE "${include_dir}")
endfunction()
