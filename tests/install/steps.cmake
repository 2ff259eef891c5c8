# Helpers of the package tests' scripts (run.cmake, shared.cmake, ../subproject/run.cmake).

# run_step(<what> <command>...): runs the command; its output is in `step_output`, and any
# failure stops the script with the output.
function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE _result OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  if(NOT _result EQUAL 0)
    message(FATAL_ERROR "${what} failed (${_result}):\n${ARGN}\n${_out}${_err}")
  endif()
  string(STRIP "${_out}" _out)
  set(step_output "${_out}" PARENT_SCOPE)
endfunction()

# expect_output(<program> <text>): runs the program, which must succeed and print exactly text.
function(expect_output program text)
  run_step("run ${program}" "${program}")
  if(NOT step_output STREQUAL text)
    message(FATAL_ERROR "${program} printed\n  ${step_output}\ninstead of\n  ${text}")
  endif()
endfunction()
