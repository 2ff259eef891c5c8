# The C++20 examples of the documentation compile: every ```cpp block of the given Markdown
# files that includes <pep3118/static.hpp> is written to a file and handed to compile.cmake.
#
#   cmake -DCOMPILER=c++ -DINCLUDES="dir;dir" -DDOCS="a.md;b.md" -DWORK=dir -P doc_snippets.cmake
cmake_minimum_required(VERSION 3.20)

set(_count 0)
foreach(_doc IN LISTS DOCS)
  file(READ "${_doc}" _text)
  # One list element per line: every ';' of the text is hidden first (CMake lists split on it)
  # and restored when a block is written.
  string(REPLACE ";" "<semicolon>" _text "${_text}")
  string(REPLACE "\n" ";" _lines "${_text}")
  set(_inside OFF)
  foreach(_line IN LISTS _lines)
    if(_line STREQUAL "```cpp")
      set(_inside ON)
      set(_block "")
    elseif(_inside AND _line STREQUAL "```")
      set(_inside OFF)
      if(_block MATCHES "#include <pep3118/static.hpp>")
        math(EXPR _count "${_count} + 1")
        get_filename_component(_name "${_doc}" NAME_WE)
        set(_source "${WORK}/${_name}_${_count}.cpp")
        string(REPLACE "<semicolon>" ";" _block "${_block}")
        file(WRITE "${_source}" "${_block}")
        execute_process(COMMAND "${CMAKE_COMMAND}" "-DCOMPILER=${COMPILER}" "-DSOURCE=${_source}"
            "-DINCLUDES=${INCLUDES}" -DEXPECT=pass -P "${CMAKE_CURRENT_LIST_DIR}/compile.cmake"
          RESULT_VARIABLE _result)
        if(NOT _result EQUAL 0)
          message(FATAL_ERROR "the example ${_count} of ${_doc} does not compile")
        endif()
      endif()
    elseif(_inside)
      string(APPEND _block "${_line}\n")
    endif()
  endforeach()
endforeach()
if(_count EQUAL 0)
  message(FATAL_ERROR "no C++ example that includes <pep3118/static.hpp> in ${DOCS}")
endif()
message(STATUS "${_count} examples compile")
