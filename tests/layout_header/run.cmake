# Builds the project of this directory as a user of pep3118_layout_header would, runs its
# programs, and checks that a struct or a format that no longer match make the build fail with
# the header's assertion message. Every step starts from a clean binary directory.
#
#   cmake -DSOURCE_DIR=<this directory> -DBINARY_DIR=<scratch directory>
#         -DCLI=<the pep3118 executable> -DMODULE_DIR=<pep3118's cmake/ directory>
#         [-DGENERATOR=<CMake generator>] -P run.cmake
cmake_minimum_required(VERSION 3.20)

foreach(required SOURCE_DIR BINARY_DIR CLI MODULE_DIR)
  if(NOT ${required})
    message(FATAL_ERROR "run.cmake needs -D${required}=...")
  endif()
endforeach()

set(generator_args "")
if(GENERATOR)
  set(generator_args -G "${GENERATOR}")
endif()

# Runs the command; `expect` is PASS, or a regular expression that the output of the command,
# which must fail, has to match.
function(expect_outcome what expect)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(expect STREQUAL "PASS")
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "${what} failed (${status}):\n${output}")
    endif()
  elseif(status EQUAL 0)
    message(FATAL_ERROR "${what} succeeded, but must fail with \"${expect}\":\n${output}")
  elseif(NOT output MATCHES "${expect}")
    message(FATAL_ERROR "${what} failed, but without \"${expect}\":\n${output}")
  endif()
  message(STATUS "${what}: as expected")
endfunction()

function(configure dir)
  expect_outcome("configure ${dir}" PASS
    "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}/${dir}" ${generator_args}
    "-DPEP3118_CLI=${CLI}" "-DPEP3118_MODULE_DIR=${MODULE_DIR}" ${ARGN})
endfunction()

function(build dir target expect)
  expect_outcome("build ${target} in ${dir}" "${expect}"
    "${CMAKE_COMMAND}" --build "${BINARY_DIR}/${dir}" --target ${target})
endfunction()

file(REMOVE_RECURSE "${BINARY_DIR}")

# The structs match: both programs build and their run-time checks hold.
configure(matching)
build(matching all PASS)
expect_outcome("run layouts_c" PASS "${BINARY_DIR}/matching/layouts_c")
expect_outcome("run layouts_cxx" PASS "${BINARY_DIR}/matching/layouts_cxx")

# Point's format changes in CMakeLists.txt: the header is generated again (with the Makefile
# generators too) and the unchanged struct no longer matches it.
configure(matching -DBREAK_FORMAT=ON)
build(matching layouts_c "Point\\.b: offsetof is not 4 as the format says")
configure(matching -DBREAK_FORMAT=OFF)
build(matching all PASS)

# A project without C: the ABI is probed from the C++ compiler.
configure(cxx-only -DCXX_ONLY=ON)
build(cxx-only all PASS)
expect_outcome("run layouts_cxx (C++ only)" PASS "${BINARY_DIR}/cxx-only/layouts_cxx")

# A struct with a member of the wrong type: neither program compiles.
configure(broken -DBREAK_STRUCT=ON)
build(broken layouts_c "Point\\.b: offsetof is not 8 as the format says")
build(broken layouts_cxx "Point\\.b: offsetof is not 8 as the format says")
