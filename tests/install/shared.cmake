# A shared libpep3118 (ctest install.shared): BUILD_SHARED_LIBS=ON builds, installs with a
# versioned SONAME (libpep3118.so.<major>), and the consumer project links and runs against it.
#
#   cmake -DSOURCE_DIR=<pep3118 source> -DWORK=<scratch dir> -DCONSUMER=<tests/install/consumer>
#         -DGENERATOR=<generator> -DCXX=<c++ compiler> -DCC=<c compiler> -P shared.cmake
cmake_minimum_required(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/steps.cmake")

set(_prefix "${WORK}/prefix")
file(REMOVE_RECURSE "${WORK}")
run_step("configure a shared build" "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK}/build" -G "${GENERATOR}"
  -DBUILD_SHARED_LIBS=ON -DPEP3118_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_COMPILER=${CXX}")
cmake_host_system_information(RESULT _cores QUERY NUMBER_OF_LOGICAL_CORES)
run_step("build it" "${CMAKE_COMMAND}" --build "${WORK}/build" --parallel "${_cores}")
run_step("install it" "${CMAKE_COMMAND}" --install "${WORK}/build" --prefix "${_prefix}")

file(GLOB_RECURSE _libraries "${_prefix}/*/libpep3118.so*")
list(SORT _libraries)
file(GLOB_RECURSE _archives "${_prefix}/*/libpep3118.a")
if(_archives)
  message(FATAL_ERROR "a shared build installed a static library too: ${_archives}")
endif()
set(_names "")
foreach(_library IN LISTS _libraries)
  get_filename_component(_name "${_library}" NAME)
  list(APPEND _names "${_name}")
endforeach()
if(NOT _names MATCHES "^libpep3118\\.so;libpep3118\\.so\\.0;libpep3118\\.so\\.0\\.1\\.0$")
  message(FATAL_ERROR "expected libpep3118.so -> .so.0 -> .so.0.1.0, installed: ${_names}")
endif()
find_program(_readelf NAMES readelf REQUIRED)
list(GET _libraries 2 _real)
run_step("read the SONAME" "${_readelf}" -d "${_real}")
if(NOT step_output MATCHES "\\(SONAME\\)[^\n]*\\[libpep3118\\.so\\.0\\]")
  message(FATAL_ERROR "libpep3118's SONAME is not libpep3118.so.0:\n${step_output}")
endif()

run_step("configure the consumer" "${CMAKE_COMMAND}" -S "${CONSUMER}" -B "${WORK}/consumer" -G "${GENERATOR}"
  "-DCMAKE_PREFIX_PATH=${_prefix}" "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_C_COMPILER=${CC}")
run_step("build the consumer" "${CMAKE_COMMAND}" --build "${WORK}/consumer")
run_step("ldd" ldd "${WORK}/consumer/check_formats")
if(NOT step_output MATCHES "libpep3118\\.so\\.0 => ${_prefix}")
  message(FATAL_ERROR "the consumer does not load the installed libpep3118.so.0:\n${step_output}")
endif()
expect_output("${WORK}/consumer/check_formats" "itemsize 16, value at 8; error unterminated_struct at 7")
