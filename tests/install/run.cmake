# The installed package, as a user meets it (ctest install.package):
#
#   cmake -DBUILD_DIR=<pep3118 build> -DWORK=<scratch dir> -DCONSUMER=<tests/install/consumer>
#         -DGUIDE=<docs/guide.md> -DGENERATOR=<generator> -DCXX=<c++ compiler> -DCC=<c compiler>
#         -P run.cmake
#
# 1. `cmake --install` the build into WORK/prefix;
# 2. configure, build and run the consumer project against it with find_package;
# 3. compile and run the same C++ program with nothing but `pkg-config --cflags --libs pep3118`;
# 4. run every example of docs/guide.md with the installed package (check_guide.py).
cmake_minimum_required(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/steps.cmake")

set(_prefix "${WORK}/prefix")
file(REMOVE_RECURSE "${WORK}")
run_step("install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${_prefix}")

# find_package
run_step("configure the consumer" "${CMAKE_COMMAND}" -S "${CONSUMER}" -B "${WORK}/consumer" -G "${GENERATOR}"
  "-DCMAKE_PREFIX_PATH=${_prefix}" "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_C_COMPILER=${CC}")
run_step("build the consumer" "${CMAKE_COMMAND}" --build "${WORK}/consumer")
expect_output("${WORK}/consumer/check_formats" "itemsize 16, value at 8; error unterminated_struct at 7")
expect_output("${WORK}/consumer/static_layouts" "Record: 16 bytes, value at 8")

# pkg-config, found in the installed tree only
file(GLOB_RECURSE _pc_files "${_prefix}/*/pep3118.pc")
list(LENGTH _pc_files _pc_count)
if(NOT _pc_count EQUAL 1)
  message(FATAL_ERROR "expected one installed pep3118.pc, found: ${_pc_files}")
endif()
get_filename_component(_pc_dir "${_pc_files}" DIRECTORY)
set(ENV{PKG_CONFIG_PATH} "${_pc_dir}")
find_program(_pkg_config NAMES pkg-config pkgconf REQUIRED)
run_step("pkg-config" "${_pkg_config}" --cflags --libs pep3118)
separate_arguments(_flags UNIX_COMMAND "${step_output}")
run_step("compile with pkg-config's flags" "${CXX}" -std=c++17 "${CONSUMER}/check_formats.cpp" ${_flags}
  -o "${WORK}/check_formats_pc")
expect_output("${WORK}/check_formats_pc" "itemsize 16, value at 8; error unterminated_struct at 7")

find_program(_python NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
run_step("the guide's examples" "${_python}" "${CMAKE_CURRENT_LIST_DIR}/check_guide.py"
  --guide "${GUIDE}" --pkgconfig-dir "${_pc_dir}" --work "${WORK}/guide")
