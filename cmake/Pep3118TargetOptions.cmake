# Build settings applied to this project's own targets only.
#
# Nothing here touches global variables (CMAKE_CXX_FLAGS, CMAKE_CXX_STANDARD, ...), so a parent
# project that pulls pep3118 in with add_subdirectory keeps its own flags, and its targets do
# not inherit our warnings or sanitizers.

include_guard(GLOBAL)

# pep3118_target_options(<target>)
#   C++20 for our sources, our warning set (errors when PEP3118_WERROR), and ASan+UBSan when
#   PEP3118_SANITIZE (compile and link).
function(pep3118_target_options target)
  set_target_properties(${target} PROPERTIES
    CXX_STANDARD 20
    CXX_STANDARD_REQUIRED ON
    CXX_EXTENSIONS OFF)

  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
    if(PEP3118_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  else()
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wconversion -Wshadow)
    if(PEP3118_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()

  if(PEP3118_SANITIZE)
    if(MSVC)
      message(FATAL_ERROR "PEP3118_SANITIZE is supported with GCC and Clang only")
    endif()
    set(_pep3118_sanitize_flags
      -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_compile_options(${target} PRIVATE ${_pep3118_sanitize_flags})
    # Ignored for static libraries (nothing is linked there); every executable and shared
    # library of ours calls this function, so each gets the sanitizer runtime at link time.
    target_link_options(${target} PRIVATE ${_pep3118_sanitize_flags})
  endif()
endfunction()
