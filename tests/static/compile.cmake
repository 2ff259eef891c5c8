# Compiles one source with one compiler, for the tests of static.hpp (tests/static/):
#
#   cmake -DCOMPILER=c++ -DSOURCE=file.cpp -DINCLUDES="dir;dir" -DEXPECT=pass|fail -P compile.cmake
#
# EXPECT=pass: the source must compile. EXPECT=fail: it must not, and the compiler's messages
# must match every `// expect gcc: REGEX` (or `// expect clang: REGEX`, by the compiler's
# family) line of the source: the offset and the reason of a bad format must be in the error.
cmake_minimum_required(VERSION 3.20)

foreach(_var COMPILER SOURCE EXPECT)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "compile.cmake: -D${_var}=... is required")
  endif()
endforeach()

execute_process(COMMAND "${COMPILER}" --version OUTPUT_VARIABLE _version RESULT_VARIABLE _found)
if(NOT _found EQUAL 0)
  message(FATAL_ERROR "compile.cmake: cannot run the compiler ${COMPILER} (scripts/deps.sh installs clang)")
endif()
if(_version MATCHES "clang")
  set(_family clang)
else()
  set(_family gcc)
endif()

set(_flags -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror)
foreach(_dir IN LISTS INCLUDES)
  list(APPEND _flags "-I${_dir}")
endforeach()
execute_process(COMMAND "${COMPILER}" ${_flags} "${SOURCE}"
  RESULT_VARIABLE _result OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
string(APPEND _out "${_err}")

if(EXPECT STREQUAL "pass")
  if(NOT _result EQUAL 0)
    message(FATAL_ERROR "${SOURCE} does not compile with ${COMPILER}:\n${_out}")
  endif()
  return()
endif()

if(_result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiles with ${COMPILER}, but it must not")
endif()
file(STRINGS "${SOURCE}" _expectations REGEX "^// expect ${_family}: ")
if(NOT _expectations)
  message(FATAL_ERROR "${SOURCE} has no `// expect ${_family}:` line")
endif()
foreach(_line IN LISTS _expectations)
  string(REGEX REPLACE "^// expect ${_family}: " "" _regex "${_line}")
  if(NOT _out MATCHES "${_regex}")
    message(FATAL_ERROR "${COMPILER}'s error for ${SOURCE} does not match `${_regex}`:\n${_out}")
  endif()
endforeach()
