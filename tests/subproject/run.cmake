# pep3118 as a subproject (ctest install.subproject): configure tests/subproject (which checks
# that pep3118 defines no tests, fuzzers, benchmarks or global flags there), build it (the
# library, and the tool only because pep3118_layout_header needs it) and run its programs.
#
#   cmake -DSOURCE_DIR=<pep3118 source> -DWORK=<scratch dir> -DGENERATOR=<generator>
#         -DCXX=<c++ compiler> -P run.cmake
cmake_minimum_required(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/../install/steps.cmake")

file(REMOVE_RECURSE "${WORK}")
run_step("configure the superproject" "${CMAKE_COMMAND}" -S "${CMAKE_CURRENT_LIST_DIR}" -B "${WORK}"
  -G "${GENERATOR}" "-DPEP3118_SOURCE_DIR=${SOURCE_DIR}" "-DCMAKE_CXX_COMPILER=${CXX}")
cmake_host_system_information(RESULT _cores QUERY NUMBER_OF_LOGICAL_CORES)
run_step("build it" "${CMAKE_COMMAND}" --build "${WORK}" --parallel "${_cores}")
expect_output("${WORK}/app" "itemsize 16, value at 8; error unterminated_struct at 7")
expect_output("${WORK}/static_app" "Record: 16 bytes, value at 8")
