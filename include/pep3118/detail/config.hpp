// Configuration shared by the headers: what the compiler and standard library allow.
#ifndef PEP3118_DETAIL_CONFIG_HPP
#define PEP3118_DETAIL_CONFIG_HPP

#include <vector>  // defines __cpp_lib_constexpr_vector when the library has it

// `constexpr` where C++20 lets std::vector live in a constant expression, else nothing: the
// descriptor, its builder and the layout arithmetic serve the run-time library (C++17 headers)
// and the compile-time engine (static.hpp, C++20) from one piece of code. std::string is kept
// out of that code: clang 14 cannot evaluate libstdc++ 12's std::string at compile time.
#if defined(__cpp_lib_constexpr_vector) && __cpp_lib_constexpr_vector >= 201907L
#define PEP3118_CONSTEXPR20 constexpr
#else
#define PEP3118_CONSTEXPR20
#endif

#endif
